"""A dataset holds plain frozen twins of the validated models, never the models themselves."""

from __future__ import annotations

import dataclasses

import pytest

from tui.core import models, records
from tui.core.loader import load_tree
from tui.core.paths import bundled_data_dir


@pytest.mark.parametrize("name", sorted(records.TWINS))
def test_each_twin_has_the_fields_of_its_model(name: str) -> None:
    model = getattr(models, name)
    assert records.FIELD_NAMES[records.TWINS[name]] == frozenset(model.model_fields)


def _every_record(dataset):
    yield from dataset.issues.values()
    for actor in dataset.actors.values():
        yield actor
        for position in actor.positions:
            yield position
            yield from position.conditions
            yield from position.evidence
    for seed in dataset.seeds.values():
        yield seed.meta
    for stance in dataset.stances:
        yield stance.position
        yield from (item.evidence for item in stance.evidence)


def test_a_loaded_dataset_holds_only_frozen_twins_shared_as_the_models_were() -> None:
    dataset = load_tree(bundled_data_dir())
    kinds = {type(record) for record in _every_record(dataset)}
    assert kinds == {
        records.Issue,
        records.Actor,
        records.Position,
        records.Condition,
        records.Evidence,
        records.SeedMeta,
    }
    actor = next(iter(dataset.actors.values()))
    with pytest.raises(dataclasses.FrozenInstanceError):
        actor.name = "someone else"  # type: ignore[misc]
    assert isinstance(actor.aliases, tuple)
    # A stance's position is the very one its actor holds, as with the models.
    stance = dataset.stances[0]
    assert any(stance.position is p for p in dataset.actors[stance.actor_id].positions)


def test_a_condition_reads_the_same_as_its_model() -> None:
    for low, high in [(None, 0), (1, None), (-1, 1), (0, 0), (2, 2)]:
        model = models.Condition(actor="a", issue="b", min=low, max=high, text="t")
        twin = records.Condition("a", "b", low, high, "t")
        assert twin.needs() == model.needs()
        assert [twin.met_by(s) for s in (None, -2, 0, 2)] == [
            model.met_by(s) for s in (None, -2, 0, 2)
        ]
