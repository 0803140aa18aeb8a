"""Properties of ``AuthPolicy.decide`` (issue 3), one test each.

The strategy of valid numbers is built here from the rules (kind digit, month
codes, places) with the key of ``tests.helpers``, restated from RULES.md.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re
import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

import nirkit
from nirkit import OID_INS_NIA, OID_INS_NIR, AuthPolicy, Decision, DeclaredIdentity, Kind
from nirkit.policy import Instruction, Reason
from tests.helpers import key_for

KIND_DIGITS = {Kind.DEFINITIVE: "12", Kind.WAITING: "34", Kind.PROVISIONAL: "78"}
OVERSEAS = [f"97{d}" for d in "12345678"] + [f"98{d}" for d in "456789"]
SEPARATORS = [" ", ".", "-", "\t", "\u00a0", "\u202f"]

months = st.one_of(st.integers(1, 12), st.integers(20, 42), st.integers(50, 99))
places = st.one_of(
    st.tuples(
        st.sampled_from([f"{d:02d}" for d in range(1, 97)] + ["2A", "2B"]), st.integers(1, 999)
    ).map(lambda p: f"{p[0]}{p[1]:03d}"),
    st.tuples(st.sampled_from(OVERSEAS), st.integers(1, 99)).map(lambda p: f"{p[0]}{p[1]:02d}"),
    st.integers(1, 999).map(lambda country: f"99{country:03d}"),
)


@st.composite
def bodies(draw: st.DrawFn, kinds: st.SearchStrategy[Kind] | None = None) -> str:
    """A valid 13-character body (standard profile) of a kind drawn from ``kinds``."""
    kind = draw(kinds if kinds is not None else st.sampled_from(list(Kind)))
    digit = draw(st.sampled_from(KIND_DIGITS[kind]))
    year = draw(st.integers(0, 99))
    month = draw(months)
    place = draw(places)
    order = draw(st.integers(1, 999))
    return f"{digit}{year:02d}{month:02d}{place}{order:03d}"


def with_key(body: str) -> str:
    return f"{body}{key_for(body):02d}"


numbers = bodies().map(with_key)


@st.composite
def typos(draw: st.DrawFn) -> str:
    """A valid number with one digit replaced (anywhere) or two adjacent body characters swapped."""
    number = draw(numbers)
    if draw(st.booleans()):
        index = draw(st.sampled_from([i for i, c in enumerate(number) if c.isdigit()]))
        digit = draw(st.sampled_from([d for d in "0123456789" if d != number[index]]))
        return number[:index] + digit + number[index + 1 :]
    index = draw(st.sampled_from([i for i in range(12) if number[i] != number[i + 1]]))
    return number[:index] + number[index + 1] + number[index] + number[index + 2 :]


BROKEN_FIELDS = [  # (start, end, bad values): each breaks one rule of the standard profile
    (0, 1, ["0", "5", "6", "9"]),
    (3, 5, ["00", "13", "19", "43", "49"]),
    (10, 13, ["000"]),
]


@st.composite
def broken(draw: st.DrawFn) -> str:
    """A valid body with one field broken, followed by its correct key."""
    body = draw(bodies())
    if draw(st.booleans()):
        start, end, values = draw(st.sampled_from(BROKEN_FIELDS))
        body = body[:start] + draw(st.sampled_from(values)) + body[end:]
    else:  # the place: département 00, an unknown overseas code, commune or country 000
        place = draw(st.sampled_from(["00123", "97912", "98012", "75000", "2A000", "99000"]))
        body = body[:5] + place + body[10:]
    return with_key(body)


number_like = st.text(alphabet="0123456789ABab", min_size=11, max_size=17)
any_text = st.one_of(
    numbers,
    bodies(),  # 13 characters: the key missing
    typos(),
    broken(),
    number_like,
    st.text(alphabet="0123456789 .-\t\u00a0\uff10\uff11AaBbO/_", max_size=30),
    st.text(max_size=80),
)
instructions = st.dictionaries(
    st.sampled_from(list(Kind)),
    st.just(Instruction(en="Ask at the desk or call 3230.", fr="Demandez au guichet.")),
)


@st.composite
def policies(draw: st.DrawFn, accept: frozenset[Kind] | None = None) -> AuthPolicy:
    kinds = accept or draw(st.frozensets(st.sampled_from(list(Kind)), min_size=1))
    return AuthPolicy(
        accept=kinds,
        profile=draw(st.sampled_from(["lenient", "standard", "strict"])),
        key_required=draw(st.booleans()),
        instructions=draw(instructions),
    )


contexts = st.sampled_from([None, OID_INS_NIR, OID_INS_NIA, "urn:oid:" + OID_INS_NIA, Kind.WAITING])
declared = st.none() | st.builds(
    DeclaredIdentity,
    birth_date=st.none() | st.dates(datetime.date(1900, 1, 1), datetime.date(2026, 12, 31)),
    sex=st.sampled_from([None, "male", "female"]),
    birthplace=st.none() | st.sampled_from(["75056", "2A004", "97411", "99126"]) | st.text(),
)


def spelled(number: str, data: st.DataObject) -> str:
    """``number`` with separators inserted: display groups or anywhere."""
    if data.draw(st.booleans()):
        separator = data.draw(st.sampled_from(SEPARATORS))
        cuts = [0, 1, 3, 5, 7, 10, 13, len(number)]
        groups = [number[a:b] for a, b in itertools.pairwise(cuts) if number[a:b]]
        return separator.join(groups)
    out = []
    for char in number:
        out.append(char)
        out.append(data.draw(st.sampled_from(["", "", *SEPARATORS])))
    return "".join(out)


# -- the properties --------------------------------------------------------------------


@given(policies(), any_text, contexts, declared)
def test_totality(policy: AuthPolicy, text: str, context: str | None, who: object) -> None:
    decision = policy.decide(text, context=context, declared=who)  # type: ignore[arg-type]
    assert isinstance(decision, Decision)
    assert decision.allowed is (decision.reason is Reason.ACCEPTED)
    assert decision.message("en") and decision.message("fr")


@given(
    policies(), st.one_of(numbers, bodies(), typos(), broken(), number_like), contexts, st.data()
)
def test_separator_invariance(
    policy: AuthPolicy, number: str, context: str | None, data: st.DataObject
) -> None:
    spelling = spelled(number, data)
    assert policy.decide(spelling, context=context) == policy.decide(number, context=context)


@given(policies(), any_text)
def test_honest_refusal(policy: AuthPolicy, text: str) -> None:
    profile = dataclasses.replace(policy.profile, key_required=policy.key_required)
    decision = policy.decide(text)
    if nirkit.is_valid(text, profile=profile):
        assert decision.reason is not Reason.INVALID_NUMBER
    else:
        assert not decision.allowed


@given(numbers, st.sampled_from([None, OID_INS_NIR, OID_INS_NIA]))
def test_default_inclusion(number: str, context: str | None) -> None:
    assert nirkit.is_valid(number)  # the strategy's own promise
    decision = AuthPolicy().decide(number, context=context)
    assert decision.allowed, decision
    assert decision.kind is nirkit.classify(number, context=context)


@given(policies(), st.frozensets(st.sampled_from(list(Kind))), any_text, contexts, declared)
def test_monotonicity(
    narrow: AuthPolicy,
    more: frozenset[Kind],
    text: str,
    context: str | None,
    who: DeclaredIdentity | None,
) -> None:
    wide = narrow.replace(accept=narrow.accept | more)
    if narrow.decide(text, context=context, declared=who).allowed:
        assert wide.decide(text, context=context, declared=who).allowed


@given(policies(), st.data())
def test_typos_are_invalid_numbers(policy: AuthPolicy, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(policy.accept)))
    number = with_key(data.draw(bodies(st.just(kind))))
    assume(policy.decide(number).allowed)  # the strict profile refuses warnings
    substitutions = [
        number[:i] + digit + number[i + 1 :]
        for i, char in enumerate(number)
        if char.isdigit()
        for digit in "0123456789"
        if digit != char
    ]
    transpositions = [
        number[:i] + number[i + 1] + number[i] + number[i + 2 :]
        for i in range(12)  # both characters inside the 13-character body
        if number[i] != number[i + 1]  # swapping equal characters changes nothing
    ]
    for typo in substitutions + transpositions:
        assert policy.decide(typo).reason is Reason.INVALID_NUMBER, typo


@given(policies(), any_text, contexts, declared)
def test_privacy(policy: AuthPolicy, text: str, context: str | None, who: object) -> None:
    decision = policy.decide(text, context=context, declared=who)  # type: ignore[arg-type]
    shown = [
        repr(decision),
        str(decision),
        decision.reason,
        decision.message("en"),
        decision.message("fr"),
        repr(decision.error),
        repr(decision.warnings),
    ]
    digits = re.sub("[^0-9]", "", unicodedata.normalize("NFKC", text))
    windows = {digits[i : i + 5] for i in range(len(digits) - 4)}
    for part in shown:
        assert not any(window in part for window in windows), (part, text)
