"""A programming error says what was wrong and what to use instead.

Wrong types and settings are the caller's mistakes, not a person's input: they
raise ``TypeError`` or ``ValueError`` (never ``NIRError``) with a message a
developer can act on, and never the number.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

import nirkit
from nirkit import AuthPolicy, Kind, Profile
from nirkit.policy import Decision, Instruction
from tests.helpers import with_key

NUMBER = with_key("1 84 02 75 123 456")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: nirkit.parse(123), TypeError, "expected a str, got int"),  # type: ignore[arg-type]
        (lambda: nirkit.is_valid(b"1"), TypeError, "expected a str, got bytes"),  # type: ignore[arg-type]
        (lambda: nirkit.diagnose(None), TypeError, "expected a str, got NoneType"),  # type: ignore[arg-type]
        (lambda: nirkit.compact(1.5), TypeError, "expected a str, got float"),  # type: ignore[arg-type]
        (lambda: nirkit.compute_key([]), TypeError, "expected a str, got list"),  # type: ignore[arg-type]
        (lambda: nirkit.mask(7), TypeError, "expected a str, got int"),  # type: ignore[arg-type]
        (
            lambda: nirkit.is_valid(NUMBER, profile="loose"),  # type: ignore[arg-type]
            ValueError,
            "unknown profile 'loose': use 'lenient', 'standard', 'strict' or a Profile",
        ),
        (
            lambda: AuthPolicy(accept="definitive"),
            TypeError,
            "accept is a set of kinds, for example {Kind.DEFINITIVE, Kind.PROVISIONAL}",
        ),
        (
            lambda: AuthPolicy(accept=set()),
            ValueError,
            "accept must name at least one kind: a policy that accepts none refuses all",
        ),
        (
            lambda: AuthPolicy(accept={"nia"}),
            ValueError,
            "unknown kind 'nia': use one of definitive, waiting, provisional",
        ),
        (
            lambda: AuthPolicy(key_required="yes"),  # type: ignore[arg-type]
            TypeError,
            "key_required must be True or False, not str",
        ),
        (
            lambda: AuthPolicy(key_required=None),  # type: ignore[arg-type]
            TypeError,
            "key_required must be True or False, not NoneType",
        ),
        (
            lambda: AuthPolicy(instructions={Kind.WAITING: "Ask us."}),  # type: ignore[arg-type]
            TypeError,
            "an instruction is an Instruction or a mapping with 'en' and 'fr' texts",
        ),
        (
            lambda: AuthPolicy(instructions={Kind.WAITING: {"en": "A.", "fr": "B.", "de": "C."}}),
            ValueError,
            "unknown instruction language(s) ['de']: use 'en' and 'fr'",
        ),
        (
            lambda: AuthPolicy(instructions={Kind.WAITING: {"fr": "Demandez."}}),
            ValueError,
            "an instruction needs a non-empty 'en' text",
        ),
        (
            lambda: AuthPolicy(instructions={Kind.WAITING: {"en": "Ask."}}),
            ValueError,
            "an instruction needs a non-empty 'fr' text",
        ),
        (
            lambda: AuthPolicy().decide(NUMBER, declared={"sex": "male"}),  # type: ignore[arg-type]
            TypeError,
            "declared must be a DeclaredIdentity, not dict",
        ),
        (
            lambda: AuthPolicy().replace(acept=set(Kind), key=None),
            TypeError,
            "unknown AuthPolicy setting(s): acept, key",
        ),
        (
            lambda: Decision(True, "kind_not_accepted", Kind.WAITING),  # type: ignore[arg-type]
            ValueError,
            "inconsistent decision for reason 'kind_not_accepted'",
        ),
        (
            lambda: Decision(False, "accepted"),  # type: ignore[arg-type]
            ValueError,
            "inconsistent decision for reason 'accepted'",
        ),
        (
            lambda: AuthPolicy().impact(NUMBER),
            TypeError,
            "impact() takes a collection of numbers, not one number: pass [number]",
        ),
        (lambda: Instruction("Ask.", "Demandez.").text("de"), ValueError, "unknown language 'de'"),  # type: ignore[arg-type]
        (lambda: AuthPolicy().decide("").message("es"), ValueError, "unknown language 'es'"),  # type: ignore[arg-type]
    ],
)
def test_the_message_says_what_to_do(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(message)


def test_a_policy_cannot_be_changed_in_place() -> None:
    policy = AuthPolicy()
    expected = "AuthPolicy objects are immutable: use replace()"
    with pytest.raises(AttributeError) as caught:
        policy.key_required = False  # type: ignore[misc]
    assert str(caught.value) == expected
    with pytest.raises(AttributeError) as caught:
        del policy.accept
    assert str(caught.value) == expected


def test_different_policies_hash_apart() -> None:
    # A hash that never varies is legal but turns every set of policies into a list.
    policies = {
        AuthPolicy(accept=accept, key_required=key_required, profile=profile)
        for accept in ({Kind.DEFINITIVE}, {Kind.WAITING}, set(Kind))
        for key_required in (True, False)
        for profile in ("lenient", "standard", "strict")
    }
    assert len(policies) == 18
    assert len({hash(policy) for policy in policies}) > 9


def test_the_current_year_is_the_year_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server's time zone never changes a result: at 23:30 UTC on 31 December it is
    already next year east of Greenwich, and still this year for nirkit."""

    class NewYearsEve(datetime.datetime):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> NewYearsEve:
            if tz is datetime.UTC:
                return cls(2026, 12, 31, 23, 30, tzinfo=tz)
            return cls(2027, 1, 1, 0, 30, tzinfo=tz)

    monkeypatch.setattr(datetime, "datetime", NewYearsEve)
    assert Profile().year() == 2026
    assert Profile(reference_year=2030).year() == 2030
    # 27 can only be 1927 in 2026: before 1976, so 2A warns.
    warnings = nirkit.parse(with_key("1 27 02 2A 123 456")).warnings
    assert [warning.code for warning in warnings] == ["corsica_before_1976"]
