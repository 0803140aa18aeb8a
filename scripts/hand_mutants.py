"""Hand-made mutants: what mutmut cannot change meaningfully.

mutmut mutates code inside functions; it leaves module-level tables alone and
only adds ``XX`` around a string, so a regular expression's digits or a table of
codes never change. Each mutant here replaces one exact text of one source file
(it must occur exactly once) by a plausible mistake: a range one off, an entry
dropped, a constant changed. ``scripts/mutation.py`` applies them one at a time.
"""

from __future__ import annotations

from typing import NamedTuple


class HandMutant(NamedTuple):
    name: str  # stable: docs/testing.md lists the survivors by this name
    path: str  # under src/nirkit/
    old: str
    new: str


def _table(path: str, prefix: str, rows: list[tuple[str, str, str]]) -> list[HandMutant]:
    return [HandMutant(f"{prefix}-{name}", path, old, new) for name, old, new in rows]


_CHECKS = _table(
    "_checks.py",
    "checks",
    [
        ("doubtful-without-20", '{"2A", "2B", "20", "99"}', '{"2A", "2B", "99"}'),
        ("doubtful-without-2b", '{"2A", "2B", "20", "99"}', '{"2A", "20", "99"}'),
        ("doubtful-without-99", '{"2A", "2B", "20", "99"}', '{"2A", "2B", "20"}'),
        ("overseas-without-978", 'for d in "12345678"]', 'for d in "1234567"]'),
        ("overseas-with-979", 'for d in "12345678"]', 'for d in "123456789"]'),
        ("overseas-with-970", 'for d in "12345678"]', 'for d in "012345678"]'),
        ("overseas-without-984", 'for d in "456789"]', 'for d in "56789"]'),
        ("overseas-with-983", 'for d in "456789"]', 'for d in "3456789"]'),
        ("specimen-without-carte-vitale", '"269054958815780",  #', '"269054958815781",  #'),
        ("specimen-without-ameli", '"185057800608491",  #', '"185057800608436",  #'),
        ("specimen-without-wikipedia", '"137047624348415",  #', '"137047624348416",  #'),
        ("kind-digits-without-8", 'c[0] not in "123478"', 'c[0] not in "12347"'),
        ("kind-digits-with-5", 'c[0] not in "123478"', 'c[0] not in "1234578"'),
        ("kind-digits-with-9", 'c[0] not in "123478"', 'c[0] not in "1234789"'),
        (
            "month-slice-3",
            "_digits(c[3:5]) and not month_ok(int(c[3:5])",
            "_digits(c[3:6]) and not month_ok(int(c[3:6])",
        ),
        (
            "overseas-98-as-99",
            'department in ("97", "98") and _digits(c[7])',
            'department in ("97", "99") and _digits(c[7])',
        ),
        ("corsica-1975", "if latest < 1976:", "if latest < 1975:"),
        ("corsica-20-75", 'department == "20" and year >= 76', 'department == "20" and year >= 75'),
        ("corsica-2b-only", 'if department in ("2A", "2B"):', 'if department in ("2B",):'),
        (
            "country-prefix-98",
            '"99" + compact_form[7:10] not in COUNTRIES',
            '"98" + compact_form[7:10] not in COUNTRIES',
        ),
        ("key-range-96", "if not 1 <= key <= 97:", "if not 1 <= key <= 96:"),
    ],
)

_KEY = _table(
    "_key.py",
    "key",
    [
        ("corsica-as-20", '{"A": "19", "B": "18"}', '{"A": "20", "B": "20"}'),
        ("corsica-swapped", '{"A": "19", "B": "18"}', '{"A": "18", "B": "19"}'),
        ("corsica-b-17", '{"A": "19", "B": "18"}', '{"A": "19", "B": "17"}'),
        ("corsica-position-7", "letter = body[6]", "letter = body[7]"),
        ("fast-formula-3", "(number + 2 * key) % 97 == 0", "(number + 3 * key) % 97 == 0"),
        ("fast-range-97", "return 0 < key < 98 and", "return 0 < key < 97 and"),
    ],
)

