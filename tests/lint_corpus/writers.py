"""One writer per kind of fixture file: ``writer(doc, rng, count)``.

Each writes a file as people have them and records every number through the
:class:`Doc`, which keeps its position. ``count`` is the file's size in rows,
records or sentences (the builder scales it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from random import Random
from typing import Final, TypeAlias

from tests.lint_corpus.document import Cell, Doc
from tests.lint_corpus.people import (
    COMPANIES,
    Person,
    amount,
    birth_date,
    day,
    iban,
    person,
    phone,
)
from tests.lint_corpus.samples import (
    PAIR_FAULTS,
    Lookalike,
    Sample,
    broken_sample,
    lookalike,
    sample,
    valid_sample,
)

Writer: TypeAlias = Callable[[Doc, Random, int], None]

BROKEN_SHARE: Final = 0.2  # of the numbers of a fixture file
# How often each written form appears, by kind of file.
CSV_FORMS: Final = {"compact": 60, "display": 32, "dotted": 8}
CODE_FORMS: Final = {"compact": 70, "display": 30}
PROSE_FORMS: Final = {
    "display": 30,
    "nbsp": 20,
    "narrow_nbsp": 15,
    "thin_space": 10,
    "compact": 20,
    "dotted": 5,
}
# What a fixture's author writes beside a broken number (YAML comments, test ids).
FAULT_NOTES: Final = {
    "wrong_key": "clé fausse",
    "swapped_digits": "chiffres inversés",
    "month_00_13_19": "mois impossible",
    "kind_0_5_6_9": "premier chiffre impossible",
    "department_00": "département 00",
    "commune_000": "commune 000",
    "order_000": "numéro d'ordre 000",
    "key_00_98_99": "clé hors limites",
    "digit_dropped": "un chiffre manquant",
    "digit_added": "un chiffre en trop",
    "key_missing": "sans clé",
    "letter_o": "lettre O pour un zéro",
}


def _form(rng: Random, forms: dict[str, int]) -> str:
    return rng.choices(list(forms), list(forms.values()))[0]


_SEX_OF_KIND: Final = {"1": "M", "3": "M", "7": "M", "2": "F", "4": "F", "8": "F"}


def _sex(rng: Random, nir: Sample) -> str:
    return _SEX_OF_KIND.get(nir.groups[0][:1]) or rng.choice("MF")


def _csv_field(text: str, delimiter: str) -> str:
    """A filler field, quoted as the csv module does when it must be."""
    if delimiter in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_fields(doc: Doc, fields: Sequence[str], delimiter: str) -> None:
    doc.write(delimiter.join(_csv_field(text, delimiter) for text in fields))


# --- CSV exports ------------------------------------------------------------

EXPORT_HEADER: Final = (
    "N° dossier",
    "Nom",
    "Prénom",
    "Date de naissance",
    "Sexe",
    "Numéro de sécurité sociale",
    "Adresse",
    "Code postal",
    "Ville",
    "Téléphone",
    "Email",
    "Date d'entrée",
    "Montant remboursé",
)


def patient_export(delimiter: str) -> Writer:
    """The 13-column export of a patient file (``;`` in France, tab for Excel's Unicode text)."""

    def write(doc: Doc, rng: Random, rows: int) -> None:
        _csv_fields(doc, EXPORT_HEADER, delimiter)
        doc.write("\n")
        for _ in range(rows):
            nir = sample(rng, BROKEN_SHARE * 0.75)
            who = person(rng)
            doc.lookalike(lookalike(rng, "dated_reference"), "export column N° dossier")
            doc.write(delimiter)
            _csv_fields(doc, [who.last, who.first, birth_date(rng, nir), _sex(rng, nir)], delimiter)
            doc.write(delimiter)
            doc.number(nir, _form(rng, CSV_FORMS), "export column Numéro de sécurité sociale")
            doc.write(delimiter)
            filler = [who.street, who.postcode, who.city, who.phone, who.email]
            _csv_fields(doc, [*filler, day(rng), amount(rng)], delimiter)
            doc.write("\n")

    return write


# --- CSV with the key in its own column -----------------------------------


def _pair_sample(rng: Random) -> Sample:
    if rng.random() < 0.8:
        return valid_sample(rng)
    return broken_sample(rng, PAIR_FAULTS)


def _key_text(rng: Random, nir: Sample) -> str:
    """The key cell; a spreadsheet sometimes drops the leading zero of a valid key."""
    if nir.valid and nir.key.startswith("0") and rng.random() < 0.3:
        return nir.key[1:]
    return nir.key


def split_key(columns: Sequence[str], body: str, key: str, delimiter: str, quote: str) -> Writer:
    """A CSV whose 13-character body and 2-digit key sit in two columns."""

    def filler(column: str, row: int, who: Person, rng: Random) -> str:
        fields = {
            "id": str(row),
            "nom": who.last,
            "prenom": who.first,
            "ville": who.city,
            "caisse": f"CPAM {rng.choice(['75', '69', '13', '2A', '974'])}",
            "date_naissance": day(rng, rng.randint(1950, 2010), "-"),
        }
        return fields[column]

    def write(doc: Doc, rng: Random, rows: int) -> None:
        doc.write(delimiter.join(quote + column + quote for column in columns) + "\n")
        for row in range(1, rows + 1):
            nir, who = _pair_sample(rng), person(rng)
            cells: dict[str, Cell] = {}
            for index, column in enumerate(columns):
                doc.write(delimiter if index else "")
                doc.write(quote)
                if column == body:
                    cells[body] = doc.cell(nir.body)
                elif column == key:
                    cells[key] = doc.cell(_key_text(rng, nir))
                else:
                    doc.write(filler(column, row, who, rng))
                doc.write(quote)
            doc.write("\n")
            doc.pair(nir, cells[body], cells[key], f"split key: {body} and {key} columns")

    return write


# --- JSON -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Put:
    """A number to write as a value: a JSON string, or bare (a JSON number)."""

    item: Sample | Lookalike
    context: str
    form: str = "compact"
    bare: bool = False


JsonValue: TypeAlias = "bool | int | str | Put | list[JsonValue] | dict[str, JsonValue] | None"


def _put(doc: Doc, put: Put, quote: str) -> None:
    if isinstance(put.item, Sample):
        doc.number(put.item, put.form, put.context, quote)
    else:
        doc.lookalike(put.item, put.context, quote)


def dump_json(doc: Doc, value: JsonValue, indent: int | None, level: int = 0) -> None:
    """Write ``value`` as ``json.dumps(value, indent=indent, ensure_ascii=False)`` would
    (compact separators when ``indent`` is None)."""
    if isinstance(value, Put):
        _put(doc, value, "" if value.bare else '"')
    elif isinstance(value, dict | list) and value:
        inner = "" if indent is None else "\n" + " " * (indent * (level + 1))
        outer = "" if indent is None else "\n" + " " * (indent * level)
        doc.write("{" if isinstance(value, dict) else "[")
        items = list(value.items()) if isinstance(value, dict) else [(None, v) for v in value]
        for index, (name, item) in enumerate(items):
            doc.write(("," if index else "") + inner)
            if name is not None:
                doc.write(json.dumps(name, ensure_ascii=False) + (":" if indent is None else ": "))
            dump_json(doc, item, indent, level + 1)
        doc.write(outer + ("}" if isinstance(value, dict) else "]"))
    else:
        doc.write(json.dumps(value, ensure_ascii=False))


_JSON_NIR_KEYS: Final = ("immatriculation", "nss", "numeroSecu", "patient.ins", "nir")


def _json_patient(rng: Random, index: int) -> dict[str, JsonValue]:
    who = person(rng)
    where = rng.choice(_JSON_NIR_KEYS)
    nir = sample(rng, BROKEN_SHARE)
    put = Put(nir, f"json key {where}", _form(rng, CODE_FORMS))
    record: dict[str, JsonValue] = {"id": index, "nom": who.last, "prenom": who.first}
    if where == "nss":
        record["identite"] = {"nss": put, "sexe": _sex(rng, nir)}
    elif where == "patient.ins":
        record["patient"] = {"ins": put, "statutIdentite": "qualifiee"}
    else:
        record[where] = put
    record["telephone"] = who.phone
    if rng.random() < 0.5:
        bare = rng.random() < 0.3
        imei = _json_number(rng, "imei") if bare else lookalike(rng, "imei")
        record["contrat"] = {
            "reference": Put(lookalike(rng, "dated_reference"), "json key reference"),
            "imei": Put(imei, "json key imei", bare=bare),
        }
    return record


def _json_number(rng: Random, shape: str) -> Lookalike:
    """A lookalike that can be written as a JSON number (no groups, no leading zero)."""
    while True:
        look = lookalike(rng, shape, grouped=False)
        if not look.text.startswith("0"):
            return look


def _json_list(rng: Random, count: int, *, bare: bool) -> list[JsonValue]:
    if not bare:
        return [
            Put(sample(rng, BROKEN_SHARE), "json list under nirs", _form(rng, CODE_FORMS))
            for _ in range(count)
        ]
    numbers: list[JsonValue] = []
    while len(numbers) < count:
        nir = sample(rng, BROKEN_SHARE, digits_only=True)
        if not nir.compact.startswith("0"):  # kind digit 0 cannot start a JSON number
            numbers.append(Put(nir, "json list of numbers under nirs", bare=True))
    return numbers


def api_json(indent: int | None) -> Writer:
    """An API fixture: nested records, a ``nirs`` list, lists of bare numbers."""

    def write(doc: Doc, rng: Random, count: int) -> None:
        lots: list[JsonValue] = [
            {"libelle": f"Lot {n}", "nirs": _json_list(rng, max(2, count // 8), bare=True)}
            for n in range(1, 4)
        ]
        orders: list[JsonValue] = [
            {
                "reference": Put(lookalike(rng, "dated_reference"), "json key reference"),
                "ean": Put(_json_number(rng, "ean13"), "json key ean", bare=True),
                "fournisseur": {"siret": Put(lookalike(rng, "siret"), "json key siret")},
            }
            for _ in range(max(2, count // 4))
        ]
        document: dict[str, JsonValue] = {
            "meta": {"source": "api-patients", "version": 2, "genereLe": "2024-03-15T10:00:00Z"},
            "patients": [_json_patient(rng, index) for index in range(1, count + 1)],
            "nirs": _json_list(rng, max(2, count * 3 // 4), bare=False),
            "lots": lots,
            "commandes": orders,
        }
        dump_json(doc, document, indent)
        doc.write("\n")

    return write


# --- YAML -----------------------------------------------------------------


def _yaml_number(doc: Doc, rng: Random, nir: Sample, context: str) -> None:
    doc.number(nir, _form(rng, CODE_FORMS), context, rng.choice(["", '"', "'"]))
    if not nir.valid and rng.random() < 0.5:
        doc.write(f"  # {FAULT_NOTES[nir.fault]}")
    doc.write("\n")


def _yaml_patient(doc: Doc, rng: Random, index: int) -> None:
    who = person(rng)
    nir = sample(rng, BROKEN_SHARE)
    doc.write(f"  - id: {index}\n    nom: {who.last}\n    prenom: {who.first}\n")
    where = rng.choice(["nir", "immatriculation", "numero_secu", "nss"])
    if where == "immatriculation":
        doc.write("    identite:\n      immatriculation: ")
    elif where == "numero_secu":
        doc.write("    assure:\n      regime: general\n      numero_secu: ")
    else:
        doc.write(f"    {where}: ")
    _yaml_number(doc, rng, nir, f"yaml key {where}")
    if rng.random() < 0.4:
        doc.write("    contrat:\n      reference: ")
        doc.lookalike(lookalike(rng, "dated_reference"), "yaml key reference")
        doc.write("\n      imei: ")
        doc.lookalike(lookalike(rng, "imei"), "yaml key imei", rng.choice(["", '"']))
        doc.write("\n")


def _yaml_list(doc: Doc, rng: Random, count: int, *, share: float, indent: str, under: str) -> None:
    for _ in range(count):
        doc.write(f"{indent}- ")
        _yaml_number(doc, rng, sample(rng, share), f"yaml list under {under}")


def fixtures_yaml(doc: Doc, rng: Random, count: int) -> None:
    """A YAML fixture: nested mappings, lists under ``nirs:``, quoted and plain values."""
    doc.write(
        "# Jeu de données de test : patients fictifs\n"
        "# Ne pas modifier à la main (voir scripts/fixtures.py).\n"
        "version: 3\ncaisse:\n  code: '751'\n  libelle: CPAM de Paris\npatients:\n"
    )
    for index in range(1, count + 1):
        _yaml_patient(doc, rng, index)
    doc.write("nirs:\n")
    _yaml_list(doc, rng, max(2, count // 2), share=BROKEN_SHARE, indent="  ", under="nirs")
    doc.write("cas_de_test:\n  nir:\n    valides:\n")
    size, indent = max(2, count // 3), "      "
    _yaml_list(doc, rng, size, share=0.1, indent=indent, under="cas_de_test.nir.valides")
    doc.write("    invalides:\n")
    _yaml_list(doc, rng, size, share=1.0, indent=indent, under="cas_de_test.nir.invalides")
    doc.write("appareils:\n")
    for _ in range(max(2, count // 4)):
        doc.write("  - imei: ")
        doc.lookalike(lookalike(rng, "imei"), "yaml key imei")
        doc.write("\n    code_barre: ")
        doc.lookalike(lookalike(rng, "ean13"), "yaml key code_barre", "'")
        doc.write("\n")


# --- SQL ------------------------------------------------------------------


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _sql_patient_row(doc: Doc, rng: Random, row: int, context: str, siret: bool) -> None:
    who = person(rng)
    nir = sample(rng, BROKEN_SHARE)
    doc.write(f"({row}, {_sql_text(who.last)}, {_sql_text(who.first)}, ")
    doc.number(nir, _form(rng, CODE_FORMS), context, "'")
    if siret:
        doc.write(", ")
        doc.lookalike(lookalike(rng, "siret"), "sql column siret_employeur", "'")
    else:
        doc.write(f", '{birth_date(rng, nir, '-')}'")
    doc.write(")")


def _sql_inserts(doc: Doc, rng: Random, rows: int) -> None:
    for row in range(1, rows + 1):
        doc.write("INSERT INTO public.patients (id, nom, prenom, nir, date_naissance) VALUES ")
        _sql_patient_row(doc, rng, row, "sql insert, one row", siret=False)
        doc.write(";\n")


def _sql_multirow(doc: Doc, rng: Random, first: int, rows: int) -> None:
    doc.write("INSERT INTO public.patients (id, nom, prenom, nir, siret_employeur) VALUES\n")
    for row in range(first, first + rows):
        doc.write("\t")
        _sql_patient_row(doc, rng, row, "sql insert, multi-row", siret=True)
        doc.write(",\n" if row < first + rows - 1 else ";\n")


def _sql_copy(doc: Doc, rng: Random, rows: int) -> None:
    doc.write("COPY public.assures (id, nss, nom, imei_telephone, reference_dossier) FROM stdin;\n")
    for row in range(1, rows + 1):
        nir = sample(rng, BROKEN_SHARE)
        doc.write(f"{row}\t")
        doc.number(nir, _form(rng, CODE_FORMS), "sql copy block, column nss")
        doc.write(f"\t{person(rng).last}\t")
        if rng.random() < 0.3:
            doc.write("\\N")
        else:
            doc.lookalike(lookalike(rng, "imei"), "sql copy block, column imei_telephone")
        doc.write("\t")
        doc.lookalike(lookalike(rng, "dated_reference"), "sql copy block, column reference")
        doc.write("\n")
    doc.write("\\.\n\n")


def _sql_orders(doc: Doc, rng: Random, rows: int) -> None:
    for row in range(1, rows + 1):
        doc.write(
            "INSERT INTO public.commandes (id, reference, siret_fournisseur, montant) VALUES ("
        )
        doc.write(f"{row}, ")
        doc.lookalike(lookalike(rng, "dated_reference"), "sql column reference", "'")
        doc.write(", ")
        doc.lookalike(lookalike(rng, "siret"), "sql column siret_fournisseur", "'")
        doc.write(f", {amount(rng).replace(',', '.')});\n")


def _sql_updates(doc: Doc, rng: Random, rows: int) -> None:
    for _ in range(rows):
        nir = sample(rng, BROKEN_SHARE)
        doc.write("UPDATE public.patients SET nir = ")
        doc.number(nir, _form(rng, CODE_FORMS), "sql update set nir", "'")
        doc.write(f" WHERE id = {rng.randint(1, 500)};\n")


_SQL_HEAD: Final = """\
--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

CREATE TABLE public.patients (
    id integer NOT NULL,
    nom text,
    prenom text,
    nir character varying(21),
    date_naissance date,
    siret_employeur character(14)
);

"""


def sql_dump(doc: Doc, rng: Random, count: int) -> None:
    """A database dump: INSERT (one and many rows), COPY ... FROM stdin, UPDATE."""
    doc.write(_SQL_HEAD)
    _sql_inserts(doc, rng, count)
    doc.write("\n")
    for block in range(3):
        _sql_multirow(doc, rng, 1000 + 100 * block, max(2, count // 3))
    doc.write("\n")
    for _ in range(2):
        _sql_copy(doc, rng, max(2, count // 2))
    _sql_orders(doc, rng, max(2, count // 3))
    doc.write("\n")
    _sql_updates(doc, rng, max(2, count // 3))


# --- Python and TypeScript -----------------------------------------------


def _quoted_number(doc: Doc, rng: Random, nir: Sample, context: str) -> None:
    """A string literal of Python or TypeScript: double quotes mostly, single ones too."""
    doc.number(nir, _form(rng, CODE_FORMS), context, rng.choice(['"', '"', "'"]))


def _py_list(doc: Doc, rng: Random, name: str, numbers: Sequence[Sample], per_line: int) -> None:
    doc.write(f"{name} = [\n")
    for index, nir in enumerate(numbers):
        doc.write("    " if index % per_line == 0 else " ")
        _quoted_number(doc, rng, nir, f"python list {name}")
        doc.write(",")
        if index % per_line == per_line - 1 or index == len(numbers) - 1:
            doc.write("\n")
    doc.write("]\n\n")


def _py_invalid_tuples(doc: Doc, rng: Random, count: int) -> None:
    doc.write("INVALID = [\n")
    for _ in range(count):
        nir = broken_sample(rng)
        doc.write("    (")
        _quoted_number(doc, rng, nir, "python list of tuples INVALID")
        doc.write(f', "{nir.code}"),  # {FAULT_NOTES[nir.fault]}\n')
    doc.write("]\n\n")


def _py_assignments(doc: Doc, rng: Random, count: int) -> None:
    for index in range(count):
        doc.write(f"nir_patient_{index} = ")
        _quoted_number(doc, rng, sample(rng, BROKEN_SHARE), "python assignment nir_patient_N")
        doc.write("\nORDER_REF_" + str(index) + " = ")
        doc.lookalike(lookalike(rng, "dated_reference"), "python assignment ORDER_REF_N", '"')
        doc.write("\n")
    doc.write("\n")


def _py_dicts(doc: Doc, rng: Random, count: int) -> None:
    doc.write("PATIENTS = {\n")
    for index in range(count):
        who = person(rng)
        doc.write(f'    "p{index}": {{"nom": {who.last!r}, "nir": ')
        _quoted_number(doc, rng, sample(rng, BROKEN_SHARE), "python dict key nir")
        doc.write(', "imei": ')
        doc.lookalike(lookalike(rng, "imei"), "python dict key imei", '"')
        doc.write("},\n")
    doc.write("}\n\n")


def _py_parametrize(doc: Doc, rng: Random, count: int) -> None:
    doc.write('@pytest.mark.parametrize(\n    "nir",\n    [\n')
    for _ in range(count):
        doc.write("        ")
        _quoted_number(doc, rng, sample(rng, 0.1), "python parametrize nir")
        doc.write(",\n")
    doc.write(
        "    ],\n)\ndef test_valider_nir(nir: str) -> None:\n    assert valider_nir(nir)\n\n\n"
        '@pytest.mark.parametrize(("nir", "code"), INVALID)\n'
        "def test_refuse(nir: str, code: str) -> None:\n"
        "    assert erreur_nir(nir) == code\n\n\n"
    )


def _py_keywords(doc: Doc, rng: Random, count: int) -> None:
    doc.write("def test_creer_patient() -> None:\n")
    for _ in range(count):
        who = person(rng)
        doc.write(f"    patient = creer_patient(nom={who.last!r}, nss=")
        _quoted_number(doc, rng, sample(rng, BROKEN_SHARE), "python keyword nss=")
        doc.write(", commande=")
        doc.lookalike(lookalike(rng, "dated_reference"), "python keyword commande=", '"')
        doc.write(f")\n    assert patient.nom == {who.last!r}\n")


def python_tests(doc: Doc, rng: Random, count: int) -> None:
    """A pytest module: lists, tuples, assignments, dicts, parametrize, keywords."""
    doc.write(
        '"""Tests de la validation des numéros de sécurité sociale (données fictives)."""\n\n'
        "from __future__ import annotations\n\nimport pytest\n\n"
        "from app.patients import creer_patient, erreur_nir, valider_nir\n\n"
    )
    _py_list(doc, rng, "VALID", [sample(rng, 0.1) for _ in range(count)], 1)
    bad_keys = [
        broken_sample(rng, ["wrong_key", "swapped_digits"]) for _ in range(max(2, count // 2))
    ]
    _py_list(doc, rng, "BAD_KEYS", bad_keys, 3)
    _py_invalid_tuples(doc, rng, max(2, count // 2))
    _py_assignments(doc, rng, max(2, count // 4))
    _py_dicts(doc, rng, max(2, count // 2))
    _py_parametrize(doc, rng, max(2, count // 2))
    _py_keywords(doc, rng, max(2, count // 4))


def typescript_fixture(doc: Doc, rng: Random, count: int) -> None:
    """A TypeScript fixture: objects in an array, a list of invalid numbers."""
    doc.write(
        "// Fixtures du formulaire patient (données fictives)\n"
        "export interface Patient {\n  id: number;\n  nom: string;\n  nir: string;\n}\n\n"
        "export const patients: Patient[] = [\n"
    )
    for index in range(1, count + 1):
        doc.write(f'  {{ id: {index}, nom: "{person(rng).last}", nir: ')
        _quoted_number(doc, rng, sample(rng, BROKEN_SHARE), "ts object key nir")
        doc.write(" },\n")
    doc.write("];\n\nconst INVALID_NIRS = [\n")
    for _ in range(max(2, count // 2)):
        nir = broken_sample(rng)
        doc.write("  ")
        _quoted_number(doc, rng, nir, "ts list INVALID_NIRS")
        doc.write(f", // {FAULT_NOTES[nir.fault]}\n")
    doc.write("];\n\n")
    for index in range(max(2, count // 4)):
        doc.write(f"export const assure{index} = {{ numeroSecu: ")
        _quoted_number(doc, rng, sample(rng, BROKEN_SHARE), "ts key numeroSecu")
        doc.write(", commande: ")
        doc.lookalike(lookalike(rng, "dated_reference"), "ts key commande", '"')
        doc.write(" };\n")


# --- Markdown -------------------------------------------------------------

# (context, sentence): {n} is the number, {name} a person.
_SENTENCES: Final = (
    ("markdown prose fr, NIR named", "Le NIR\u00a0: {n}, saisi à l'accueil par {name}."),
    ("markdown prose fr, NIR named", "Son numéro de sécurité sociale {n} a été refusé."),
    ("markdown prose fr, NIR named", "Après vérification, le NIR {n} figure deux fois."),
    ("markdown prose fr, not named", "Le numéro {n} a été recopié depuis l'attestation."),
    ("markdown prose fr, not named", "Voir le dossier de {name} ({n}) avant lundi."),
    ("markdown prose en, NIR named", "The customer's social security number {n} was rejected."),
    ("markdown prose en, NIR named", "NIR: {n} (copied from the PDF sent by {name})."),
    ("markdown prose en, not named", "She typed {n} in the form, twice."),
)
_LOOKALIKE_SENTENCES: Final = (
    ("dated_reference", "La commande {n} du 3 mars n'a rien à voir."),
    ("imei", "IMEI du téléphone de {name} : {n}."),
    ("siret", "Facture réglée, SIRET {n}."),
    ("card", "Test card {n} was used for the payment."),
    ("dated_reference", "The order {n} is unrelated."),
)


def _sentence(doc: Doc, rng: Random, template: str, put: Put) -> None:
    before, after = template.split("{n}")
    who = person(rng)
    name = f"{who.first} {who.last}"
    doc.write(before.format(name=name))
    _put(doc, put, "")
    doc.write(after.format(name=name))


def _markdown_table(doc: Doc, rng: Random, rows: int) -> None:
    doc.write("| Dossier | Nom | NIR | Statut |\n|---|---|---|---|\n")
    for _ in range(rows):
        nir = sample(rng, BROKEN_SHARE)
        doc.write("| ")
        doc.lookalike(lookalike(rng, "dated_reference"), "markdown table column Dossier")
        doc.write(f" | {person(rng).last} | ")
        doc.number(nir, _form(rng, {"display": 60, "compact": 40}), "markdown table column NIR")
        doc.write(f" | {'valide' if rng.random() < 0.5 else 'à vérifier'} |\n")
    doc.write("\n")


def _markdown_code(doc: Doc, rng: Random, count: int) -> None:
    doc.write("Requête envoyée par le logiciel :\n\n```json\n")
    for _ in range(count):
        doc.write('{"nom": "' + person(rng).last + '", "nir": ')
        doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "markdown code block", '"')
        doc.write("}\n")
    doc.write("```\n\n")


def support_notes(doc: Doc, rng: Random, count: int) -> None:
    """Support notes: French and English prose, a table with a NIR column, a code block."""
    doc.write("# Notes de support : dossiers d'immatriculation\n\n")
    for ticket in range(1, count + 1):
        doc.write(f"## Ticket {4200 + ticket}\n\n")
        context, template = rng.choice(_SENTENCES)
        nir = sample(rng, 0.35)  # support notes are about numbers that went wrong
        _sentence(doc, rng, template, Put(nir, context, _form(rng, PROSE_FORMS)))
        if rng.random() < 0.5:
            shape, template = rng.choice(_LOOKALIKE_SENTENCES)
            doc.write(" ")
            _sentence(doc, rng, template, Put(lookalike(rng, shape), f"markdown prose {shape}"))
        doc.write(f"\nRappeler au {phone(rng)}.\n\n")
    _markdown_table(doc, rng, max(2, count // 2))
    _markdown_code(doc, rng, max(2, count // 6))


# --- invoices: lookalikes only ---------------------------------------------

INVOICE_HEADER: Final = (
    "facture",
    "date",
    "client",
    "siret",
    "reference",
    "imei",
    "ean",
    "carte",
    "horodatage",
    "commande",
    "telephone",
    "iban",
    "montant_ttc",
)
_INVOICE_SHAPES: Final = {
    "siret": "siret",
    "reference": "dated_reference",
    "imei": "imei",
    "ean": "ean13",
    "horodatage": "timestamp_ms",
    "commande": "datetime14",
}


def invoices(doc: Doc, rng: Random, rows: int) -> None:
    """An invoices CSV: IMEIs, dated references, EAN-13, SIRET, cards... and no NIR."""
    doc.write(";".join(INVOICE_HEADER) + "\n")
    for row in range(1, rows + 1):
        doc.write(f"F2024-{row:05d};{day(rng)};{rng.choice(COMPANIES)}")
        for column in INVOICE_HEADER[3:10]:
            doc.write(";")
            shape = _INVOICE_SHAPES.get(column) or rng.choice(["card", "card", "amex"])
            doc.lookalike(lookalike(rng, shape), f"invoices column {column}")
        doc.write(f";{phone(rng)};{iban(rng)};{amount(rng)}\n")
