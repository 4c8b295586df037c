"""Rendering a view headless to SVG, for `peninsula snapshot` and briefers' scripts."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from tui.app.app import create_app
from tui.app.slide_fit import fit_height, settle
from tui.app.views import ViewSpec
from tui.core.freshness import DEFAULT_STALE_DAYS, latest_stated
from tui.core.no_data import missing_data

LOAD_POLLS = 2400  # two minutes at most


class UnknownTarget(LookupError):
    pass


class NoDataToShow(LookupError):
    """The tree loaded, but gave nothing to draw (see ``tui.core.no_data``)."""


def render_svg(
    data_dir: Path,
    spec: ViewSpec,
    target: str | None,
    size: tuple[int, int],
    as_of: dt.date | None = None,
    theme: str | None = None,
    fit_rows: int | None = None,
    known_on: bool = False,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> str:
    """Load the data, show the view (with its target selected), and return the screen as SVG.

    ``fit_rows``: a slide (see ``PeninsulaApp.set_slide``), its height fitted to the content,
    at most that many rows. ``known_on``: what could be known on ``as_of`` (sources published
    by then) rather than the stances stated by then.
    """
    app = create_app(
        data_dir,
        view=spec.id,
        target=target,
        as_of=as_of,
        known_on=known_on,
        watch=False,
        blink=False,
        stale_days=stale_days,
    )
    if theme is not None:
        if theme not in app.available_themes:
            raise UnknownTarget(
                f"unknown theme {theme!r}; choose from {', '.join(sorted(app.available_themes))}"
            )
        app.theme = theme

    async def shoot(pilot) -> None:
        # Poll rather than wait: if the app fails while starting, it must not wait for us forever.
        for _ in range(LOAD_POLLS):
            if app.loaded.is_set() or app.return_code is not None or not app.is_running:
                break
            await asyncio.sleep(0.05)
        if not app.loaded.is_set():
            app.exit(RuntimeError("the data never finished loading"))
            return
        ds = app.loaded_dataset  # a date before any source is an empty picture, not no data
        reason = (
            missing_data(data_dir, ds, problems_are_data=spec.id == "problems")
            if ds is not None
            else None
        )
        if reason is not None:
            app.exit(NoDataToShow(reason))
            return
        if spec.target and target is not None and ds is not None:
            subjects: dict[str, Mapping[str, object]] = {
                "issue": ds.issues,
                "actor": ds.actors,
                "source": ds.seeds,
            }
            known = subjects[spec.target]
            if target not in known:
                app.exit(
                    UnknownTarget(
                        f"no {spec.target} {target!r}; known: {', '.join(known) or 'none'}"
                    )
                )
                return
        if spec.id == "matrix" and app.dataset is not None:
            # A picture opens on a stance, not on whichever cell comes first (often empty).
            lead = latest_stated(app.dataset, app.as_of)
            if lead is not None:
                app.issue_id, app.actor_id = lead
        if fit_rows is not None:
            app.set_slide(True)
        await settle(pilot)
        if fit_rows is not None:
            await fit_height(pilot, app.tabs, max_rows=fit_rows)
        view = app.active_view
        title = view.caption().plain if view is not None else app.title
        app.exit(app.export_screenshot(title=title))

    result = app.run(headless=True, size=size, auto_pilot=shoot)
    if isinstance(result, Exception):
        raise result
    if not isinstance(result, str):
        raise RuntimeError(
            f"the app closed before the screenshot was taken (exit code {app.return_code})"
        )
    return result