_NORMALIZE = _table(
    "_normalize.py",
    "normalize",
    [
        ("max-63", "MAX_INPUT_LENGTH: Final = 64", "MAX_INPUT_LENGTH: Final = 63"),
        ("max-65", "MAX_INPUT_LENGTH: Final = 64", "MAX_INPUT_LENGTH: Final = 65"),
        ("digits-without-9", 're.compile("[^0-9]")', 're.compile("[^0-8]")'),
        ("digits-without-0", 're.compile("[^0-9]")', 're.compile("[^1-9]")'),
        ("digits-unicode", 're.compile("[^0-9]")', 're.compile(r"\\D")'),
        ("keep-space", '{" ": None, "\\t"', '{"\\t"'),
        ("keep-tab", '"\\t": None, ', ""),
        ("keep-nbsp", '"\\u00a0": None, ', ""),
        ("keep-narrow-nbsp", '"\\u202f": None, ', ""),
        ("keep-dot", '".": None, ', ""),
        ("keep-hyphen", ', "-": None}', "}"),
        ("lower-a-kept", '{"a": "A", "b": "B"}', '{"b": "B"}'),
        ("lower-b-kept", '{"a": "A", "b": "B"}', '{"a": "A"}'),
        ("o-as-zero", '{"a": "A", "b": "B"}', '{"a": "A", "b": "B", "O": "0"}'),
        ("no-nfkc", 'unicodedata.normalize("NFKC", text)', 'unicodedata.normalize("NFC", text)'),
        ("corsica-2a-only", 'cleaned[5:7] in ("2A", "2B")', 'cleaned[5:7] in ("2A",)'),
    ],
)

_KINDS = _table(
    "_kinds.py",
    "kinds",
    [
        ("2-waiting", '"2": Kind.DEFINITIVE', '"2": Kind.WAITING'),
        ("3-definitive", '"3": Kind.WAITING', '"3": Kind.DEFINITIVE'),
        ("4-provisional", '"4": Kind.WAITING', '"4": Kind.PROVISIONAL'),
        ("7-waiting", '"7": Kind.PROVISIONAL', '"7": Kind.WAITING'),
        ("8-definitive", '"8": Kind.PROVISIONAL', '"8": Kind.DEFINITIVE'),
        ("waiting-value", 'WAITING = "waiting"', 'WAITING = "wait"'),
        ("month-real-value", 'REAL = "real"', 'REAL = "known"'),
        ("place-abroad-value", 'ABROAD = "abroad"', 'ABROAD = "foreign"'),
        ("place-corsica-value", 'CORSICA = "corsica"', 'CORSICA = "corse"'),
    ],
)

