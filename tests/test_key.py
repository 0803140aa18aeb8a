"""The key (RULES.md sections 1 and 4): 97 - (body mod 97), 2A as 19 and 2B as 18.

Every one of the 100 two-digit keys is tried on many bodies, through each
function that checks a key: ``is_valid`` and ``parse`` (whose fast path does
its own arithmetic), ``diagnose``, the linter, and the check it shares.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given

import nirkit
from nirkit._key import key_is_right
from nirkit.cli import main
from tests.helpers import key_for
from tests.property.numbers import bodies


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("2 95 10 99 126 111", 93),
        ("1 84 02 2A 123 456", 34),
        ("1 84 02 2B 123 456", 61),
        ("1 84 02 19 123 456", 34),  # 2A counts as 19...
        ("1 84 02 18 123 456", 61),  # ...and 2B as 18
        ("1 84 02 20 123 456", 7),  # never django-localflavor's "both as 20"
        ("1 37 04 76 243 484", 15),  # French Wikipedia's worked example
        ("2 69 05 49 588 157", 80),  # the Carte Vitale specimen
        ("1 00 01 01 001 001", 5),
    ],
)
def test_known_keys(body: str, key: int) -> None:
    assert nirkit.compute_key(body) == key == key_for(body)


def _bodies() -> list[str]:
    """Bodies of every kind of place, and the two ends of the key range."""
    draw = random.Random(12)
    found = ["1840275123456", "184022A123456", "184022B123456", "1840297412456", "2951099126111"]
    for _ in range(60):
        department = draw.choice(["01", "20", "2A", "2B", "75", "96", "99", "974", "988"])
        width = 5 - len(department)  # overseas communes have 2 digits
        place = f"{department}{draw.randrange(1, 10**width):0{width}d}"
        kind, year, month = draw.choice("123478"), draw.randrange(100), draw.randrange(1, 13)
        found.append(f"{kind}{year:02d}{month:02d}{place}{draw.randrange(1, 1000):03d}")
    # A body that is a multiple of 97 has the key 97; one just above, the key 96; and
    # one just below, the key 1.
    for remainder in (0, 1, 96):
        order = next(n for n in range(1, 1000) if int(f"1840275123{n:03d}") % 97 == remainder)
        found.append(f"1840275123{order:03d}")
    return found


BODIES = _bodies()


def test_the_bodies_reach_both_ends_of_the_key_range() -> None:
    keys = {key_for(body) for body in BODIES}
    assert {1, 96, 97} <= keys
    assert all(len(body) == 13 and nirkit.is_valid(body, profile="lenient") for body in BODIES)


@pytest.mark.parametrize("body", BODIES)
def test_exactly_one_key_of_a_hundred_is_right(body: str) -> None:
    right = key_for(body)
    for key in range(100):
        text = f"{body}{key:02d}"
        valid = key == right
        assert nirkit.is_valid(text) is valid, key
        assert nirkit.is_valid(text, profile="lenient") is valid, key
        assert key_is_right(text) is valid, key
        codes = [issue.code for issue in nirkit.diagnose(text).errors]
        expected = [] if valid else ["key_out_of_range" if key in (0, 98, 99) else "key_mismatch"]
        assert codes == expected, key
        if valid:
            assert nirkit.parse(text).compact == text
            assert nirkit.validate(f"{body[:1]} {body[1:]} {key:02d}") == text
        else:
            with pytest.raises(nirkit.NIRError) as caught:
                nirkit.parse(text)
            assert [caught.value.code] == expected, key


@given(bodies)
def test_compute_key_is_the_rule(body: str) -> None:
    assert nirkit.compute_key(body) == key_for(body)
    spaced = " ".join([body[:1], body[1:3], body[3:5], body[5:7], body[7:10], body[10:]])
    assert nirkit.compute_key(spaced.lower()) == key_for(body)


@pytest.mark.parametrize("form", ["display", "compact"])
def test_the_linter_calls_valid_exactly_what_is_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    # Each line holds one number, all 100 keys of every body; --report-valid makes
    # every valid number a finding, so the lines found are the valid ones. The
    # linter's hot loop checks the key of these two forms itself.
    lines = []
    for body in BODIES:
        shown = f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:]} "
        lines += [f"{shown if form == 'display' else body}{key:02d}" for key in range(100)]
    (tmp_path / "numbers.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["lint", "--format", "json", "--no-config", "--report-valid", str(tmp_path)])
    document = json.loads(capsys.readouterr().out)
    reported = {f["line"] for f in document["findings"] if f["code"] == "valid_number"}
    expected = {number for number, line in enumerate(lines, 1) if nirkit.is_valid(line)}
    assert reported == expected
    assert len(expected) == len(BODIES)
    # Without leak mode, the valid numbers are still counted, by kind.
    main(["lint", "--format", "json", "--no-config", str(tmp_path)])
    kinds = json.loads(capsys.readouterr().out)["summary"]["valid_by_kind"]
    assert sum(kinds.values()) == len(BODIES)
