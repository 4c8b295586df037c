"""The schema of the position data: what a valid YAML file may hold.

These pydantic models are the single source of truth for field names, types and ranges; the JSON
Schema that editors use is exported from them (see ``json_schemas``). They describe one file at a
time; references between files (an actor's issue, an evidence's seed) are checked by the loader.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tui.core.records import condition_met, condition_needs

STANCE_MIN = -2
STANCE_MAX = 2

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,79}$",
        description="Lower-case letters, digits and hyphens, e.g. `kim-jong-un`.",
    ),
]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
StanceValue = Annotated[
    int,
    Field(
        ge=STANCE_MIN,
        le=STANCE_MAX,
        description="-2 firmly against, -1 against, 0 neutral or mixed, +1 for, +2 firmly for.",
    ),
]


class Strict(BaseModel):
    """Unknown fields are errors; YAML 1.1 surprises (`NO` read as a boolean) are type errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Issue(Strict):
    """A proposition the -2..+2 scale is about, e.g. "North Korea should give up its nuclear weapons"."""  # noqa: E501 - the schema's description

    id: Id
    title: ShortText
    proposition: Text = Field(description="The statement a +2 stance firmly supports.")
    scale: dict[StanceValue, ShortText] = Field(
        default_factory=dict,
        description="Optional wording for scale points, keyed -2..2.",
    )
    description: Text | None = None


class IssueCatalogue(Strict):
    """`positions/issues.yaml`: every issue any actor can take a stance on."""

    issues: list[Issue] = Field(min_length=1)


class Condition(Strict):
    """A condition of a stance: another actor's stance on an issue must lie within [min, max]."""

    actor: Id = Field(description="The actor whose stance the condition is about.")
    issue: Id = Field(description="The issue that actor's stance is on.")
    min: StanceValue | None = Field(default=None, description="Lowest stance that meets it.")
    max: StanceValue | None = Field(default=None, description="Highest stance that meets it.")
    text: Text = Field(description="The condition in words.")

    @model_validator(mode="after")
    def _bounds(self) -> Condition:
        if self.min is None and self.max is None:
            raise ValueError("a condition needs `min`, `max` or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"`min` ({self.min}) is above `max` ({self.max})")
        return self

    def met_by(self, stance: int | None) -> bool | None:
        """True/False when the stance is known; None when the actor has no stated position."""
        return condition_met(self.min, self.max, stance)

    def needs(self) -> str:
        """The required range in words: "≤ 0", "≥ +1", "between -1 and +1"."""
        return condition_needs(self.min, self.max)


class Evidence(Strict):
    """A verbatim excerpt of a seed: the actor's words (quote) or the article's reporting (reported)."""  # noqa: E501 - the schema's description

    kind: Literal["quote", "reported"] = Field(
        description=(
            "`quote`: the actor's words in quotation marks; `reported`: the article's own sentence."
        ),
    )
    text: Text = Field(
        description="Verbatim from the seed; `...` marks an elision between pieces found in order.",
    )
    source: Id = Field(description="The seed id the text is found in.")
    speaker: Id | None = Field(
        default=None, description="Who said it; defaults to the actor of the file."
    )
    said_on: dt.date | None = Field(
        default=None, description="When it was said, if known (YYYY-MM-DD)."
    )
    said_on_note: ShortText | None = Field(
        default=None,
        description="How the date is known, or the article's own words when it gives none.",
    )
    via: list[ShortText] = Field(
        default_factory=list,
        description="The relay chain, first to last, e.g. [KCNA, Reuters].",
    )
    channels: list[ShortText] = Field(
        default_factory=list,
        description=(
            "Separate channels that carried the statement, e.g. [BBC, Reuters] for two"
            " interviews; unlike `via`, not a chain."
        ),
    )
    statement: Id | None = Field(
        default=None,
        description=(
            "An id shared by every rendering of one statement (other outlets, other"
            " translations), across files; the statement counts once."
        ),
    )

    @field_validator("said_on", mode="before")
    @classmethod
    def _iso_string_date(cls, value: object) -> object:
        return _parse_iso_date(value)


class Position(Strict):
    """An actor's stance on one issue from a date on."""

    issue: Id
    stance: StanceValue | None = Field(
        description="-2..+2, or null when the actor has said nothing known (null is not 0).",
    )
    as_of: dt.date = Field(description="The date from which this stance holds.")
    summary: Text
    inferred: ShortText | None = Field(
        default=None,
        description=(
            "Why the stance is an inference rather than the actor's words, e.g. `the article"
            " states the US position, not Trump's words`."
        ),
    )
    conditions: list[Condition] = Field(default_factory=list)
    evidence: list[Evidence] = Field(min_length=1)

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_string_date(cls, value: object) -> object:
        return _parse_iso_date(value)


class Actor(Strict):
    """One file in `positions/` per actor."""

    id: Id
    name: ShortText
    role: ShortText
    country: ShortText
    aliases: list[ShortText] = Field(
        default_factory=list, description="Names used for the actor in articles."
    )
    positions: list[Position] = Field(default_factory=list)


class SeedMeta(Strict):
    """The front matter of a seed article in `seeds/`."""

    id: Id
    title: ShortText
    outlet: ShortText
    published: dt.date
    via: list[ShortText] = Field(
        default_factory=list, description="The relay chain the article cites, e.g. [KCNA, Reuters]."
    )
    url: ShortText | None = None
    excerpt: bool = Field(
        default=False,
        description="True when the text is only the opening of the article as stored.",
    )
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None,
        description=(
            "SHA-256 of the body (UTF-8), recorded by `add-source`; a mismatch is reported."
        ),
    )
    inferred: dict[str, ShortText] = Field(
        default_factory=dict,
        description="Fields whose values are inferred rather than stated, each with the reason.",
    )

    @field_validator("published", mode="before")
    @classmethod
    def _iso_string_date(cls, value: object) -> object:
        return _parse_iso_date(value)

    @model_validator(mode="after")
    def _inferred_names_fields(self) -> SeedMeta:
        unknown = sorted(set(self.inferred) - set(type(self).model_fields))
        if unknown:
            raise ValueError(f"`inferred` names unknown fields: {', '.join(unknown)}")
        return self


def _parse_iso_date(value: object) -> object:
    """Accept a quoted ISO date too; anything else goes on to strict validation."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


FILE_KINDS: dict[str, type[BaseModel]] = {
    "issues": IssueCatalogue,
    "actor": Actor,
    "seed": SeedMeta,
}


def json_schemas() -> dict[str, dict]:
    """JSON Schema of each YAML file kind, for editors (yaml-language-server)."""
    schemas = {}
    for kind, model in FILE_KINDS.items():
        schema = model.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"peninsula-{kind}.schema.json"
        schemas[kind] = schema
    return schemas
