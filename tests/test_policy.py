"""Tables of cases for ``AuthPolicy``, ``Decision`` and ``pseudonym``."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import hashlib
import hmac
import pickle
from typing import Any

import pytest

import nirkit
from nirkit import OID_INS_NIA, AuthPolicy, Decision, DeclaredIdentity, Kind, NIRError
from nirkit.policy import ImpactReport, Instruction, Reason
from tests.helpers import with_key

DEFINITIVE = with_key("2 95 10 99 126 111")  # born abroad (Greece), October 95
WAITING = with_key("4 95 10 99 126 111")
PROVISIONAL = with_key("7 81 05 99 126 045")
ONLY_DEFINITIVE: dict[str, Any] = {"accept": {Kind.DEFINITIVE}}
HELP = Instruction(
    en="Sign in with your claimant number, or ask at your office.",
    fr="Connectez-vous avec votre numéro d'allocataire, ou demandez à votre agence.",
)


def body(number: str) -> str:
    """The 13 characters without the key (and its separator)."""
    return number[:-3]


@pytest.mark.parametrize("number", [DEFINITIVE, WAITING, PROVISIONAL])
def test_the_default_policy_accepts_every_kind(number: str) -> None:
    decision = AuthPolicy().decide(number)
    assert (decision.allowed, decision.reason, decision.kind) == (
        True,
        Reason.ACCEPTED,
        nirkit.classify(number),
    )


@pytest.mark.parametrize(
    ("settings", "text", "reason", "kind", "error"),
    [
        ({}, DEFINITIVE[:-2] + "94", "invalid_number", None, "key_mismatch"),
        ({}, with_key("2 95 13 99 126 111"), "invalid_number", None, "bad_month"),
        ({}, "", "invalid_number", None, "bad_length"),
        ({}, "x" * 65, "invalid_number", None, "bad_length"),
        ({}, "2 95 10 99 126 111 9", "invalid_number", None, "bad_length"),
        ({}, body(DEFINITIVE), "key_required", Kind.DEFINITIVE, "bad_length"),
        ({}, "2 95 13 99 126 111", "invalid_number", None, "bad_month"),  # 13, a typo
        ({"key_required": False}, body(DEFINITIVE), "accepted", Kind.DEFINITIVE, None),
        ({"key_required": False}, "2 95 13 99 126 111", "invalid_number", None, "bad_month"),
        ({"profile": "lenient"}, body(DEFINITIVE), "key_required", Kind.DEFINITIVE, "bad_length"),
        (ONLY_DEFINITIVE, PROVISIONAL, "kind_not_accepted", Kind.PROVISIONAL, None),
        (ONLY_DEFINITIVE, WAITING, "kind_not_accepted", Kind.WAITING, None),
        (ONLY_DEFINITIVE, DEFINITIVE, "accepted", Kind.DEFINITIVE, None),
        # The order of the checks: a typo first, then the key, then the kind.
        (ONLY_DEFINITIVE, PROVISIONAL[:-2] + "31", "invalid_number", None, "key_mismatch"),
        (ONLY_DEFINITIVE, body(PROVISIONAL), "key_required", Kind.PROVISIONAL, "bad_length"),
        (
            {"accept": {Kind.DEFINITIVE}, "key_required": False},
            body(PROVISIONAL),
            "kind_not_accepted",
            Kind.PROVISIONAL,
            None,
        ),
        # The profile's rules apply.
        ({}, with_key("1 84 02 75 123 000"), "invalid_number", None, "bad_order"),
        ({"profile": "lenient"}, with_key("1 84 02 75 123 000"), "accepted", Kind.DEFINITIVE, None),
        ({}, with_key("1 80 02 20 123 456"), "accepted", Kind.DEFINITIVE, None),
        (
            {"profile": "strict"},
            with_key("1 80 02 20 123 456"),
            "invalid_number",
            None,
            "corsica_20_after_1975",
        ),
        (
            {"accept": ["definitive", "provisional"]},
            PROVISIONAL,
            "accepted",
            Kind.PROVISIONAL,
            None,
        ),
    ],
)
def test_reasons(
    settings: dict[str, Any], text: str, reason: str, kind: Kind | None, error: str | None
) -> None:
    decision = AuthPolicy(**settings).decide(text)
    assert decision.reason == reason
    assert decision.allowed is (reason == "accepted")
    assert decision.kind is kind
    assert (decision.error.code if decision.error else None) == error


def test_a_missing_key_is_its_own_reason() -> None:
    decision = AuthPolicy().decide(body(DEFINITIVE))
    assert decision.error is not None and decision.error.variant == "key_missing"
    assert "15" in decision.message("en") and "15" in decision.message("fr")


def test_warnings_are_kept() -> None:
    decision = AuthPolicy().decide(with_key("1 80 02 20 123 456"))
    assert decision.allowed
    assert [issue.code for issue in decision.warnings] == ["corsica_20_after_1975"]


def test_a_waiting_context_makes_a_definitive_number_waiting() -> None:
    policy = AuthPolicy(accept={Kind.DEFINITIVE})
    assert policy.decide(DEFINITIVE).allowed
    decision = policy.decide(DEFINITIVE, context=OID_INS_NIA)
    assert (decision.reason, decision.kind) == (Reason.KIND_NOT_ACCEPTED, Kind.WAITING)
    assert AuthPolicy().decide(DEFINITIVE, context=Kind.WAITING).kind is Kind.WAITING


@pytest.mark.parametrize("text", [DEFINITIVE, "not a number", ""])
def test_an_unknown_context_is_a_programming_error(text: str) -> None:
    with pytest.raises(NIRError) as caught:
        AuthPolicy().decide(text, context="1.2.3")
    assert caught.value.code == "bad_context"


def test_non_str_input_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        AuthPolicy().decide(295109912611193)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AuthPolicy().decide(DEFINITIVE, declared={"sex": "male"})  # type: ignore[arg-type]


# -- identity ---------------------------------------------------------------------------

BORN = datetime.date(1995, 10, 3)


@pytest.mark.parametrize(
    ("declared", "reason", "fields"),
    [
        (DeclaredIdentity(BORN, "female", "99126"), "accepted", ()),
        (DeclaredIdentity(), "accepted", ()),
        (
            DeclaredIdentity(datetime.date(1995, 11, 3), "male"),
            "identity_mismatch",
            ("birth_month", "registered_sex"),
        ),
        (DeclaredIdentity(datetime.date(1996, 10, 3)), "identity_mismatch", ("birth_year",)),
        (DeclaredIdentity(birthplace="75056"), "identity_mismatch", ("birthplace",)),
    ],
)
def test_identity(declared: DeclaredIdentity, reason: str, fields: tuple[str, ...]) -> None:
    decision = AuthPolicy().decide(DEFINITIVE, declared=declared)
    assert (decision.reason, decision.mismatched) == (reason, fields)


def test_identity_is_compared_only_for_an_accepted_kind() -> None:
    wrong = DeclaredIdentity(datetime.date(1990, 1, 1), "male")
    assert AuthPolicy(**ONLY_DEFINITIVE).decide(PROVISIONAL, declared=wrong).reason == (
        "kind_not_accepted"
    )
    assert AuthPolicy().decide(PROVISIONAL, declared=wrong).reason == "identity_mismatch"


# -- messages ---------------------------------------------------------------------------


def test_the_messages_of_a_refused_kind_with_the_service_instruction() -> None:
    policy = AuthPolicy(accept={Kind.DEFINITIVE}, instructions={Kind.PROVISIONAL: HELP})
    decision = policy.decide(PROVISIONAL)
    assert decision.instruction == HELP
    assert decision.message("en") == (
        "Your number is valid, but it is a provisional number, and this service does not "
        "accept this kind of number. Sign in with your claimant number, or ask at your office."
    )
    assert decision.message_fr == (
        "Votre numéro est valide, mais c'est un numéro provisoire, et ce service n'accepte pas "
        "ce type de numéro. Connectez-vous avec votre numéro d'allocataire, ou demandez à "
        "votre agence."
    )
    assert str(decision) == decision.message_en


def test_a_refused_kind_without_instruction_still_says_what_to_do() -> None:
    decision = AuthPolicy(**ONLY_DEFINITIVE).decide(WAITING)
    assert decision.instruction is None
    assert "waiting number" in decision.message("en")
    assert "contact the service" in decision.message("en")
    assert "numéro d'attente" in decision.message("fr")


def test_an_instruction_given_as_a_mapping() -> None:
    policy = AuthPolicy(
        accept={"definitive"}, instructions={"waiting": {"en": "Ask us.", "fr": "Demandez-nous."}}
    )
    assert policy.instructions[Kind.WAITING] == Instruction("Ask us.", "Demandez-nous.")
    assert policy.decide(WAITING).message("fr").endswith("Demandez-nous.")


def test_an_invalid_number_message_tells_to_type_it_again() -> None:
    decision = AuthPolicy().decide(DEFINITIVE[:-2] + "94")
    assert decision.error is not None
    assert decision.message("en") == (
        "This is not a valid social-security number. "
        + decision.error.message("en")
        + " Please check it and type it again."
    )
    assert decision.error.message("fr") in decision.message("fr")


def test_an_identity_mismatch_message_names_the_fields() -> None:
    declared = DeclaredIdentity(datetime.date(1994, 11, 3), "male")
    decision = AuthPolicy().decide(DEFINITIVE, declared=declared)
    assert "year of birth, month of birth and sex" in decision.message("en")
    assert "année de naissance, mois de naissance et sexe" in decision.message("fr")


def test_the_accepted_message() -> None:
    decision = AuthPolicy().decide(DEFINITIVE)
    assert (decision.message("en"), decision.message("fr")) == (
        "Your number is accepted.",
        "Votre numéro est accepté.",
    )


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        AuthPolicy().decide(DEFINITIVE).message("de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [DEFINITIVE, DEFINITIVE[:-2] + "94", body(PROVISIONAL), PROVISIONAL, "2 95 13 99 126 111"],
)
def test_nothing_shown_holds_the_number(text: str) -> None:
    policy = AuthPolicy(accept={Kind.DEFINITIVE}, instructions={Kind.PROVISIONAL: HELP})
    declared = DeclaredIdentity(datetime.date(1990, 1, 1), "male")
    decision = policy.decide(text, declared=declared)
    compact_form = nirkit.compact(text)
    for shown in (repr(decision), str(decision), decision.message("fr"), repr(policy)):
        assert compact_form not in shown and compact_form[1:13] not in shown


def test_decision_repr() -> None:
    assert repr(AuthPolicy(**ONLY_DEFINITIVE).decide(PROVISIONAL)) == (
        "Decision(allowed=False, reason='kind_not_accepted', kind='provisional')"
    )
    assert repr(AuthPolicy().decide("")) == (
        "Decision(allowed=False, reason='invalid_number', error='bad_length')"
    )
    declared = DeclaredIdentity(sex="male")
    assert repr(AuthPolicy().decide(DEFINITIVE, declared=declared)) == (
        "Decision(allowed=False, reason='identity_mismatch', kind='definitive', "
        "mismatched=('registered_sex',))"
    )


def test_decisions_are_immutable_values() -> None:
    first, second = AuthPolicy().decide(DEFINITIVE), AuthPolicy().decide("2.95.10.99.126.111.93")
    assert first == second and hash(first) == hash(second)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.allowed = False  # type: ignore[misc]


# -- the policy object ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "error"),
    [
        ({"accept": set()}, ValueError),
        ({"accept": "definitive"}, TypeError),
        ({"accept": Kind.DEFINITIVE}, TypeError),
        ({"accept": {"bogus"}}, ValueError),
        ({"key_required": "yes"}, TypeError),
        ({"profile": "relaxed"}, ValueError),
        ({"instructions": {Kind.WAITING: {"en": "Ask us."}}}, ValueError),
        (
            {"instructions": {Kind.WAITING: {"en": "Ask.", "fr": "Demandez.", "de": "Fragen."}}},
            ValueError,
        ),
        ({"instructions": {Kind.WAITING: "Ask us."}}, TypeError),
        ({"instructions": {"nia": HELP}}, ValueError),
    ],
)
def test_bad_settings(settings: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        AuthPolicy(**settings)


def test_policies_are_immutable_hashable_values() -> None:
    policy = AuthPolicy(accept={Kind.DEFINITIVE}, instructions={Kind.WAITING: HELP})
    same = AuthPolicy(
        accept=["definitive"], instructions={"waiting": {"en": HELP.en, "fr": HELP.fr}}
    )
    assert policy == same and hash(policy) == hash(same)
    assert policy != AuthPolicy()
    assert len({policy, same, AuthPolicy()}) == 2
    with pytest.raises(AttributeError):
        policy.key_required = False  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del policy.accept
    with pytest.raises(TypeError):
        policy.instructions[Kind.PROVISIONAL] = HELP  # type: ignore[index]
    assert pickle.loads(pickle.dumps(policy)) == policy
    assert copy.deepcopy(policy) == policy


def test_replace() -> None:
    policy = AuthPolicy(accept={Kind.DEFINITIVE})
    wider = policy.replace(accept=set(Kind))
    assert wider == AuthPolicy() and policy.accept == {Kind.DEFINITIVE}
    assert policy.__replace__(key_required=False).key_required is False
    with pytest.raises(TypeError, match="unknown"):
        policy.replace(acept=set(Kind))


def test_the_profile_is_resolved_and_the_policy_owns_the_key_rule() -> None:
    policy = AuthPolicy(profile="lenient")
    assert policy.profile is nirkit.LENIENT and policy.key_required is True
    assert repr(policy) == (
        "AuthPolicy(accept=('definitive', 'waiting', 'provisional'), profile='lenient', "
        "key_required=True, instructions=())"
    )


def test_no_preset_refuses_a_kind() -> None:
    """A policy that refuses provisional or waiting numbers is spelled out by its caller."""
    import nirkit.policy as module

    presets = [
        value
        for namespace in (vars(nirkit), vars(module))
        for value in namespace.values()
        if isinstance(value, AuthPolicy)
    ]
    assert all(preset.accept == frozenset(Kind) for preset in presets)
    assert AuthPolicy().accept == frozenset(Kind)


def test_impact_report_is_exported_from_the_policy_module() -> None:
    assert isinstance(AuthPolicy().impact([]), ImpactReport)
    assert isinstance(AuthPolicy().decide(""), Decision)


# -- pseudonyms -------------------------------------------------------------------------

SECRET = bytes(range(32))


def test_a_pseudonym_is_the_hmac_sha256_of_the_compact_form() -> None:
    expected = hmac.new(SECRET, b"295109912611193", hashlib.sha256).hexdigest()
    assert nirkit.pseudonym(DEFINITIVE, SECRET) == expected


@pytest.mark.parametrize(
    "spelling", ["295109912611193", "2.95.10.99.126.111.93", "2-95-10-99-126-111-93", DEFINITIVE]
)
def test_every_spelling_has_one_pseudonym(spelling: str) -> None:
    assert nirkit.pseudonym(spelling, SECRET) == nirkit.pseudonym(DEFINITIVE, SECRET)


def test_corsica_lower_case() -> None:
    number = with_key("1 84 02 2A 123 456")
    assert nirkit.pseudonym(number.lower(), SECRET) == nirkit.pseudonym(number, SECRET)


def test_pseudonyms_depend_on_the_number_and_the_secret() -> None:
    assert nirkit.pseudonym(DEFINITIVE, SECRET) != nirkit.pseudonym(WAITING, SECRET)
    assert nirkit.pseudonym(DEFINITIVE, SECRET) != nirkit.pseudonym(DEFINITIVE, SECRET[::-1])
    plain = hashlib.sha256(b"295109912611193").hexdigest()
    assert nirkit.pseudonym(DEFINITIVE, SECRET) != plain


def test_a_number_without_key() -> None:
    with pytest.raises(NIRError) as caught:
        nirkit.pseudonym(body(DEFINITIVE), SECRET)
    assert caught.value.code == "bad_length"
    keyless = nirkit.pseudonym(body(DEFINITIVE), SECRET, key_required=False)
    assert keyless == nirkit.pseudonym(DEFINITIVE, SECRET)


@pytest.mark.parametrize(
    ("secret", "error"),
    [
        (b"", ValueError),
        (b"x" * 15, ValueError),
        ("a text secret 1234", TypeError),
        (None, TypeError),
    ],
)
def test_the_secret_must_be_long_bytes(secret: object, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        nirkit.pseudonym(DEFINITIVE, secret)  # type: ignore[arg-type]
    assert "1234" not in str(caught.value) and "2951099" not in str(caught.value)
    assert len(nirkit.pseudonym(DEFINITIVE, b"x" * 16)) == 64


def test_an_invalid_number_has_no_pseudonym_and_is_not_echoed() -> None:
    typo = DEFINITIVE[:-2] + "94"
    with pytest.raises(NIRError) as caught:
        nirkit.pseudonym(typo, SECRET)
    assert caught.value.code == "key_mismatch"
    assert nirkit.compact(typo) not in str(caught.value)


@pytest.mark.parametrize(
    "fields",
    [
        {"allowed": True, "reason": "kind_not_accepted", "kind": Kind.WAITING},
        {"allowed": False, "reason": "accepted", "kind": Kind.WAITING},
        {"allowed": False, "reason": "kind_not_accepted"},  # no kind
        {"allowed": False, "reason": "invalid_number"},  # no error
        {"allowed": False, "reason": "identity_mismatch", "kind": Kind.WAITING},  # no field
        {"allowed": False, "reason": "refused"},
    ],
)
def test_a_decision_is_consistent(fields: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the messages differ
        Decision(**fields)
    assert Decision(False, "kind_not_accepted", Kind.WAITING).reason is Reason.KIND_NOT_ACCEPTED  # type: ignore[arg-type]
