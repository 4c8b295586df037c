"""Relations an actor's aliases declare ("Kim's sister"), found in an article's text.

"The North Korean leader's influential sister", "Kim Jong-un's sister Yo-jong" and, after Kim Jong
Un is named, "his sister" all name Kim Yo Jong when her aliases hold "Kim's sister": the owner is
read from the article, the relation from the actor's data.
"""

from __future__ import annotations

import re

from tui.core.mentions import Mention, after_preposition
from tui.core.records import Actor

_RELATION_ALIAS = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<relation>[a-z]+)$")
# `the powerful sister of North Korean leader Kim Jong Un`: the relation, then "of", then the
# owner behind up to three words of title.
_RELATION_OF = re.compile(
    r"(?<!\w)[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}?(?P<relation>[a-z]+)\s+of\s+"
    r"(?:(?:the\s+)?[\w.'’-]+[\s\u00a0]+){0,3}?$"
)


def _relations(actors: dict[str, Actor]) -> dict[tuple[str, str], str]:
    """(owner actor id, relation word) -> actor id, from aliases such as "Kim's sister"."""
    forms: dict[str, set[str]] = {}
    for actor in actors.values():
        for form in (actor.name, *actor.aliases):
            forms.setdefault(form.casefold().replace("’", "'"), set()).add(actor.id)
        words = actor.name.split()
        for word in (words[0], words[-1]) if len(words) > 1 else ():
            forms.setdefault(word.casefold(), set()).add(actor.id)
    relations: dict[tuple[str, str], str] = {}
    for actor in actors.values():
        for alias in actor.aliases:
            match = _RELATION_ALIAS.match(alias.strip())
            if not match:
                continue
            owners = forms.get(match["owner"].casefold().replace("’", "'"), set()) - {actor.id}
            for owner in owners:
                relations[(owner, match["relation"])] = actor.id
    return relations


def relation_mentions(
    body: str, actors: dict[str, Actor], mentions: list[Mention]
) -> list[Mention]:
    """`the North Korean leader's influential sister`, `Kim Jong-un's sister Yo-jong`: a mention
    of the actor the relation names, when an alias of that actor ("Kim's sister") gives it."""
    relations = _relations(actors)
    if not relations:
        return []
    found = []
    for mention in mentions:
        if not mention.possessive or mention.ambiguous:
            continue
        owner = mention.candidates[0]
        after = re.match(r"['’]s?((?:\s+[a-z][\w-]*){1,3})", body[mention.end : mention.end + 60])
        if not after:
            continue
        words = list(re.finditer(r"[a-z][\w-]*", after.group(1)))
        hit = next((w for w in words if (owner, w.group()) in relations), None)
        if hit is None:
            continue
        target = relations[(owner, hit.group())]
        end = mention.end + after.start(1) + hit.end()
        name = re.match(r"[ \u00a0][A-Z][\w-]*(?![ \u00a0]?[A-Z])", body[end : end + 30])
        if name:  # `Kim Jong-un's sister Yo-jong`
            end += name.end()
        found.append(
            Mention(
                start=mention.start,
                end=end,
                surface=body[mention.start : end],
                candidates=(target,),
                declared_by=(target,),
                possessive=bool(re.match(r"['’]s?(?!\w)", body[end : end + 2])),
                after_preposition=mention.after_preposition,
            )
        )
    for mention in mentions:
        if mention.ambiguous:
            continue
        owner = mention.candidates[0]
        of = _RELATION_OF.search(body[max(0, mention.start - 80) : mention.start])
        if of is None or (owner, of["relation"]) not in relations:
            continue
        start = mention.start - len(of.group())
        found.append(
            Mention(
                start=start,
                end=mention.end,
                surface=body[start : mention.end],
                candidates=(relations[(owner, of["relation"])],),
                declared_by=(relations[(owner, of["relation"])],),
                possessive=mention.possessive,
                after_preposition=after_preposition(body[max(0, start - 40) : start]),
            )
        )
    # `his sister`: the owner is the last actor named in full who has that relation.
    for match in re.finditer(
        r"\b(?:[Hh]is|[Hh]er)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<rel>[a-z]+)\b", body
    ):
        relation = match["rel"]
        owners = [
            m
            for m in mentions
            if m.end <= match.start()
            and not m.ambiguous
            and (m.candidates[0], relation) in relations
        ]
        if not owners:
            continue
        target = relations[(owners[-1].candidates[0], relation)]
        found.append(
            Mention(
                start=match.start(),
                end=match.end(),
                surface=match.group(),
                candidates=(target,),
                declared_by=(target,),
                possessive=bool(re.match(r"['’]s?(?!\w)", body[match.end() : match.end() + 2])),
                after_preposition=after_preposition(
                    body[max(0, match.start() - 40) : match.start()]
                ),
            )
        )
    return sorted(found, key=lambda m: m.start)
