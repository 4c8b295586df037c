"""Extraction findings as draft YAML evidence blocks, ready to paste under a position.

Every string from the article goes into a double-quoted YAML scalar, with every control, format
(bidi, zero-width) and separator character written as an escape: the draft shows nothing that
could act on a terminal, and still reads back to the article's exact characters.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.extract import Extraction, Finding
from tui.core.records import Actor

PLACEHOLDER_SOURCE = "REPLACE-WITH-SEED-ID"
# Blocks line up with `evidence:` items in positions/*.yaml (a position is a list item at two
# spaces, its evidence list at six).
DEFAULT_INDENT = 6
# Below this a speaker reading is a guess worth checking: a quote read as the last speaker going
# on (0.50) is one. Such drafts go under "uncertain", commented out.
DEFAULT_MIN_CONFIDENCE = 0.55

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar that reads back as ``text``, in printable characters only."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in _UNPRINTABLE:
            code = ord(ch)
            out.append(
                f"\\x{code:02X}"
                if code < 0x100
                else f"\\u{code:04X}"
                if code < 0x10000
                else f"\\U{code:08X}"
            )
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def comment_text(text: str, limit: int = 160) -> str:
    """Article text for a YAML comment: one line, shortened."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True)
class SourceInfo:
    """What the draft says about the article it was read from."""

    seed_id: str | None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    via: Sequence[str] = ()
    path: str | None = None
    line_offset: int = 0  # lines in the file before the body (front matter)


def evidence_block(finding: Finding, actor_id: str, source: SourceInfo, indent: int) -> list[str]:
    pad = " " * indent
    line = finding.line + source.line_offset
    lines = [
        f"{pad}# line {line} · confidence {finding.confidence:.2f}"
        f" · {comment_text(finding.reason)}",
        f"{pad}- kind: {finding.kind}",
        f"{pad}  speaker: {actor_id}",
        f"{pad}  text: {yaml_string(finding.text)}",
        f"{pad}  source: {source.seed_id or PLACEHOLDER_SOURCE}",
    ]
    if finding.said_on is not None:
        lines.append(f"{pad}  said_on: {finding.said_on.isoformat()}")
    if finding.said_on_note:
        lines.append(f"{pad}  said_on_note: {yaml_string(finding.said_on_note)}")
    if finding.via:
        lines.append(f"{pad}  via: [{', '.join(yaml_string(name) for name in finding.via)}]")
    return lines


def closest_actor(label: str, actors: Sequence[Actor]) -> str | None:
    """The actor a speaker's name may misspell: "Kim Yo Yong" -> "Kim Yo Jong (kim-yo-jong)"."""
    forms = {
        form.casefold(): (form, actor.id)
        for actor in actors
        for form in (actor.name, *actor.aliases)
    }
    close = difflib.get_close_matches(label.casefold(), list(forms), n=1, cutoff=0.8)
    if not close:
        return None
    form, actor_id = forms[close[0]]
    return f"{form} ({actor_id})"


def render_draft(
    extraction: Extraction,
    actors: Sequence[Actor],
    source: SourceInfo,
    indent: int = DEFAULT_INDENT,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> str:
    """The whole draft: a header, each known actor's sure blocks, the uncertain ones commented
    out, then the quotes put apart."""
    out = [f"# Draft evidence from {source.path or source.seed_id or 'the article'}"]
    details = [
        part
        for part in (source.outlet, source.published and f"published {source.published}")
        if part
    ]
    if source.via:
        details.append("via " + ", ".join(source.via))
    if source.title:
        out.append(
            f"#   “{comment_text(source.title, 120)}”"
            + (f" ({'; '.join(details)})" if details else "")
        )
    by_actor = extraction.by_actor()
    known_quotes = sum(1 for f in extraction.quotes if f.speaker.known)
    out += [
        f"# {_count(len(extraction.quotes), 'quote')} ({known_quotes} by known actors), "
        f"{len(extraction.reported)} reported sentences. Nothing has been written anywhere.",
        "#",
        "# Paste a block under `evidence:` of a position in positions/<speaker>.yaml; keep the",
        "# words verbatim (cut with `...`), check what the comment doubts, then "
        "`peninsula validate`.",
        "# Confidence (0..1) is how sure the speaker reading is; it says nothing of the stance.",
    ]
    if source.seed_id is None:
        out += [
            "#",
            "# This file is not a seed yet: add it with `peninsula add-source` and put its id in",
            f"# place of {PLACEHOLDER_SOURCE}.",
        ]
    names = {actor.id: actor.name for actor in actors}
    order = [actor.id for actor in actors if actor.id in by_actor]
    uncertain: list[tuple[str, Finding]] = []
    for actor_id in order:
        findings = [f for f in by_actor[actor_id] if f.confidence >= min_confidence]
        uncertain += [(actor_id, f) for f in by_actor[actor_id] if f.confidence < min_confidence]
        if not findings:
            continue
        quotes = sum(1 for f in findings if f.kind == "quote")
        reported = len(findings) - quotes
        counts = f"{_count(quotes, 'quote')}, {reported} reported"
        out += ["", f"# ===== {actor_id} · {names[actor_id]} · {counts} ====="]
        for finding in findings:
            out.append("")
            out += evidence_block(finding, actor_id, source, indent)
    if uncertain:
        out += [
            "",
            f"# ===== Uncertain: confidence below {min_confidence:.2f} ({len(uncertain)}) =====",
            "# Check each speaker against the article; uncomment the blocks that are right.",
        ]
        for actor_id, finding in sorted(uncertain, key=lambda item: item[1].start):
            out.append("")
            out += [f"# {line}" for line in evidence_block(finding, actor_id, source, indent)]
    if extraction.unknown_speakers:
        out += [
            "",
            "# ===== Quotes by speakers who are not known actors (add an actor file first) =====",
        ]
        for finding in extraction.unknown_speakers:
            label = finding.speaker.label or ""
            out.append(
                f"# line {finding.line + source.line_offset} · “{comment_text(label, 60)}”: "
                f"“{comment_text(finding.text)}”"
            )
            guess = closest_actor(label, actors)
            if guess:
                out.append(f"#   did you mean {guess}? If so, add the spelling to its aliases.")
    if extraction.unattributed:
        out += ["", "# ===== Quotes whose speaker was not found ====="]
        for finding in extraction.unattributed:
            out.append(
                f"# line {finding.line + source.line_offset} · {comment_text(finding.reason, 60)}: "
                f"“{comment_text(finding.text)}”"
            )
    if not extraction.findings:
        out += ["", "# No quotes and no reported positions of known actors were found."]
    return "\n".join(out) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
