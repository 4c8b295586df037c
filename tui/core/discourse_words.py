"""The words the discourse model reads people by: role nouns, demonyms, gender words, names."""

from __future__ import annotations

import re

# Role nouns a title or an apposition gives a person, and what a bare role noun can refer to.
ROLE_NOUNS = frozenset(
    """president leader minister nominee chairman chairperson chair dictator strongman premier
    spokesperson spokesman spokeswoman lawmaker representative rep official director secretary
    envoy ambassador adviser advisor chief sister brother general marshal""".split()
)
# Heads of state and government are all "leaders" to a reporter.
HEADS = frozenset({"president", "chairman", "premier", "dictator", "strongman", "marshal"})
TITLE_ALIASES = {"rep": "lawmaker", "representative": "lawmaker", "chair": "chairperson"}
DEMONYMS = {
    "north korean": "North Korea",
    "north korea's": "North Korea",
    "pyongyang's": "North Korea",
    "south korean": "South Korea",
    "south korea's": "South Korea",
    "seoul's": "South Korea",
    "u.s.": "United States",
    "us": "United States",
    "american": "United States",
    "chinese": "China",
    "china's": "China",
    "russian": "Russia",
    "russia's": "Russia",
    "japanese": "Japan",
    "japan's": "Japan",
}
FEMALE_WORDS = frozenset(
    "sister daughter wife mother woman spokeswoman ms mrs madam her she herself".split()
)
MALE_WORDS = frozenset("brother son husband father man spokesman mr his he himself".split())
# Words that make a capitalised phrase a body, not a person.
BODY_WORDS = frozenset(
    """Ministry Agency Council Commission House Party Assembly News Office Department Committee
    Forces Army Navy Staff Government Administration Media Times Post Herald Daily Service Group
    Institute Center Centre University Nations Union Organization Organisation Bank Court Korea
    Korean Koreas States America China Japan Russia Pyongyang Seoul Washington Beijing Moscow
    Tokyo Kremlin Yonhap Reuters KCNA AFP AP Xinhua TASS Day Year Summit Forum Conference
    Force Hotel Sea Zone Treaty Agreement Declaration Exercise Exercises Shield Games""".split()
)
NOT_PERSON_START = frozenset(
    """The A An In On At As But And Or If When While After Before According Meanwhile However
    He She It They We I You This That These Those His Her Its Their Our Also Still Yet So Then
    Now Last Next Since Until Though Although Despite Even Only Just Under Over From With For
    Of To By Not No Regarding Additionally Furthermore Speaking Stressing Reversing Praising
    Asked Calling Referring Through Within Separately Likewise Addressing Photos Officials
    Analysts Critics President Minister Chairman Chairperson Prime Unification Rep Mr Mrs Ms
    Vice Foreign Defense Defence National Security Former""".split()
)
PERSON_NAME = re.compile(
    r"[A-Z][a-z]+(?:-[a-z]+)?(?:[ \u00a0][A-Z][a-z]+(?:-[a-z]+)?){1,2}(?![\w-])"
)
TITLE_BEFORE = re.compile(r"((?:[A-Za-z][\w.'’-]*[ \u00a0]){1,4})$")
TITLED_SURNAME = re.compile(
    r"\b(Rep|Sen|Mr|Mrs|Ms|Dr|Gen|Chairperson|Chairman|Chair|Minister|Spokesman|Director)\.?"
    r"[ \u00a0]([A-Z][a-z]+)\b(?![ \u00a0][A-Z])"
)
# `, in which he`, `, during which she`: a clause on a noun (a speech, a call, a meeting).
WHICH_CLAUSE = re.compile(
    r",\s*(?:in|during|at|on|with|through|after|before)\s+which\s+\Z|,\s*where\s+\Z"
)
POSSESSIVE = re.compile(r"['’]s?(?!\w)")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
