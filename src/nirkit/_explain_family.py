"""The fields of an NNP, MIG or NTT in words, in English or French."""

from __future__ import annotations

from typing import Final

from nirkit._explain import _WORDS, aligned
from nirkit._family import MIG, NNP, NTT
from nirkit._issues import Issue, Lang

_FAMILIES: Final = {
    "en": {
        NNP: "NNP: provisional national number of a health-insurance fund, legacy "
        "(ended on 31 December 2022)",
        MIG: "MIG: number of a family member of a person in transit (Assurance Maladie)",
        NTT: "NTT: temporary technical number made by an employer, for its DSN only",
    },
    "fr": {
        NNP: "NNP : numéro national provisoire d'une caisse d'assurance maladie, ancien "
        "(supprimé le 31 décembre 2022)",
        MIG: "MIG : numéro d'un ayant droit de migrant de passage (Assurance Maladie)",
        NTT: "NTT : numéro technique temporaire créé par un employeur, pour sa seule DSN",
    },
}
_CREATION: Final = {
    "en": {
        NNP: {0: "made before 2012", 1: "created", 2: "fictitious, made by the fund's system"},
        MIG: {1: "created in the fund's system", 2: "created at reconciliation"},
    },
    "fr": {
        NNP: {0: "créé avant 2012", 1: "créé", 2: "fictif, produit par le système de la caisse"},
        MIG: {1: "créé dans le système de la caisse", 2: "créé au calage"},
    },
}
_LABELS: Final = {
    "en": {
        "number": "number",
        "family": "family",
        "sex": "sex digit",
        "creation": "creation",
        "fund": "fund",
        "order": "order number",
        "siren": "employer SIREN",
        "employee": "employee part",
        "warnings": "warnings",
    },
    "fr": {
        "number": "numéro",
        "family": "famille",
        "sex": "chiffre du sexe",
        "creation": "création",
        "fund": "caisse",
        "order": "numéro d'ordre",
        "siren": "SIREN de l'employeur",
        "employee": "partie salarié",
        "warnings": "avertissements",
    },
}
# An NTT's sex digit is what the employer declared, not a registration.
_DECLARED_SEX: Final = {
    "en": {
        "male": "male, as declared by the employer",
        "female": "female, as declared by the employer",
    },
    "fr": {
        "male": "masculin, déclaré par l'employeur",
        "female": "féminin, déclaré par l'employeur",
    },
}


def _warnings(warnings: tuple[Issue, ...], lang: Lang) -> str:
    return ", ".join(f"{w.code}: {w.message(lang)}" for w in warnings) or _WORDS[lang]["none"]


def family_explain_lines(
    value: NNP | MIG | NTT, *, lang: Lang = "en", show_numbers: bool = False
) -> list[str]:
    """One ``label: value`` line per field.

    The order number (an NTT's employee part) stays hidden unless
    ``show_numbers``: with the other fields it would give the number away. An
    NTT's SIREN is its employer's, public, and shown.
    """
    words, labels = _WORDS[lang], _LABELS[lang]
    hidden = f"({words['hidden']})"
    sexes = _DECLARED_SEX[lang] if isinstance(value, NTT) else words
    sex = f"{value.compact[0]}: {sexes[value.registered_sex]}"
    rows = [
        ("number", value.formatted if show_numbers else f"{value.masked} {hidden}"),
        ("family", _FAMILIES[lang][type(value)]),
    ]
    if isinstance(value, NTT):
        employee = value.employee_part if show_numbers else f"••• {hidden}"
        rows += [("sex", sex), ("siren", value.siren), ("employee", employee)]
    else:
        creation = _CREATION[lang][type(value)][value.creation]
        order = f"{value.order:08d}" if show_numbers else f"•••••••• {hidden}"
        rows += [
            ("sex", sex),
            ("creation", f"{value.creation}: {creation}"),
            ("fund", value.fund),
            ("order", order),
        ]
    rows.append(("warnings", _warnings(value.warnings, lang)))
    return aligned(tuple(labels[key] for key, _ in rows), tuple(text for _, text in rows))