_PROFILES = _table(
    "_profiles.py",
    "profiles",
    [
        ("default-name", 'name: str = "custom"', 'name: str = "standard"'),
        ("default-keyless", "key_required: bool = True", "key_required: bool = False"),
        ("default-zero", "zero_fields_allowed: bool = False", "zero_fields_allowed: bool = True"),
        ("default-43", "month_43_49_allowed: bool = False", "month_43_49_allowed: bool = True"),
        ("default-strict", "warnings_are_errors: bool = False", "warnings_are_errors: bool = True"),
        ("lenient-without-43", ", month_43_49_allowed=True\n", "\n"),
        ("lenient-key", '"lenient", key_required=False,', '"lenient", key_required=True,'),
        ("lenient-zero", "zero_fields_allowed=True, month", "zero_fields_allowed=False, month"),
        ("strict-warnings", 'Profile("strict", warnings_are_errors=True)', 'Profile("strict")'),
        ("standard-keyless", 'Profile("standard")', 'Profile("standard", key_required=False)'),
        ("kind-digits-with-5", '"[123478] ?', '"[1234578] ?'),
        ("kind-digits-without-8", '"[123478] ?', '"[12347] ?'),
        ("month-00", '"0[1-9]|1[0-2]', '"0[0-9]|1[0-2]'),
        ("month-13", '"0[1-9]|1[0-2]', '"0[1-9]|1[0-3]'),
        ("month-without-20s", "|[235-9][0-9]|", "|[35-9][0-9]|"),
        ("month-with-40s", "|[235-9][0-9]|", "|[2-9][0-9]|"),
        ("month-43", "|4[0-2]", "|4[0-3]"),
        ("month-lenient-49", '"|4[3-9]"', '"|4[3-8]"'),
        ("department-00", '"(?:0[1-9]|', '"(?:0[0-9]|'),
        ("department-97", "|9[0-6]|", "|9[0-7]|"),
        ("department-without-96", "|9[0-6]|", "|9[0-5]|"),
        ("department-without-80s", "[1-8][0-9]|", "[1-7][0-9]|"),
        ("department-2a-only", "|2[AB])", "|2[A])"),
        ("department-2c", "|2[AB])", "|2[A-C])"),
        ("overseas-979", "97 ?[1-8]", "97 ?[1-9]"),
        ("overseas-without-978", "97 ?[1-8]", "97 ?[1-7]"),
        ("overseas-983", "98 ?[4-9]", "98 ?[3-9]"),
        ("overseas-without-984", "98 ?[4-9]", "98 ?[5-9]"),
        (
            "zero-commune-overseas",
            'nonzero2 = "" if zero_fields_allowed else "(?!00)"',
            'nonzero2 = ""',
        ),
        ("zero-order", "?{nonzero3}[0-9]{{3}}{key}", "?[0-9]{{3}}{key}"),
        ("zero-country", "|99 ?{nonzero3}", "|99 ?"),
        ("zero-three-as-two", '"(?!000)"', '"(?!00)"'),
        ("no-spaces", 'return re.compile(f"[123478] ?', 'return re.compile(f"[123478]'),
        ("key-one-digit", 'key = " ?[0-9]{2}"', 'key = " ?[0-9]{1,2}"'),
        (
            "key-always-optional",
            'key = " ?[0-9]{2}" if key_required else',
            'key = "(?: ?[0-9]{2})?" if key_required else',
        ),
    ],
)

_CONTEXT = _table(
    "_context.py",
    "context",
    [
        (
            "nir-oid",
            'OID_INS_NIR: Final = "1.2.250.1.213.1.4.8"',
            'OID_INS_NIR: Final = "1.2.250.1.213.1.4.7"',
        ),
        (
            "nia-oid",
            'OID_INS_NIA: Final = "1.2.250.1.213.1.4.9"',
            'OID_INS_NIA: Final = "1.2.250.1.213.1.4.19"',
        ),
        ("test-oid", '"1.2.250.1.213.1.4.10"', '"1.2.250.1.213.1.4.12"'),
        ("demo-oid", '"1.2.250.1.213.1.4.11"', '"1.2.250.1.213.1.4.13"'),
        ("nir-waiting", "OID_INS_NIR: False,", "OID_INS_NIR: True,"),
        ("nia-definitive", "OID_INS_NIA: True,", "OID_INS_NIA: False,"),
        ("test-waiting", "OID_INS_NIR_TEST: False,", "OID_INS_NIR_TEST: True,"),
        ("demo-waiting", "OID_INS_NIR_DEMO: False,", "OID_INS_NIR_DEMO: True,"),
        ("demo-unknown", "    OID_INS_NIR_DEMO: False,\n", ""),
        ("urn-prefix", '"urn:oid:"', '"urn:"'),
    ],
)

_FORMAT = _table(
    "_format.py",
    "format",
    [
        ("groups-12", "(1, 3, 5, 7, 10, 13)", "(1, 3, 5, 7, 10, 12)"),
        ("groups-8", "(1, 3, 5, 7, 10, 13)", "(1, 3, 5, 8, 10, 13)"),
        ("groups-2", "(1, 3, 5, 7, 10, 13)", "(2, 3, 5, 7, 10, 13)"),
        ("mask-star", '_MASK: Final = "•"', '_MASK: Final = "*"'),
    ],
)

