"""The rest of a row: names, addresses, phones, IBANs, amounts (fiction, not truth).

Every name is written in cp1252 as well as in UTF-8, so one person fits every
export. Phone numbers, IBANs and amounts are digits a linter must leave alone;
they are too short or too glued to be candidates, and any finding on them shows
up in ``measure`` as a finding at no expected place.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Final

from tests.lint_corpus.samples import Sample

FIRST_NAMES: Final = (
    "Émilie", "Hélène", "François", "Gaël", "Noël", "Zoé", "Chloé", "Jérôme", "Bérénice",
    "Ségolène", "Anaïs", "Loïc", "Amélie", "Benoît", "Cécile", "Maëlys", "Raphaël", "Léa",
    "Thérèse", "Joël", "Inès", "Aurélien", "Françoise", "Agnès", "Mathéo", "Paul", "Marie",
)  # fmt: skip
LAST_NAMES: Final = (
    "Lefèvre", "Bénard", "Ménard", "Géraud", "Crémieux", "Lemaître", "Dupré", "Garçon",
    "Hébert", "Delaunay", "Moreau", "Rousseau", "Mercier", "Faure", "Girard", "Bonnet",
    "Müller", "Nguyen", "D'Aubigné", "Lœuillet", "Bœuf", "Chevalier", "Da Silva", "Étienne",
)  # fmt: skip
CITIES: Final = (
    ("75011", "Paris"), ("69003", "Lyon"), ("13005", "Marseille"), ("20000", "Ajaccio"),
    ("97400", "Saint-Denis"), ("31000", "Toulouse"), ("59000", "Lille"), ("44000", "Nantes"),
    ("67000", "Strasbourg"), ("33000", "Bordeaux"), ("06000", "Nice"), ("35000", "Rennes"),
    ("97200", "Fort-de-France"), ("42000", "Saint-Étienne"), ("29200", "Brest"),
)  # fmt: skip
STREETS: Final = (
    "rue de la République", "avenue Jean-Jaurès", "place de l'Église", "boulevard Gambetta",
    "chemin des Prés", "allée des Tilleuls", "rue Émile-Zola", "impasse du Moulin",
)  # fmt: skip
COMPANIES: Final = (
    "SARL Dupré & Fils", "Boulangerie Hébert", "Garage Ménard", "SAS Étoile Réseaux",
    "Pharmacie du Marché", "Télécom Léman", "Crèche Les Lutins", "Cabinet Lœuillet",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    street: str
    postcode: str
    city: str
    phone: str
    email: str


def phone(rng: Random) -> str:
    digits = f"0{rng.choice('1234567')}" + "".join(f"{rng.randint(0, 99):02d}" for _ in range(4))
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    return rng.choice(
        [" ".join(pairs), "+33 " + digits[1] + " " + " ".join(pairs[1:]), digits, ".".join(pairs)]
    )


def _ascii(text: str) -> str:
    table = str.maketrans("éèêëàâäçîïôöùûüÉ", "eeeeaaaciioouuuE")
    return text.translate(table).replace("œ", "oe").replace("'", "").replace(" ", "")


def person(rng: Random) -> Person:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    postcode, city = rng.choice(CITIES)
    email = f"{_ascii(first).lower()}.{_ascii(last).lower()}@exemple.fr"
    street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
    return Person(first, last, street, postcode, city, phone(rng), email)


def birth_date(rng: Random, sample: Sample, separator: str = "/") -> str:
    """A date of birth that agrees with the number's year and month when they are real."""
    groups = sample.groups
    year = groups[1] if len(groups[1]) == 2 and groups[1].isdigit() else f"{rng.randint(0, 99):02d}"
    month = groups[2] if groups[2].isdigit() and 1 <= int(groups[2]) <= 12 else "01"
    century = "20" if int(year) <= 25 else "19"
    day = f"{rng.randint(1, 28):02d}"
    if separator == "-":
        return f"{century}{year}-{month}-{day}"
    return f"{day}/{month}/{century}{year}"


def day(rng: Random, year: int = 2024, separator: str = "/") -> str:
    month, day_ = rng.randint(1, 12), rng.randint(1, 28)
    if separator == "-":
        return f"{year}-{month:02d}-{day_:02d}"
    return f"{day_:02d}/{month:02d}/{year}"


def amount(rng: Random) -> str:
    return f"{rng.randint(1, 4999)},{rng.randint(0, 99):02d}"


def iban(rng: Random) -> str:
    """A French IBAN with right check digits, grouped by four."""
    bban = "".join(str(rng.randrange(10)) for _ in range(23))
    check = 98 - int(bban + "152700") % 97  # "FR00" moved to the end, F=15 R=27
    text = f"FR{check:02d}{bban}"
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
