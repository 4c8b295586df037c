"""The real labelled set: the corpus articles as seeds, with their hand-labelled quotations.

Each article is read from `seeds/<id>.txt` (its body, after the front matter). Before an
article is a seed, its text is read from the corpus folder beside the repository the same way a
seed is made from it: the file's text after its four header lines and the blank line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from tui.core.seeds import split
from tui.core.verify import NormalisedBody, normalise

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
REAL_LABELS = HERE / "real_labels.yaml"
OTHER = "other"
CORPUS_HEADER_LINES = 4


@dataclass(frozen=True)
class RealLabel:
    text: str
    speakers: tuple[str, ...]  # actor ids, or `other: NAME`
    span: tuple[int, int]


@dataclass(frozen=True)
class RealArticle:
    seed_id: str
    body: str
    published: dt.date
    quotes: tuple[RealLabel, ...]
    held_back: bool
    from_seed: bool


def corpus_seed_id(file_name: str) -> str:
    """The seed id a corpus file becomes: lower case, `_` and `.` made `-`, `.txt` dropped."""
    stem = file_name[: -len(".txt")] if file_name.endswith(".txt") else file_name
    return stem.lower().replace("_", "-").replace(".", "-")


def corpus_body(text: str) -> str:
    """A corpus file's text after its header lines and the blank line after them."""
    lines = text.split("\n", CORPUS_HEADER_LINES + 1)
    if len(lines) <= CORPUS_HEADER_LINES + 1 or lines[CORPUS_HEADER_LINES].strip():
        raise ValueError("not a corpus file: four header lines and a blank line expected")
    return lines[CORPUS_HEADER_LINES + 1]


def _corpus_dir() -> Path | None:
    for parent in REPO.parents:
        candidate = parent / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return None


def _corpus_bodies() -> dict[str, str]:
    folder = _corpus_dir()
    if folder is None:
        return {}
    return {
        corpus_seed_id(path.name): corpus_body(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.txt"))
    }


def article_body(seed_id: str, corpus: dict[str, str] | None = None) -> tuple[str, bool]:
    """(body, read from seeds/): the seed's body, else the corpus file's."""
    seed = REPO / "seeds" / f"{seed_id}.txt"
    if seed.is_file():
        parts = split(seed.read_text(encoding="utf-8"))
        if parts is None:
            raise ValueError(f"{seed}: no front matter")
        return parts[1], True
    bodies = _corpus_bodies() if corpus is None else corpus
    if seed_id not in bodies:
        raise FileNotFoundError(f"{seed_id}: neither seeds/{seed_id}.txt nor a corpus file")
    return bodies[seed_id], False


def _locate(folded: NormalisedBody, text: str, occurrence: int) -> tuple[int, int]:
    piece = normalise(text).strip()
    position = -1
    for _ in range(occurrence):
        position = folded.text.find(piece, position + 1)
        if position < 0:
            raise ValueError(f"label text not in the article: {text!r}")
    return folded.span(position, position + len(piece))


def load_real_set(path: Path = REAL_LABELS) -> tuple[str, list[RealArticle]]:
    """(the split's name, every labelled article in id order)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    held_back = set(data["split"]["held_back"])
    unknown = held_back - set(data["articles"])
    if unknown:
        raise ValueError(f"held back but not labelled: {sorted(unknown)}")
    corpus: dict[str, str] | None = None
    articles = []
    for seed_id in sorted(data["articles"]):
        entry = data["articles"][seed_id]
        seed = REPO / "seeds" / f"{seed_id}.txt"
        if not seed.is_file() and corpus is None:
            corpus = _corpus_bodies()
        body, from_seed = article_body(seed_id, corpus)
        folded = NormalisedBody(body)
        quotes = tuple(
            RealLabel(
                item["text"],
                tuple(item["speakers"]),
                _locate(folded, item["text"], item.get("occurrence", 1)),
            )
            for item in entry.get("quotes") or []
        )
        articles.append(
            RealArticle(seed_id, body, entry["published"], quotes, seed_id in held_back, from_seed)
        )
    return data["split"]["name"], articles


def speaker_class(speaker: str, actor_ids: set[str]) -> str:
    """An actor id the extractor knows, else `other`."""
    return speaker if speaker in actor_ids else OTHER
