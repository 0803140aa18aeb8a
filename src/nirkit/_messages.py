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
    # The other identifiers (RULES.md section 10): their own codes, and variants
    # of the shared codes whose NIR message would state the wrong rule.
    "nnp_mig_length": (
        "An NNP or MIG number has 13 digits and no key, once spaces, dots and hyphens are removed.",
        "Un NNP ou un numéro MIG compte 13 chiffres, sans clé, espaces, points et tirets retirés.",
    ),
    "digits_only": (
        "The character at position {position} is not allowed: only digits may appear.",
        "Le caractère en position {position} n'est pas admis : seuls les chiffres le sont.",
    ),
    "nnp_kind_digit": (
        "The first digit of an NNP must be 7 (male) or 8 (female).",
        "Le premier chiffre d'un NNP doit être 7 (homme) ou 8 (femme).",
    ),
    "mig_kind_digit": (
        "The first digit of a MIG number must be 5 (male) or 6 (female).",
        "Le premier chiffre d'un numéro MIG doit être 5 (homme) ou 6 (femme).",
    ),
    "bad_creation_digit": (
        "The creation digit (position 2) must be 1 or 2; 0 is accepted only in an NNP "
        "made before 2012, when the caller says so.",
        "Le chiffre de création (position 2) doit être 1 ou 2 ; 0 n'est admis que dans "
        "un NNP créé avant 2012, si l'appelant l'indique.",
    ),
    "bad_fund": (
        "The fund number (positions 3-5) cannot be 000.",
        "Le numéro de caisse (positions 3-5) ne peut pas être 000.",
    ),
    "nnp_mig_order": (
        "The order number (positions 6-13) cannot be 00000000.",
        "Le numéro d'ordre (positions 6-13) ne peut pas être 00000000.",
    ),
    "fictitious": (
        "The creation digit 2 marks a fictitious number made by the fund's system: "
        "it is no one's number.",
        "Le chiffre de création 2 signale un numéro fictif produit par le système de "
        "la caisse : ce n'est le numéro de personne.",
    ),
    "ntt_length": (
        "An NTT has 11 to 40 characters: 1 or 2, the 9 digits of the employer's SIREN, "
        "then 1 to 30 letters or digits.",
        "Un NTT compte 11 à 40 caractères : 1 ou 2, les 9 chiffres du SIREN de "
        "l'employeur, puis 1 à 30 lettres ou chiffres.",
    ),
    "ntt_character": (
        "The character at position {position} is not allowed: an NTT is 1 or 2, the 9 "
        "digits of the SIREN, then ASCII letters or digits, with no space inside.",
        "Le caractère en position {position} n'est pas admis : un NTT s'écrit 1 ou 2, "
        "les 9 chiffres du SIREN, puis des lettres ou chiffres ASCII, sans espace.",
    ),
    "ntt_kind_digit": (
        "The first character of an NTT must be 1 (male) or 2 (female).",
        "Le premier caractère d'un NTT doit être 1 (homme) ou 2 (femme).",
    ),
    "siren_mismatch": (
        "The SIREN (positions 2-10) is not the employer's SIREN that was expected.",
        "Le SIREN (positions 2-10) n'est pas celui de l'employeur attendu.",
    ),
    "siren_not_luhn": (
        "The SIREN (positions 2-10) fails the Luhn check or is all zeros: no company "
        "has this SIREN.",
        "Le SIREN (positions 2-10) échoue au contrôle de Luhn ou ne compte que des "
        "zéros : aucune entreprise n'a ce SIREN.",
    ),
}
