"""The words the extractor reads by: verbs of saying, relays, months, role phrases."""

from __future__ import annotations

import re
from typing import Literal

from tui.core.discourse_words import ROLE_NOUNS

# -- vocabulary ------------------------------------------------------------------------------------

ATTRIBUTION_VERBS = frozenset(
    """said says say told tells added adds asked asks wrote writes stated states declared declares
    warned warns insisted insists noted notes stressed stresses urged urges argued argues continued
    explained explains replied replies responded claimed claims vowed vows announced announces
    posted posts tweeted quipped recalled acknowledged conceded emphasised emphasized emphasises
    emphasizes remarked reiterated reiterates pledged pledges promised promises suggested suggests
    cautioned complained joked observed predicted demanded demands shouted affirmed affirms
    reaffirmed reaffirms reads read answered answers""".split()
)
# Participles that introduce a quote after a first one: `," Trump said, adding, "..."`.
INTRODUCING = ATTRIBUTION_VERBS | frozenset(
    """adding saying telling noting warning insisting stressing declaring writing stating
    asserting arguing explaining emphasizing emphasising claiming vowing""".split()
)
REPORTED_VERBS = ATTRIBUTION_VERBS | frozenset(
    """backed backs rejected rejects condemned condemns signaled signalled signals framed frames
    called calls denounced denounces proposed proposes criticized criticised criticizes criticises
    dismissed dismisses welcomed welcomes praised praises accused accuses threatened threatens
    outlined outlines supported supports opposed opposes endorsed endorses blasted blasts slammed
    slams offered offers expressed expresses hinted hints indicated indicates agreed agrees refused
    refuses sought seeks blamed blames described describes labelled labeled branded brands
    voiced voices floated floats pressed presses renewed renews repeated repeats estimated
    estimates saying asserted asserts maintained maintains questioned questions defended defends
    highlighted highlights underscored underscores ruled rules insisting warning urging calling
    demanding rejecting mocked mocks defining defined defines labeling labelling ask asks""".split()
)
PRONOUNS = frozenset({"he", "she"})
# Capitalised words that open clauses and are never a speaker's name.
NOT_NAMES = frozenset(
    """The A An In On At As But And Or If When While After Before According Per Meanwhile However
    He She It They We I You This That These Those His Her Its Their Our My Your Such Some Many
    Most All Any Both Each Other Also Still Yet So Then Now Later Earlier Last Next Read See Photo
    Personally There Here What Who Why How Where Which Since Until Though Although Despite Even
    Only Just More Less Under Over From With Without Into For Of To By Not No Yes Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()
)
SPEAKER_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman official officials ministry minister statement analyst
    analysts expert experts diplomat diplomats source sources lawmaker lawmakers commentator
    agency office government report aide aides adviser advisers advisor advisors envoy ambassador
    negotiator negotiators commentary editorial newspaper""".split()
)
# News agencies and outlets that relay what others said.
RELAYS = (
    ("Korean Central News Agency", "KCNA"),
    ("KCNA", "KCNA"),
    ("Reuters", "Reuters"),
    ("Associated Press", "AP"),
    ("AP", "AP"),
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Yonhap", "Yonhap"),
    ("BBC", "BBC"),
    ("CNN", "CNN"),
    ("NHK", "NHK"),
    ("Kyodo", "Kyodo"),
    ("Rodong Sinmun", "Rodong Sinmun"),
    ("KCTV", "KCTV"),
    ("North Korean state media", "North Korean state media"),
    ("North Korea’s state media", "North Korean state media"),
    ("state media", "state media"),
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = (
    re.compile(
        rf"\b(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?\b"
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH})\.?(?:,? (?P<year>\d{{4}}))?\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})\b"),
)
# `SEOUL, Oct. 3 -` opens a story: the date is the dispatch's, not the day anything was said.
DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]+(?:,\s*(?:{_MONTH})\.?\s+\d{{1,2}})?\s*(?:\([^)]{{1,30}}\))?\s*[-—–]+\s*"
)
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Sgt St Jr Sr Prof No vs etc Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec U.S U.N U.K".split()
)

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
# A full stop inside a word (`U.S.`) keeps it whole; one glued to a capitalised word after it
# (`North Korea.She`, copy whose spaces were lost) ends it.
WORD_RE = re.compile(r"[\w](?:[\w'’\-]|\.(?![A-Z][a-z]))*")
PROPER_NAME = re.compile(
    r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*)(?:[\s\u00a0](?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*))*"
)

Kind = Literal["quote", "reported"]


POSS_AFTER = re.compile(r"['’]s?(?!\w)")
ROLE_PHRASE = re.compile(
    r"(?<!\w)[Tt]he\s+(?P<adjectives>(?:(?:[A-Z][\w.'’-]*|[a-z][\w-]*)\s+){0,3}?)"
    rf"(?P<noun>{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})(?![\w'’-])",
    re.IGNORECASE,
)


# `of the Unification Ministry`: a body named after a preposition is not the subject.
IN_A_PREPOSITION = re.compile(
    r"\b(?:of|at|from|with|to|for|by|in|on|about|against)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
)
MODIFIES_A_NOUN = re.compile(
    r"\s+(?:administration|government|camp|era|office|presidency|regime|cabinet|team|aides?|"
    r"doctrine|policy|initiative)\b"
)
PARTICIPLES = frozenset(
    """saying adding calling declaring noting warning insisting stressing describing labeling
    labelling urging telling arguing stating asserting explaining emphasizing emphasising
    claiming vowing""".split()
)
# Words that make an attribution's slot a relay of someone else's words, not a speaker.
RELAY_SLOT = re.compile(
    r"(?i)\b(?:state[- ](?:run )?media|state[- ]run|news agency|KCNA|Korean Central News Agency|"
    r"Yonhap|Reuters|AFP|Xinhua|TASS|Rodong Sinmun|KCTV|report|reports|dispatch)\b"
)
TITLE_CASE_NAME = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|of|the|and|a|an|in|on|for|to|is)(?:\s+(?:[A-Z0-9][\w'’.-]*|of|the|and|a|an|in|on|for|to|is))+"
)
TRANSCRIPT_SPEAKER = re.compile(
    r"^(?:\[\s*(?i:soundbite)\s*:\s*(?P<bite>[^\]\(]{2,60}?)\s*(?:\([^)]*\))?\s*\]|"
    r"(?P<name>[A-Z][\w.'’ -]{2,40}?)\s+/\s+[A-Z][\w.,'’ -]{1,40})$"
)
