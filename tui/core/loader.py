"""Load a data tree (`positions/` and `seeds/`) into a Dataset: every valid record, every problem.

Records are checked one at a time, so a bad one never hides a good one:

- a seed file stands or falls as a whole;
- in `positions/issues.yaml`, a bad issue drops that issue only;
- in an actor file, a bad actor (its id, name, role...) drops the file's actor with its positions;
  a bad position drops that position only; a bad evidence item drops that item only, and the
  position stays as long as one of its evidence items is valid;
- a position on an unknown issue, or a second position on the same issue and date, is dropped;
- other broken references (a condition's actor or issue, an evidence's speaker or seed) are
  errors but keep the record, so the view can show what is there;
- evidence that is not verbatim in its seed is an error and stays, marked unverified.

Every problem becomes a Diagnostic at the 1-based line and column of the offending node, with the
file's path relative to the tree. Diagnostics come out sorted.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, create_model

from tui.core.basis import speaks_only_of_others
from tui.core.dataset import (
    Dataset,
    DatasetBuilder,
    EvidenceRecord,
    Location,
    Seed,
    StanceRecord,
)
from tui.core.diagnostics import Diagnostic, Severity
from tui.core.lookalike import look_alikes, shows_as_nothing
from tui.core.mismatch import report_not_found
from tui.core.models import Actor, Evidence, Issue, IssueCatalogue, Position
from tui.core.reading import Confinement, Unreadable, folder_state, list_folder
from tui.core.records import Twins
from tui.core.sanitize import clean
from tui.core.scalar_position import SourceLines
from tui.core.seeds import ParsedSeed, parse_seed
from tui.core.suggest import did_you_mean
from tui.core.validation import validate_record
from tui.core.verify import Verification, Verifier, file_budget
from tui.core.yamlsafe import DataPath, YamlDocument, load_text, read_text

ISSUES_FILE = "issues.yaml"
ACTOR_SUFFIXES = (".yaml", ".yml")

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")


@cache
def _shell(model: type[M], field: str) -> type[M]:
    """``model`` with its list of child records taken as they are, so each child is checked alone.

    The list keeps its own constraints (at least one evidence item, for example).
    """
    return create_model(  # type: ignore[call-overload]
        f"{model.__name__}Shell",
        __base__=model,
        **{field: (list[Any], copy(model.model_fields[field]))},
    )


def load_tree(root: Path) -> Dataset:
    """Read every seed and position file under ``root`` into a Dataset."""
    # A load makes hundreds of thousands of objects and no reference cycles, so the cyclic
    # collector would only rescan them as they pile up: a third of the time on a large tree.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _TreeLoader(Path(root)).load()
    finally:
        if collecting:
            gc.enable()


class _File:
    """One YAML file being loaded: its name for messages, its document, its reader problems."""

    def __init__(self, name: str, doc: YamlDocument, text: str = ""):
        self.name = name
        self.doc = doc
        self.size = len(text)  # characters read, which bound the verification work of its evidence
        self.problem_paths = doc.problem_paths()
        # The text as the parser read it (after a byte order mark), to place a word of a value.
        self.source = SourceLines(text.removeprefix("\ufeff"), doc)

    def at(self, path: DataPath) -> Location:
        line, col = self.doc.mark(path)
        return Location(self.name, line, col)

    def reported_under(self, prefix: DataPath) -> list[DataPath]:
        if not self.problem_paths:
            return []
        size = len(prefix)
        return [p for p in self.problem_paths if p[:size] == prefix]

    def reported_own(self, base: DataPath, children: str) -> list[DataPath]:
        """Reader problems of the record at ``base``, leaving out those inside its child records."""
        depth = len(base)
        return [
            p
            for p in self.reported_under(base)
            if not (len(p) > depth + 1 and p[depth] == children)
        ]


@dataclass
class _KeptPosition:
    """A position that passed its own checks, awaiting the checks that need every actor."""

    file: _File
    base: DataPath
    actor_id: str
    position: Position
    evidence_paths: list[DataPath]


class _TreeLoader:
    def __init__(self, root: Path):
        self.root = root
        self.tree = Confinement(root)  # for this load only: folders may move between loads
        self.folder_names = {root / "positions": "positions/", root / "seeds": "seeds/"}
        self.dataset = DatasetBuilder(root=root)
        self.diagnostics: list[Diagnostic] = []
        self.seed_files: dict[str, str] = {}
        self.actor_files: dict[str, str] = {}
        self.kept: list[_KeptPosition] = []
        # What enters the dataset is the plain twin of each validated model (tui.core.records).
        self.twin = Twins()
        # Every actor id the tree will hold, once known: references are checked against it.
        self.known_actors: set[str] | None = None
        self.verifier = Verifier()

    def load(self) -> Dataset:
        positions_dir, seeds_dir = self.root / "positions", self.root / "seeds"
        seed_paths = [p for p in self.entries(seeds_dir) if p.name.endswith(".txt")]
        position_paths = self.entries(positions_dir)
        self.choose_seeds([seed for seed in map(self.read_seed, seed_paths) if seed is not None])
        if position_paths is not None:
            catalogue = positions_dir / ISSUES_FILE
            if catalogue in position_paths:
                self.load_issues(catalogue)
            else:
                self.error(self.name(catalogue), 1, 1, "missing issue catalogue")
            read = (
                self.read_actor(path)
                for path in position_paths
                if path.suffix in ACTOR_SUFFIXES and path.name != ISSUES_FILE
            )
            self.choose_actors([actor for actor in read if actor is not None])
        self.dataset.diagnostics = sorted(shown_safely(d) for d in self.diagnostics)
        return self.dataset.freeze()

    def entries(self, folder: Path) -> list[Path]:
        """The folder's entries; a folder that is missing or cannot be read is a diagnostic."""
        state = folder_state(folder)
        if state is None:
            try:
                return list_folder(folder)
            except Unreadable as refused:
                state = refused.reason
        if state == "missing":
            self.error(self.name(folder), 1, 1, f"missing folder {folder.name}/")
        else:
            self.error(self.name(folder), 1, 1, f"{state} ({folder.name}/ is left out)")
        return []

    # -- helpers -------------------------------------------------------------------------------

    def name(self, path: Path) -> str:
        folder = self.folder_names.get(path.parent)
        if folder is not None:  # a file of positions/ or seeds/: asked for thousands of them
            return folder + path.name
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def error(self, file: str, line: int, col: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(file, line, col, Severity.ERROR, message))

    def error_at(self, file: _File, path: DataPath, message: str) -> None:
        line, col = file.doc.mark(path)
        self.error(file.name, line, col, message)

    def warn_at(self, file: _File, path: DataPath, message: str) -> None:
        line, col = file.doc.mark(path)
        self.diagnostics.append(Diagnostic(file.name, line, col, Severity.WARNING, message))

    def open_yaml(self, path: Path) -> _File:
        name = self.name(path)
        text, problem = read_text(path, within=self.tree)
        doc = (
            load_text(text)
            if text is not None
            else YamlDocument(problems=[problem] if problem else [])
        )
        file = _File(name, doc, text or "")
        for problem in file.doc.problems:
            self.error(name, problem.line, problem.col, problem.message)
        return file

    def validate(self, model: type[M], data: Any, file: _File, base: DataPath) -> M | None:
        """One record with no child records of its own; dropped on any problem."""
        reported = file.reported_under(base)
        record, errors = validate_record(model, data, file.doc, base, file.name, reported)
        self.diagnostics.extend(errors)
        return None if reported else record

    def validate_shell(
        self, model: type[M], children: str, data: Any, file: _File, base: DataPath
    ) -> M | None:
        """A record's own fields, its child records left for one-by-one checks."""
        reported = file.reported_own(base, children)
        record, errors = validate_record(
            _shell(model, children), data, file.doc, base, file.name, reported
        )
        self.diagnostics.extend(errors)
        return None if reported else record

    # -- seeds ---------------------------------------------------------------------------------

    def read_seed(self, path: Path) -> tuple[Path, ParsedSeed] | None:
        name = self.name(path)
        text, problem = read_text(path, within=self.tree)
        if text is None:
            assert problem is not None
            self.error(name, problem.line, problem.col, problem.message)
            return None
        parsed = parse_seed(text, name)
        self.diagnostics.extend(parsed.diagnostics)
        if parsed.meta is None or parsed.body is None:
            return None
        return path, parsed

    def choose_seeds(self, seeds: list[tuple[Path, ParsedSeed]]) -> None:
        """Every seed under its id; of two with one id, the file named after it wins."""
        for path, parsed in _named_first(
            seeds, lambda parsed: parsed.meta.id if parsed.meta else ""
        ):
            assert parsed.meta is not None and parsed.body is not None
            name = self.name(path)
            line, col = parsed.id_position()
            seed_id = parsed.meta.id
            if seed_id in self.dataset.seeds:
                self.error(
                    name,
                    line,
                    col,
                    f"duplicate seed id '{seed_id}' (also in {self.seed_files[seed_id]})",
                )
                continue
            self.seed_files[seed_id] = name
            self.dataset.seeds[seed_id] = Seed(
                self.twin(parsed.meta), parsed.body, Location(name, line, col)
            )
        # The seeds in file order, as a reader of seeds/ sees them.
        self.dataset.seeds = dict(
            sorted(self.dataset.seeds.items(), key=lambda i: i[1].location.path)
        )

    # -- issues --------------------------------------------------------------------------------

    def load_issues(self, path: Path) -> None:
        file = self.open_yaml(path)
        data = file.doc.data
        if data is None:
            return
        # The catalogue is only a container: its issues load even when it has a stray field.
        self.validate_shell(IssueCatalogue, "issues", data, file, ())
        items = data.get("issues")
        if not isinstance(items, list):
            return
        for index, item in enumerate(items):
            base = ("issues", index)
            issue = self.validate(Issue, item, file, base)
            if issue is None:
                continue
            if issue.id in self.dataset.issues:
                first = self.dataset.issue_locations[issue.id]
                self.error_at(
                    file,
                    (*base, "id"),
                    f"duplicate issue id '{issue.id}' (first at {first.line}:{first.col})",
                )
                continue
            self.dataset.issues[issue.id] = self.twin(issue)
            self.dataset.issue_locations[issue.id] = file.at(base)

    # -- actors --------------------------------------------------------------------------------

    def read_actor(self, path: Path) -> tuple[Path, tuple[_File, Actor]] | None:
        file = self.open_yaml(path)
        data = file.doc.data
        if data is None:
            return None
        shell = self.validate_shell(Actor, "positions", data, file, ())
        if shell is None:
            return None
        return path, (file, shell)

    def choose_actors(
        self, actors: list[tuple[Path, tuple[_File, Actor]]], others: Iterable[str] = ()
    ) -> None:
        """Every actor under its id; of two with one id, the file named after it wins. Each
        file's stances are checked and verified as it loads, against these actors and
        ``others`` (the actors on hand, for a reload of one file). ``actors`` is consumed."""
        winner: dict[str, str] = {}
        for _, (file, shell) in _named_first(actors, lambda read: read[1].id):
            if shell.id in winner:
                self.error_at(
                    file,
                    ("id",),
                    f"duplicate actor id '{shell.id}' (also in {winner[shell.id]})",
                )
            else:
                winner[shell.id] = file.name
        self.known_actors = {*winner, *others}
        # Where each file names its actor, for the look-alike warnings once all are loaded.
        named_at = {file.name: file.doc.mark(("name",)) for _, (file, _) in actors}
        # Actors and their positions load in file order, each from the file that won its id,
        # and each file is done with (checked, verified, its parsed values and models let go)
        # before the next: every actor file of a large tree held at once, parsed, validated
        # and as records, was the peak of a load's memory.
        pending = actors[::-1]
        actors.clear()  # the caller's list too: it is consumed
        while pending:
            path, (file, shell) = pending.pop()
            if winner[shell.id] == file.name:
                self.actor_files[shell.id] = file.name
                self.load_actor(path, file, shell)
                self.check_references_and_verify()
                self.twin = Twins()  # a file's models are its own: none is shared with another
            del file, shell
        self.warn_look_alikes(named_at, self.dataset.actors.values())

    def warn_look_alikes(self, named_at: dict[str, tuple[int, int]], actors: Any) -> None:
        """Two actors whose names look the same on screen, or a name that shows as nothing."""
        names = {actor.id: actor.name for actor in actors}
        for actor_id, name in names.items():
            if shows_as_nothing(name):
                self.warning_at(
                    actor_id, named_at, "name shows as nothing: it is only invisible characters"
                )
        for pair in look_alikes(names.items()):
            for actor_id, other in (pair, pair[::-1]):  # at both: either may be the impostor
                self.warning_at(
                    actor_id,
                    named_at,
                    f"name looks the same as that of actor '{other}' on screen (they differ only "
                    "in invisible characters, case or character forms)",
                )

    def warning_at(self, actor_id: str, named_at: dict[str, tuple[int, int]], message: str) -> None:
        name = self.actor_files[actor_id]
        line, col = named_at[name]
        self.diagnostics.append(Diagnostic(name, line, col, Severity.WARNING, message))

    def load_actor(self, path: Path, file: _File, shell: Actor) -> None:
        actor_id = shell.id
        if actor_id != path.stem:
            self.warn_at(
                file, ("id",), f"actor id '{actor_id}' does not match the file name '{path.name}'"
            )
        positions = self.load_positions(file, actor_id, shell.positions)
        fields = {name: getattr(shell, name) for name in Actor.model_fields if name != "positions"}
        self.dataset.actors[actor_id] = self.twin(
            Actor.model_validate({**fields, "positions": positions})
        )
        self.dataset.actor_locations[actor_id] = file.at(("id",))

    def load_positions(self, file: _File, actor_id: str, items: list[Any]) -> list[Position]:
        kept: list[Position] = []
        first_at: dict[tuple[str, Any], tuple[Location, Position]] = {}
        for index, item in enumerate(items):
            base = ("positions", index)
            loaded = self.load_position(file, base, item)
            if loaded is None:
                continue
            position, evidence_paths = loaded
            if position.issue not in self.dataset.issues:
                self.error_at(
                    file,
                    (*base, "issue"),
                    f"unknown issue '{position.issue}'"
                    + did_you_mean(position.issue, self.dataset.issues),
                )
                continue
            key = (position.issue, position.as_of)
            if key in first_at:
                first, earlier = first_at[key]
                where = f"{first.line}:{first.col}"
                if not _disagree_from_other_sources(earlier, position):
                    self.error_at(
                        file,
                        (*base, "as_of"),
                        f"a second stance on '{position.issue}' as of {position.as_of} "
                        f"(first at {where})",
                    )
                    continue
                # Two sources that disagree on one day: both are kept, the cell shows it disputed.
                self.warn_at(
                    file,
                    (*base, "as_of"),
                    f"disputed: a second stance on '{position.issue}' as of "
                    f"{position.as_of} from other sources disagrees with the one at {where}; "
                    "both are kept and shown as disputed",
                )
            else:
                first_at[key] = (file.at(base), position)
            kept.append(position)
            self.kept.append(_KeptPosition(file, base, actor_id, position, evidence_paths))
        return kept

    def load_position(
        self, file: _File, base: DataPath, item: Any
    ) -> tuple[Position, list[DataPath]] | None:
        shell = self.validate_shell(Position, "evidence", item, file, base)
        if shell is None:
            return None
        evidence, paths = [], []
        for index, entry in enumerate(shell.evidence):
            where = (*base, "evidence", index)
            record = self.validate(Evidence, entry, file, where)
            if record is not None:
                evidence.append(record)
                paths.append(where)
        if not evidence:
            self.error_at(
                file, base, f"position on '{shell.issue}' dropped: none of its evidence is valid"
            )
            return None
        fields = {
            name: getattr(shell, name) for name in Position.model_fields if name != "evidence"
        }
        return Position.model_validate({**fields, "evidence": evidence}), paths

    # -- references and verification -----------------------------------------------------------

    def check_references_and_verify(self) -> None:
        """The stances loaded so far: references to actors and issues, quotes verified."""
        issues = self.dataset.issues
        actors = self.known_actors if self.known_actors is not None else self.dataset.actors
        verifier = self.verifier
        # Each checked position is let go as its record is built (see choose_actors).
        pending = self.kept[::-1]
        self.kept = []
        while pending:
            kept = pending.pop()
            file, base = kept.file, kept.base
            for index, condition in enumerate(kept.position.conditions):
                where = (*base, "conditions", index)
                if condition.actor not in actors:
                    self.error_at(
                        file,
                        (*where, "actor"),
                        f"unknown actor '{condition.actor}'"
                        + did_you_mean(condition.actor, actors),
                    )
                if condition.issue not in issues:
                    self.error_at(
                        file,
                        (*where, "issue"),
                        f"unknown issue '{condition.issue}'"
                        + did_you_mean(condition.issue, issues),
                    )
            records = tuple(
                self.evidence_record(kept, evidence, where, verifier)
                for evidence, where in zip(kept.position.evidence, kept.evidence_paths)
            )
            record = StanceRecord(kept.actor_id, self.twin(kept.position), records, file.at(base))
            # An unknown speaker is already an error; the warning is for known other speakers.
            if (
                record.position.inferred is None
                and speaks_only_of_others(record)
                and all(ev.speaker_id in actors for ev in records)
            ):
                self.warn_at(
                    file,
                    base,
                    f"the stance on '{record.issue_id}' rests only on other speakers' words; "
                    "if it is an inference, say why with `inferred:`",
                )
            self.dataset.stances.append(record)

    def evidence_record(
        self, kept: _KeptPosition, evidence: Evidence, where: DataPath, verifier: Verifier
    ) -> EvidenceRecord:
        file = kept.file
        actors = self.known_actors if self.known_actors is not None else self.dataset.actors
        if evidence.speaker is not None and evidence.speaker not in actors:
            self.error_at(
                file,
                (*where, "speaker"),
                f"unknown actor '{evidence.speaker}'" + did_you_mean(evidence.speaker, actors),
            )
        spans: tuple[tuple[int, int], ...] = ()
        verified = False
        seed = self.dataset.seeds.get(evidence.source)
        if seed is None:
            self.error_at(
                file,
                (*where, "source"),
                f"unknown seed '{evidence.source}'"
                + did_you_mean(evidence.source, self.dataset.seeds),
            )
        elif not verifier.can_afford(
            seed.id, seed.body, evidence.text, file.name, file_budget(file.size)
        ):
            self.error_at(
                file,
                (*where, "text"),
                f"not verified: this file's evidence has searched "
                f"{verifier.searched_by.get(file.name, 0):,} characters of seed text, its limit; "
                f"seed '{seed.id}' is cited too often for its size",
            )
        else:
            outcome = verifier.verify(seed.id, seed.body, evidence.text, file.name)
            verified, spans = outcome.found, outcome.spans
            if not verified:
                self.report_not_found(file, where, evidence.text, seed, outcome, verifier)
        return EvidenceRecord(
            actor_id=kept.actor_id,
            issue_id=kept.position.issue,
            as_of=kept.position.as_of,
            evidence=self.twin(evidence),
            speaker_id=evidence.speaker or kept.actor_id,
            verified=verified,
            spans=spans,
            location=file.at(where),
        )

    def report_not_found(
        self,
        file: _File,
        where: DataPath,
        text: str,
        seed: Seed,
        outcome: Verification,
        verifier: Verifier,
    ) -> None:
        """An evidence text not verbatim in its seed: at the first word that differs, with the
        seed's words there; or at its source, when the text is verbatim in another seed."""
        report = report_not_found(
            text, seed, outcome, self.dataset.seeds, verifier, file.name, file_budget(file.size)
        )
        if report.other_seed is not None:
            self.error_at(file, (*where, "source"), report.message)
            return
        position = None
        if report.offset is not None:
            position = file.source.word_position((*where, "text"), text, report.offset)
        line, col = position or file.doc.mark((*where, "text"))
        self.error(file.name, line, col, report.message)


def _disagree_from_other_sources(first: Position, second: Position) -> bool:
    """Two stances of one day that say different things, citing no source in common."""
    if (first.stance, first.conditions) == (second.stance, second.conditions):
        return False
    sources = {evidence.source for evidence in first.evidence}
    return not sources & {evidence.source for evidence in second.evidence}


def _named_first(items: list[tuple[Path, R]], id_of: Callable[[R], str]) -> list[tuple[Path, R]]:
    """``items`` with, for each id, the one from the file named after it first (else file order)."""
    named = [item for item in items if item[0].stem == id_of(item[1])]
    others = [item for item in items if item[0].stem != id_of(item[1])]
    return named + others


def shown_safely(diagnostic: Diagnostic) -> Diagnostic:
    """The diagnostic with control and bidi characters of names and values made visible."""
    message, path = clean(diagnostic.message), clean(diagnostic.path)
    if message is diagnostic.message and path is diagnostic.path:
        return diagnostic
    return replace(diagnostic, message=message, path=path)
