"""How many people a policy refuses: counts over a set of numbers, and their rendering.

RULES.md section 9. :meth:`nirkit.AuthPolicy.impact` builds the report;
:class:`ImpactReport` is exported by :mod:`nirkit.policy`.

>>> from nirkit import AuthPolicy, Kind
>>> report = AuthPolicy(accept={Kind.DEFINITIVE}).impact(["7 81 05 99 126 045 30"])
>>> print(report.render("fr"))
politique : accepte les numéros définitifs ; profil standard ; clé exigée
cette politique refuse 1 numéro sur 1 (100,0 %) : 1 provisoire
acceptés : 0 (0,0 %)
numéros non valides (refusés par toute politique) : 0 (0,0 %)
refus par motif : kind_not_accepted 1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from nirkit._decision import Reason, _join, _lang
from nirkit._issues import Lang
from nirkit._kinds import Kind

if TYPE_CHECKING:
    from nirkit.policy import AuthPolicy

_REFUSALS: Final[tuple[Reason, ...]] = tuple(
    reason for reason in Reason if reason is not Reason.ACCEPTED
)
_KIND_ADJECTIVES: Final[dict[Lang, dict[Kind, tuple[str, str]]]] = {  # singular, plural
    "en": {
        Kind.DEFINITIVE: ("definitive", "definitive"),
        Kind.WAITING: ("waiting", "waiting"),
        Kind.PROVISIONAL: ("provisional", "provisional"),
    },
    "fr": {
        Kind.DEFINITIVE: ("définitif", "définitifs"),
        Kind.WAITING: ("d'attente", "d'attente"),
        Kind.PROVISIONAL: ("provisoire", "provisoires"),
    },
}
_REPORT: Final[dict[Lang, dict[str, str]]] = {
    "en": {
        "policy": "policy: accepts {kinds} numbers; {profile} profile; key {key}",
        "required": "required",
        "optional": "optional",
        "headline": "this policy refuses {refused} of {total} numbers ({percent})",
        "colon": ": ",
        "accepted": "accepted: {count} ({percent})",
        "invalid": "not valid numbers (refused by any policy): {count} ({percent})",
        "reasons": "refusals by reason: {reasons}",
        "none": "none",
        "empty": "no numbers were read",
    },
    "fr": {
        "policy": "politique : accepte les numéros {kinds} ; profil {profile} ; clé {key}",
        "required": "exigée",
        "optional": "facultative",
        "headline": "cette politique refuse {refused} {noun} sur {total} ({percent})",
        "colon": " : ",
        "accepted": "acceptés : {count} ({percent})",
        "invalid": "numéros non valides (refusés par toute politique) : {count} ({percent})",
        "reasons": "refus par motif : {reasons}",
        "none": "aucun",
        "empty": "aucun numéro n'a été lu",
    },
}


def _count(value: int, lang: Lang) -> str:
    """``12,345`` in English, ``12 345`` (narrow no-break space) in French."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def _percent(part: int, whole: int, lang: Lang) -> str:
    """One decimal, never rounding a few to 0 % nor almost all to 100 %.

    >>> _percent(1, 10_000, "en"), _percent(9_999, 10_000, "fr"), _percent(1, 3, "fr")
    ('< 0.1 %', '> 99,9 %', '33,3 %')
    """
    share = 100 * part / whole if whole else 0.0
    if part > 0 and round(share, 1) == 0:
        text = "< 0.1"
    elif part < whole and round(share, 1) == 100:
        text = "> 99.9"
    else:
        text = f"{share:.1f}"
    return (text.replace(".", ",") if lang == "fr" else text) + " %"


@dataclass(frozen=True, slots=True)
class ImpactReport:
    """Counts of what a policy decides over a set of numbers. Holds no number.

    ``total = accepted + refused + invalid``: ``refused`` counts valid numbers
    the policy refuses (what a switch costs: the CAF's missing figure), and
    ``invalid`` counts texts that are not valid numbers, which every policy
    refuses. ``refused_by_reason`` has every refusal reason (``invalid_number``
    included); ``refused_by_kind`` splits ``refused`` by kind.
    """

    policy: AuthPolicy
    total: int
    accepted: int
    refused_by_reason: Mapping[Reason, int]
    refused_by_kind: Mapping[Kind, int]

    @classmethod
    def _from_counts(
        cls, policy: AuthPolicy, counts: Counter[tuple[Reason, Kind | None]]
    ) -> ImpactReport:
        by_reason: dict[Reason, int] = dict.fromkeys(_REFUSALS, 0)
        by_kind: dict[Kind, int] = dict.fromkeys(Kind, 0)
        accepted = 0
        for (reason, kind), count in counts.items():
            if reason is Reason.ACCEPTED:
                accepted += count
                continue
            by_reason[reason] += count
            if kind is not None:
                by_kind[kind] += count
        return cls(
            policy,
            sum(counts.values()),
            accepted,
            MappingProxyType(by_reason),
            MappingProxyType(by_kind),
        )

    def __hash__(self) -> int:  # the mapping proxies are not hashable
        return hash(
            (
                self.policy,
                self.total,
                self.accepted,
                tuple(self.refused_by_reason.items()),
                tuple(self.refused_by_kind.items()),
            )
        )

    @property
    def invalid(self) -> int:
        """Texts that are not valid numbers (every policy refuses them)."""
        return self.refused_by_reason.get(Reason.INVALID_NUMBER, 0)

    @property
    def refused(self) -> int:
        """Valid numbers this policy refuses."""
        return self.total - self.accepted - self.invalid

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return {
            "policy": {
                "accept": [kind.value for kind in Kind if kind in self.policy.accept],
                "profile": self.policy.profile.name,
                "key_required": self.policy.key_required,
            },
            "total": self.total,
            "accepted": self.accepted,
            "refused": self.refused,
            "invalid": self.invalid,
            "refused_by_reason": {r.value: n for r, n in self.refused_by_reason.items()},
            "refused_by_kind": {k.value: n for k, n in self.refused_by_kind.items()},
        }

    def render(self, lang: Lang = "en") -> str:
        """The report in words, with percentages, in ``"en"`` or ``"fr"``."""
        lang = _lang(lang)
        words = _REPORT[lang]
        adjectives = _KIND_ADJECTIVES[lang]
        policy = self.policy
        kinds = _join([adjectives[k][1] for k in Kind if k in policy.accept], lang)
        key = words["required" if policy.key_required else "optional"]
        lines = [words["policy"].format(kinds=kinds, profile=policy.profile.name, key=key)]
        if not self.total:
            lines.append(words["empty"])
            return "\n".join(lines)
        headline = words["headline"].format(
            refused=_count(self.refused, lang),
            noun="numéros" if self.refused > 1 else "numéro",
            total=_count(self.total, lang),
            percent=_percent(self.refused, self.total, lang),
        )
        split = sorted(
            ((n, k) for k, n in self.refused_by_kind.items() if n),
            key=lambda pair: (-pair[0], list(Kind).index(pair[1])),
        )
        if split:
            headline += words["colon"] + ", ".join(
                f"{_count(n, lang)} {adjectives[k][n > 1]}" for n, k in split
            )
        reasons = ", ".join(
            f"{reason.value} {_count(n, lang)}" for reason, n in self.refused_by_reason.items() if n
        )
        lines += [
            headline,
            words["accepted"].format(
                count=_count(self.accepted, lang),
                percent=_percent(self.accepted, self.total, lang),
            ),
            words["invalid"].format(
                count=_count(self.invalid, lang), percent=_percent(self.invalid, self.total, lang)
            ),
            words["reasons"].format(reasons=reasons or words["none"]),
        ]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")
