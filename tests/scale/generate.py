"""A generated data tree at scale, for the benchmark and the scale tests.

Everything written here is fictional and says so: every file opens with a GENERATED notice, every
seed title and body carries the GENERATED marker, and actor, outlet and country names are made up
and labelled "(generated)". The tree goes to a directory the caller passes (or a cache directory),
never to the project's own `positions/` or `seeds/`.

The same scale and random seed always give the same bytes, so a tree can be cached under a key of
the generator version and the scale. Every evidence text is cut from the very seed body it cites,
so a correct loader verifies all of it.

    python -m tests.scale.generate DIR [--scale tiny|large]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

# Bump when the output changes, so that cached trees are rebuilt.
GENERATOR_VERSION = 1

MARKER = "GENERATED"
NOTICE = (
    f"{MARKER} by tests/scale/generate.py: fictional test data for the benchmark and the scale "
    "tests. Not real people, outlets, articles or positions."
)
COMPLETE_STAMP = ".generated-complete"


@dataclass(frozen=True)
class Scale:
    """How big a tree to make."""

    actors: int
    issues: int
    seeds: int
    evidence: int
    # Share of (actor, issue) cells with at least one stance; the rest stay absent.
    coverage: float = 0.85
    max_stances_per_cell: int = 4
    random_seed: int = 20250922
    first_date: dt.date = dt.date(2015, 1, 1)
    last_date: dt.date = dt.date(2025, 9, 30)

    def key(self) -> str:
        """A short stable key of the generator version and every parameter."""
        payload = json.dumps(
            {"version": GENERATOR_VERSION, **asdict(self)}, default=str, sort_keys=True
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:12]


SCALES: dict[str, Scale] = {
    "tiny": Scale(actors=5, issues=4, seeds=50, evidence=200),
    "small": Scale(actors=12, issues=10, seeds=400, evidence=3_000),
    "large": Scale(actors=60, issues=40, seeds=5_000, evidence=50_000),
    # Four times the large tree, for `make bench-4x`: how each figure grows with the data.
    "4x": Scale(actors=240, issues=40, seeds=20_000, evidence=200_000),
}


# -- vocabulary: fictional, neutral policy language ---------------------------------------------

_GIVEN = (
    "Vantor Ilsa Maren Corvin Teodor Halvard Brisa Osric Linnea Dace Rurik Selma Jorun Tavish "
    "Edda Kasimir Noemi Wendel Ysolde Anselm Petra Cadoc Mirela Torvald Ines Bertil Oona Lucan "
    "Saskia Emrys Vela Oren Galen Runa Idris Tamsin Leif Sorcha Ambrose Yara"
).split()
_FAMILY = (
    "Quell Marrow Thessaly Ardent Kolvane Brisk Oakhaven Drummond Vey Castell Norrow Pellam "
    "Harrowgate Stroud Velmont Ashdown Fenwick Larkspur Corran Emberly Tollan Wyvern Grisholm "
    "Ravensmoor Halloway Dunmore Kettering Mossel Ormond Quarry"
).split()
_COUNTRIES = (
    "Osterra",
    "Varland",
    "Meridia",
    "Kestrel Isles",
    "Northmarch",
    "Sundar",
    "Calvary Coast",
    "Ilmenor",
    "Dravia",
    "Port Asher",
)
_ROLES = (
    "head of state",
    "foreign minister",
    "defence minister",
    "party secretary",
    "chief negotiator",
    "state spokesperson",
    "opposition leader",
    "national security adviser",
    "ambassador to the council",
    "unification minister",
)
_OUTLETS = (
    "Generated Gazette",
    "Fictional Daily Courier",
    "Generated Wire",
    "Imaginary Herald",
    "Generated Evening Post",
    "Fictional Tribune",
    "Generated Observer",
    "Fictional Ledger",
)
_AGENCIES = (
    "Generated State News Agency",
    "Fictional Central Broadcaster",
    "Generated Press Service",
    "Fictional Wire Agency",
)
_TOPICS = (
    ("talks", "hold direct talks with the Varland council"),
    ("disarm", "give up the long-range arsenal"),
    ("freeze", "freeze production at the Ilmenor works"),
    ("sanctions", "lift the sanctions on Osterra's shipping"),
    ("drills", "halt the joint drills in the Kestrel Strait"),
    ("summit", "hold a leaders' summit this year"),
    ("border", "reopen the Northmarch border crossings"),
    ("aid", "send food aid through the Sundar corridor"),
    ("missiles", "stop testing missiles over the Calvary Coast"),
    ("inspections", "admit inspectors to the Dravia sites"),
    ("families", "resume reunions of separated families"),
    ("railway", "reconnect the Port Asher railway"),
    ("fisheries", "share the fishing grounds of the Meridia shelf"),
    ("cyber", "end cyber operations against the grid"),
    ("troops", "withdraw troops from the buffer zone"),
    ("treaty", "sign a treaty ending the armistice"),
)
_SUBJECTS = (
    "officials",
    "analysts",
    "the ministry",
    "diplomats",
    "the council",
    "negotiators",
    "state media",
    "observers",
    "the delegation",
    "lawmakers",
    "regional envoys",
    "the committee",
)
_VERBS = (
    "said",
    "noted",
    "warned",
    "argued",
    "acknowledged",
    "insisted",
    "suggested",
    "reported",
    "signalled",
    "repeated",
    "claimed",
    "conceded",
)
_CLAUSES = (
    "the pace of the negotiations had slowed since the spring",
    "the next round would depend on the outcome of the harvest season",
    "the statement marked a change in tone from earlier in the year",
    "both delegations had exchanged draft texts through intermediaries",
    "the border crossings had been closed for several weeks",
    "the proposal had not been formally submitted to the council",
    "the exercise involved several hundred vessels and aircraft",
    "the economic cost of the standoff continued to rise",
    "earlier rounds of talks had collapsed over the sequencing of steps",
    "no date had been set for a further meeting",
    "the remarks were carried in full by the state broadcaster",
    "the envoy travelled to the capital for two days of consultations",
    "the verification regime remained the main point of dispute",
    "public opinion in the region was divided on the question",
    "the agreement would need the approval of the assembly",
    "a working group would meet again before the end of the month",
    "shipping through the strait had resumed after a brief pause",
    "the figures could not be independently confirmed",
)
_STANCE_PHRASES = {
    -2: ("would never", "rejects outright any plan to", "will not under any circumstances"),
    -1: ("is reluctant to", "has doubts about plans to", "sees little reason to"),
    0: ("is weighing whether to", "has not decided whether to", "remains open on whether to"),
    1: ("is prepared to", "would welcome a plan to", "is ready in principle to"),
    2: ("is determined to", "insists it is time to", "will push hard to"),
}
_QUOTE_OPENERS = {
    -2: ("We will never", "There is no question that we will not", "Nobody should expect us to"),
    -1: ("We see little reason to", "It would be premature to", "We are not convinced we should"),
    0: (
        "We are still considering whether to",
        "It is too early to say if we will",
        "We have not ruled out that we",
    ),
    1: ("We are ready to", "We would be willing to", "The time may be right to"),
    2: ("We must", "It is urgent that we", "We are determined to"),
}
_QUOTE_TAILS = (
    "and everyone in the region knows why",
    "whatever the other side may say in public",
    "as long as our security is respected",
    "because that is what our people expect of us",
    "and we have said so many times before",
    "if the conditions we have set are met",
    "without waiting for further promises",
    "despite the pressure we have faced for years",
)


# -- the generated model, before it is written ---------------------------------------------------


@dataclass
class _Actor:
    id: str
    name: str
    role: str
    country: str
    aliases: list[str]


@dataclass
class _Issue:
    id: str
    topic: str
    action: str


@dataclass
class _Seed:
    id: str
    published: dt.date
    outlet: str
    via: list[str]
    sentences: list[str] = field(default_factory=list)  # evidence-bearing sentences


@dataclass
class _Evidence:
    kind: str
    text: str
    source: str
    speaker: str | None
    said_on: dt.date | None
    said_on_note: str | None
    via: list[str]


@dataclass
class _Stance:
    actor: _Actor
    issue: _Issue
    stance: int | None
    as_of: dt.date
    anchor: int  # index of the seed, in date order, the stance dates from
    conditions: list[dict] = field(default_factory=list)
    evidence: list[_Evidence] = field(default_factory=list)


def _make_actors(rng: random.Random, count: int) -> list[_Actor]:
    actors = []
    used: set[tuple[str, str]] = set()
    families: set[str] = set()
    for number in range(1, count + 1):
        while True:
            given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
            if (given, family) not in used:
                used.add((given, family))
                break
        actors.append(
            _Actor(
                id=f"gen-actor-{number:03d}",
                name=f"{given} {family} (generated)",
                role=f"{rng.choice(_ROLES)}, fictional ({MARKER})",
                country=f"{rng.choice(_COUNTRIES)} (fictional, generated)",
                # The family name alone is an alias only while no other actor shares it.
                aliases=[f"{given} {family}"] + ([family] if family not in families else []),
            )
        )
        families.add(family)
    return actors


def _make_issues(count: int) -> list[_Issue]:
    issues = []
    for number in range(1, count + 1):
        topic, action = _TOPICS[(number - 1) % len(_TOPICS)]
        round_ = (number - 1) // len(_TOPICS)
        suffix = f"-{round_ + 1}" if round_ else ""
        issues.append(_Issue(id=f"gen-{topic}{suffix}", topic=topic, action=action))
    return issues


def _seed_dates(rng: random.Random, scale: Scale) -> list[dt.date]:
    span = (scale.last_date - scale.first_date).days
    return sorted(
        scale.first_date + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(scale.seeds)
    )


def _make_seeds(rng: random.Random, scale: Scale) -> list[_Seed]:
    seeds = []
    for number, published in enumerate(_seed_dates(rng, scale), start=1):
        outlet = f"{rng.choice(_OUTLETS)} {rng.randint(1, 9)} (generated)"
        via = [f"{rng.choice(_AGENCIES)} (generated)", outlet] if rng.random() < 0.6 else [outlet]
        seeds.append(
            _Seed(
                id=f"gen-{published:%Y%m%d}-{number:05d}",
                published=published,
                outlet=outlet,
                via=via,
            )
        )
    return seeds


def _make_stances(
    rng: random.Random, scale: Scale, actors: list[_Actor], issues: list[_Issue]
) -> list[_Stance]:
    stances = []
    for actor in actors:
        for issue in issues:
            if rng.random() > scale.coverage:
                continue
            count = rng.randint(1, scale.max_stances_per_cell)
            anchors = sorted(rng.sample(range(scale.seeds), count))
            value: int | None = rng.randint(-2, 2)
            for anchor in anchors:
                stance = None if rng.random() < 0.03 else value
                stances.append(_Stance(actor, issue, stance, dt.date.min, anchor))
                value = max(
                    -2, min(2, (value if value is not None else 0) + rng.choice((-1, 0, 0, 1)))
                )
    return stances


def _add_conditions(
    rng: random.Random, stances: list[_Stance], actors: list[_Actor], issues: list[_Issue]
) -> None:
    for stance in stances:
        if rng.random() > 0.15 or len(actors) < 2:
            continue
        for _ in range(rng.randint(1, 2)):
            other = rng.choice([a for a in actors if a is not stance.actor])
            on = rng.choice(issues)
            bound = rng.randint(-2, 2)
            if rng.random() < 0.5:
                condition = {"actor": other.id, "issue": on.id, "max": bound}
                words = f"at most {bound:+d}" if bound else "at most 0"
            else:
                condition = {"actor": other.id, "issue": on.id, "min": bound}
                words = f"at least {bound:+d}" if bound else "at least 0"
            condition["text"] = (
                f"{MARKER}: only if {other.aliases[0]}'s stance on {on.topic} is {words}."
            )
            stance.conditions.append(condition)


def _quote_words(rng: random.Random, stance: int | None, issue: _Issue) -> str:
    opener = rng.choice(_QUOTE_OPENERS[stance if stance is not None else 0])
    words = f"{opener} {issue.action}"
    # Realistic lengths: most quotes are one clause, some run on for two or three.
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        words += f", {rng.choice(_QUOTE_TAILS)}"
    return words


def _evidence_for(rng: random.Random, stance: _Stance, seed: _Seed, speaker: _Actor) -> _Evidence:
    """Write one sentence into the seed and cut the evidence out of it, verbatim."""
    value = stance.stance
    name = speaker.aliases[0]
    relay = seed.via[0]
    if rng.random() < 0.6:
        words = _quote_words(rng, value, stance.issue)
        sentence = rng.choice(
            (
                f"“{words},” {name} said, according to {relay}.",
                f"“{words},” {name} told reporters in the capital.",
                f"{name} said: “{words}.”",
                f"“{words},” said {name}, in remarks carried by {relay}.",
                f"“{words},” {name} wrote in a statement released on {seed.published:%A}.",
            )
        )
        if rng.random() < 0.05 and words.count(" ") >= 6:
            # An elision: the opening and closing words, with `...` between them.
            parts = words.split(" ")
            text = " ".join(parts[:3]) + " ... " + " ".join(parts[-3:])
        else:
            text = words
        kind = "quote"
    else:
        phrase = rng.choice(_STANCE_PHRASES[value if value is not None else 0])
        sentence = (
            f"{name} {phrase} {stance.issue.action}, {rng.choice(_SUBJECTS)} "
            f"{rng.choice(_VERBS)} on {seed.published:%A}, adding that {rng.choice(_CLAUSES)}."
        )
        if rng.random() < 0.05:
            # The article's curly quotes, cited with straight ones: verification normalises them.
            sentence = sentence.replace(
                ", adding that ", ", calling it “a matter of principle” and adding that "
            )
            text = sentence.replace("“", '"').replace("”", '"')
        else:
            text = sentence
        kind = "reported"
    seed.sentences.append(sentence)
    if rng.random() < 0.08:
        said_on, note = None, f"{MARKER}: the article gives no date for the remark."
    else:
        said_on, note = seed.published - dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2))), None
    return _Evidence(
        kind=kind,
        text=text,
        source=seed.id,
        speaker=speaker.id if speaker is not stance.actor else None,
        said_on=said_on,
        said_on_note=note,
        via=list(seed.via),
    )


def _distribute_evidence(
    rng: random.Random,
    scale: Scale,
    stances: list[_Stance],
    seeds: list[_Seed],
    actors: list[_Actor],
) -> None:
    # Every stance gets at least one item; the rest fall on stances at random.
    counts = [1] * len(stances)
    for _ in range(max(0, scale.evidence - len(stances))):
        counts[rng.randrange(len(stances))] += 1
    for stance, count in zip(stances, counts):
        anchor_seed = seeds[stance.anchor]
        # Evidence comes from the forty or so articles up to the one the stance dates from.
        window_start = max(0, stance.anchor - 40)
        for _ in range(count):
            seed = seeds[rng.randint(window_start, stance.anchor)]
            speaker = stance.actor
            if rng.random() < 0.04:
                speaker = rng.choice(actors)
            stance.evidence.append(_evidence_for(rng, stance, seed, speaker))
        # Nothing cited was said or published after the stance takes effect.
        stance.as_of = anchor_seed.published


def _dedupe_dates(stances: list[_Stance]) -> None:
    """Two stances of one actor on one issue never share a date."""
    seen: set[tuple[str, str, dt.date]] = set()
    for stance in sorted(stances, key=lambda s: (s.actor.id, s.issue.id, s.as_of)):
        key = (stance.actor.id, stance.issue.id, stance.as_of)
        while key in seen:
            stance.as_of += dt.timedelta(days=1)
            key = (stance.actor.id, stance.issue.id, stance.as_of)
        seen.add(key)


def _filler_sentence(rng: random.Random, actors_named: list[str]) -> str:
    subject = rng.choice(_SUBJECTS)
    sentence = f"{subject[0].upper()}{subject[1:]} {rng.choice(_VERBS)} that {rng.choice(_CLAUSES)}"
    if rng.random() < 0.4:
        sentence += f", while {rng.choice(_CLAUSES)}"
    if actors_named and rng.random() < 0.2:
        sentence += f", in a reference to {rng.choice(actors_named)}"
    return sentence + "."


def _seed_body(rng: random.Random, seed: _Seed, headline: str) -> str:
    """A news-like body: headline, notice, then paragraphs mixing evidence and filler."""
    # Article lengths vary a lot: a log-normal with a median near 3,500 characters.
    target = int(min(14_000, max(1_200, rng.lognormvariate(8.16, 0.45))))
    sentences = list(seed.sentences)
    length = sum(len(s) + 1 for s in sentences)
    while length < target:
        filler = _filler_sentence(rng, [])
        sentences.insert(rng.randint(0, len(sentences)), filler)
        length += len(filler) + 1
    paragraphs = []
    while sentences:
        take = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    lines = [f"{MARKER}: {headline}", f"{MARKER} ARTICLE. {NOTICE}", *paragraphs]
    return "\n".join(lines) + "\n"


# -- writing -------------------------------------------------------------------------------------


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    # Shared date objects would otherwise become anchors and aliases, which the loader refuses.
    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _header() -> str:
    return f"# {NOTICE}\n"


def _write_issues(root: Path, issues: list[_Issue], rng: random.Random) -> None:
    catalogue = []
    for number, issue in enumerate(issues, start=1):
        entry: dict = {
            "id": issue.id,
            "title": f"{MARKER} issue {number}: {issue.topic}",
            "proposition": f"{MARKER}: the fictional parties should {issue.action}.",
        }
        if number % 2:
            entry["scale"] = {
                -2: "firmly against",
                -1: "against",
                0: "undecided",
                1: "for",
                2: "firmly for",
            }
        entry["description"] = (
            f"{MARKER}: a fictional issue for the benchmark; not a real question."
        )
        catalogue.append(entry)
    (root / "positions" / "issues.yaml").write_text(
        _header() + _dump({"issues": catalogue}), encoding="utf-8"
    )


def _evidence_dict(evidence: _Evidence) -> dict:
    entry: dict = {"kind": evidence.kind, "text": evidence.text, "source": evidence.source}
    if evidence.speaker:
        entry["speaker"] = evidence.speaker
    if evidence.said_on:
        entry["said_on"] = evidence.said_on
    if evidence.said_on_note:
        entry["said_on_note"] = evidence.said_on_note
    if evidence.via:
        entry["via"] = evidence.via
    return entry


def _write_actors(root: Path, actors: list[_Actor], stances: list[_Stance]) -> None:
    by_actor: dict[str, list[_Stance]] = {actor.id: [] for actor in actors}
    for stance in stances:
        by_actor[stance.actor.id].append(stance)
    for actor in actors:
        positions = []
        for stance in sorted(by_actor[actor.id], key=lambda s: (s.issue.id, s.as_of)):
            word = "no stated position" if stance.stance is None else f"stance {stance.stance:+d}"
            word = word.replace("+0", "0")
            position: dict = {
                "issue": stance.issue.id,
                "stance": stance.stance,
                "as_of": stance.as_of,
                "summary": (
                    f"{MARKER}: {actor.aliases[0]} on whether to {stance.issue.action} ({word})."
                ),
            }
            if stance.conditions:
                position["conditions"] = stance.conditions
            position["evidence"] = [_evidence_dict(e) for e in stance.evidence]
            positions.append(position)
        document = {
            "id": actor.id,
            "name": actor.name,
            "role": actor.role,
            "country": actor.country,
            "aliases": actor.aliases,
            "positions": positions,
        }
        (root / "positions" / f"{actor.id}.yaml").write_text(
            _header() + _dump(document), encoding="utf-8"
        )


def _write_seeds(root: Path, seeds: list[_Seed], rng: random.Random, actors: list[_Actor]) -> None:
    for seed in seeds:
        headline = f"{rng.choice(actors).aliases[0]} and the question of {rng.choice(_TOPICS)[0]}"
        meta: dict = {
            "id": seed.id,
            "title": f"{MARKER}: {headline}",
            "outlet": seed.outlet,
            "published": seed.published,
            "via": seed.via,
            "url": f"https://generated.example.invalid/{seed.id}",
        }
        if rng.random() < 0.1:
            meta["inferred"] = {"published": f"{MARKER}: the date is made up like the rest."}
        body = _seed_body(rng, seed, headline)
        text = f"---\n{_header()}{_dump(meta)}---\n{body}"
        (root / "seeds" / f"{seed.id}.txt").write_text(text, encoding="utf-8")


def generate_tree(root: str | Path, scale: Scale | str = "large") -> Path:
    """Write a generated tree (positions/ and seeds/) into ``root``, which must be new or empty."""
    scale = SCALES[scale] if isinstance(scale, str) else scale
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; generated data goes only into a new directory")
    (root / "positions").mkdir(parents=True)
    (root / "seeds").mkdir()
    rng = random.Random(scale.random_seed)
    actors = _make_actors(rng, scale.actors)
    issues = _make_issues(scale.issues)
    seeds = _make_seeds(rng, scale)
    stances = _make_stances(rng, scale, actors, issues)
    _add_conditions(rng, stances, actors, issues)
    _distribute_evidence(rng, scale, stances, seeds, actors)
    _dedupe_dates(stances)
    _write_issues(root, issues, rng)
    _write_actors(root, actors, stances)
    _write_seeds(root, seeds, rng, actors)
    (root / "GENERATED.txt").write_text(NOTICE + "\n", encoding="utf-8")
    return root


def default_cache_dir() -> Path:
    base = os.environ.get("PENINSULA_SCALE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) if base else Path.home() / ".cache" / "peninsula-scale"


def cached_tree(scale: Scale | str = "large", cache_dir: str | Path | None = None) -> Path:
    """The generated tree for ``scale``, generated once, reused while the generator is unchanged."""
    name = scale if isinstance(scale, str) else "custom"
    scale = SCALES[scale] if isinstance(scale, str) else scale
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    root = cache / f"{name}-v{GENERATOR_VERSION}-{scale.key()}"
    if (root / COMPLETE_STAMP).is_file():
        return root
    cache.mkdir(parents=True, exist_ok=True)
    # Generate beside the final place and rename, so a half-written tree is never reused.
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=cache))
    try:
        generate_tree(work / "tree", scale)
        (work / "tree" / COMPLETE_STAMP).write_text(scale.key() + "\n", encoding="utf-8")
        try:
            (work / "tree").rename(root)
        except OSError:
            if not (root / COMPLETE_STAMP).is_file():  # another run won the race only if complete
                shutil.rmtree(root, ignore_errors=True)
                (work / "tree").rename(root)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return root


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write a generated (fictional) data tree.")
    parser.add_argument(
        "directory", help="a new or empty directory to write positions/ and seeds/ into"
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    args = parser.parse_args(argv)
    root = generate_tree(args.directory, args.scale)
    print(f"{root}: {SCALES[args.scale]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