_IDENTITY = _table(
    "_identity.py",
    "identity",
    [
        (f"same-place-without-{code}", f'    "{code}": frozenset', f'    "x{code}": frozenset')
        for code in (
            "20",
            "2A",
            "2B",
            "75",
            "78",
            "91",
            "92",
            "93",
            "94",
            "95",
            "96",
            "971",
            "985",
            "976",
        )
    ]
    + [
        (
            "seine-without-92",
            '"75": frozenset({"92", "93", "94"})',
            '"75": frozenset({"93", "94"})',
        ),
        ("alger-without-algeria", '"91": frozenset({"99352", "78"})', '"91": frozenset({"78"})'),
        (
            "morocco-as-algeria",
            '"95": frozenset({"99350", "78"})',
            '"95": frozenset({"99352", "78"})',
        ),
        ("guadeloupe-without-978", '"971": frozenset({"977", "978"})', '"971": frozenset({"977"})'),
    ],
)

_DECISION = _table(
    "_decision.py",
    "decision",
    [
        ("and-comma", '{"en": " and ", "fr": " et "}', '{"en": ", ", "fr": " et "}'),
        ("et-and", '{"en": " and ", "fr": " et "}', '{"en": " and ", "fr": " and "}'),
        (
            "kind-word-waiting",
            'Kind.WAITING: "a waiting number"',
            'Kind.WAITING: "a provisional number"',
        ),
        (
            "kind-word-attente",
            'Kind.WAITING: "un numéro d\'attente"',
            'Kind.WAITING: "un numéro provisoire"',
        ),
        ("field-word-year", '"birth_year": "year of birth"', '"birth_year": "birth year"'),
        ("field-word-lieu", '"birthplace": "lieu de naissance"', '"birthplace": "lieu"'),
        ("message-accepted", '"en": "Your number is accepted."', '"en": "Accepted."'),
        (
            "message-key",
            '"en": "Please type all 15 characters',
            '"en": "Please type all 13 characters',
        ),
        (
            "default-instruction",
            'en="Your number is not in question: ',
            'en="Your number is in question: ',
        ),
        (
            "with-error-without-key",
            "{Reason.INVALID_NUMBER, Reason.KEY_REQUIRED}",
            "{Reason.INVALID_NUMBER}",
        ),
        ("langs-en-only", '_LANGS: Final = ("en", "fr")', '_LANGS: Final = ("en",)'),
        ("reason-value", 'KEY_REQUIRED = "key_required"', 'KEY_REQUIRED = "key_missing"'),
    ],
)

_POLICY = _table(
    "policy.py",
    "policy",
    [
        (
            "key-missing-variant",
            'Issue("bad_length", "length", variant="key_missing")',
            'Issue("bad_length", "length")',
        ),
    ],
)

_API = _table(
    "_api.py",
    "api",
    [
        (
            "default-lenient",
            '_DEFAULT: Final = compiled("standard")',
            '_DEFAULT: Final = compiled("lenient")',
        ),
        ("corsica-test", 'if text[6] > "9":', 'if text[6] > "A":'),
    ],
)

_UNIT = r'_UNIT: Final = r"(?:[0-9]|(?<=2)[AaBb]|(?<=[0-9])[Oo]|[Oo](?=[0-9]))"'

