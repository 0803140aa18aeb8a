"""The public API's types, checked by ``mypy --strict`` (and run, harmlessly)."""

from __future__ import annotations

from typing import assert_type

import nirkit

NUMBER = "2 95 10 99 126 111 93"


def test_public_types() -> None:
    number = nirkit.parse(NUMBER, profile="lenient", context=nirkit.OID_INS_NIR)
    assert_type(number, nirkit.NIR)
    assert_type(number.kind, nirkit.Kind)
    assert_type(number.birth_month, int | None)
    assert_type(number.place, nirkit.Place)
    assert_type(number.place.country_name, str | None)
    assert_type(number.warnings, tuple[nirkit.Issue, ...])
    assert_type(nirkit.validate(NUMBER, profile=nirkit.STRICT), str)
    assert_type(nirkit.is_valid(NUMBER), bool)
    assert_type(nirkit.classify(NUMBER), nirkit.Kind)
    diagnosis = nirkit.diagnose(NUMBER)
    assert_type(diagnosis, nirkit.Diagnosis)
    assert_type(diagnosis.kind, nirkit.Kind | None)
    assert_type(diagnosis.errors, tuple[nirkit.Issue, ...])
    assert_type(nirkit.compute_key("2951099126111"), int)
    assert_type(nirkit.mask(NUMBER), str)
    assert diagnosis.valid
