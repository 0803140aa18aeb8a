"""Context from a file's structure: names given lines above a number, a key kept in
its own column, and the false alarms the structure rules out.

Each case is a file in which ``⟦`` marks the start of every token that must be
reported (the marks are removed before writing): the expected line and column
come from the text itself, not from the linter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_lint_helpers import compact, lint_json, with_key, wrong_key

MARK = "⟦"
GOOD = compact(with_key("1 84 02 75 123 456"))
GOOD2 = compact(with_key("2 95 10 99 126 111"))
PROVISIONAL = compact(with_key("7 81 05 99 126 045"))
BAD_MONTH = compact(with_key("1 84 13 75 123 456"))  # not NIR-shaped: needs a context
BAD_KIND = compact(with_key("5 84 02 75 123 456"))
KEYLESS = GOOD[:13]
TOO_LONG = GOOD + "7"
WRONG_KEY = compact(wrong_key("1 84 02 75 123 456"))  # NIR-shaped: found anywhere
BODY, KEY = GOOD[:13], GOOD[13:]


def _luhn_completed(prefix: str) -> str:
    """``prefix`` and the digit that makes it pass the Luhn check (as IMEIs do)."""
    for last in "0123456789":
        digits = [int(d) for d in prefix + last][::-1]
        doubled = [d * 2 - 9 * (d > 4) if i % 2 else d for i, d in enumerate(digits)]
        total = sum(doubled)
        if total % 10 == 0:
            return prefix + last
    raise AssertionError(prefix)  # pragma: no cover


IMEI = _luhn_completed("35645012345678")  # kind 3, month 45: only bad_month and its key
DATED = "202404151234567"  # a reference: a date and 7 digits (month 40, département 41)
CARD_LIKE = _luhn_completed("18402751234563")  # NIR-shaped and Luhn-valid, wrong key
GROUPS = ((0, 1), (1, 3), (3, 5), (5, 7), (7, 10), (10, 13), (13, 15))
DISPLAYED_CARD_LIKE = " ".join(CARD_LIKE[start:end] for start, end in GROUPS)


def layout(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without marks, and the (line, column) of each mark, 1-based."""
    places = []
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        rest = line
        while MARK in rest:
            places.append((number, rest.index(MARK) + 1))
            rest = rest.replace(MARK, "", 1)
    return text.replace(MARK, ""), places


def lint_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, *argv: str
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    clean, places = layout(text)
    (tmp_path / name).write_text(clean, encoding="utf-8", newline="")
    _, document, err = lint_json(capsys, *argv, str(tmp_path / name))
    assert err == ""
    findings = document["findings"]
    assert isinstance(findings, list)
    return [(f["line"], f["column"], f["code"]) for f in findings], places


