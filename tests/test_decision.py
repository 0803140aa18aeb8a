"""What a policy keeps, what its decisions carry, and the defaults a caller relies on."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest

import nirkit
from nirkit import AuthPolicy, DeclaredIdentity, Kind, NIRError, Profile
from nirkit._context import says_waiting
from nirkit.policy import Decision, Instruction, Reason
from tests.helpers import with_key

CORSICA_20 = with_key("7 80 02 20 123 456")  # provisional, with the corsica_20 warning
HELP = Instruction("Ask at your office.", "Demandez à votre agence.")


def test_the_ins_oids() -> None:
    assert nirkit.OID_INS_NIR == "1.2.250.1.213.1.4.8"
    assert nirkit.OID_INS_NIA == "1.2.250.1.213.1.4.9"
    assert nirkit.OID_INS_NIR_TEST == "1.2.250.1.213.1.4.10"
    assert nirkit.OID_INS_NIR_DEMO == "1.2.250.1.213.1.4.11"


@pytest.mark.parametrize(
    ("context", "kind"),
    [
        ("1.2.250.1.213.1.4.8", Kind.DEFINITIVE),
        ("1.2.250.1.213.1.4.9", Kind.WAITING),
        ("1.2.250.1.213.1.4.10", Kind.DEFINITIVE),
        ("1.2.250.1.213.1.4.11", Kind.DEFINITIVE),
        ("urn:oid:1.2.250.1.213.1.4.9", Kind.WAITING),
        ("urn:oid:1.2.250.1.213.1.4.11", Kind.DEFINITIVE),
        (Kind.WAITING, Kind.WAITING),
        (None, Kind.DEFINITIVE),
    ],
)
def test_contexts_by_value(context: Any, kind: Kind) -> None:
    number = with_key("1 84 02 75 123 456")
    assert nirkit.classify(number, context=context) is kind
    assert AuthPolicy().decide(number, context=context).kind is kind


def test_no_context_says_nothing() -> None:
    # The caller who gives no context does not say the number is a NIA.
    assert says_waiting(None) is False
    assert says_waiting(Kind.WAITING) is True


@pytest.mark.parametrize(
    "context",
    ["1.2.250.1.213.1.4.12", "urn:oid:", "oid:1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.9 ", ""],
)
def test_other_contexts_are_bad_wherever_they_are_given(context: str) -> None:
    policy = AuthPolicy()
    calls: list[Callable[[], object]] = [
        lambda: nirkit.parse(with_key("1 84 02 75 123 456"), context=context),
        lambda: policy.decide("not a number", context=context),
        lambda: policy.impact([], context=context),
        lambda: policy.impact(["not a number"], context=context),
    ]
    for call in calls:
        with pytest.raises(NIRError) as caught:
            call()
        assert (caught.value.code, caught.value.field) == ("bad_context", "context")


def test_impact_of_nothing_with_a_bogus_context_raises() -> None:
    with pytest.raises(NIRError, match="bad_context"):
        AuthPolicy().impact([], context="bogus")
    with pytest.raises(NIRError, match="bad_context"):
        AuthPolicy().impact(iter([]), context=Kind.PROVISIONAL)


@pytest.mark.parametrize(
    ("settings", "declared", "reason"),
    [
        ({}, None, Reason.KEY_REQUIRED),
        ({"accept": {Kind.DEFINITIVE}, "key_required": False}, None, Reason.KIND_NOT_ACCEPTED),
        ({"key_required": False}, DeclaredIdentity(sex="female"), Reason.IDENTITY_MISMATCH),
        ({"key_required": False}, None, Reason.ACCEPTED),
    ],
)
def test_a_refusal_keeps_the_warnings_of_the_number(
    settings: dict[str, Any], declared: DeclaredIdentity | None, reason: Reason
) -> None:
    keyless = CORSICA_20[:-3]
    decision = AuthPolicy(**settings).decide(keyless, declared=declared)
    assert decision.reason is reason
    assert [(w.code, w.severity) for w in decision.warnings] == [
        ("corsica_20_after_1975", "warning")
    ]
    full = AuthPolicy(**settings).decide(CORSICA_20, declared=declared)
    assert full.warnings == decision.warnings


def test_an_invalid_number_has_no_warnings() -> None:
    decision = AuthPolicy().decide(CORSICA_20[:-2] + "00")
    assert (decision.reason, decision.warnings) == (Reason.INVALID_NUMBER, ())


@pytest.mark.parametrize(
    "settings",
    [
        {"profile": "strict", "key_required": False},
        {"profile": "lenient", "key_required": True},
        {
            "accept": {Kind.DEFINITIVE, Kind.WAITING},
            "profile": Profile("mine", zero_fields_allowed=True, reference_year=2000),
            "key_required": False,
            "instructions": {Kind.PROVISIONAL: HELP},
        },
    ],
)
def test_a_pickled_policy_keeps_every_setting(settings: dict[str, Any]) -> None:
    policy = AuthPolicy(**settings)
    copy = pickle.loads(pickle.dumps(policy))
    assert copy == policy and hash(copy) == hash(policy)
    assert (copy.accept, copy.profile, copy.key_required, dict(copy.instructions)) == (
        policy.accept,
        policy.profile,
        policy.key_required,
        dict(policy.instructions),
    )
    for text in (CORSICA_20, CORSICA_20[:-3], with_key("1 84 02 75 123 000")):
        assert copy.decide(text) == policy.decide(text)


def test_a_strict_policy_without_key_refuses_warnings_and_accepts_keyless_numbers() -> None:
    policy = pickle.loads(pickle.dumps(AuthPolicy(profile="strict", key_required=False)))
    assert policy.profile.name == "strict" and policy.key_required is False
    assert policy.decide(with_key("1 84 02 75 123 456")[:-3]).reason is Reason.ACCEPTED
    refused = policy.decide(CORSICA_20[:-3])
    assert refused.reason is Reason.INVALID_NUMBER
    assert refused.error is not None and refused.error.code == "corsica_20_after_1975"


@pytest.mark.parametrize(
    ("instruction", "error"),
    [
        ({"fr": "Demandez à votre agence."}, ValueError),
        ({"en": "Ask at your office."}, ValueError),
        ({"en": "Ask.", "fr": "Demandez.", "de": "Fragen."}, ValueError),
        ({"en": "Ask.", "fr": "   "}, ValueError),
        ({"en": "", "fr": "Demandez."}, ValueError),
        ("Ask at your office.", TypeError),
        (("Ask.", "Demandez."), TypeError),
    ],
)
def test_an_instruction_needs_both_languages(instruction: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        AuthPolicy(accept={Kind.DEFINITIVE}, instructions={Kind.WAITING: instruction})  # type: ignore[arg-type]


def test_an_instruction_mapping_without_english_names_the_missing_language() -> None:
    with pytest.raises(ValueError, match="'en'"):
        AuthPolicy(accept={Kind.DEFINITIVE}, instructions={"waiting": {"fr": "Demandez."}})
    with pytest.raises(ValueError, match="'fr'"):
        AuthPolicy(accept={Kind.DEFINITIVE}, instructions={"waiting": {"en": "Ask."}})
    with pytest.raises(ValueError, match="'en'"):
        Instruction(" ", "Demandez.")
    with pytest.raises(ValueError, match="'fr'"):
        Instruction("Ask.", "")


def test_english_is_the_default_language() -> None:
    assert HELP.text() == HELP.text("en") == "Ask at your office."
    assert HELP.text("fr") == "Demandez à votre agence."
    decision = AuthPolicy(accept={Kind.DEFINITIVE}).decide(CORSICA_20)
    assert decision.message() == decision.message("en") == decision.message_en == str(decision)
    assert decision.message("fr") == decision.message_fr != decision.message()
    with pytest.raises(ValueError, match="language"):
        HELP.text("de")  # type: ignore[arg-type]


def test_a_profile_is_custom_unless_named() -> None:
    assert Profile().name == "custom"
    assert Profile() == Profile("custom", key_required=True, zero_fields_allowed=False)
    assert (nirkit.LENIENT.name, nirkit.STANDARD.name, nirkit.STRICT.name) == (
        "lenient",
        "standard",
        "strict",
    )
    assert AuthPolicy(profile=Profile()).profile.name == "custom"


def test_a_decision_built_by_hand_reads_its_reason_and_speaks_english() -> None:
    decision = Decision(True, "accepted", Kind.WAITING)  # type: ignore[arg-type]
    assert decision.reason is Reason.ACCEPTED
    mismatch = Decision(False, Reason.IDENTITY_MISMATCH, Kind.WAITING, mismatched=("birth_year",))
    assert mismatch.message() == (
        "Your number does not match what you declared: year of birth. "
        "Please check these details and your number."
    )


def test_a_refused_kind_without_instruction_says_the_number_is_not_in_question() -> None:
    decision = AuthPolicy(accept={Kind.DEFINITIVE}).decide(with_key("3 84 02 75 123 456"))
    assert decision.message("en") == (
        "Your number is valid, but it is a waiting number, and this service does not accept "
        "this kind of number. Your number is not in question: please contact the service to "
        "be identified another way."
    )
    assert decision.message("fr") == (
        "Votre numéro est valide, mais c'est un numéro d'attente, et ce service n'accepte pas "
        "ce type de numéro. Votre numéro n'est pas en cause : contactez le service pour être "
        "identifié autrement."
    )
