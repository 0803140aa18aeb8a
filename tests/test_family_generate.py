"""Constructed NNP, MIG and NTT values: ``generate``, its command, and the strategies."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from stdnum import luhn

import nirkit
from nirkit import MIG, NNP, NTT, Family
from nirkit._family_rules import read
from nirkit._generate_family import FAMILY_ERROR_CODES
from nirkit.cli import main
from nirkit.strategies import family_strings, invalid_family_strings, migs, nnps, ntts

SIREN = "732829320"
FAMILIES = [Family.NNP, Family.MIG, Family.NTT]
# The shapes, written from RULES.md section 10 and independent of nirkit's checks.
SHAPES = {
    Family.NNP: re.compile("[78][12](?!000)[0-9]{3}(?!0{8})[0-9]{8}"),
    Family.MIG: re.compile("[56][12](?!000)[0-9]{3}(?!0{8})[0-9]{8}"),
    Family.NTT: re.compile("[12][0-9]{9}[0-9A-Za-z]{1,30}"),
}
# For find(): no example database, so that these tests explore the same examples each run.
_FIND = settings(max_examples=100, database=None, phases=[Phase.generate, Phase.shrink])
CASES = [(family, code) for family in FAMILIES for code in FAMILY_ERROR_CODES[family]]


def _codes(family: Family, text: str, siren: str | None = None) -> list[str]:
    return [issue.code for issue in read(family, text, siren=siren).errors]


@pytest.mark.parametrize("family", FAMILIES)
def test_valid_values(family: Family) -> None:
    rng = random.Random(20)
    for _ in range(300):
        text = nirkit.generate(family=family, rng=rng)
        assert SHAPES[family].fullmatch(text), text
        assert nirkit.candidates(text, profile="strict")[-1] is family  # no warning
        if family is Family.NTT:
            assert luhn.is_valid(text[1:10]) and text[1:10] != "000000000"


@pytest.mark.parametrize(("family", "code"), CASES)
def test_error_breaks_exactly_one_rule(family: Family, code: str) -> None:
    rng = random.Random(21)
    siren = SIREN if code == "siren_mismatch" else None
    for _ in range(300):
        text = nirkit.generate(family=family, error=code, siren=siren, rng=rng)  # type: ignore[arg-type]
        assert _codes(family, text, siren) == [code], text


def test_options() -> None:
    rng = random.Random(22)
    assert (
        nirkit.parse_nnp(
            nirkit.generate(family="nnp", registered_sex="female", rng=rng)
        ).registered_sex
        == "female"
    )
    assert (
        nirkit.parse_mig(nirkit.generate(family="mig", registered_sex="male", rng=rng)).compact[0]
        == "5"
    )
    value = nirkit.parse_ntt(nirkit.generate(family="ntt", siren="732 829 320", rng=rng))
    assert value.siren == SIREN and not value.warnings
    # A SIREN as asked, even one failing the Luhn check: its warning comes with it.
    value = nirkit.parse_ntt(nirkit.generate(family="ntt", siren="732829321", rng=rng))
    assert [w.code for w in value.warnings] == ["siren_not_luhn"]
    broken = nirkit.generate(family="ntt", siren=SIREN, error="siren_mismatch", rng=rng)
    assert nirkit.parse_ntt(broken).siren != SIREN  # valid read without the expected SIREN


def test_same_seed_same_values() -> None:
    for family in FAMILIES:
        first = [nirkit.generate(family=family, rng=random.Random(5)) for _ in range(3)]
        assert first == [nirkit.generate(family=family, rng=random.Random(5)) for _ in range(3)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"family": "nnp", "year": 80}, "year: NIR options"),
        ({"family": "ntt", "kind": "definitive", "department": "75"}, "department, kind: NIR"),
        ({"family": "mig", "siren": SIREN}, "siren is an option of an NTT"),
        ({"siren": SIREN}, "siren is an option of an NTT"),
        ({"family": "nnp", "error": "key_mismatch"}, "code 'key_mismatch' for family='nnp'"),
        ({"family": "ntt", "error": "bad_fund"}, "unknown error code 'bad_fund' for family='ntt'"),
        ({"error": "bad_fund"}, "unknown error code 'bad_fund' for a NIR"),
        ({"family": "ntt", "error": "siren_mismatch"}, "needs siren: the SIREN"),
        ({"family": "ntt", "siren": "12"}, "9-digit SIREN"),
        ({"family": "nnp", "error": "bad_kind_digit", "registered_sex": "male"}, "no registered"),
        ({"family": "nnp", "registered_sex": "other"}, "'male' or 'female'"),
        ({"family": "xyz"}, "is not a valid Family"),
    ],
)
def test_impossible_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        nirkit.generate(**options)


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--family", "nnp", "--count", "2", "--seed", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(SHAPES[Family.NNP].fullmatch(line) for line in lines)
    assert main(["generate", "--family", "ntt", "--siren", SIREN, "--display", "--seed", "1"]) == 0
    assert capsys.readouterr().out.startswith(("1 732829320 ", "2 732829320 "))
    argv = ["generate", "--family", "mig", "--error", "bad_fund", "--format", "json", "--seed", "1"]
    assert main(argv) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["family"] == "mig" and record["error"] == "bad_fund"
    assert _codes(Family.MIG, record["number"]) == ["bad_fund"]
    assert main(["generate", "--family", "nnp", "--format", "csv", "--seed", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "number,family,error"
    assert main(["generate", "--family", "nnp", "--kind", "definitive"]) == 2
    assert "kind: NIR options" in capsys.readouterr().err


# --- strategies --------------------------------------------------------------------


@given(st.sampled_from(FAMILIES).flatmap(lambda f: st.tuples(st.just(f), family_strings(f))))
def test_family_strings_are_valid_without_warning(pair: tuple[Family, str]) -> None:
    family, text = pair
    assert SHAPES[family].fullmatch(text)
    assert family in nirkit.candidates(text, profile="strict")


@given(nnps(registered_sex="female"), migs(), ntts(siren=SIREN))
def test_value_strategies(nnp: NNP, mig: MIG, ntt: NTT) -> None:
    assert nnp.registered_sex == "female" and not nnp.warnings
    assert mig.compact[0] in "56" and ntt.siren == SIREN


@given(st.from_type(NNP), st.from_type(MIG), st.from_type(NTT))
def test_from_type(nnp: NNP, mig: MIG, ntt: NTT) -> None:
    assert (nnp.family, mig.family, ntt.family) == (Family.NNP, Family.MIG, Family.NTT)


@pytest.mark.parametrize(("family", "code"), CASES)
@given(data=st.data())
def test_invalid_family_strings(family: Family, code: str, data: st.DataObject) -> None:
    siren = SIREN if code == "siren_mismatch" else None
    text = data.draw(invalid_family_strings(family, code, siren=siren))  # type: ignore[arg-type]
    assert _codes(family, text, siren) == [code]


@given(invalid_family_strings("ntt"))
def test_invalid_family_strings_without_siren_leave_out_the_mismatch(text: str) -> None:
    assert _codes(Family.NTT, text) in (["bad_length"], ["bad_character"], ["bad_kind_digit"])


def test_nir_family_delegates() -> None:
    text = find(family_strings("nir"), lambda _: True, settings=_FIND, random=random.Random(0))
    assert nirkit.is_valid(text)
    broken = find(invalid_family_strings("nir", "bad_month"), lambda _: True, settings=_FIND)
    assert [issue.code for issue in nirkit.diagnose(broken).errors] == ["bad_month"]
    with pytest.raises(ValueError, match="a NIR takes no siren"):
        invalid_family_strings("nir", "bad_fund")
    with pytest.raises(ValueError, match="siren is an option of an NTT"):
        family_strings("nir", siren=SIREN)


@pytest.mark.parametrize(
    ("strategy", "simplest"),
    [(nnps(), "7100100000001"), (migs(), "5100100000001"), (ntts(), "1000000018" + "0")],
)
def test_shrinks_towards_simple_values(strategy: Any, simplest: str) -> None:
    found = find(strategy, lambda _: True, settings=_FIND, random=random.Random(0))
    assert found.compact == simplest