CASES = {
    "a JSON list opened under a nirs key on an earlier line": (
        "fixture.json",
        f'{{\n  "nirs": [\n    "{GOOD}",\n    "⟦{BAD_MONTH}",\n    "⟦{KEYLESS}"\n  ],\n'
        f'  "eans": [\n    "{KEYLESS}",\n    "{BAD_MONTH}"\n  ]\n}}\n',
    ),
    "JSON keys that name a NIR, nested or after a generic name": (
        "api.json",
        f'{{"patient": {{"immatriculation": "⟦{BAD_KIND}", "ins": "⟦{TOO_LONG}",\n'
        f' "nir": {{"valeur": "⟦{KEYLESS}"}}, "reference": "{BAD_MONTH}"}}}}\n',
    ),
    "minified JSON": (
        "api.min.json",
        f'[{{"id":1,"nss":"{GOOD}"}},{{"id":2,"nss":"⟦{BAD_MONTH}"}},'
        f'{{"nirs":["{GOOD2}","⟦{KEYLESS}"]}},{{"ean":"{KEYLESS}"}}]\n',
    ),
    "YAML lists and mappings under NIR names": (
        "fixtures.yaml",
        f"cas_de_test:\n  nir:\n    valides:\n      - {GOOD}\n    invalides:\n"
        f"      - ⟦{BAD_MONTH}  # mois 13\n      - '⟦{KEYLESS}'\n"
        f"nirs:\n- ⟦{BAD_KIND}\nnss_list: [{GOOD}, ⟦{TOO_LONG}]\n"
        f"codes_barres:\n  - {KEYLESS}\n",
    ),
    "SQL: column lists of INSERT (one row, many rows) and COPY, and UPDATE": (
        "dump.sql",
        "-- l'export du 3 mars\n"
        f"INSERT INTO patients (id, nom, nir) VALUES (1, 'O''Brien', '⟦{BAD_MONTH}');\n"
        f"INSERT INTO patients (id, nom, nir) VALUES\n  (2, 'a, b', '{GOOD}'),\n"
        f"  (3, 'c', '⟦{KEYLESS}'),\n  (4, '{KEYLESS}', '{GOOD2}');\n"
        "COPY public.assures (id, ean, nss) FROM stdin;\n"
        f"5\t{KEYLESS}\t⟦{BAD_KIND}\n6\t{BAD_MONTH}\t{GOOD}\n\\.\n"
        f"UPDATE patients SET nir = '⟦{TOO_LONG}' WHERE id = 1;\n"
        f"SELECT * FROM t WHERE ean = '{KEYLESS}';\n",
    ),
    "Python: names, dict keys, keyword arguments, parametrize, and the file's own numbers": (
        "test_people.py",
        f'VALID = [\n    "{GOOD}",\n    "{GOOD2}",\n    "{PROVISIONAL}",\n]\n'
        f'INVALID = [\n    ("⟦{BAD_MONTH}", "bad_month"),  # mois 13\n'
        f'    ("⟦{KEYLESS}", "key_missing"),\n]\n'
        f'patient_nir = "⟦{BAD_KIND}"\nrow = {{"nss": "⟦{TOO_LONG}", "ean": "{KEYLESS}"}}\n'
        f'make(nir="⟦{KEYLESS}", order="{BAD_MONTH}")\n'
        f'@pytest.mark.parametrize(\n    "nir",\n    [\n        "⟦{BAD_MONTH}",\n    ],\n)\n'
        f'EANS = ["{KEYLESS}"]\n',
    ),
    "JavaScript: const names and object keys": (
        "patients.fixture.ts",
        f'export const nirs: string[] = [\n  "⟦{BAD_MONTH}",\n];\n'
        f'const patients = [{{ nir: "⟦{KEYLESS}", phone: "{BAD_MONTH}" }}];\n'
        f'// "{BAD_KIND}" in a comment under no name\n',
    ),
    "Markdown: a table's NIR column, prose that names the number, French spaces": (
        "notes.md",
        f"| Dossier | NIR | EAN |\n|---|---|---|\n| 1 | ⟦{BAD_MONTH} | {KEYLESS} |\n\n"
        f"Le NIR : ⟦{BAD_KIND}, puis la commande {KEYLESS}.\n"
        "Numéro de sécurité sociale\u00a0: ⟦1\u00a084\u00a013\u00a075\u00a0123\u00a0456\u00a078\n"
        f"Référence {BAD_MONTH} sans nom.\n",
    ),
    "CSV headers, with ; and tabs, an Excel sep= line": (
        "export.csv",
        f"sep=;\nN° dossier;Numéro de sécurité sociale;Code EAN\n1;⟦{BAD_MONTH};{KEYLESS}\n"
        f'2;"⟦{KEYLESS}";{BAD_KIND}\n',
    ),
    "HTML: a table's header cells name its columns, a table without them names none": (
        "patients.html",
        f"<table>\n<tr><td>1</td><td>{BAD_MONTH}</td></tr>\n<tr><td>2</td><td>{BAD_MONTH}</td>"
        "</tr>\n</table>\n<TABLE>\n<tr><th>Dossier</th><th>N° SS</th><th>EAN</th></tr>\n"
        f"<tr><td>3</td><td>⟦{BAD_MONTH}</td><td>{KEYLESS}</td></tr>\n"
        f"<TR><td>4</td><TD>⟦{KEYLESS}</TD><td>{BAD_MONTH}</td></TR>\n</TABLE>\n",
    ),
    "a tab-separated export saved as .txt": (
        "export.txt",
        f"Nom\tN° SS\tEAN\nMartin\t⟦{KEYLESS}\t{KEYLESS}\nDurand\t{GOOD}\t{BAD_MONTH}\n",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_names_from_the_structure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    name, text = CASES[case]
    found, places = lint_file(tmp_path, capsys, name, text)
    assert [(line, column) for line, column, _ in found] == places


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cle.csv", f"id;nir13;cle\n1;{BODY};{KEY}\n2;{BODY};⟦{WRONG_KEY[13:]}\n"),
        ("cle_avant.csv", f'cle_nir,"nss"\n{KEY},{BODY}\n⟦{WRONG_KEY[13:]},{BODY}\n'),
        (
            "split.json",
            f'[{{"nir13": "{GOOD[:13]}", "cle": "{GOOD[13:]}"}},\n'
            f' {{"nir13": "{GOOD[:13]}",\n  "clé": "⟦{WRONG_KEY[13:]}"}}]\n',
        ),
        (
            "split.sql",
            "INSERT INTO t (nir, cle) VALUES\n"
            f"  ('{GOOD[:13]}', '{GOOD[13:]}'),\n  ('{GOOD[:13]}', '⟦{WRONG_KEY[13:]}');\n",
        ),
    ],
)
def test_a_key_in_its_own_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    """A valid pair is one valid number; a wrong key is reported at its own cell."""
    found, places = lint_file(tmp_path, capsys, name, text)
    assert found == [(*place, "key_mismatch") for place in places]
    found, _ = lint_file(tmp_path, capsys, name, text, "--report-valid")
    assert [code for _, _, code in found] == ["valid_number", "key_mismatch"]


