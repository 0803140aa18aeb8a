"""The writers of the second corpus (set b): file kinds and spellings set a does not have.

Written blind, from issue 8, RULES.md and ``nirkit lint --help`` only, without
reading the linter's engine: payroll and HR exports (a key column, quoted
comments holding ``;`` and line breaks, cp1252, UTF-16 without a BOM), JSON
Lines API logs, JSON tables and FHIR-like identifiers, MySQL and PostgreSQL
dumps, XML and HL7 v2 messages, TOML, INI and ``.env`` configuration, a Jest
spec, a Python fixtures module, a Markdown procedure, application logs and an
HTML form. Same contract as :mod:`writers`: ``writer(doc, rng, count)``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import partial
from random import Random
from typing import Final

from tests.lint_corpus.document import KEPT_LF, Doc
from tests.lint_corpus.people import COMPANIES, amount, birth_date, day, iban, person, phone
from tests.lint_corpus.samples import (
    BODY_KEY,
    Lookalike,
    Sample,
    broken_sample,
    is_valid_nir,
    lookalike,
    luhn_completed,
    sample,
)
from tests.lint_corpus.writers import (
    BROKEN_SHARE,
    FAULT_NOTES,
    JsonValue,
    Put,
    Writer,
    _form,
    _json_number,
    _key_text,
    _pair_sample,
    dump_json,
)

# How often each written form appears. BODY_KEY is "1850578006084 91".
CSV_FORMS: Final = {"compact": 50, "display": 25, BODY_KEY: 15, "hyphen": 5, "nbsp": 5}
CODE_FORMS: Final = {"compact": 65, "display": 25, BODY_KEY: 10}
PROSE_FORMS: Final = {
    "display": 25,
    "nbsp": 25,
    "narrow_nbsp": 15,
    "thin_space": 15,
    "compact": 10,
    BODY_KEY: 5,
    "hyphen": 5,
}
# INS identifier systems (RULES.md 3): NIR, and the test OID.
INS_NIR_OIDS: Final = ("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.10")


# --- lookalikes of set b ----------------------------------------------------


def _digits(rng: Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def _tax_number(rng: Random) -> str:
    """A French tax number (numéro fiscal, SPI): 13 digits, the last 3 the first 10 mod 511."""
    first = str(rng.randint(0, 3)) + _digits(rng, 9)
    return f"{first}{int(first) % 511:03d}"


def _order_number(rng: Random) -> str:
    """A 15-digit order or contract number: plain digits, no check."""
    return str(rng.randint(1, 8)) + _digits(rng, 14)


def _visa13(rng: Random) -> str:
    return luhn_completed("4" + _digits(rng, 11))


_OWN_SHAPES: Final[dict[str, Callable[[Random], str]]] = {
    "tax_number": _tax_number,
    "order_number": _order_number,
    "visa13": _visa13,
}
LOOKALIKE_SHAPES_B: Final = (
    "imei",
    "dated_reference",
    "ean13",
    "siret",
    "card",
    "amex",
    "timestamp_ms",
    "datetime14",
    *_OWN_SHAPES,
    "ins_oid",
)


def look(rng: Random, shape: str, *, grouped: bool = True) -> Lookalike:
    """A lookalike of ``shape`` (set a's shapes and set b's own), never a valid NIR."""
    if shape not in _OWN_SHAPES:
        return lookalike(rng, shape, grouped=grouped)
    while True:
        digits = _OWN_SHAPES[shape](rng)
        if not is_valid_nir(digits):
            return Lookalike(shape, digits)


def bare(rng: Random, shape: str) -> Lookalike:
    """A lookalike that can be written as a bare number (JSON, SQL bigint, TOML)."""
    if shape not in _OWN_SHAPES:
        return _json_number(rng, shape)
    while True:
        drawn = look(rng, shape)
        if not drawn.text.startswith("0"):
            return drawn


def bare_sample(rng: Random, share: float) -> Sample:
    """A number that can be written as a bare integer: digits only, no leading zero."""
    while True:
        nir = sample(rng, share, digits_only=True)
        if not nir.compact.startswith("0"):
            return nir


def _is_candidate(text: str) -> bool:
    return 13 <= sum(char.isdigit() for char in text) <= 16


def _oid(doc: Doc, oid: str, context: str) -> None:
    """An OID in the text. The test INS-NIR OID has 13 digits once its dots (NIR separators)
    are gone: it is recorded as a lookalike; the others are too short to be candidates."""
    if _is_candidate(oid):
        doc.lookalike(Lookalike("ins_oid", oid), context)
    else:
        doc.write(oid)


def _oid_value(oid: str, context: str) -> JsonValue:
    """``urn:oid:...`` as a JSON string value, recorded as :func:`_oid` does."""
    text = f"urn:oid:{oid}"
    return Put(Lookalike("ins_oid", text), context) if _is_candidate(oid) else text


# --- small helpers ------------------------------------------------------------


def _lookalikes(doc: Doc, rng: Random, fields: Sequence[tuple[str, str, str]], end: str) -> None:
    """For each ``(before, shape, context)``, ``before`` then a lookalike of ``shape``
    (written compact, as a program writes it); then ``end``."""
    for before, shape, context in fields:
        doc.write(before)
        doc.lookalike(look(rng, shape, grouped=False), context)
    doc.write(end)


def _quoted(text: str, quote: str = '"') -> str:
    return quote + text.replace(quote, quote * 2) + quote


def _mac(text: str, rng: Random) -> str:
    """Names typed on a Mac are sometimes decomposed (NFD): more characters than letters."""
    return unicodedata.normalize("NFD", text) if rng.random() < 0.3 else text


def _pair(doc: Doc, nir: Sample, key_text: str, parts: Sequence[str], context: str) -> None:
    """Write ``parts[0] body parts[1] key parts[2]`` and record the pair."""
    doc.write(parts[0])
    body = doc.cell(nir.body)
    doc.write(parts[1])
    key = doc.cell(key_text)
    doc.write(parts[2])
    doc.pair(nir, body, key, context)


def _comment_cell(doc: Doc, rng: Random, context: str) -> None:
    """A free-text comment cell as HR tools export it: quoted, with ``;``, quotes, line breaks,
    and now and then a lookalike typed in it."""
    roll = rng.random()
    if roll < 0.35:
        return
    if roll < 0.55:
        doc.write(f'"Temps partiel 80 %; avenant signé{KEPT_LF}le {day(rng)}"')
    elif roll < 0.7:
        doc.write('"Téléphone pro : IMEI ')
        doc.lookalike(look(rng, "imei", grouped=False), f"{context}, IMEI in the text")
        doc.write(f'; à restituer{KEPT_LF}au départ"')
    elif roll < 0.85:
        doc.write('"Commande n° ')
        doc.lookalike(look(rng, "order_number"), f"{context}, order number in the text")
        doc.write(f'{KEPT_LF}livrée le {day(rng)}"')
    else:
        doc.write('"Dit ""le grand""; mutuelle refusée"')


# --- CSV exports ------------------------------------------------------------

PAYROLL_HEADER: Final = (
    "Matricule",
    "Nom",
    "Prénom",
    "NIR",
    "Clé",
    "Date d'entrée",
    "Emploi",
    "Commentaire",
    "N° fiscal",
    "SIRET établissement",
    "Salaire brut",
)
JOBS: Final = ("Aide-soignant(e)", "Infirmier(ère)", "Agent d'accueil", "Technicien; maintenance")


def payroll_export(doc: Doc, rng: Random, rows: int) -> None:
    """A payroll tool's export: ``Matricule;Nom;Prénom;NIR;Clé;...``, the body in ``NIR``
    and the key in ``Clé``, quoted comments, a tax number and a SIRET on every row."""
    doc.write(";".join(PAYROLL_HEADER) + "\n")
    for _ in range(rows):
        who, nir = person(rng), _pair_sample(rng)
        doc.write(f"{rng.randint(100000, 999999)};{_mac(who.last, rng)};{_mac(who.first, rng)}")
        _pair(doc, nir, _key_text(rng, nir), (";", ";", ";"), "payroll csv: NIR and Clé columns")
        job = rng.choice(JOBS)
        doc.write(f"{day(rng, rng.randint(2000, 2024))};{_quoted(job) if ';' in job else job};")
        _comment_cell(doc, rng, "payroll csv column Commentaire")
        doc.write(";")
        doc.lookalike(look(rng, "tax_number"), "payroll csv column N° fiscal")
        doc.write(";")
        doc.lookalike(look(rng, "siret"), "payroll csv column SIRET établissement")
        doc.write(f";{rng.randint(1800, 5200)},{rng.randint(0, 99):02d}\n")


HR_HEADER: Final = (
    "Code salarié",
    "Nom",
    "Prénom",
    "No SS",
    "Né(e) le",
    "Téléphone",
    "IBAN",
    "Observations",
    "Numéro fiscal",
)


def hr_export(doc: Doc, rng: Random, rows: int) -> None:
    """An HR export (cp1252, CRLF in the plan): ``No SS`` holds the whole number."""
    doc.write(";".join(HR_HEADER) + "\n")
    for row in range(1, rows + 1):
        who, nir = person(rng), sample(rng, BROKEN_SHARE)
        doc.write(f"E{row:05d};{who.last};{who.first};")
        quote = '"' if rng.random() < 0.2 else ""
        doc.number(nir, _form(rng, CSV_FORMS), "hr csv column No SS", quote)
        doc.write(f";{birth_date(rng, nir)};{who.phone};{iban(rng)};")
        _comment_cell(doc, rng, "hr csv column Observations")
        doc.write(";")
        doc.lookalike(look(rng, "tax_number"), "hr csv column Numéro fiscal")
        doc.write("\n")


def key_first_export(doc: Doc, rng: Random, rows: int) -> None:
    """Every field quoted, the key column before the body: ``"Clé INSEE","N° INSEE",...``."""
    doc.write('"Clé INSEE","N° INSEE","Nom","Prénom","Commune de naissance"\n')
    for _ in range(rows):
        who, nir = person(rng), _pair_sample(rng)
        doc.write('"')
        key = doc.cell(_key_text(rng, nir))
        doc.write('","')
        body = doc.cell(nir.body)
        doc.write(f'",{_quoted(who.last)},{_quoted(who.first)},{_quoted(who.city)}\n')
        doc.pair(nir, body, key, "csv: Clé INSEE column before N° INSEE")


def utf16_export(doc: Doc, rng: Random, rows: int) -> None:
    """A tab-separated UTF-16 export without a byte-order mark (``bcp -w``, some BI tools)."""
    doc.write("NumSecu\tNom\tPrénom\tIMEI\tCommande\tMontant\n")
    for _ in range(rows):
        who = person(rng)
        doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "tsv column NumSecu")
        doc.write(f"\t{who.last}\t{who.first}\t")
        doc.lookalike(look(rng, "imei"), "tsv column IMEI")
        doc.write("\t")
        doc.lookalike(look(rng, "order_number"), "tsv column Commande")
        doc.write(f"\t{amount(rng)}\n")


# --- JSON Lines and nested JSON -------------------------------------------------


def _iso(rng: Random) -> str:
    hour, minute, millis = rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 999)
    return f"2024-04-15T{hour:02d}:{minute:02d}:11.{millis:03d}Z"


def _api_body(rng: Random) -> JsonValue:
    roll = rng.random()
    if roll < 0.3:
        return {"nir": Put(sample(rng, BROKEN_SHARE), "jsonl body.nir", _form(rng, CODE_FORMS))}
    if roll < 0.55:
        nir = sample(rng, BROKEN_SHARE)
        return {
            "assure": {
                "numeroSecu": Put(nir, "jsonl body.assure.numeroSecu", _form(rng, CODE_FORMS)),
                "dateNaissance": birth_date(rng, nir, "-"),
            }
        }
    if roll < 0.75:
        return {
            "beneficiaires": [
                {"ins": Put(sample(rng, BROKEN_SHARE), "jsonl body.beneficiaires[].ins")}
                for _ in range(rng.randint(1, 3))
            ]
        }
    if roll < 0.85:
        return {
            "erreurs": [
                {
                    "champ": "nir",
                    "valeur": Put(broken_sample(rng), "jsonl erreurs[]: champ nir, valeur"),
                }
            ]
        }
    return {
        "imei": Put(look(rng, "imei"), "jsonl body.imei"),
        "commande": Put(look(rng, "order_number"), "jsonl body.commande"),
    }


def _jsonl_head(doc: Doc, rng: Random) -> None:
    doc.write(f'{{"level":30,"time":"{_iso(rng)}","ts":')
    doc.lookalike(bare(rng, "timestamp_ms"), "jsonl ts (ms)")
    doc.write(',"reqId":"')
    doc.lookalike(look(rng, "dated_reference"), "jsonl reqId")
    doc.write('",')


def api_log(doc: Doc, rng: Random, count: int) -> None:
    """A JSON Lines log of API calls (pino style): bodies, a query string, key in its own field."""
    for _ in range(count):
        _jsonl_head(doc, rng)
        roll = rng.random()
        if roll < 0.15:
            doc.write('"method":"GET","url":"/api/v2/assures?nir=')
            doc.number(sample(rng, BROKEN_SHARE), "compact", "jsonl url query nir=")
            doc.write('&champs=nom,prenom","status":200}\n')
        elif roll < 0.3:
            nir = _pair_sample(rng)
            names = rng.choice([("nir13", "cle"), ("nss", "key"), ("nir", "clé")])
            doc.write('"method":"PUT","url":"/api/v2/assures","body":{')
            parts = (f'"{names[0]}":"', f'","{names[1]}":"', '"},"status":204}\n')
            _pair(doc, nir, nir.key, parts, f"jsonl pair: {names[0]} and {names[1]}")
        else:
            doc.write('"method":"POST","url":"/api/v2/assures","body":')
            dump_json(doc, _api_body(rng), None)
            doc.write(f',"status":{rng.choice([201, 201, 400, 422])}}}\n')


def _sheet(rng: Random, rows: int) -> JsonValue:
    """A spreadsheet range as the Sheets API returns it: rows of cells, the header first."""
    values: list[JsonValue] = [["Nom", "N° SS", "Téléphone", "IMEI"]]
    for _ in range(rows):
        who = person(rng)
        values.append(
            [
                who.last,
                Put(
                    sample(rng, BROKEN_SHARE),
                    "json sheet rows, header N° SS",
                    _form(rng, CSV_FORMS),
                ),
                who.phone,
                Put(look(rng, "imei"), "json sheet rows, header IMEI"),
            ]
        )
    return {"range": f"Assurés!A1:D{rows + 1}", "majorDimension": "ROWS", "values": values}


def _fhir_identifier(rng: Random, system: JsonValue, put: Put) -> JsonValue:
    if rng.random() < 0.7:
        return {"system": system, "value": put}
    return {"value": put, "system": system}  # the name after the number


def _fhir_patient(rng: Random) -> JsonValue:
    who = person(rng)
    oid = rng.choice(INS_NIR_OIDS)
    put = Put(sample(rng, BROKEN_SHARE), f"json fhir identifier system urn:oid:{oid}")
    return {
        "resourceType": "Patient",
        "identifier": [
            _fhir_identifier(rng, _oid_value(oid, "json fhir identifier system"), put),
            {"system": "urn:oid:1.2.250.1.71.4.2.2", "value": str(rng.randint(10**7, 10**8))},
        ],
        "name": [{"family": who.last, "given": [who.first]}],
        "telecom": [{"system": "phone", "value": who.phone}],
    }


def _pieces(rng: Random, count: int) -> list[JsonValue]:
    """Typed identifiers: ``{"type": "NIR", "valeur": ...}`` beside IMEIs and SIRETs."""
    pieces: list[JsonValue] = []
    for _ in range(count):
        kind = rng.choice(["NIR", "NIR", "IMEI", "SIRET"])
        if kind == "NIR":
            put = Put(sample(rng, BROKEN_SHARE), "json type NIR, valeur", _form(rng, CODE_FORMS))
        else:
            put = Put(look(rng, kind.lower()), f"json type {kind}, valeur")
        pieces.append({"type": kind, "valeur": put})
    return pieces


def nested_json(doc: Doc, rng: Random, count: int) -> None:
    """Nested JSON: a sheet's rows, lists of lists of numbers, FHIR identifiers, typed values."""
    groups = [rng.randint(2, 4) for _ in range(max(2, count // 6))]
    document: dict[str, JsonValue] = {
        "export": {"source": "tableur-partage", "genereLe": _iso(rng)},
        "feuille": _sheet(rng, max(2, count // 2)),
        "nirsParLot": [
            [
                Put(sample(rng, BROKEN_SHARE), "json list of lists under nirsParLot")
                for _ in range(n)
            ]
            for n in groups
        ],
        "lotsNumeriques": {
            "nir": [
                [
                    Put(
                        bare_sample(rng, BROKEN_SHARE), "json lists of numbers under nir", bare=True
                    )
                    for _ in range(n)
                ]
                for n in groups
            ]
        },
        "patients": [_fhir_patient(rng) for _ in range(max(2, count // 2))],
        "pieces": _pieces(rng, max(2, count // 2)),
        "appareils": [
            {
                "resourceType": "Device",
                "identifier": [
                    {
                        "system": "urn:gsma:imei",
                        "value": Put(look(rng, "imei"), "json fhir device imei"),
                    }
                ],
            }
            for _ in range(max(2, count // 4))
        ],
    }
    dump_json(doc, document, 2)
    doc.write("\n")


# --- SQL dumps ------------------------------------------------------------------


def _mysql_text(text: str) -> str:
    """A MySQL string literal as mysqldump writes it: backslash escapes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


_MYSQL_HEAD: Final = """\
-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: rh
-- ------------------------------------------------------
-- Server version\t8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

"""


def _mysql_table(doc: Doc, table: str, columns: Sequence[str]) -> None:
    doc.write(
        f"--\n-- Table structure for table `{table}`\n--\n\n"
        f"DROP TABLE IF EXISTS `{table}`;\n"
        "/*!40101 SET @saved_cs_client     = @@character_set_client */;\n"
        f"CREATE TABLE `{table}` (\n"
    )
    for column in columns:
        doc.write(f"  {column},\n")
    doc.write(
        "  PRIMARY KEY (`id`)\n"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;\n"
        "/*!40101 SET character_set_client = @saved_cs_client */;\n\n"
        f"--\n-- Dumping data for table `{table}`\n--\n\n"
        f"LOCK TABLES `{table}` WRITE;\n/*!40000 ALTER TABLE `{table}` DISABLE KEYS */;\n"
    )


def _mysql_rows(doc: Doc, table: str, rows: int, write_row: Callable[[int], None]) -> None:
    """Extended inserts, as mysqldump writes them: many rows on one line, no column list."""
    per_statement = max(2, rows // 2)
    for first in range(1, rows + 1, per_statement):
        doc.write(f"INSERT INTO `{table}` VALUES ")
        for row in range(first, min(rows, first + per_statement - 1) + 1):
            doc.write("," if row > first else "")
            write_row(row)
        doc.write(";\n")
    doc.write(f"/*!40000 ALTER TABLE `{table}` ENABLE KEYS */;\nUNLOCK TABLES;\n\n")


def mysql_dump(doc: Doc, rng: Random, count: int) -> None:
    """A mysqldump: backticks, extended inserts without a column list, backslash escapes,
    numbers as strings and as bigints, a body and key pair, an orders table."""
    doc.write(_MYSQL_HEAD)

    def employee(row: int) -> None:
        who = person(rng)
        doc.write(f"({row},'S{row:05d}',{_mysql_text(who.last)},{_mysql_text(who.first)},")
        doc.number(
            sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "mysql values, column num_secu", "'"
        )
        doc.write(",")
        if rng.random() < 0.3:
            doc.write("NULL")
        else:
            doc.lookalike(look(rng, "imei", grouped=False), "mysql values, column imei_pro", "'")
        doc.write(",")
        doc.lookalike(bare(rng, "dated_reference"), "mysql values, column ref_contrat (bigint)")
        doc.write(")")

    def dependant(row: int) -> None:
        nir = _pair_sample(rng)
        doc.write(f"({row},{rng.randint(1, count)},{_mysql_text(person(rng).last)}")
        _pair(doc, nir, nir.key, (",'", "','", "')"), "mysql values, columns nir13 and cle_nir")

    def imported(row: int) -> None:
        doc.write(f"({row},")
        doc.number(bare_sample(rng, BROKEN_SHARE), "compact", "mysql values, column nss (bigint)")
        doc.write(f",'{phone(rng)}')")

    def order(row: int) -> None:
        doc.write(f"({row},")
        doc.lookalike(bare(rng, "order_number"), "mysql values, column numero (bigint)")
        doc.write(",'")
        doc.lookalike(look(rng, "ean13"), "mysql values, column ean")
        doc.write("','")
        doc.lookalike(look(rng, "siret", grouped=False), "mysql values, column siret_fournisseur")
        doc.write(f"',{amount(rng).replace(',', '.')},'2024-04-15 12:03:11')")

    tables: tuple[tuple[str, tuple[str, ...], Callable[[int], None], int], ...] = (
        (
            "salaries",
            (
                "`id` int NOT NULL AUTO_INCREMENT",
                "`matricule` varchar(10) NOT NULL",
                "`nom` varchar(64) NOT NULL",
                "`prenom` varchar(64) DEFAULT NULL",
                "`num_secu` varchar(21) DEFAULT NULL",
                "`imei_pro` varchar(17) DEFAULT NULL",
                "`ref_contrat` bigint DEFAULT NULL",
            ),
            employee,
            count,
        ),
        (
            "ayants_droit",
            (
                "`id` int NOT NULL AUTO_INCREMENT",
                "`salarie_id` int NOT NULL",
                "`nom` varchar(64) NOT NULL",
                "`nir13` char(13) DEFAULT NULL",
                "`cle_nir` char(2) DEFAULT NULL",
            ),
            dependant,
            max(2, count // 2),
        ),
        (
            "assures_import",
            ("`id` int NOT NULL", "`nss` bigint unsigned DEFAULT NULL", "`telephone` varchar(20)"),
            imported,
            max(2, count // 3),
        ),
        (
            "commandes",
            (
                "`id` int NOT NULL",
                "`numero` bigint NOT NULL",
                "`ean` varchar(13)",
                "`siret_fournisseur` char(14)",
                "`montant` decimal(10,2)",
                "`cree_le` datetime",
            ),
            order,
            count,
        ),
    )
    for table, columns, write_row, rows in tables:
        _mysql_table(doc, table, columns)
        _mysql_rows(doc, table, rows, write_row)
    doc.write("/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n\n-- Dump completed\n")


_PG_HEAD: Final = """\
--
-- PostgreSQL database dump
--

-- Dumped from database version 16.2
-- Dumped by pg_dump version 16.2

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

CREATE TABLE public.beneficiaires (
    id integer NOT NULL,
    nom text NOT NULL,
    numero_insee character varying(21),
    ne_le date,
    telephone text
);

ALTER TABLE public.beneficiaires OWNER TO rh;

CREATE TABLE public.import_rh (
    id integer NOT NULL,
    "Nom" text,
    "N° INSEE" character(13),
    "Clé" character(2)
);

CREATE TABLE public.terminaux (
    id integer NOT NULL,
    imei character varying(17),
    commande bigint,
    active_le bigint
);

"""


def _pg_data(doc: Doc, table: str, columns: str) -> None:
    doc.write(
        f"--\n-- Data for Name: {table}; Type: TABLE DATA; Schema: public; Owner: rh\n--\n\n"
        f"COPY public.{table} ({columns}) FROM stdin;\n"
    )


def pg_dump(doc: Doc, rng: Random, count: int) -> None:
    """A pg_dump: COPY blocks with ``\\N``, quoted column names, a body and key pair."""
    doc.write(_PG_HEAD)
    _pg_data(doc, "beneficiaires", "id, nom, numero_insee, ne_le, telephone")
    for row in range(1, count + 1):
        nir = sample(rng, BROKEN_SHARE)
        doc.write(f"{row}\t{person(rng).last}\t")
        doc.number(nir, _form(rng, CODE_FORMS), "pg copy, column numero_insee")
        telephone = phone(rng) if rng.random() < 0.6 else "\\N"
        doc.write(f"\t{birth_date(rng, nir, '-')}\t{telephone}\n")
    doc.write("\\.\n\n\n")
    _pg_data(doc, "import_rh", 'id, "Nom", "N° INSEE", "Clé"')
    for row in range(1, max(2, count // 2) + 1):
        nir = _pair_sample(rng)
        who = person(rng)
        _pair(
            doc,
            nir,
            nir.key,
            (f"{row}\t{who.last}\t", "\t", "\n"),
            'pg copy, columns "N° INSEE" and "Clé"',
        )
    doc.write("\\.\n\n\n")
    _pg_data(doc, "terminaux", "id, imei, commande, active_le")
    for row in range(1, count + 1):
        fields = (
            (f"{row}\t", "imei", "pg copy, column imei"),
            ("\t", "order_number", "pg copy, column commande"),
            ("\t", "timestamp_ms", "pg copy, column active_le"),
        )
        _lookalikes(doc, rng, fields, "\n")
    doc.write("\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n")


# --- XML and HL7 ------------------------------------------------------------------


def _xml_record(doc: Doc, rng: Random, index: int) -> None:
    who = person(rng)
    nir = sample(rng, BROKEN_SHARE)
    form = _form(rng, CODE_FORMS)
    roll = rng.random()
    if roll < 0.25:
        doc.write(f'  <assure id="{index}">\n    <nom>{who.last}</nom>\n    <nir>')
        doc.number(nir, form, "xml element nir")
        doc.write(f"</nir>\n    <telephone>{who.phone}</telephone>\n  </assure>\n")
    elif roll < 0.4:
        doc.write(f'  <assure id="{index}"><nom>{who.last}</nom><INS>')
        doc.number(nir, form, "xml element INS, one line")
        doc.write("</INS><imei>")
        doc.lookalike(look(rng, "imei", grouped=False), "xml element imei")
        doc.write("</imei></assure>\n")
    elif roll < 0.55:
        doc.write('  <beneficiaire>\n    <identifiant type="NIR" valeur="')
        doc.number(nir, form, "xml identifiant type=NIR valeur=")
        doc.write('"/>\n    <identifiant type="IMEI" valeur="')
        doc.lookalike(look(rng, "imei", grouped=False), "xml identifiant type=IMEI valeur=")
        doc.write('"/>\n  </beneficiaire>\n')
    elif roll < 0.7:
        doc.write("  <ins:identite>\n    <ins:matriculeINS>\n      ")
        doc.number(nir, form, "xml element ins:matriculeINS, value on its own line")
        doc.write("\n    </ins:matriculeINS>\n  </ins:identite>\n")
    elif roll < 0.85:
        doc.write('  <patientRole><id root="')
        _oid(doc, rng.choice(INS_NIR_OIDS), "xml cda id root=")
        doc.write('" extension="')
        doc.number(nir, "compact", "xml cda id root=INS OID, extension=")
        doc.write('" assigningAuthorityName="ASIP-SANTE-INS-NIR"/></patientRole>\n')
    else:
        doc.write('  <patientRole>\n    <id extension="')
        doc.number(nir, "compact", "xml cda id extension= before root=INS OID")
        doc.write('" root="')
        _oid(doc, rng.choice(INS_NIR_OIDS), "xml cda id root=")
        doc.write('"/>\n  </patientRole>\n')
    if rng.random() < 0.3:
        fields = (
            ("  <commande>\n    <numeroCommande>", "order_number", "xml element numeroCommande"),
            ("</numeroCommande>\n    <siret>", "siret", "xml element siret"),
            ("</siret>\n    <horodatage>", "timestamp_ms", "xml element horodatage"),
        )
        _lookalikes(doc, rng, fields, "</horodatage>\n  </commande>\n")


def xml_message(doc: Doc, rng: Random, count: int) -> None:
    """An XML flow: NIR in elements, attributes, namespaced elements and CDA ``<id>``."""
    doc.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Flux de test : assurés fictifs -->\n'
        '<lot xmlns="urn:exemple:assures" xmlns:ins="urn:exemple:ins" reference="'
    )
    doc.lookalike(look(rng, "dated_reference"), "xml attribute reference of the root")
    doc.write('">\n')
    for index in range(1, count + 1):
        _xml_record(doc, rng, index)
    doc.write("</lot>\n")


def _hl7_pid(doc: Doc, rng: Random) -> None:
    who = person(rng)
    nir = sample(rng, BROKEN_SHARE)
    ipp = f"{rng.randint(10**6, 10**7)}^^^HOPITAL&1.2.250.1.71.4.2.2&ISO^PI"

    def authority() -> None:
        doc.write("^^^ASIP-SANTE-INS-NIR&")
        _oid(doc, rng.choice(INS_NIR_OIDS), "hl7 PID-3 assigning authority OID")
        doc.write("&ISO^INS")

    name = f"{who.last.upper()}^{who.first.upper()}^^^^^L"
    birth = birth_date(rng, nir, "-").replace("-", "")
    address = f"{who.street.upper()}^^{who.city.upper()}^^{who.postcode}^FRA^H"
    roll = rng.random()
    if roll < 0.5:
        doc.write("PID|1||")
        doc.number(nir, "compact", "hl7 PID-3 first repetition, INS authority after")
        authority()
        doc.write(f"~{ipp}||{name}||{birth}|{rng.choice('MF')}|||{address}\n")
    elif roll < 0.85:
        doc.write(f"PID|1||{ipp}~")
        doc.number(nir, "compact", "hl7 PID-3 second repetition, INS authority after")
        authority()
        doc.write(f"||{name}||{birth}|{rng.choice('MF')}|||{address}\n")
    else:  # the old place: PID-19, "SSN number"
        doc.write(f"PID|1||{ipp}||{name}||{birth}|{rng.choice('MF')}|||{address}||||||||")
        doc.number(nir, "compact", "hl7 PID-19 (SSN number)")
        doc.write("\n")


def hl7_messages(doc: Doc, rng: Random, count: int) -> None:
    """HL7 v2 ADT messages, segments ended by a bare CR (the plan's line end)."""
    for _ in range(count):
        stamp = look(rng, "datetime14")
        doc.write("MSH|^~\\&|GAM|HOPITAL|DPI|HOPITAL|")
        doc.lookalike(stamp, "hl7 MSH-7 date and time")
        doc.write("||ADT^A28^ADT_A05|")
        doc.lookalike(look(rng, "dated_reference"), "hl7 MSH-10 message control id")
        doc.write("|P|2.5^FRA^2.1||||||UNICODE UTF-8\nEVN||")
        doc.lookalike(look(rng, "datetime14"), "hl7 EVN-2 date and time")
        doc.write("\n")
        _hl7_pid(doc, rng)
        doc.write("PV1|1|O\n")


# --- configuration: TOML, INI, .env -----------------------------------------------


def toml_config(doc: Doc, rng: Random, count: int) -> None:
    """A TOML test configuration: tables, arrays of tables, a multi-line array, bare integers."""
    who = person(rng)
    doc.write(
        "# Configuration de recette : données fictives\n"
        'titre = "Recette module assurés"\n\n[base]\nhote = "localhost"\nport = 5432\n\n'
        f'[assure_demo]\nnom = "{who.last}"\nnir = '
    )
    doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "toml key nir", '"')
    doc.write(f'\ntelephone = "{who.phone}"\nimei = ')
    doc.lookalike(bare(rng, "imei"), "toml key imei, bare integer")
    doc.write("\n\n")
    for _ in range(max(2, count // 3)):
        nir = broken_sample(rng)
        doc.write("[[cas_invalides]]\nnir = ")
        doc.number(nir, _form(rng, CODE_FORMS), "toml array of tables cas_invalides, key nir", '"')
        doc.write(f'\nmotif = "{FAULT_NOTES[nir.fault]}"\n\n')
    doc.write("[listes]\nnirs_autorises = [\n")
    for _ in range(count):
        doc.write("  ")
        doc.number(
            sample(rng, 0.1), _form(rng, CODE_FORMS), "toml multi-line array nirs_autorises", '"'
        )
        doc.write(",\n")
    doc.write("]\n\n[paiement]\ncarte_test = ")
    doc.lookalike(look(rng, "card"), "toml key carte_test", '"')
    doc.write("\ncommande_seed = ")
    doc.lookalike(bare(rng, "order_number"), "toml key commande_seed, bare integer")
    doc.write("\n")


def ini_config(doc: Doc, rng: Random, count: int) -> None:
    """A legacy INI file: ``Key=value`` without quotes, ``;`` comments on their own lines."""
    doc.write("; Paramètres de l'ancien module (ne pas supprimer)\n[Assure]\nNumSecu=")
    doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "ini key NumSecu")
    doc.write("\n\n[Tests]\n")
    for index in range(1, count + 1):
        nir = sample(rng, 0.5)
        if not nir.valid:
            doc.write(f"; {FAULT_NOTES[nir.fault]}\n")
        doc.write(f"nir_{'ok' if nir.valid else 'ko'}_{index} = ")
        doc.number(nir, _form(rng, CODE_FORMS), "ini key nir_ok_N / nir_ko_N")
        doc.write("\n")
    fields = (
        ("\n[Terminal]\nIMEI=", "imei", "ini key IMEI"),
        ("\nCommande=", "order_number", "ini key Commande"),
    )
    _lookalikes(doc, rng, fields, "\n")


def dotenv(doc: Doc, rng: Random, count: int) -> None:
    """A ``.env`` file: plain, double- and single-quoted values, a comma-separated list."""
    doc.write(
        "# Environnement de recette : ne jamais y mettre de vraies données\nAPP_ENV=recette\n"
    )
    names = ("DEMO_NIR", "TEST_ASSURE_NSS", "INS_PATIENT_TEST", "NUM_SECU_DEMO")
    for index in range(count):
        name = names[index % len(names)]
        doc.write(f"{name}{'' if index < len(names) else f'_{index}'}=")
        form = _form(rng, CODE_FORMS)
        quote = rng.choice(["", '"', "'"] if form == "compact" else ['"', "'"])  # spaces: quoted
        doc.number(sample(rng, BROKEN_SHARE), form, f"env variable {name}", quote)
        doc.write("\n")
    doc.write("NIR_LISTE_BLANCHE=")
    for index in range(3):
        doc.write("," if index else "")
        doc.number(
            sample(rng, BROKEN_SHARE), "compact", "env comma-separated list NIR_LISTE_BLANCHE"
        )
    fields = (
        ("\nSTRIPE_TEST_CARD=", "card", "env variable STRIPE_TEST_CARD"),
        ("\nORDER_ID_SEED=", "order_number", "env variable ORDER_ID_SEED"),
    )
    _lookalikes(doc, rng, fields, f"\nSMS_FROM=+336{rng.randint(10**7, 10**8 - 1)}\n")


# --- Jest and Python ---------------------------------------------------------------


def _ts_string(doc: Doc, rng: Random, nir: Sample, context: str) -> None:
    doc.number(nir, _form(rng, CODE_FORMS), context, rng.choice(["'", "'", '"']))


def jest_spec(doc: Doc, rng: Random, count: int) -> None:
    """A Jest spec in TypeScript: ``it.each`` arrays and tagged tables, calls, object literals."""
    doc.write(
        "import { formaterNir, validerNir } from '../src/nir';\n\n"
        "describe('validerNir', () => {\n  it.each([\n"
    )
    for _ in range(count):
        nir = sample(rng, 0.3)
        doc.write("    [")
        _ts_string(doc, rng, nir, "jest it.each array rows [nir, expected]")
        doc.write(f", {'true' if nir.valid else 'false'}],")
        doc.write(f" // {FAULT_NOTES[nir.fault]}\n" if not nir.valid else "\n")
    doc.write(
        "  ])('validerNir(%s) renvoie %s', (nir, attendu) => {\n"
        "    expect(validerNir(nir)).toBe(attendu);\n  });\n\n  it.each`\n"
        "    numero                      | code\n"
    )
    for _ in range(max(2, count // 2)):
        nir = broken_sample(rng)
        doc.write("    ${")
        doc.number(nir, "compact", "jest it.each tagged table column numero", "'")
        doc.write(f"}} | ${{'{nir.code}'}}\n")
    doc.write(
        "  `('refuse $numero ($code)', ({ numero, code }) => {\n"
        "    expect(() => validerNir(numero)).toThrow(code);\n  });\n\n"
    )
    for index in range(max(2, count // 4)):
        nir = sample(rng, 0.0)
        doc.write(f"  it('formate le cas {index}', () => {{\n    expect(formaterNir(")
        doc.number(nir, "compact", "jest expect(formaterNir(...))", "'")
        doc.write(")).toBe(")
        doc.number(nir, "display", "jest toBe(...) after formaterNir", "'")
        doc.write(");\n  });\n")
    doc.write("});\n\ndescribe('formulaire assuré', () => {\n")
    for index in range(max(2, count // 3)):
        who = person(rng)
        name = who.last.replace("'", "\\'")
        doc.write(f"  const assure{index} = {{\n    nom: '{name}',\n    numeroSecu:\n      ")
        _ts_string(
            doc, rng, sample(rng, BROKEN_SHARE), "ts object key numeroSecu, value on the next line"
        )
        doc.write(",\n    imei: '")
        doc.lookalike(look(rng, "imei", grouped=False), "ts object key imei")
        doc.write("',\n    commande: '")
        doc.lookalike(look(rng, "order_number"), "ts object key commande")
        doc.write("',\n  };\n")
    doc.write("});\n")


def _py_str(doc: Doc, rng: Random, nir: Sample, context: str) -> None:
    doc.number(nir, _form(rng, CODE_FORMS), context, '"')


def python_fixtures(doc: Doc, rng: Random, count: int) -> None:
    """A Python fixtures module: dataclass instances (keywords, positional, over lines),
    dicts over lines, f-strings and docstrings with numbers."""
    doc.write('"""Données de test des assurés (fictives).\n\nLe NIR ')
    doc.number(sample(rng, 0.0), "display", "python module docstring, NIR named")
    doc.write(
        ' sert d\'exemple dans la documentation.\n"""\n\n'
        "from __future__ import annotations\n\nfrom dataclasses import dataclass\n\n\n"
        "@dataclass(frozen=True)\nclass Assure:\n    nom: str\n    nir: str\n"
        '    imei: str = ""\n\n\nASSURES = [\n'
    )
    for _ in range(count):
        who, nir = person(rng), sample(rng, BROKEN_SHARE)
        roll = rng.random()
        if roll < 0.4:
            doc.write(f'    Assure(nom="{who.last}", nir=')
            _py_str(doc, rng, nir, "python dataclass keyword nir=")
            doc.write(', imei="')
            doc.lookalike(look(rng, "imei", grouped=False), "python dataclass keyword imei=")
            doc.write('"),\n')
        elif roll < 0.75:
            doc.write(f'    Assure(\n        nom="{who.last}",\n        nir=')
            _py_str(doc, rng, nir, "python dataclass keyword nir= over lines")
            doc.write(",\n    ),\n")
        else:
            doc.write(f'    Assure("{who.last}", ')
            _py_str(doc, rng, nir, "python dataclass positional (field nir)")
            doc.write("),\n")
    doc.write("]\n\n")
    for index in range(max(2, count // 3)):
        who = person(rng)
        doc.write(f'PATIENT_{index} = {{\n    "nom": "{who.last}",\n')
        doc.write('    "numero_securite_sociale": (\n        ')
        _py_str(
            doc, rng, sample(rng, BROKEN_SHARE), "python dict value in parentheses on the next line"
        )
        doc.write('\n    ),\n    "commande": "')
        doc.lookalike(look(rng, "order_number"), "python dict key commande")
        doc.write('",\n}\n\n')
    for index in range(max(2, count // 3)):
        nir = sample(rng, 0.5)
        doc.write(f'\ndef message_{index}(nom: str) -> str:\n    return f"Le NIR ')
        doc.number(nir, _form(rng, CODE_FORMS), "python f-string, NIR named")
        doc.write(" de {nom} est " + ("accepté" if nir.valid else "refusé") + '"\n\n')
    for index in range(max(2, count // 3)):
        nir = broken_sample(rng)
        doc.write(f'\ndef test_refus_{index}() -> None:\n    """Le NIR ')
        doc.number(nir, _form(rng, CODE_FORMS), "python test docstring, NIR named")
        doc.write(f' ({FAULT_NOTES[nir.fault]}) est refusé."""\n    assert not valider(')
        doc.number(nir, "compact", "python call valider(...) under that docstring", '"')
        doc.write(")\n\n")


# --- Markdown, logs, HTML ------------------------------------------------------------

_PROSE: Final = (
    (
        "markdown prose, NIR named, U+202F before the colon",
        "Le NIR\u202f: {n} a été saisi pour {name}.",
    ),
    ("markdown prose, n° de sécu", "- {name}, n° de sécu {n} (à vérifier)"),
    ("markdown prose, numéro INSEE", "> Numéro INSEE indiqué par l'assuré\u00a0: {n}"),
    ("markdown prose, bold after N° SS", "N° SS\u202f: **{n}**"),
    ("markdown prose, code span after NIR", "Le NIR `{n}` est rejeté par le contrôle."),
    ("markdown prose, emoji before NIR", "📌 NIR à corriger\u202f: {n}, voir avec {name}."),
    (
        "markdown prose, decomposed accents before the number",
        "Numéro de sécurité sociale de {nfd}\u00a0: {n}",
    ),
)
_PROSE_LOOKALIKES: Final = (
    ("order_number", "La commande {n} a été livrée."),
    ("imei", "IMEI du téléphone de service\u202f: {n}."),
    ("siret", "Employeur : SIRET {n}."),
    ("card", "Carte de test {n} pour le paiement."),
    ("tax_number", "Numéro fiscal\u202f: {n}"),
    ("dated_reference", "Réf. dossier {n} (courrier du 3 mars)."),
)


def _prose_line(doc: Doc, rng: Random, template: str, write: Callable[[], None]) -> None:
    who = person(rng)
    name = f"{who.first} {who.last}"
    before, after = template.split("{n}")
    nfd = unicodedata.normalize("NFD", "Hélène Bénard")
    doc.write(before.format(name=name, nfd=nfd))
    write()
    doc.write(after.format(name=name, nfd=nfd) + "\n\n")


def markdown_procedure(doc: Doc, rng: Random, count: int) -> None:
    """A Markdown procedure: French typography, a table copied from Word, a JSON block."""
    doc.write("# Procédure\u202f: contrôle des immatriculations\n\n## Cas signalés\n\n")
    for _ in range(count):
        context, template = rng.choice(_PROSE)
        nir = sample(rng, 0.35)
        form = _form(rng, PROSE_FORMS)
        if "`" in template or "**" in template:
            form = rng.choice(["compact", "display"])
        _prose_line(doc, rng, template, partial(doc.number, nir, form, context))
        if rng.random() < 0.4:
            shape, template = rng.choice(_PROSE_LOOKALIKES)
            drawn = look(rng, shape)
            _prose_line(
                doc, rng, template, partial(doc.lookalike, drawn, f"markdown prose {shape}")
            )
    doc.write("## Tableau copié depuis Word\n\n| Assuré | N° SS | Statut |\n|:--|:--|:--|\n")
    for _ in range(max(2, count // 2)):
        nir = sample(rng, BROKEN_SHARE)
        doc.write(f"| {person(rng).last} | ")
        doc.number(nir, rng.choice(["nbsp", "nbsp", "display"]), "markdown table column N° SS")
        doc.write(f" | {'conforme' if rng.random() < 0.5 else 'à reprendre'} |\n")
    doc.write('\n## Exemple de réponse de l\'API\n\n```json\n{\n  "assures": [\n')
    size = max(2, count // 4)
    for index in range(size):
        doc.write(f'    {{"nom": "{person(rng).last}", "numeroSecu": ')
        doc.number(sample(rng, BROKEN_SHARE), "compact", "markdown fenced json numeroSecu", '"')
        doc.write(', "imei": ')
        doc.lookalike(look(rng, "imei", grouped=False), "markdown fenced json imei", '"')
        doc.write("}" + ("," if index < size - 1 else "") + "\n")
    doc.write("  ]\n}\n```\n")


def _log_head(rng: Random, level: str, thread: str, logger: str) -> str:
    when = f"2024-04-15 {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    return f"{when},{rng.randint(0, 999):03d} {level:<5} [{thread}] {logger} - "


def application_log(doc: Doc, rng: Random, count: int) -> None:
    """An application log (logback style): ``nss=``, ``ins=``, prose, a JSON payload."""
    for _ in range(count):
        roll = rng.random()
        thread = f"http-nio-8080-exec-{rng.randint(1, 9)}"
        if roll < 0.25:
            doc.write(
                _log_head(rng, "INFO", thread, "c.e.rh.AssureController") + "POST /assures nss="
            )
            doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "log key=value nss=")
            doc.write(f" statut=201 duree={rng.randint(5, 300)}ms\n")
        elif roll < 0.4:
            nir = broken_sample(rng)
            doc.write(_log_head(rng, "WARN", thread, "c.e.rh.ValidationService") + "NIR refusé : ")
            doc.number(nir, _form(rng, CODE_FORMS), "log prose 'NIR refusé :'")
            doc.write(f" (motif={nir.code})\n")
        elif roll < 0.55:
            doc.write(_log_head(rng, "INFO", thread, "c.e.rh.Export") + 'payload={"nir":"')
            doc.number(sample(rng, BROKEN_SHARE), "compact", "log json payload nir")
            doc.write(f'","nom":"{person(rng).last}"}}\n')
        elif roll < 0.65:
            doc.write(_log_head(rng, "INFO", "ins-1", "c.e.ins.Teleservice") + "patient ins=")
            doc.number(sample(rng, BROKEN_SHARE), "compact", "log key=value ins=")
            doc.write(" oid=")
            _oid(doc, rng.choice(INS_NIR_OIDS), "log key=value oid=")
            doc.write(" statut=qualifie\n")
        elif roll < 0.8:
            head = _log_head(rng, "DEBUG", "scheduler-1", "c.e.rh.SyncJob") + "terminal imei="
            commande = (" commande=", "order_number", "log key=value commande=")
            _lookalikes(doc, rng, ((head, "imei", "log key=value imei="), commande), "\n")
        else:
            doc.write(_log_head(rng, "INFO", "kafka-consumer-2", "c.e.rh.Consumer") + "offset=")
            doc.write(f"{rng.randint(10**5, 10**6)} ts=")
            doc.lookalike(look(rng, "timestamp_ms"), "log key=value ts=")
            doc.write(" cle=")
            doc.lookalike(look(rng, "dated_reference"), "log key=value cle= (a message key)")
            doc.write("\n")


def payments_log(doc: Doc, rng: Random, count: int) -> None:
    """A payments log: cards, order numbers, tax numbers and timestamps, and no NIR."""
    shapes = ("card", "amex", "visa13", "order_number", "timestamp_ms", "tax_number", "ean13")
    for _ in range(count):
        doc.write(_log_head(rng, "INFO", "pay-3", "c.e.pay.PaymentService") + "paiement ")
        for index, shape in enumerate(rng.sample(shapes, 3)):
            doc.write(" " if index else "")
            doc.write(f"{shape}=")
            doc.lookalike(look(rng, shape), f"payments log {shape}=")
        doc.write(f" montant={amount(rng)} client={rng.choice(COMPANIES)!r}\n")


def html_form(doc: Doc, rng: Random, count: int) -> None:
    """HTML fixtures: inputs (``name`` before or after ``value``), a table with a header row."""
    doc.write(
        '<!DOCTYPE html>\n<html lang="fr">\n<head><meta charset="utf-8">'
        "<title>Fixtures du formulaire assuré</title></head>\n<body>\n"
    )
    for index in range(1, count + 1):
        nir, form = sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS)
        doc.write(f'<form action="/assures/{index}" method="post">\n')
        if rng.random() < 0.6:
            doc.write(
                f'  <label for="nir-{index}">Numéro de sécurité sociale</label>\n'
                f'  <input type="text" id="nir-{index}" name="nir" value="'
            )
            doc.number(nir, form, "html input name=nir value=")
            doc.write('" maxlength="21">\n')
        else:
            doc.write('  <input value="')
            doc.number(nir, form, "html input value= before name=numeroSecu")
            doc.write('" name="numeroSecu" type="text">\n')
        doc.write('  <input type="hidden" name="commande" value="')
        doc.lookalike(look(rng, "order_number"), "html input name=commande")
        doc.write(f'">\n  <input type="tel" name="telephone" value="{phone(rng)}">\n</form>\n')
    doc.write(
        '<table class="assures">\n'
        "  <thead><tr><th>Nom</th><th>N° SS</th><th>IMEI</th></tr></thead>\n  <tbody>\n"
    )
    for _ in range(max(2, count // 2)):
        doc.write(f"    <tr><td>{person(rng).last}</td><td>")
        doc.number(sample(rng, BROKEN_SHARE), _form(rng, CODE_FORMS), "html table column N° SS")
        doc.write("</td><td>")
        doc.lookalike(look(rng, "imei", grouped=False), "html table column IMEI")
        doc.write("</td></tr>\n")
    doc.write("  </tbody>\n</table>\n</body>\n</html>\n")


# --- lookalikes only ------------------------------------------------------------------


def mobile_fleet(doc: Doc, rng: Random, rows: int) -> None:
    """A mobile fleet CSV: IMEIs, ICCIDs, SIRETs, order numbers, EANs, and no NIR."""
    doc.write("imei,iccid,ligne,siret_client,commande,activation_ms,ean_boite,carte_carburant\n")
    for _ in range(rows):
        doc.lookalike(look(rng, "imei"), "fleet csv column imei")
        doc.write(f",8933{rng.randint(10**14, 10**15 - 1)},{phone(rng)},")
        columns = (
            ("siret", "siret_client"),
            ("order_number", "commande"),
            ("timestamp_ms", "activation_ms"),
            ("ean13", "ean_boite"),
            ("visa13", "carte_carburant"),
        )
        for index, (shape, column) in enumerate(columns):
            doc.write("," if index else "")
            doc.lookalike(look(rng, shape), f"fleet csv column {column}")
        doc.write("\n")


WRITERS: Final[dict[str, Writer]] = {
    "payroll_export": payroll_export,
    "hr_export": hr_export,
    "key_first_export": key_first_export,
    "utf16_export": utf16_export,
    "api_log": api_log,
    "nested_json": nested_json,
    "mysql_dump": mysql_dump,
    "pg_dump": pg_dump,
    "xml_message": xml_message,
    "hl7_messages": hl7_messages,
    "toml_config": toml_config,
    "ini_config": ini_config,
    "dotenv": dotenv,
    "jest_spec": jest_spec,
    "python_fixtures": python_fixtures,
    "markdown_procedure": markdown_procedure,
    "application_log": application_log,
    "payments_log": payments_log,
    "html_form": html_form,
    "mobile_fleet": mobile_fleet,
}
