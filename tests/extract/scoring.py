"""Precision and recall of speaker attribution on the hand-labelled articles.

Run `python -m tests.extract.scoring` (or `make score`) from the repository root for the tables:
first the real articles (`real_labels.yaml`), the held-back part and the tuning part apart, then
the articles written for testing. The tuning part's errors are listed; the held-back part's only
with `--held-back-misses`. The tests in this folder assert the floors.

On the real set a speaker is an actor id the extractor knows, or `other` (anyone else: an agency,
a ministry, a spokesperson). A finding with a speaker is one prediction per speaker; it is right
when the finding covers a labelled quotation that lists that speaker. A labelled quotation with
no speaker (a name, a term, a headline) makes any speaker given to it wrong.

A label names a quotation (or a reported sentence) by a verbatim piece of it and lists who said
it: actor ids, or none for anyone who is not a known actor. A finding matches a label when its
span covers the label's piece in the article. Each (finding, actor) the extractor claims is one
prediction: right when it matches a label that lists that actor. Recall counts each (label,
actor) found.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tui.core.extract import Extraction, Finding, extract
from tui.core.models import Actor
from tui.core.seeds import split
from tui.core.verify import NormalisedBody, normalise

from .real_set import OTHER, RealArticle, load_real_set, speaker_class

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LABELS = HERE / "labels"
ACTORS = HERE / "actors.yaml"


@dataclass
class Label:
    text: str
    speakers: tuple[str, ...]
    span: tuple[int, int]


@dataclass
class Article:
    name: str
    body: str
    published: dt.date
    quotes: list[Label]
    reported: list[Label]
    held_out: bool = False


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0
    expected: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.expected += other.expected
        self.found += other.found
        self.misses += other.misses


def load_actors() -> list[Actor]:
    data = yaml.safe_load(ACTORS.read_text(encoding="utf-8"))
    return [Actor.model_validate(item) for item in data["actors"]]


def _locate(body: str, folded: NormalisedBody, text: str, occurrence: int) -> tuple[int, int]:
    piece = normalise(text).strip()
    position = -1
    for _ in range(occurrence):
        position = folded.text.find(piece, position + 1)
        if position < 0:
            raise ValueError(f"label text not in the article: {text!r}")
    return folded.span(position, position + len(piece))


def load_article(label_file: Path) -> Article:
    data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
    text = (REPO / data["article"]).read_text(encoding="utf-8")
    parts = split(text)
    body = parts[1] if parts else text
    folded = NormalisedBody(body)

    def labels(key: str) -> list[Label]:
        return [
            Label(
                item["text"],
                tuple(item["speakers"]),
                _locate(body, folded, item["text"], item.get("occurrence", 1)),
            )
            for item in data.get(key, [])
        ]

    return Article(
        label_file.stem,
        body,
        data["published"],
        labels("quotes"),
        labels("reported"),
        bool(data.get("held_out", False)),
    )


def load_articles() -> list[Article]:
    return [load_article(path) for path in sorted(LABELS.glob("*.yaml"))]


def _covers(finding: Finding, label: Label) -> bool:
    start, end = label.span
    return any(a < end and start < b for a, b in finding.spans)


def score(findings: list[Finding], labels: list[Label], name: str) -> Score:
    result = Score()
    found: set[tuple[int, str]] = set()
    for finding in findings:
        match = next((i for i, label in enumerate(labels) if _covers(finding, label)), None)
        for actor in finding.speaker.actor_ids:
            result.predicted += 1
            if match is not None and actor in labels[match].speakers:
                result.correct += 1
                found.add((match, actor))
            else:
                expected = labels[match].speakers if match is not None else "no label"
                result.misses.append(
                    f"{name}: {finding.kind} “{finding.text[:50]}” → {actor}, labelled {expected}"
                )
    for index, label in enumerate(labels):
        for actor in label.speakers:
            result.expected += 1
            if (index, actor) in found:
                result.found += 1
            else:
                result.misses.append(f"{name}: missed {actor} for “{label.text[:50]}”")
    return result


def measure(articles: list[Article] | None = None) -> tuple[Score, Score]:
    """(quotes, reported) scores over every labelled article."""
    actors = load_actors()
    quotes, reported = Score(), Score()
    for article in articles or load_articles():
        extraction: Extraction = extract(article.body, actors, article.published)
        quotes.add(score(extraction.quotes, article.quotes, article.name))
        reported.add(score(extraction.reported, article.reported, article.name))
    return quotes, reported


def report(quotes: Score, reported: Score, title: str = "all labelled articles") -> str:
    lines = [
        f"speaker attribution, {title}",
        f"  quotes:   precision {quotes.precision:.3f} ({quotes.correct}/{quotes.predicted})"
        f"  recall {quotes.recall:.3f} ({quotes.found}/{quotes.expected})",
        f"  reported: precision {reported.precision:.3f} ({reported.correct}/{reported.predicted})"
        f"  recall {reported.recall:.3f} ({reported.found}/{reported.expected})",
    ]
    for miss in quotes.misses + reported.misses:
        lines.append(f"  - {miss}")
    return "\n".join(lines)


def predicted_speakers(finding: Finding) -> set[str]:
    """What the extractor says of a finding's speaker: its actor ids, or `other`, or nothing."""
    if finding.speaker.actor_ids:
        return set(finding.speaker.actor_ids)
    return {OTHER} if finding.speaker.label else set()


