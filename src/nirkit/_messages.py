"""English and French messages for every error and warning code.

Messages describe the rule that failed and never quote the input: a number is
personal data, and error messages end up in logs.
"""

from __future__ import annotations

from typing import Final

# code -> (English, French); "{position}" is filled in where a position is known.
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "too_long": (
        "The input is longer than 64 characters, so it is not a social-security number.",
        "La saisie dépasse 64 caractères : ce n'est pas un numéro de sécurité sociale.",
    ),
    "bad_length": (
        "A social-security number has 15 characters (13 without the key) once spaces, "
        "dots and hyphens are removed.",
        "Un numéro de sécurité sociale compte 15 caractères (13 sans la clé), "
        "espaces, points et tirets retirés.",
    ),
    "key_missing": (
        "The key (the last 2 digits) is missing: all 15 characters are required here.",
        "La clé (les 2 derniers chiffres) manque : les 15 caractères sont exigés ici.",
    ),
    "bad_character": (
        "The character at position {position} is not allowed: only digits may appear, "
        "and 2A or 2B at positions 6-7 for Corsica.",
        "Le caractère en position {position} n'est pas admis : seuls les chiffres le "
        "sont, et 2A ou 2B en positions 6-7 pour la Corse.",
    ),
    "bad_kind_digit": (
        "The first digit must be 1 or 2 (definitive number), 3 or 4 (waiting number) "
        "or 7 or 8 (provisional number).",
        "Le premier chiffre doit être 1 ou 2 (numéro définitif), 3 ou 4 (numéro "
        "d'attente) ou 7 ou 8 (numéro provisoire).",
    ),
    "bad_month": (
        "The birth month code (positions 4-5) must be 01-12, 20-42 or 50-99.",
        "Le code du mois de naissance (positions 4-5) doit être 01-12, 20-42 ou 50-99.",
    ),
    "bad_department": (
        "The birth département (positions 6-7) is not a code a social-security number can carry.",
        "Le département de naissance (positions 6-7) n'est pas un code possible dans "
        "un numéro de sécurité sociale.",
    ),
    "bad_commune": (
        "The birth commune code (positions 8-10, or 9-10 overseas) cannot be zero.",
        "Le code de la commune de naissance (positions 8-10, ou 9-10 outre-mer) ne "
        "peut pas être nul.",
    ),
    "bad_country": (
        "The birth country code (positions 8-10 after 99) cannot be 000.",
        "Le code du pays de naissance (positions 8-10 après 99) ne peut pas être 000.",
    ),
    "bad_order": (
        "The order number (positions 11-13) cannot be 000.",
        "Le numéro d'ordre (positions 11-13) ne peut pas être 000.",
    ),
    "key_out_of_range": (
        "The key (positions 14-15) must be between 01 and 97.",
        "La clé (positions 14-15) doit être comprise entre 01 et 97.",
    ),
    "key_mismatch": (
        "The key (positions 14-15) does not match the other 13 characters: "
        "a digit was probably mistyped.",
        "La clé (positions 14-15) ne correspond pas aux 13 autres caractères : "
        "un chiffre a sans doute été mal saisi.",
    ),
    "bad_context": (
        "The context is not a known INS identifier-system OID nor an explicit waiting marker.",
        "Le contexte n'est ni un OID de système d'identifiants INS connu ni un "
        "marqueur explicite de numéro d'attente.",
    ),
    "corsica_before_1976": (
        "The département is 2A or 2B but the birth year can only be before 1976, "
        "when Corsica was coded 20.",
        "Le département est 2A ou 2B mais l'année de naissance ne peut être "
        "qu'antérieure à 1976, quand la Corse était codée 20.",
    ),
    "corsica_20_after_1975": (
        "The département is 20 (Corsica before 1976) but the birth year is 76-99.",
        "Le département est 20 (Corse avant 1976) mais l'année de naissance est 76-99.",
    ),
    "unknown_country": (
        "The birth country code is not in the INSEE country table.",
        "Le code du pays de naissance ne figure pas dans la table des pays de l'INSEE.",
    ),
    "specimen": (
        "This is a published specimen or documented example number, not a person's.",
        "C'est un numéro spécimen ou un exemple publié, pas celui d'une personne.",
    ),
}
