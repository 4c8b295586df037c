"""What a view says in place of empty panels when the data it shows did not load: what is
missing, the problems that kept it out, and what to do next."""

from __future__ import annotations

from textual.content import Content

from tui.app.render import palette
from tui.app.render.diagnostics import diagnostic_line
from tui.app.views import VIEW_IDS
from tui.core.dataset import Dataset

MAX_PROBLEMS_LISTED = 3  # the rest in Problems: the notice must fit 80x24

# What a view needs to show anything, and how its absence is said.
WORDS = {"issues": "issues", "actors": "actors", "seeds": "sources", "evidence": "quotes"}


def missing(ds: Dataset, needs: tuple[str, ...]) -> list[str]:
    """The names, in ``WORDS``, of what the view needs and the data lacks."""
    have = {
        "issues": bool(ds.issues),
        "actors": bool(ds.actors),
        "seeds": bool(ds.seeds),
        "evidence": any(record.evidence for record in ds.stances),
    }
    return [WORDS[need] for need in needs if not have[need]]


def no_data_notice(ds: Dataset, needs: tuple[str, ...]) -> Content | None:
    """None when the view has what it needs; else the notice that stands in for its panels."""
    lacking = missing(ds, needs)
    if not lacking:
        return None
    what = " and ".join(f"no {word}" for word in lacking)
    lines = [Content.styled(f"Nothing to show here: {what} loaded.", "bold")]
    problems_key = str(VIEW_IDS.index("problems") + 1)
    errors = ds.errors
    if errors:
        noun = "problem" if len(errors) == 1 else "problems"
        lines += [Content(""), Content.styled(f"{len(errors)} {noun} in the data:", palette.BAD)]
        lines += [Content("  ") + diagnostic_line(ds, d) for d in errors[:MAX_PROBLEMS_LISTED]]
        if len(errors) > MAX_PROBLEMS_LISTED:
            lines.append(Content(f"  and {len(errors) - MAX_PROBLEMS_LISTED} more."))
        lines += [
            Content(""),
            Content(
                f"Press {problems_key} for every problem. Fix the files: the dashboard reloads by "
                "itself (r: now) and shows each file's good records as soon as it loads."
            ),
        ]
    elif lacking == [WORDS["evidence"]]:
        lines += [
            Content(""),
            Content(
                "No stance cites a quote or a reported statement yet: evidence goes under "
                "each stance in positions/<actor>.yaml (see the README's Contributing section)."
            ),
        ]
    if not ds.issues and not ds.actors:
        lines += [
            Content(""),
            Content(
                "A data tree holds positions/issues.yaml, one positions/<actor>.yaml per actor, "
                "and the articles they cite in seeds/ (peninsula add-source adds one): see the "
                "README's Contributing section; peninsula validate checks the files."
            ),
        ]
    return Content("\n").join(lines)
