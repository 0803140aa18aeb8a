"""Build the corpus: ``python -m tests.lint_corpus.build OUTDIR [--seed N] [--scale K]``.

Writes ``OUTDIR/corpus/`` (the fixture files to lint) and ``OUTDIR/truth.json``
(where every number went). The same seed and scale give the same bytes; each
file draws from its own generator, so adding a file changes no other.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from random import Random
from typing import Final

from tests.lint_corpus import writers
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


def build(outdir: Path, seed: int = 1, scale: float = 1.0) -> Truth:
    """Write the corpus and its truth under ``outdir``; return the truth."""
    root = outdir / CORPUS_DIR
    truth = Truth(seed, scale)
    for plan in PLANS:
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
    args = parser.parse_args(argv)
    truth = build(args.outdir, args.seed, args.scale)
    roles = [entry.role for entry in truth.entries]
    sys.stdout.write(
        f"{len(truth.files)} files in {args.outdir / CORPUS_DIR}: "
        f"{roles.count('valid')} valid numbers, {roles.count('broken')} broken, "
        f"{roles.count('lookalike')} lookalikes\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