def score_real(article: RealArticle, extraction: Extraction, actor_ids: set[str]) -> Score:
    result = Score()
    labels = article.quotes
    found: set[tuple[int, str]] = set()
    for finding in extraction.quotes:
        match = next((i for i, label in enumerate(labels) if _covers(finding, label)), None)
        expected = (
            {speaker_class(s, actor_ids) for s in labels[match].speakers}
            if match is not None
            else set()
        )
        for speaker in sorted(predicted_speakers(finding)):
            result.predicted += 1
            if speaker in expected:
                result.correct += 1
                found.add((match, speaker))  # type: ignore[arg-type]
            else:
                wanted = sorted(expected) if match is not None else "no quotation labelled"
                result.misses.append(
                    f"{article.seed_id}: “{finding.text[:50]}” → {speaker}, labelled {wanted}"
                )
    for index, label in enumerate(labels):
        for speaker in sorted({speaker_class(s, actor_ids) for s in label.speakers}):
            result.expected += 1
            if (index, speaker) in found:
                result.found += 1
            else:
                result.misses.append(f"{article.seed_id}: missed {speaker} for “{label.text[:50]}”")
    return result


def measure_real(articles: list[RealArticle]) -> Score:
    actors = load_actors()
    actor_ids = {actor.id for actor in actors}
    total = Score()
    for article in articles:
        extraction = extract(article.body, actors, article.published)
        total.add(score_real(article, extraction, actor_ids))
    return total


def real_report(score_: Score, title: str, misses: bool = True) -> str:
    lines = [
        f"speaker attribution of quotations, {title}",
        f"  precision {score_.precision:.3f} ({score_.correct}/{score_.predicted})"
        f"  recall {score_.recall:.3f} ({score_.found}/{score_.expected})",
    ]
    if misses:
        lines += [f"  - {miss}" for miss in score_.misses]
    return "\n".join(lines)


def real_parts() -> tuple[str, list[RealArticle], list[RealArticle]]:
    """(split name, held-back articles, tuning articles)."""
    split_name, articles = load_real_set()
    return (
        split_name,
        [a for a in articles if a.held_back],
        [a for a in articles if not a.held_back],
    )


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    # The held-back part's errors are left unprinted unless asked for: a rule written after
    # reading them is tuned on that part, and its figure is then no longer untuned.
    show_held_back = "--held-back-misses" in args
    split_name, held_back, tuning = real_parts()
    source = "seeds/" if all(a.from_seed for a in held_back + tuning) else "the corpus files"
    print(f"Real articles, text read from {source}; split: {split_name}")
    print(
        real_report(
            measure_real(held_back),
            f"held-back part ({len(held_back)} articles)",
            misses=show_held_back,
        )
    )
    if not show_held_back:
        print("  (its errors: --held-back-misses; reading them tunes on that part)")
    print(real_report(measure_real(tuning), f"tuning part ({len(tuning)} articles)"))
    print()
    every = load_articles()
    print(report(*measure(every), "articles written for testing, and the first seed"))


if __name__ == "__main__":
    main()
