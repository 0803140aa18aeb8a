"""Build the corpus: ``python -m tests.lint_corpus.build OUTDIR [--seed N] [--scale K] [--set b]``.

Writes ``OUTDIR/corpus/`` (the fixture files to lint) and ``OUTDIR/truth.json``
(where every number went). The same seed and scale give the same bytes; each
file draws from its own generator, so adding a file changes no other. Set ``a``
(the default) is the first corpus; set ``b`` is a second one, written blind
(``writers_b``), in file kinds and spellings set ``a`` does not have.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Final

from tests.lint_corpus import writers, writers_b
from tests.lint_corpus.document import CORPUS_DIR, Doc, FileSpec, Truth
from tests.lint_corpus.writers import Writer


@dataclass(frozen=True, slots=True)
class Plan:
    spec: FileSpec
    write: Writer
    size: int  # rows, records or sentences at scale 1


def _file(path: str, kind: str, encoding: str = "utf-8", newline: str = "\n") -> FileSpec:
    return FileSpec(path, kind, encoding, newline)


PLANS: Final = (
    Plan(_file("exports/patients.csv", "csv_export_utf8"), writers.patient_export(";"), 150),
    Plan(
        _file("exports/patients_ansi.csv", "csv_export_cp1252", "cp1252", "\r\n"),
        writers.patient_export(";"),
        120,
    ),
    Plan(
        _file("exports/patients_unicode.txt", "excel_unicode_text", "utf-16-le-bom", "\r\n"),
        writers.patient_export("\t"),
        100,
    ),
    Plan(
        _file("exports/patients_utf16be.txt", "excel_unicode_text", "utf-16-be-bom", "\r\n"),
        writers.patient_export("\t"),
        30,
    ),
    Plan(
        _file("split_key/assures.csv", "csv_split_key"),
        writers.split_key(
            ("id", "nom", "prenom", "nir13", "cle", "date_naissance"), "nir13", "cle", ";", ""
        ),
        80,
    ),
    Plan(
        _file("split_key/beneficiaires.csv", "csv_split_key", "utf-8-sig", "\r\n"),
        writers.split_key(("id", "nom", "nir", "cle_nir", "caisse"), "nir", "cle_nir", ",", '"'),
        50,
    ),
    Plan(
        _file("split_key/cle_avant.csv", "csv_split_key"),
        writers.split_key(("cle", "nom", "nss", "ville"), "nss", "cle", ";", ""),
        40,
    ),
    Plan(_file("api/patients.json", "json"), writers.api_json(2), 40),
    Plan(_file("api/patients.min.json", "json"), writers.api_json(None), 15),
    Plan(_file("config/fixtures.yaml", "yaml"), writers.fixtures_yaml, 45),
    Plan(_file("db/dump.sql", "sql"), writers.sql_dump, 40),
    Plan(_file("tests/test_patients.py", "python"), writers.python_tests, 20),
    Plan(_file("web/patients.fixture.ts", "typescript"), writers.typescript_fixture, 20),
    Plan(_file("docs/notes_support.md", "markdown"), writers.support_notes, 45),
    Plan(_file("billing/factures.csv", "invoices_csv"), writers.invoices, 300),
)


_B: Final = writers_b.WRITERS
PLANS_B: Final = (
    Plan(
        _file("paie/export_paie.csv", "csv_payroll_key_column", "utf-8-sig", "\r\n"),
        _B["payroll_export"],
        120,
    ),
    Plan(_file("rh/salaries_ansi.csv", "csv_hr_cp1252", "cp1252", "\r\n"), _B["hr_export"], 100),
    Plan(_file("rh/cle_avant_insee.csv", "csv_key_before_body"), _B["key_first_export"], 50),
    Plan(
        _file("exports/assures_utf16.tsv", "tsv_utf16_no_bom", "utf-16-le", "\r\n"),
        _B["utf16_export"],
        60,
    ),
    Plan(_file("logs/api.jsonl", "jsonl"), _B["api_log"], 80),
    Plan(_file("api/feuille_et_fhir.json", "json_nested"), _B["nested_json"], 30),
    Plan(_file("db/rh_mysql.sql", "sql_mysql"), _B["mysql_dump"], 40),
    Plan(_file("db/beneficiaires_pg.sql", "sql_postgres_copy"), _B["pg_dump"], 40),
    Plan(_file("interop/flux_assures.xml", "xml"), _B["xml_message"], 50),
    Plan(_file("interop/adt_a28.hl7", "hl7v2", newline="\r"), _B["hl7_messages"], 30),
    Plan(_file("config/recette.toml", "toml"), _B["toml_config"], 15),
    Plan(_file("config/ancien_module.ini", "ini"), _B["ini_config"], 20),
    Plan(_file("deploy/.env", "dotenv"), _B["dotenv"], 8),
    Plan(_file("deploy/recette.env", "dotenv"), _B["dotenv"], 8),
    Plan(_file("web/nir.spec.ts", "jest_typescript"), _B["jest_spec"], 20),
    Plan(_file("fixtures/assures.py", "python_module"), _B["python_fixtures"], 20),
    Plan(_file("docs/procedure_immatriculation.md", "markdown_fr"), _B["markdown_procedure"], 40),
    Plan(_file("logs/application.log", "log"), _B["application_log"], 150),
    Plan(_file("web/formulaire_assure.html", "html"), _B["html_form"], 20),
    Plan(_file("logs/paiements.log", "log_lookalikes_only"), _B["payments_log"], 200),
    Plan(_file("telecom/parc_mobiles.csv", "csv_lookalikes_only"), _B["mobile_fleet"], 200),
)
SETS: Final = {"a": PLANS, "b": PLANS_B}


def build(outdir: Path, seed: int = 1, scale: float = 1.0, corpus_set: str = "a") -> Truth:
    """Write the corpus ``corpus_set`` and its truth under ``outdir``; return the truth."""
    root = outdir / CORPUS_DIR
    truth = Truth(seed, scale)
    for plan in SETS[corpus_set]:
        doc = Doc(plan.spec)
        plan.write(doc, Random(f"{seed}/{plan.spec.path}"), max(2, round(plan.size * scale)))
        doc.save(root)
        truth.files.append(plan.spec)
        truth.entries.extend(doc.entries)
    truth.save(outdir)
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.lint_corpus.build", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="file sizes (default: 1)")
    parser.add_argument(
        "--set",
        dest="corpus_set",
        choices=sorted(SETS),
        default="a",
        help="which corpus (default: a)",
    )
    args = parser.parse_args(argv)
    truth = build(args.outdir, args.seed, args.scale, args.corpus_set)
    roles = [entry.role for entry in truth.entries]
    sys.stdout.write(
        f"{len(truth.files)} files in {args.outdir / CORPUS_DIR}: "
        f"{roles.count('valid')} valid numbers, {roles.count('broken')} broken, "
        f"{roles.count('lookalike')} lookalikes\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
