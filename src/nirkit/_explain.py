"""Decoded fields in words, in English or French, for people to read."""

from __future__ import annotations

from typing import Final

from nirkit._issues import Lang
from nirkit._kinds import Kind, MonthKind, PlaceKind
from nirkit._model import NIR

_MONTHS: Final = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
_KINDS: Final = {
    "en": {
        Kind.DEFINITIVE: "definitive (registry number; a waiting NIA looks the same)",
        Kind.WAITING: "waiting (registration in progress)",
        Kind.PROVISIONAL: "provisional (issued by a health-insurance fund)",
    },
    "fr": {
        Kind.DEFINITIVE: "définitif (numéro du répertoire ; un NIA d'attente a la même forme)",
        Kind.WAITING: "d'attente (immatriculation en cours)",
        Kind.PROVISIONAL: "provisoire (attribué par une caisse d'assurance maladie)",
    },
}
_LABELS: Final = {
    "en": (
        "number",
        "kind",
        "sex digit",
        "birth year",
        "birth month",
        "birthplace",
        "order number",
        "key",
        "warnings",
    ),
    "fr": (
        "numéro",
        "nature",
        "chiffre du sexe",
        "année de naissance",
        "mois de naissance",
        "lieu de naissance",
        "numéro d'ordre",
        "clé",
        "avertissements",
    ),
}
_WORDS: Final = {
    "en": {
        "male": "male, as recorded at registration",
        "female": "female, as recorded at registration",
        "century": "last two digits; the century is not encoded",
        MonthKind.UNKNOWN: "unknown month",
        MonthKind.INCOMPLETE_RECORD: "from an incomplete record",
        "hidden": "hidden; --show-numbers shows it",
        "computed": "computed, the input had none",
        "none": "none",
        "abroad": "born abroad",
        "unknown_country": "country not in the INSEE table",
        "north_africa": "or Algeria, Morocco or Tunisia before independence",
        "commune": "commune",
    },
    "fr": {
        "male": "masculin, tel qu'enregistré à l'immatriculation",
        "female": "féminin, tel qu'enregistré à l'immatriculation",
        "century": "deux derniers chiffres ; le siècle n'est pas codé",
        MonthKind.UNKNOWN: "mois inconnu",
        MonthKind.INCOMPLETE_RECORD: "d'après un acte incomplet",
        "hidden": "masqué ; --show-numbers l'affiche",
        "computed": "calculée, la saisie n'en avait pas",
        "none": "aucun",
        "abroad": "né à l'étranger",
        "unknown_country": "pays absent de la table de l'INSEE",
        "north_africa": "ou Algérie, Maroc ou Tunisie avant l'indépendance",
        "commune": "commune",
    },
}


def _month(number: NIR, lang: Lang) -> str:
    words = _WORDS[lang]
    code = f"{number.month_code:02d}"
    if number.month_kind is MonthKind.UNKNOWN:
        return f"{code} ({words[MonthKind.UNKNOWN]})"
    month = number.birth_month or 0
    name = _MONTHS[lang][month - 1]
    if number.month_kind is MonthKind.INCOMPLETE_RECORD:
        return f"{code}: {name} ({words[MonthKind.INCOMPLETE_RECORD]})"
    return f"{code} ({name})"


def _place(number: NIR, lang: Lang) -> str:
    words = _WORDS[lang]
    place = number.place
    if place.kind is PlaceKind.ABROAD:
        name = place.country_name or words["unknown_country"]
        return f"{words['abroad']}: {place.country_code} {name}"
    text = f"{place.department_code} {place.department_name}, {words['commune']} "
    text += f"{place.commune_code}"
    if place.may_be_north_africa and place.kind is not PlaceKind.NORTH_AFRICA:
        text += f" ({words['north_africa']})"
    return text


def explain_lines(number: NIR, *, lang: Lang = "en", show_numbers: bool = False) -> list[str]:
    """One ``label: value`` line per decoded field.

    Order number and key are hidden unless ``show_numbers``: with the other
    fields they would give the whole number away.
    """
    words = _WORDS[lang]
    hidden = f"({words['hidden']})"
    key = f"{number.key:02d}" if show_numbers else "••"
    if not number.key_given:
        key += f" ({words['computed']})"
    values = (
        number.formatted if show_numbers else f"{number.masked} {hidden}",
        _KINDS[lang][number.kind],
        f"{number.compact[0]}: {words[number.registered_sex]}",
        f"{number.birth_year_2d:02d} ({words['century']})",
        _month(number, lang),
        _place(number, lang),
        f"{number.order:03d}" if show_numbers else f"••• {hidden}",
        key,
        ", ".join(f"{w.code}: {w.message(lang)}" for w in number.warnings) or words["none"],
    )
    return aligned(_LABELS[lang], values)


def aligned(labels: tuple[str, ...], values: tuple[str, ...]) -> list[str]:
    """``label: value`` lines, the values in one column."""
    width = max(map(len, labels)) + 1
    return [f"{label + ':':<{width}} {value}" for label, value in zip(labels, values, strict=True)]
