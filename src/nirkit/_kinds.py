"""Enumerations of what the digits can say."""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal


class Kind(StrEnum):
    """The kind of a valid number (RULES.md section 3)."""

    DEFINITIVE = "definitive"  # 1/2: a registry number (NIR), or a NIA that looks like one
    WAITING = "waiting"  # 3/4, or a 1/2 number the caller says is a NIA
    PROVISIONAL = "provisional"  # 7/8: issued by a health-insurance fund


class Family(StrEnum):
    """The identifier families nirkit reads (RULES.md section 10).

    Only ``NIR`` numbers are read by ``parse``; the other three are read on
    request, since their shapes overlap NIR bodies.
    """

    NIR = "nir"  # NIR-shaped numbers, of every Kind
    NNP = "nnp"  # numéro national provisoire: legacy, 7/8, 13 digits, no key
    MIG = "mig"  # migrant de passage: 5/6, 13 digits, no key
    NTT = "ntt"  # numéro technique temporaire: employer-made, DSN only


FamilyName = Literal["nir", "nnp", "mig", "ntt"]


KIND_OF_DIGIT: Final = {
    "1": Kind.DEFINITIVE,
    "2": Kind.DEFINITIVE,
    "3": Kind.WAITING,
    "4": Kind.WAITING,
    "7": Kind.PROVISIONAL,
    "8": Kind.PROVISIONAL,
}


class MonthKind(StrEnum):
    """What the month code (positions 4-5) means."""

    REAL = "real"  # 01-12
    INCOMPLETE_RECORD = "incomplete_record"  # 31-42: the month is code - 30
    UNKNOWN = "unknown"  # 20-30, 50-99 (and 43-49 in the lenient profile)


class PlaceKind(StrEnum):
    """The kind of birthplace (positions 6-10)."""

    METROPOLITAN = "metropolitan"
    CORSICA = "corsica"
    OVERSEAS = "overseas"
    ABROAD = "abroad"
    # 96: Tunisia before independence. No département ever had that code.
    NORTH_AFRICA = "north_africa"
