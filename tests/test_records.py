"""The typed records (core/records.py) say what the models serve: kept equal by a test."""

from __future__ import annotations

import json
import shutil
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from conftest import FIXTURE_DATA, TESTS, run
from sovcloud import models
from sovcloud.core import records

PAIRS: list[tuple[Any, type[models.Strict] | type[models.LocalizedText]]] = [
    (records.ProviderRecord, models.Provider),
    (records.OwnerRecord, models.Owner),
    (records.OwnershipRecord, models.Ownership),
    (records.LicenceRecord, models.License),
    (records.OfferRecord, models.Offer),
    (records.DataCentreRecord, models.DataCentre),
    (records.CertificationRecord, models.Certification),
    (records.SourceRecord, models.Source),
    (records.EventRecord, models.Event),
    (records.LocalizedText, models.LocalizedText),
]


@pytest.mark.parametrize(("typed", "model"), PAIRS, ids=[m.__name__ for _, m in PAIRS])
def test_typed_records_have_the_models_fields_in_order(typed: Any, model: Any) -> None:
    assert list(typed.__annotations__) == list(model.model_fields)
    assert typed.__required_keys__ == frozenset(model.model_fields)  # served: every key


def _served(data: Path) -> dict[str, list[dict[str, Any]]]:
    result = run("export", "json", "-", "--data", str(data))
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    probe = tmp_path_factory.mktemp("probe") / "data"
    shutil.copytree(TESTS / "probe", probe)
    shutil.copytree(FIXTURE_DATA / "schemes", probe / "schemes")
    (probe / "events").mkdir()
    return [FIXTURE_DATA, probe]


def conforms(value: Any, hint: Any, where: str = "record") -> None:
    """The value has the type the hint says: a typed record has exactly its keys, in order
    (pydantic validates TypedDicts only from typing_extensions on Python 3.11, and core/
    uses the standard library only)."""
    if is_typeddict(hint):
        assert isinstance(value, dict), where
        hints = get_type_hints(hint)
        assert list(value) == list(hints), (where, list(value), list(hints))
        for key, inner in hints.items():
            conforms(value[key], inner, f"{where}.{key}")
    elif get_origin(hint) in (Union, types.UnionType):
        errors = []
        for option in get_args(hint):
            try:
                conforms(value, option, where)
                return
            except AssertionError as exc:
                errors.append(exc)
        raise AssertionError(where, value, errors)
    elif get_origin(hint) is list:
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            conforms(item, get_args(hint)[0], f"{where}[{i}]")
    elif hint is type(None):
        assert value is None, where
    else:
        assert type(value) is hint, (where, value, hint)  # bool is not an int here


def test_the_checker_refuses_what_it_should() -> None:
    good = {"en": "x", "fr": None}
    conforms(good, records.LocalizedText)
    for bad in ({"fr": None, "en": "x"}, {"en": 1, "fr": None}, {"en": "x"}, ["x"]):
        with pytest.raises(AssertionError):
            conforms(bad, records.LocalizedText)


def test_every_served_record_is_a_typed_record(catalogues: list[Path]) -> None:
    seen = 0
    for data in catalogues:
        document = _served(data)
        for record in document["providers"]:
            conforms(record, records.ProviderRecord, record["id"])
            seen += 1
        for record in document["events"]:
            conforms(record, records.EventRecord, record["id"])
    assert seen >= 8
