"""The hostile corpus and what each file must do to the loader.

A case is one file dropped into a private copy of the project's own data. The table says which
diagnostics it must raise (a message substring, and the 1-based line and column when they are
fixed), which of its records must load anyway and which must not. Every case also keeps every
record of the project's own data: a hostile file never costs a good one.

Small files live in `corpus/` next to this module; binary, huge and payload-built files are made
by the functions below at test time, so nothing large or unprintable is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
SEED_ID = "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"
GOOD_STANCE = "allied-drills/2025-09-22"


@dataclass(frozen=True)
class Expect:
    """A diagnostic the case must raise in its own file (line and col None: anywhere)."""

    message: str
    line: int | None = None
    col: int | None = None
    severity: str = "error"


@dataclass(frozen=True)
class Case:
    """``target``: where the file goes in the tree. ``keeps``/``drops``: records of this case that
    must load / must not load: `actor:ID`, `stance:ACTOR/ISSUE/DATE`, `seed:ID`, `issue:ID`."""

    target: str
    expects: tuple[Expect, ...] = ()
    keeps: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    build: Callable[[], bytes] | None = None
    # When a case swaps a file of the project's own data, which of its records it may cost.
    replaces: tuple[str, ...] = ()
    clean: bool = False  # True: the file must load with no error at all

    @property
    def name(self) -> str:
        return self.target.split("/", 1)[1]

    def content(self) -> bytes:
        if self.build is not None:
            return self.build()
        return (CORPUS / self.target).read_bytes()


def _actor(fixture: str, drops: bool = False) -> dict[str, tuple[str, ...]]:
    """The fixture actor of a file, with its good position: both load, or neither."""
    records = (f"actor:{fixture}", f"stance:{fixture}/{GOOD_STANCE}")
    return {"drops": records} if drops else {"keeps": records}


# -- files committed under corpus/ -------------------------------------------------------------

STATIC: list[Case] = [
    # Tags that construct objects: refused where they stand, nothing is built.
    Case(
        "positions/tag-python-object-apply.yaml",
        (Expect("tag !!python/object/apply:os.system is not allowed", 3, 7),),
        **_actor("tag-python-object-apply", drops=True),
    ),
    Case(
        "positions/tag-python-name.yaml",
        (Expect("tag !!python/name:os.system is not allowed", 16, 13),),
        **_actor("tag-python-name"),
        drops=("stance:tag-python-name/sanctions/2025-09-22",),
    ),
    Case(
        "positions/tag-python-object-new.yaml",
        (Expect("tag !!python/object/new:subprocess.Popen is not allowed", 15, 5),),
        **_actor("tag-python-object-new"),
    ),
    Case(
        "positions/tag-verbatim-and-local.yaml",
        (
            Expect("tag !!python/object:builtins.dict is not allowed", 7, 5),
            Expect("tag !Secret is not allowed", 8, 5),
        ),
        **_actor("tag-verbatim-and-local", drops=True),
    ),
    Case(
        "positions/tag-binary.yaml",
        (Expect("tag !!binary is not allowed", 18, 14),),
        **_actor("tag-binary"),
    ),
    Case(
        "positions/tag-set.yaml",
        (Expect("tag !!set is not allowed", 6, 10),),
        **_actor("tag-set", drops=True),
    ),
    Case(
        "positions/tag-omap.yaml",
        (Expect("tag !!omap is not allowed", 6, 12),),
        **_actor("tag-omap", drops=True),
    ),
    Case(
        "positions/tag-pairs.yaml",
        (Expect("tag !!pairs is not allowed", 23, 14),),
        **_actor("tag-pairs"),
    ),
    # Anchors and aliases: refused where they stand, never expanded.
    Case(
        "positions/alias-bomb.yaml",
        (
            Expect("anchors are not allowed (&a0)", 6, 5),
            Expect("aliases are not allowed (*a0)", 7, 10),
            Expect("aliases are not allowed (*a9)", 16, 10),
        ),
        **_actor("alias-bomb", drops=True),
    ),
    Case(
        "positions/alias-self-reference.yaml",
        (
            Expect("anchors are not allowed (&loop)", 5, 10),
            Expect("aliases are not allowed (*loop)", 5, 17),
        ),
        **_actor("alias-self-reference", drops=True),
    ),
    Case(
        "positions/alias-merge-key.yaml",
        (
            Expect("anchors are not allowed (&base)", 15, 5),
            Expect("merge keys (<<) are not allowed", 24, 5),
        ),
        **_actor("alias-merge-key"),
        drops=("stance:alias-merge-key/sanctions/2025-09-22",),
    ),
    # Duplicate keys, also when equal only after YAML typing.
    Case(
        "positions/duplicate-key.yaml",
        (Expect("duplicate key 'name' (first at 3:1)", 6, 1),),
        **_actor("duplicate-key", drops=True),
    ),
    Case(
        "positions/duplicate-key-quoted.yaml",
        (Expect("duplicate key 'id' (first at 2:1)", 6, 1),),
        **_actor("duplicate-key-quoted", drops=True),
    ),
    Case(
        "positions/duplicate-key-in-position.yaml",
        (Expect("duplicate key 'stance' (first at 16:5)", 17, 5),),
        **_actor("duplicate-key-in-position"),
        drops=("stance:duplicate-key-in-position/sanctions/2025-09-22",),
    ),
    Case(
        "positions/duplicate-key-typed.yaml",
        (Expect("YAML reads it as the same key as 'yes' at 23:9", 24, 9),),
        **_actor("duplicate-key-typed"),
        drops=("stance:duplicate-key-typed/sanctions/2025-09-22",),
    ),
    # YAML 1.1 implicit types: each a type error at its value, with why.
    Case(
        "positions/yaml11-profile.yaml",
        (
            Expect("YAML reads NO as false", 3, 7),
            Expect("YAML reads on as true", 4, 7),
            Expect("YAML reads 012 as the number 10", 5, 10),
            Expect("YAML reads yes as true", 6, 11),
            Expect("YAML reads ~ as null", 6, 16),
            Expect("YAML reads 1_000 as the number 1000", 6, 19),
            Expect("YAML reads 12:30:00 as the number 45000", 6, 26),
            Expect("YAML reads 2025-01-01 as a date", 6, 36),
            Expect("YAML reads .inf as the number inf", 6, 48),
        ),
        **_actor("yaml11-profile", drops=True),
    ),
    Case(
        "positions/yaml11-positions.yaml",
        (
            Expect("expected an integer, got a string", 16, 13),
            Expect("expected an integer, got a boolean", 24, 13),
            Expect("expected an integer, got a number", 32, 13),
            Expect("stance 10 is out of range", 40, 13),
            Expect("YAML reads yes as true", 47, 12),
            Expect("YAML reads 20250927 as the number 20250927", 57, 12),
            Expect("YAML reads off as false", 68, 16),
            Expect("expected an integer, got a string", 83, 14),
            Expect("YAML reads ~ as null", 97, 15),
        ),
        **_actor("yaml11-positions"),
        drops=tuple(f"stance:yaml11-positions/sanctions/2025-09-{day}" for day in range(22, 31)),
    ),
    # Dates that cannot be, and dates at the ends of the calendar.
    Case(
        "positions/dates-impossible.yaml",
        (
            Expect("impossible date 2025-02-30", 17, 12),
            Expect("impossible date 2025-13-01", 25, 12),
            Expect("impossible date 0000-01-01", 33, 12),
            Expect("impossible date 2025-02-29", 41, 12),
            Expect("impossible date 2025-09-22T25:00:00", 49, 12),
            Expect("expected a date", 57, 12),
        ),
        **_actor("dates-impossible"),
    ),
    Case(
        "positions/dates-extreme.yaml",
        keeps=(
            *_actor("dates-extreme")["keeps"],
            "stance:dates-extreme/sanctions/0001-01-01",
            "stance:dates-extreme/sanctions/9999-12-31",
        ),
        clean=True,
    ),
    # Numbers too big to print, infinities, NaN.
    Case(
        "positions/huge-numbers.yaml",
        (
            # YAML 1.1 wants a dot in a float: 1e400 is a string.
            Expect("expected an integer, got a string", 16, 13),
            Expect("YAML reads -.inf as the number -inf", 24, 13),
            Expect("YAML reads .nan as the number nan", 32, 13),
            Expect("out of range", 40, 13),
            Expect("cannot read", 48, 13),
            Expect("out of range", 56, 13),
            Expect("out of range", 64, 13),
        ),
        **_actor("huge-numbers"),
        drops=tuple(f"stance:huge-numbers/sanctions/2025-09-{day}" for day in range(22, 29)),
    ),
    # What the top level of a file can be instead of one mapping.
    Case("positions/empty.yaml", (Expect("the file is empty", 1, 1),)),
    Case("positions/comments-only.yaml", (Expect("the file is empty", 1, 1),)),
    Case("positions/null-document.yaml", (Expect("expected a mapping at the top level", 1, 1),)),
    Case("positions/bare-scalar.yaml", (Expect("expected a mapping at the top level", 1, 1),)),
    Case("positions/bare-list.yaml", (Expect("got a list", 1, 1),)),
    Case("positions/unclosed-flow.yaml", (Expect("expected a mapping at the top level", 1, 1),)),
    Case(
        "positions/several-documents.yaml",
        (Expect("several documents in one file", 15, 1),),
        **_actor("several-documents", drops=True),
    ),
    Case("positions/document-markers.yaml", **_actor("document-markers"), clean=True),
    Case("positions/tab-indentation.yaml", (Expect("YAML syntax error", 7, 1),)),
    # Seeds: the front matter is YAML under the same rules; the body is kept verbatim.
    Case("seeds/seed-no-front-matter.txt", (Expect("a seed starts with a `---` line", 1, 1),)),
    Case(
        "seeds/seed-unclosed-front-matter.txt", (Expect("a seed starts with a `---` line", 1, 1),)
    ),
    Case("seeds/seed-empty.txt", (Expect("a seed starts with a `---` line", 1, 1),)),
    Case(
        "seeds/seed-front-matter-list.txt", (Expect("expected a mapping at the top level", 2, 1),)
    ),
    Case("seeds/seed-empty-front-matter.txt", (Expect("the file is empty", 2, 1),)),
    Case("seeds/seed-duplicate-id.txt", (Expect(f"duplicate seed id '{SEED_ID}'", 3, 5),)),
    Case(
        "seeds/seed-python-tag.txt",
        (Expect("tag !!python/object/apply:os.system", 7, 7),),
        drops=("seed:seed-python-tag",),
    ),
    Case(
        "seeds/seed-impossible-date.txt",
        (Expect("impossible date 2025-02-30", 6, 12),),
        drops=("seed:seed-impossible-date",),
    ),
    Case(
        "seeds/seed-yaml11.txt",
        (
            Expect("YAML reads on as true", 7, 6),
            Expect("YAML reads yes as true", 8, 7),
            Expect("YAML reads NO as false", 8, 12),
        ),
        drops=("seed:seed-yaml11",),
    ),
    Case(
        "seeds/seed-alias.txt",
        (
            Expect("anchors are not allowed (&u)", 7, 6),
            Expect("aliases are not allowed (*u)", 9, 11),
        ),
        drops=("seed:seed-alias",),
    ),
    Case(
        "seeds/seed-unknown-inferred.txt",
        (Expect("`inferred` names unknown fields: nothing"),),
        drops=("seed:seed-unknown-inferred",),
    ),
    Case("seeds/seed-fences-in-body.txt", keeps=("seed:seed-fences-in-body",), clean=True),
    Case(
        "seeds/seed-no-body.txt",
        (Expect("the seed has no body", 7, 1, "warning"),),
        keeps=("seed:seed-no-body",),
    ),
]


# -- files built at test time ------------------------------------------------------------------

ACTOR_HEAD = (
    "# Test fixture: hostile input for the loader, not real data.\n"
    "id: {id}\n"
    "name: Fixture {id}\n"
    "role: Test fixture\n"
    "country: Nowhere\n"
)
GOOD_POSITION = (
    "positions:\n"
    "  - issue: allied-drills\n"
    "    stance: -2\n"
    "    as_of: 2025-09-22\n"
    "    summary: The good position of this fixture; it must survive.\n"
    "    evidence:\n"
    "      - kind: quote\n"
    "        text: reckless\n"
    f"        source: {SEED_ID}\n"
)
SEED_HEAD = (
    "---\n"
    "# Test fixture: hostile input for the loader, not real data.\n"
    "id: {id}\n"
    "title: Fixture {id}\n"
    "outlet: Test fixture\n"
    "published: 2025-09-22\n"
    "---\n"
)


def actor_text(fixture: str, middle: str = "", positions: str = GOOD_POSITION) -> str:
    """A fixture actor: head (lines 1-5), ``middle`` from line 6, then its positions."""
    return ACTOR_HEAD.format(id=fixture) + middle + positions


def seed_text(fixture: str, body: str) -> str:
    """A fixture seed: front matter on lines 1-7, the body from line 8."""
    return SEED_HEAD.format(id=fixture) + body


def _utf8(text: str) -> Callable[[], bytes]:
    return lambda: text.encode("utf-8")


def _nested(fixture: str, opener: str, closer: str, levels: int) -> Callable[[], bytes]:
    return _utf8(actor_text(fixture, f"aliases: {opener * levels}{closer * levels}\n"))


def _block_nested(fixture: str, levels: int) -> Callable[[], bytes]:
    return _utf8(actor_text(fixture, "aliases:\n  " + "- " * levels + "x\n"))


MAX_DEPTH = 64  # the limit the loader documents; the nesting cases place its refusal exactly


def _depth_expect(first_col: int, step: int, line: int = 6) -> Expect:
    # The top mapping is level 1 and the value of `aliases` level 2: the 64th opener is refused.
    return Expect(
        f"nesting deeper than {MAX_DEPTH} levels", line, first_col + step * (MAX_DEPTH - 1)
    )


def _invalid_utf8() -> bytes:
    return (
        actor_text("invalid-utf8").replace("Nowhere", "Caf\x00").encode().replace(b"\x00", b"\xe9")
    )


def _surrogate_bytes() -> bytes:
    text = actor_text("surrogate-bytes")
    return (
        text.replace("role: Test fixture", "role: Test \x00 fixture")
        .encode()
        .replace(b"\x00", b"\xed\xa0\x80")
    )


def _bom() -> bytes:
    return b"\xef\xbb\xbf" + actor_text("bom").encode()


def _crlf() -> bytes:
    bad = GOOD_POSITION + _position("sanctions", "3", "2025-09-23")
    return actor_text("crlf", positions=bad).replace("\n", "\r\n").encode()


def _lone_cr() -> bytes:
    bad = GOOD_POSITION + _position("sanctions", "3", "2025-09-23")
    return actor_text("lone-cr", positions=bad).replace("\n", "\r").encode()


def _position(issue: str, stance: str, as_of: str, summary: str = "A fixture position.") -> str:
    return (
        f"  - issue: {issue}\n"
        f"    stance: {stance}\n"
        f"    as_of: {as_of}\n"
        f"    summary: {summary}\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: reckless\n"
        f"        source: {SEED_ID}\n"
    )


def _nbsp_indentation() -> bytes:
    text = actor_text(
        "nbsp-indentation", positions=GOOD_POSITION.replace("  - issue", "\u00a0\u00a0- issue")
    )
    return text.encode()


def _megabyte_summary() -> bytes:
    long = _position("sanctions", "1", "2025-09-23", "x" * 1_500_000)
    return actor_text("megabyte-summary", positions=GOOD_POSITION + long).encode()


def _megabyte_key() -> bytes:
    return actor_text("megabyte-key", "k" * 1_500_000 + ": 1\n").encode()


def _megabyte_id() -> bytes:
    return actor_text("megabyte-id").replace("id: megabyte-id", "id: m" + "y" * 1_500_000).encode()


def _too_large() -> bytes:
    return actor_text("too-large", "# " + "x" * 3_000_000 + "\n").encode()


def _many_values() -> bytes:
    return actor_text("many-values", "aliases:\n" + "- a\n" * 400_000).encode()


def _many_errors() -> bytes:
    return actor_text("many-errors", "aliases: [" + "[]," * 300_000 + "]\n").encode()


def _many_keys() -> bytes:
    keys = ", ".join(f"k{i}: 1" for i in range(150_000))
    return actor_text("many-keys", f"aliases: {{{keys}}}\n").encode()


def _raw_control() -> bytes:
    return actor_text("raw-control").replace("Fixture raw-control", "Fix\x1b[31mture").encode()


def _raw_c1() -> bytes:
    return actor_text("raw-c1").replace("role: Test fixture", "role: Test\x9bfixture").encode()


def _surrogate_escape() -> bytes:
    return actor_text("surrogate-escape", 'aliases: ["\\ud800"]\n').encode()


def _seed_bom() -> bytes:
    return (
        b"\xef\xbb\xbf"
        + seed_text("seed-bom", "Body of a fixture saved with a byte order mark.\n").encode()
    )


def _seed_crlf() -> bytes:
    body = "The first line of a fixture body,\nand its second line.\n"
    return seed_text("seed-crlf", body).replace("\n", "\r\n").encode()


def _seed_lone_cr() -> bytes:
    return seed_text("seed-lone-cr", "Body.\n").replace("\n", "\r").encode()


def _seed_invalid_utf8_body() -> bytes:
    body = "Line eight.\nLine nine: \x00 here.\n"
    return seed_text("seed-invalid-utf8-body", body).encode().replace(b"\x00", b"\xff")


def _seed_megabyte_line() -> bytes:
    return seed_text("seed-megabyte-line", "word " * 380_000 + "\n").encode()


def _seed_too_large() -> bytes:
    return seed_text("seed-too-large", "x" * 3_000_000).encode()


BUILT: list[Case] = [
    # Deep nesting, thousands and tens of thousands of levels: refused at the 64th, before
    # libyaml builds anything.
    Case(
        "positions/nested-flow-5000.yaml",
        (_depth_expect(10, 1),),
        build=_nested("nested-flow-5000", "[", "]", 5_000),
        **_actor("nested-flow-5000", drops=True),
    ),
    Case(
        "positions/nested-flow-100000.yaml",
        (_depth_expect(10, 1),),
        build=_nested("nested-flow-100000", "[", "]", 100_000),
    ),
    Case(
        "positions/nested-mapping-30000.yaml",
        (_depth_expect(10, 4),),
        build=_nested("nested-mapping-30000", "{a: ", "}", 30_000),
    ),
    Case(
        "positions/nested-block-20000.yaml",
        (_depth_expect(3, 2, line=7),),
        build=_block_nested("nested-block-20000", 20_000),
    ),
    # Bytes that are not UTF-8, and UTF-8 with a byte order mark or other line ends.
    Case(
        "positions/invalid-utf8.yaml", (Expect("not UTF-8: byte 0xE9", 5, 13),), build=_invalid_utf8
    ),
    Case(
        "positions/surrogate-bytes.yaml",
        (Expect("not UTF-8: byte 0xED", 4, 12),),
        build=_surrogate_bytes,
    ),
    Case(
        "positions/utf16.yaml",
        (Expect("not UTF-8: byte 0xFF", 1, 1),),
        build=lambda: actor_text("utf16").encode("utf-16"),
    ),
    Case("positions/bom.yaml", build=_bom, **_actor("bom"), clean=True),
    Case(
        "positions/crlf.yaml",
        (Expect("stance 3 is out of range", 16, 13),),
        build=_crlf,
        **_actor("crlf"),
    ),
    Case(
        "positions/lone-cr.yaml",
        (Expect("stance 3 is out of range", 16, 13),),
        build=_lone_cr,
        **_actor("lone-cr"),
    ),
    # A no-break space is not indentation to YAML: the line is text, the next one a syntax error.
    Case(
        "positions/nbsp-indentation.yaml",
        (Expect("YAML syntax error: mapping values are not allowed", 8, 11),),
        build=_nbsp_indentation,
        **_actor("nbsp-indentation", drops=True),
    ),
    # A lone surrogate escape: libyaml refuses it, and the schema refuses the string the
    # pure-Python reader builds.
    Case(
        "positions/surrogate-escape.yaml",
        (Expect("", 6),),
        build=_surrogate_escape,
        **_actor("surrogate-escape", drops=True),
    ),
    Case(
        "positions/raw-control.yaml",
        (Expect("control character U+001B is not allowed", 3, 10),),
        build=_raw_control,
        **_actor("raw-control", drops=True),
    ),
    Case(
        "positions/raw-c1.yaml",
        (Expect("control character U+009B is not allowed", 4, 11),),
        build=_raw_c1,
        **_actor("raw-c1", drops=True),
    ),
    # Megabyte-long lines and files, and files of very many small values.
    Case(
        "positions/megabyte-summary.yaml",
        (Expect("summary is too long", 18, 14),),
        build=_megabyte_summary,
        **_actor("megabyte-summary"),
    ),
    Case(
        "positions/megabyte-key.yaml",
        (Expect("could not find expected ':'", 6),),
        build=_megabyte_key,
        **_actor("megabyte-key", drops=True),
    ),
    Case("positions/megabyte-id.yaml", (Expect("is not a valid id", 2, 5),), build=_megabyte_id),
    Case(
        "positions/too-large.yaml",
        (Expect("file too large", 1, 1),),
        build=_too_large,
        **_actor("too-large", drops=True),
    ),
    Case(
        "positions/many-values.yaml",
        (Expect("too many values: more than"),),
        build=_many_values,
        **_actor("many-values", drops=True),
    ),
    Case(
        "positions/many-errors.yaml",
        (Expect("too many values: more than", 6),),
        build=_many_errors,
        **_actor("many-errors", drops=True),
    ),
    Case(
        "positions/many-keys.yaml",
        (Expect("too many values: more than", 6),),
        build=_many_keys,
        **_actor("many-keys", drops=True),
    ),
    Case("seeds/seed-bom.txt", build=_seed_bom, keeps=("seed:seed-bom",), clean=True),
    Case("seeds/seed-crlf.txt", build=_seed_crlf, keeps=("seed:seed-crlf",), clean=True),
    Case(
        "seeds/seed-lone-cr.txt",
        (Expect("a seed starts with a `---` line", 1, 1),),
        build=_seed_lone_cr,
    ),
    Case(
        "seeds/seed-invalid-utf8-body.txt",
        (Expect("not UTF-8: byte 0xFF", 9, 12),),
        build=_seed_invalid_utf8_body,
        drops=("seed:seed-invalid-utf8-body",),
    ),
    Case(
        "seeds/seed-megabyte-line.txt",
        build=_seed_megabyte_line,
        keeps=("seed:seed-megabyte-line",),
        clean=True,
    ),
    Case(
        "seeds/seed-too-large.txt",
        (Expect("file too large", 1, 1),),
        build=_seed_too_large,
        drops=("seed:seed-too-large",),
    ),
]