def test_a_broken_body_beside_its_key_is_reported_at_the_body(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = BAD_MONTH[:13]
    text = f"nir;cle\n⟦{body};{BAD_MONTH[13:]}\n⟦{GOOD[:13]};\n"
    found, places = lint_file(tmp_path, capsys, "a.csv", text)
    assert found == [(*places[0], "bad_month"), (*places[1], "key_missing")]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (f"{DATED}\n", "a dated reference breaks the key: no context, no finding"),
        (f"ref {DATED[:8]}0000000\n", "whatever field it breaks (commune 000 here)"),
        (f"{IMEI}\n", "an IMEI with digits 4-5 in 43-49 breaks the month"),
        (f"{CARD_LIKE}\n", "a NIR-shaped number passing Luhn, compact, without context"),
        (f"facture;imei;reference\n1;{IMEI};{DATED}\n", "an invoices CSV"),
    ],
)
def test_dated_and_card_like_numbers_need_a_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, why: str
) -> None:
    found, _ = lint_file(tmp_path, capsys, "invoices.csv" if ";" in text else "a.txt", text)
    assert found == [], why


@pytest.mark.parametrize(
    "text",
    [
        f"nir: ⟦{DATED}\n",
        f"nir: ⟦{IMEI}\n",
        f"paid by ⟦{DISPLAYED_CARD_LIKE}\n",
    ],
    ids=["named", "named IMEI", "display grouping"],
)
def test_a_context_makes_them_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    found, places = lint_file(tmp_path, capsys, "a.txt", text)
    assert [(line, column) for line, column, _ in found] == places


def test_a_column_of_valid_numbers_names_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column whose header says nothing but whose cells are valid numbers holds NIRs;
    its neighbour of the same shape is not learned from it."""
    rows = [f"{i};{number};{KEYLESS}" for i, number in enumerate([GOOD, GOOD2, PROVISIONAL])]
    text = "dossier;identifiant;autre\n" + "\n".join(rows) + f"\n4;⟦{BAD_MONTH};{BAD_MONTH}\n"
    found, places = lint_file(tmp_path, capsys, "a.csv", text)
    assert [(line, column) for line, column, _ in found] == places


def test_a_csv_header_that_the_csv_module_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quoted header field over 128 KiB and bare CR line ends: read, not a crash."""
    huge = '"' + "x" * 200_000 + '"'
    (tmp_path / "a.csv").write_bytes(f"{huge},nir\r1,{BAD_MONTH}\r".encode())
    (tmp_path / "b.csv").write_bytes(f"nir\n{WRONG_KEY}\n".encode())
    code, document, err = lint_json(capsys, str(tmp_path))
    assert (code, err) == (1, "")
    found = document["findings"]
    assert isinstance(found, list)
    assert [(f["path"].rsplit("/", 1)[-1], f["line"], f["column"]) for f in found] == [
        ("a.csv", 2, 3),
        ("b.csv", 2, 1),
    ]