# The linter's candidate checks: the token patterns, their tables, the scanner of
# tables (decorated with a cache, so mutmut leaves its body alone).
_CANDIDATES = _table(
    "_lint/candidates.py",
    "candidates",
    [
        ("separators-without-thin", r'" .-\u00a0\u202f\u2009"', r'" .-\u00a0\u202f"'),
        ("separators-without-dot", r'SEPARATORS: Final = " .-', r'SEPARATORS: Final = " -'),
        (
            "sep-without-thin",
            r'_SEP: Final = r"[ .\-\u00a0\u202f\u2009]"',
            r'_SEP: Final = r"[ .\-\u00a0\u202f]"',
        ),
        ("sep-without-nbsp", r'_SEP: Final = r"[ .\-\u00a0', r'_SEP: Final = r"[ .\-'),
        ("sep-with-comma", r'_SEP: Final = r"[ .', r'_SEP: Final = r"[ .,'),
        (
            "unit-letters-after-any-digit",
            r'_UNIT: Final = r"(?:[0-9]|(?<=2)',
            r'_UNIT: Final = r"(?:[0-9]|(?<=[0-9])',
        ),
        ("unit-capital-o-only", _UNIT, _UNIT.replace("[Oo]", "O")),
        ("unit-no-o-before-digit", _UNIT, _UNIT.replace("|[Oo](?=[0-9])", "")),
        (
            "start-underscore-binds-not",
            r'_START: Final = rf"(?<![0-9A-Za-z_])',
            r'_START: Final = rf"(?<![0-9A-Za-z])',
        ),
        (
            "start-inside-a-run",
            r'(?<![0-9A-Za-z_])(?<![0-9]{_SEP})(?<![A-Za-z_][.\-])"',
            r'(?<![0-9A-Za-z_])(?<![A-Za-z_][.\-])"',
        ),
        ("start-word-dot-binds-not", r'(?<![0-9]{_SEP})(?<![A-Za-z_][.\-])"', r'(?<![0-9]{_SEP})"'),
        (
            "end-underscore-binds-not",
            r'_END: Final = r"(?![0-9A-Za-z_])',
            r'_END: Final = r"(?![0-9A-Za-z])',
        ),
        (
            "end-word-dot-binds-not",
            r'_END: Final = r"(?![0-9A-Za-z_])(?![.\-][0-9A-Za-z])"',
            r'_END: Final = r"(?![0-9A-Za-z_])"',
        ),
        ("token-backtracks", "{{11,}}+{_END}", "{{11,}}{_END}"),
        ("token-11", "{{11,}}+{_END}", "{{10,}}+{_END}"),
        ("token-13", "{{11,}}+{_END}", "{{12,}}+{_END}"),
        (
            "first-underscore-binds-not",
            r'_FIRST_DIGIT: Final = rf"[0-9](?<![0-9A-Za-z_].)',
            r'_FIRST_DIGIT: Final = rf"[0-9](?<![0-9A-Za-z].)',
        ),
        ("first-inside-a-run", r"(?<![0-9A-Za-z_].)(?<![0-9]{_SEP}.)", r"(?<![0-9A-Za-z_].)"),
        (
            "first-word-dot-binds-not",
            r'(?<![0-9]{_SEP}.)(?<![A-Za-z_][.\-].)"',
            r'(?<![0-9]{_SEP}.)"',
        ),
        (
            "link-sep-before-digits-only",
            r'_LINK: Final = rf"(?:{_SEP}(?=[0-9]|[Oo][0-9])',
            r'_LINK: Final = rf"(?:{_SEP}(?=[0-9])',
        ),
        (
            "link-letters-after-any-digit",
            r"[Oo][0-9])|(?<=2)[AaBb]",
            r"[Oo][0-9])|(?<=[0-9])[AaBb]",
        ),
        (
            "link-no-o-after-digit",
            r'[AaBb]|(?<=[0-9])[Oo]|[Oo](?=[0-9]))"' + "\n_RUN",
            r'[AaBb]|[Oo](?=[0-9]))"' + "\n_RUN",
        ),
        (
            "run-look-ahead-12",
            "{{11}})[0-9]*+(?:{_LINK}[0-9]*+)*+",
            "{{12}})[0-9]*+(?:{_LINK}[0-9]*+)*+",
        ),
        (
            "linked-look-ahead-12",
            "{{11}})[0-9]*+(?:{_LINK}[0-9]*+)++",
            "{{12}})[0-9]*+(?:{_LINK}[0-9]*+)++",
        ),
        (
            "run-look-ahead-without-thin",
            r'_RUN: Final = rf"(?=[0-9AaBbOo .\-\u00a0\u202f\u2009]',
            r'_RUN: Final = rf"(?=[0-9AaBbOo .\-\u00a0\u202f]',
        ),
        ("min-token-13", "MIN_TOKEN: Final = 12", "MIN_TOKEN: Final = 13"),
        (
            "run-end-before-o",
            r'_RUN_END: Final = rf"(?!{_SEP}?(?:[0-9]|[Oo][0-9]))"',
            r'_RUN_END: Final = rf"(?!{_SEP}?[0-9])"',
        ),
        (
            "run-end-before-separator",
            r'_RUN_END: Final = rf"(?!{_SEP}?',
            r'_RUN_END: Final = rf"(?!',
        ),
        ("digits-before-a-separator", r'long = r"(?=[0-9]{11})"', r'long = r"(?=[0-9]{10})"'),
        ("table-column-one-off", "{{{fields - 1 - c}}}", "{{{fields - c}}}"),
        ("table-delimiters-of-next-line", r"(?:[^{d}\n]*{d})", r"(?:[^{d}]*{d})"),
        ("table-15-as-14", "(?=[0-9]{{14}}(?![0-9])", "(?=[0-9]{{13}}(?![0-9])"),
        ("table-15-or-more", "(?=[0-9]{{14}}(?![0-9])", "(?=[0-9]{{14}}"),
        ("table-key-without-paren", r'set(":=>\"' + "' \\t[(\")", r'set(":=>\"' + "' \\t[\")"),
        ("table-key-delimiter-kept", " - {delimiter})))", ")))"),
        (
            "kind-digits-with-5",
            '_KIND_DIGITS: Final = frozenset("123478")',
            '_KIND_DIGITS: Final = frozenset("1234578")',
        ),
        (
            "kind-digits-without-8",
            '_KIND_DIGITS: Final = frozenset("123478")',
            '_KIND_DIGITS: Final = frozenset("12347")',
        ),
        ("months-00", "for m in range(1, 13)]", "for m in range(0, 13)]"),
        ("months-without-12", "for m in range(1, 13)]", "for m in range(1, 12)]"),
        ("months-13", "for m in range(1, 13)]", "for m in range(1, 14)]"),
        ("months-19", "for m in range(20, 100)]", "for m in range(19, 100)]"),
        ("months-without-20", "for m in range(20, 100)]", "for m in range(21, 100)]"),
        ("departments-00", "for d in range(1, 97)]", "for d in range(0, 97)]"),
        ("departments-without-96", "for d in range(1, 97)]", "for d in range(1, 96)]"),
        ("departments-without-2b", '["2A", "2B", "99"]', '["2A", "99"]'),
        ("departments-without-99", '["2A", "2B", "99"]', '["2A", "2B"]'),
        ("departments-2c", '["2A", "2B", "99"]', '["2A", "2B", "2C", "99"]'),
        (
            "digits-with-o",
            '_DIGITS: Final = frozenset("0123456789")',
            '_DIGITS: Final = frozenset("0123456789O")',
        ),
        ("display-key-3", "(1, 2, 2, 2, 3, 3, 2)", "(1, 2, 2, 2, 3, 3, 3)"),
        ("display-commune-2", "(1, 2, 2, 2, 3, 3, 2)", "(1, 2, 2, 2, 2, 3, 2)"),
        ("strip-lower-o-kept", '{"a": "A", "b": "B", "o": "O"}', '{"a": "A", "b": "B"}'),
        ("strip-o-as-zero", '"o": "O"}', '"o": "0"}'),
    ],
)

# The key check that the linter's hot loop inlines (``_FileLinter.scan``).
_ENGINE = _table(
    "_lint/engine.py",
    "engine",
    [
        ("key-range-99", "right = 0 < key < 98 and", "right = 0 < key < 99 and"),
        ("key-range-0", "right = 0 < key < 98 and", "right = 0 <= key < 98 and"),
        ("key-range-97", "right = 0 < key < 98 and", "right = 0 < key < 97 and"),
        ("key-formula-3", "(number + 2 * key) % 97 == 0", "(number + 3 * key) % 97 == 0"),
        ("key-last-digit", "key = number % 100", "key = number % 10"),
        ("key-corsica-always-right", "right = key_is_right(compact)", "right = True"),
        ("key-spaces-kept", 'else token.replace(" ", "")', "else token"),
    ],
)

HAND_MUTANTS: list[HandMutant] = [
    *_CHECKS,
    *_KEY,
    *_NORMALIZE,
    *_KINDS,
    *_PROFILES,
    *_CONTEXT,
    *_FORMAT,
    *_IDENTITY,
    *_DECISION,
    *_POLICY,
    *_API,
    *_CANDIDATES,
    *_ENGINE,
]
