"""The linter end to end through ``main``: what is found, where, and what is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_lint_helpers import LOOKALIKES, compact, lint_json, with_key, wrong_key

GOOD = with_key("1 84 02 75 123 456")
PROVISIONAL = with_key("7 81 05 99 126 045")
SPECIMEN = "269054958815780"  # the published specimen: only to test the specimen rule


def _findings(document: dict[str, object]) -> list[dict[str, object]]:
    findings = document["findings"]
    assert isinstance(findings, list)
    return findings


@pytest.mark.parametrize("extra", [[], ["--report-valid"], ["--profile", "strict"]])
def test_lookalikes_give_no_finding(capsys: pytest.CaptureFixture[str], extra: list[str]) -> None:
    code, document, err = lint_json(capsys, *extra, str(LOOKALIKES))
    assert (code, _findings(document), err) == (0, [], "")
    assert document["summary"] == {
        "files_checked": 6,
        "files_skipped": 0,
        "findings": 0,
        "errors": 0,
        "stopped": False,
        "by_code": {},
        "valid_by_kind": {},
    }


@pytest.mark.parametrize(
    "token",
    [
        "356938035643809",  # an IMEI: NIR-shaped, Luhn-valid, wrong key
        "378282246310005",  # an Amex test card, same
        "4006381333931",  # an EAN-13
        "20240101123045",  # a timestamp (14 characters)
    ],
)
def test_lookalikes_are_examined_where_the_context_says_nir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], token: str
) -> None:
    """The lookalikes are silent because of their context, not because they are unseen."""
    (tmp_path / "a.yaml").write_text(f"nir: {token}\n", encoding="utf-8")
    code, document, _ = lint_json(capsys, str(tmp_path))
    assert code == 1
    assert [(f["line"], f["column"]) for f in _findings(document)] == [(1, 6)]


def _broken_lines() -> list[tuple[str, str, str]]:
    """(line, token, expected code): every kind of broken number, in its context."""
    return [
        (f"patient {compact(wrong_key('1 84 02 75 123 456'))} admitted", "", "key_mismatch"),
        (f"spaced {wrong_key('2 95 10 99 126 111')}.", "", "key_mismatch"),
        (f"corsica {wrong_key('1 84 02 2A 123 456')}", "", "key_mismatch"),
        ("out of range 1 84 02 75 123 456 00", "", "key_out_of_range"),
        (f"commune {with_key('1 84 02 75 000 456')}", "", "bad_commune"),
        (f"order {with_key('1 84 02 75 123 000')}", "", "bad_order"),
        (f"country {with_key('1 84 02 99 000 456')}", "", "bad_country"),
        (f"nir: {with_key('1 84 13 75 123 456')}", "", "bad_month"),
        (f'{{"nss": "{with_key("5 84 02 75 123 456")}"}}', "", "bad_kind_digit"),
        (f"numero_secu = '{with_key('1 84 02 00 123 456')}'", "", "bad_department"),
        (f"<nir>{GOOD[:5]}O{GOOD[6:]}</nir>", "", "bad_character"),
        (f"nir: {compact(GOOD)[:13]}", "", "key_missing"),
        (f"NIR: {compact(GOOD)[:14]}", "", "bad_length"),
        (f"patientNir = {compact(GOOD)}7", "", "bad_length"),
        (f"example {SPECIMEN}", "", "specimen"),
    ]


def _token(line: str) -> str:
    from nirkit._lint.candidates import TOKEN

    found = TOKEN.findall(line)
    assert len(found) == 1, line
    return str(found[0])


def test_every_broken_number_is_found_at_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _broken_lines()
    text = "".join(f"{line}\nfiller {GOOD} line\n" for line, _, _ in cases)
    (tmp_path / "broken.txt").write_text(text, encoding="utf-8")
    code, document, _ = lint_json(capsys, str(tmp_path / "broken.txt"))
    assert code == 1
    expected = [
        (2 * index + 1, line.index(_token(line)) + 1, wanted)
        for index, (line, _, wanted) in enumerate(cases)
    ]
    found = [(f["line"], f["column"], f["code"]) for f in _findings(document)]
    assert found == expected
    summary = document["summary"]
    assert isinstance(summary, dict)
    assert summary["valid_by_kind"] == {"definitive": len(cases) + 1}  # fillers + specimen


def test_csv_column_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = compact(GOOD)[:13]
    text = f'id,ean,"Numéro de sécurité sociale"\n1,{body},"{body}"\n2,{body},{body}\n'
    (tmp_path / "people.csv").write_text(text, encoding="utf-8")
    _, document, _ = lint_json(capsys, str(tmp_path))
    # The same 13 digits are a missing key in the NIR column, nothing in the EAN one.
    assert [(f["line"], f["column"], f["code"]) for f in _findings(document)] == [
        (2, 18, "key_missing"),
        (3, 17, "key_missing"),
    ]


@pytest.mark.parametrize(
    ("token", "codes"),
    [
        ("1.84.02.75.123.456", ["key_missing"]),  # dots between the display groups
        ("1.8402.75.123.456", ["key_missing"]),  # a grouping within one digit of a NIR's
        ("12.34567.890123", []),  # 13 digits, dots elsewhere: not a NIR's writing
        ("12.34567.8901234", []),  # 14 digits, the same
        ("1234.567.890123", []),
    ],
)
def test_a_dotted_token_is_examined_only_on_the_display_groups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], token: str, codes: list[str]
) -> None:
    """docs/lint.md: a dotted token whose dots do not fall between the display
    groups (an OID, a version, an address) is not examined, even in a NIR column."""
    (tmp_path / "people.csv").write_text(f"id,nir\n1,{token}\n", encoding="utf-8")
    _, document, _ = lint_json(capsys, str(tmp_path))
    assert [f["code"] for f in _findings(document)] == codes


def test_lenient_profile_accepts_a_missing_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text(f"nir: {compact(GOOD)[:13]}\n", encoding="utf-8")
    code, document, _ = lint_json(capsys, "--profile", "lenient", str(tmp_path))
    assert (code, _findings(document)) == (0, [])
    assert document["summary"]["valid_by_kind"] == {"definitive": 1}  # type: ignore[index]


@pytest.mark.parametrize(
    ("comment", "count"),
    [
        ("# nirkit: ignore", 0),
        ("# nirkit: ignore[key_mismatch]", 0),
        ("# nirkit: ignore[specimen]", 1),
        ("# nirkit: ignore[specimen, key_mismatch]", 0),
        ("# nirkit ignore", 1),  # not the marker
        ("", 1),
    ],
)
def test_inline_suppression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], comment: str, count: int
) -> None:
    line = f"x = '{wrong_key('1 84 02 75 123 456')}'  {comment}\n"
    (tmp_path / "a.py").write_text(line + line.replace(comment, ""), encoding="utf-8")
    _, document, _ = lint_json(capsys, str(tmp_path))
    assert [f["line"] for f in _findings(document)] == [1] * count + [2]


def test_leak_mode_reports_every_valid_number_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "log.txt").write_text(f"user {GOOD} logged in, then {PROVISIONAL}\n", "utf-8")
    code, document, _ = lint_json(capsys, "--report-valid", str(tmp_path))
    assert code == 1
    findings = _findings(document)
    assert [(f["code"], f["number"]) for f in findings] == [
        ("valid_number", "1 •• •• •• ••• ••• ••"),
        ("valid_number", "7 •• •• •• ••• ••• ••"),
    ]
    assert "provisional" in str(findings[1]["message"])


@pytest.mark.parametrize(
    ("kinds", "missing"),
    [
        ("definitive", []),
        ("provisional", []),
        ("definitive,provisional", []),
        ("waiting", ["waiting"]),
        ("waiting,provisional,definitive", ["waiting"]),
    ],
)
def test_require_kinds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kinds: str, missing: list[str]
) -> None:
    (tmp_path / "a.csv").write_text(f"nir\n{GOOD}\n{PROVISIONAL}\n", encoding="utf-8")
    code, document, _ = lint_json(capsys, "--require-kinds", kinds, str(tmp_path))
    findings = _findings(document)
    assert code == (1 if missing else 0)
    assert [f["code"] for f in findings] == ["missing_kind"] * len(missing)
    assert all(
        f["path"] is None and kind in str(f["message"])
        for f, kind in zip(findings, missing, strict=True)
    )


def test_rules_can_be_switched_off_and_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = (
        f"a {SPECIMEN}\nb {wrong_key('1 84 02 75 123 456')}\nc {with_key('1 84 02 99 999 456')}\n"
    )
    (tmp_path / "a.txt").write_text(lines, encoding="utf-8")

    def codes(*argv: str) -> list[object]:
        return [f["code"] for f in _findings(lint_json(capsys, *argv, str(tmp_path))[1])]

    assert codes() == ["specimen", "key_mismatch"]
    assert codes("--disable", "specimen") == ["key_mismatch"]
    assert codes("--disable", "specimen,key_mismatch") == []
    assert codes("--enable", "unknown_country") == ["specimen", "key_mismatch", "unknown_country"]


def test_a_disabled_first_error_gives_way_to_the_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(f"{wrong_key('1 84 02 75 000 456')}\n", encoding="utf-8")
    _, document, _ = lint_json(capsys, str(tmp_path))
    assert [(f["code"], f["also"]) for f in _findings(document)] == [
        ("bad_commune", ["key_mismatch"])
    ]
    _, document, _ = lint_json(capsys, "--disable", "bad_commune", str(tmp_path))
    assert [(f["code"], f["also"]) for f in _findings(document)] == [("key_mismatch", [])]


def test_a_ten_megabyte_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One huge line (cut into bounded blocks): numbers near both ends are found
    at their true columns."""
    bad = wrong_key("1 84 02 75 123 456")
    filler = "abc, 12, def; " * (10_000_000 // 14)
    line = f"{bad}, {filler}{bad}"
    (tmp_path / "big.txt").write_text(line + "\n", encoding="utf-8")
    _, document, _ = lint_json(capsys, str(tmp_path))
    assert [(f["line"], f["column"]) for f in _findings(document)] == [
        (1, 1),
        (1, len(line) - len(bad) + 1),
    ]
