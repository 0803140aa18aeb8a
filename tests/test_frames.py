"""nirkit.frames against the scalar core, row by row, on every engine.

The truth is computed by the scalar core (``diagnose``, ``parse``, ``mask``,
``pseudonym``, ``AuthPolicy.impact``) on the same texts; each engine gets the
corpus of ``frames_corpus`` and must give the same four columns for every row.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import nirkit
from nirkit import AuthPolicy, Kind, Profile
from tests.engines import ENGINES, require, spark_session
from tests.frames_corpus import corpus

TEXTS = corpus()
SECRET = bytes(range(32))


def _build(engine: str, texts: list[str | None]) -> Any:
    """A frame of the engine with an ``id`` column and the texts in ``nir``."""
    ids = list(range(len(texts)))
    if engine in ("polars", "polars-lazy"):
        pl = require("polars")
        frame = pl.DataFrame({"id": ids, "nir": texts}, schema={"id": pl.Int64, "nir": pl.String})
        return frame.lazy() if engine == "polars-lazy" else frame
    if engine == "pandas":
        pd = require("pandas")
        return pd.DataFrame({"id": ids, "nir": pd.Series(texts, dtype=object)})
    if engine == "pyarrow":
        pa = require("pyarrow")
        return pa.table({"id": ids, "nir": pa.array(texts, pa.string())})
    if engine == "duckdb":
        duckdb = require("duckdb")
        pa = require("pyarrow")
        table = pa.table({"id": ids, "nir": pa.array(texts, pa.string())})
        return duckdb.connect().from_arrow(table)
    require("spark")
    return spark_session().createDataFrame(
        list(zip(ids, texts, strict=True)), "id long, nir string"
    )


def _rows(result: Any, columns: list[str]) -> list[tuple[Any, ...]]:
    """The result's columns, ordered by ``id``, with every kind of null as ``None``."""
    import narwhals as nw

    frame = nw.from_native(result)
    if isinstance(frame, nw.LazyFrame):
        frame = frame.collect()
    rows = frame.sort("id").select(*columns).rows()
    return [tuple(None if _is_null(value) else value for value in row) for row in rows]


def _is_null(value: object) -> bool:
    if value is None or type(value).__name__ == "NAType":
        return True
    return isinstance(value, float) and value != value  # noqa: PLR0124


ENGINE_NAMES = ["polars", "polars-lazy", "pandas", "pyarrow", "duckdb", "spark"]


@pytest.fixture(params=ENGINE_NAMES)
def engine(request: pytest.FixtureRequest) -> str:
    """An engine's name, once it is known to be installed (else skip, or fail if required)."""
    name = str(request.param)
    require(name.removesuffix("-lazy"))
    return name


def _truth(text: str | None, profile: Profile, context: str | None) -> tuple[Any, ...]:
    if text is None:
        return (None, None, None, None)
    diagnosis = nirkit.diagnose(text, profile=profile)
    if not diagnosis.valid:
        return (False, None, diagnosis.errors[0].code, None)
    number = nirkit.parse(text, profile=profile, context=context)
    return (True, number.kind.value, None, number.compact)


PROFILES = {
    "lenient": nirkit.LENIENT,
    "standard": nirkit.STANDARD,
    "strict": nirkit.STRICT,
    "strict-keyless-1990": Profile(
        "custom", key_required=False, warnings_are_errors=True, reference_year=1990
    ),
}


@pytest.mark.parametrize("profile_name", list(PROFILES))
def test_check_equals_the_scalar_core_row_by_row(engine: str, profile_name: str) -> None:
    from nirkit import frames

    profile = PROFILES[profile_name]
    result = frames.check(_build(engine, TEXTS), "nir", profile=profile)
    got = _rows(result, ["nir", "nir_valid", "nir_kind", "nir_error", "nir_compact"])
    expected = [(text, *_truth(text, profile, None)) for text in TEXTS]
    assert got == expected


def test_check_under_a_waiting_context(engine: str) -> None:
    from nirkit import frames

    result = frames.check(_build(engine, TEXTS), "nir", context=nirkit.OID_INS_NIA)
    got = _rows(result, ["nir_valid", "nir_kind", "nir_error", "nir_compact"])
    assert got == [_truth(text, nirkit.STANDARD, nirkit.OID_INS_NIA) for text in TEXTS]


def test_mask_equals_nirkit_mask(engine: str) -> None:
    from nirkit import frames

    def truth(text: str | None) -> str | None:
        try:
            return None if text is None else nirkit.mask(text)
        except nirkit.NIRError:
            return None

    got = _rows(frames.mask(_build(engine, TEXTS), "nir"), ["nir_masked"])
    assert got == [(truth(text),) for text in TEXTS]


@pytest.mark.parametrize("key_required", [True, False])
def test_pseudonym_equals_nirkit_pseudonym(engine: str, key_required: bool) -> None:
    from nirkit import frames

    def truth(text: str | None) -> str | None:
        try:
            return (
                None if text is None else nirkit.pseudonym(text, SECRET, key_required=key_required)
            )
        except nirkit.NIRError:
            return None

    texts = TEXTS[::3]  # a Python function per row: a third of the corpus is plenty
    result = frames.pseudonym(
        _build(engine, texts), "nir", secret=SECRET, key_required=key_required
    )
    assert _rows(result, ["id", "nir", "nir_pseudonym"]) == [
        (i, text, truth(text)) for i, text in enumerate(texts)
    ]


POLICIES = [
    AuthPolicy(),
    AuthPolicy(accept={Kind.DEFINITIVE}),
    AuthPolicy(accept={Kind.PROVISIONAL, Kind.WAITING}, profile="lenient", key_required=False),
    AuthPolicy(profile="strict"),
]


@pytest.mark.parametrize("policy", POLICIES, ids=repr)
def test_impact_equals_the_policys_own(engine: str, policy: AuthPolicy) -> None:
    from nirkit import frames

    report = frames.impact(_build(engine, TEXTS), "nir", policy)
    assert report == policy.impact(text for text in TEXTS if text is not None)


def test_impact_with_a_context(engine: str) -> None:
    from nirkit import frames

    policy = AuthPolicy(accept={Kind.DEFINITIVE})
    report = frames.impact(_build(engine, TEXTS), "nir", policy, context=nirkit.OID_INS_NIA)
    expected = policy.impact((t for t in TEXTS if t is not None), context=nirkit.OID_INS_NIA)
    assert report == expected


ENGINE_MODULES = {"polars", "pandas", "pyarrow", "duckdb", "pyspark", "numpy", "narwhals"}


def _imported_after(statement: str) -> list[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in output.stdout.split() if name.split(".")[0] in ENGINE_MODULES]


def test_import_nirkit_imports_no_engine() -> None:
    statement = "import nirkit, nirkit.policy, nirkit.cli, nirkit.strategies"
    assert _imported_after(statement) == []


def test_import_nirkit_frames_imports_no_engine() -> None:
    require("polars")  # narwhals comes with every engine's extra
    assert {name.split(".")[0] for name in _imported_after("import nirkit.frames")} == {"narwhals"}


def test_engines_listed_for_the_tests_are_the_extras() -> None:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for name, modules in ENGINES.items():
        listed = {requirement.split(">")[0] for requirement in extras[name]}
        assert set(modules) <= listed, (name, listed)


@pytest.mark.parametrize("engine_name", ["polars", "pandas", "pyarrow", "duckdb"])
def test_a_column_that_is_not_text_is_a_type_error(engine_name: str) -> None:
    frame = _build(engine_name, ["2 95 10 99 126 111 93"])
    from nirkit import frames

    with pytest.raises(TypeError, match=r"column 'id' holds .*, not text"):
        frames.check(frame, "id")
    with pytest.raises(KeyError, match="no column 'name'"):
        frames.check(frame, "name")


def test_bad_arguments_fail_before_any_work() -> None:
    pl = require("polars")
    from nirkit import frames

    frame = pl.DataFrame({"nir": ["2 95 10 99 126 111 93"]})
    with pytest.raises(nirkit.NIRError, match="bad_context"):
        frames.check(frame, "nir", context="1.2.3")
    with pytest.raises(ValueError, match="unknown profile"):
        frames.check(frame, "nir", profile="loose")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 16 bytes"):
        frames.pseudonym(frame, "nir", secret=b"short")
    plan = frames.pseudonym(frame.lazy(), "nir", secret=SECRET).explain()
    assert SECRET.hex() not in plan and repr(SECRET)[2:30] not in plan


def test_existing_output_columns_are_replaced_and_others_kept() -> None:
    pl = require("polars")
    from nirkit import frames

    frame = pl.DataFrame({"nir": ["2 95 10 99 126 111 93"], "nir_valid": [False], "x": [1]})
    checked = frames.check(frame, "nir")
    assert checked.columns == ["nir", "x", "nir_valid", "nir_kind", "nir_error", "nir_compact"]
    assert checked["nir_valid"].to_list() == [True]


def test_spark_decides_common_rows_without_python() -> None:
    require("spark")
    from nirkit import frames

    frame = spark_session().createDataFrame([("2 95 10 99 126 111 93",), ("x",)], "nir string")
    plan = frames.check(frame, "nir")._jdf.queryExecution().executedPlan().toString()
    assert "Python" not in plan and "UDF" not in plan.upper()


def test_each_function_returns_the_kind_of_frame_it_was_given(engine: str) -> None:
    from nirkit import frames

    frame = _build(engine, ["2 95 10 99 126 111 93", None])
    results = [
        frames.check(frame, "nir"),
        frames.mask(frame, "nir"),
        frames.pseudonym(frame, "nir", secret=SECRET),
    ]
    assert [type(result) for result in results] == [type(frame)] * 3  # a lazy one stays lazy


COMMON = [
    "2 95 10 99 126 111 93",
    "295109912611193",
    "1 84 02 2a 123 456 34",
    "7\u00a081\u00a005\u00a099\u00a0126\u00a0045\u00a030",
    "7\u202f81\u202f05\u202f99\u202f126\u202f045\u202f30",
    "2951099126111",
    "7 81 05 99 126 045 31",
    "x",
    "",
    None,
]
FULL_WIDTH = "２９５１０９９１２６１１１９３"


def test_common_rows_never_reach_the_scalar_core(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nirkit import frames
    from nirkit.frames import _scalar

    asked: list[str] = []

    def counted(function: Any) -> Any:
        def wrapper(text: str, *args: Any, **kwargs: Any) -> Any:
            asked.append(text)
            return function(text, *args, **kwargs)

        return wrapper

    monkeypatch.setattr("nirkit.frames.check_row", counted(_scalar.check_row))
    monkeypatch.setattr("nirkit.frames.mask_row", counted(_scalar.mask_row))
    common = _build(engine, COMMON)
    frames.check(common, "nir", profile="lenient")
    frames.mask(common, "nir")
    frames.impact(common, "nir", AuthPolicy())
    assert asked == []
    # A text needing NFKC is asked about once per call, however many rows hold it.
    checked = frames.check(_build(engine, [*COMMON, FULL_WIDTH, FULL_WIDTH]), "nir")
    assert asked == [FULL_WIDTH]
    assert _rows(checked, ["nir_compact"])[-2:] == [("295109912611193",)] * 2


def test_each_extra_pulls_only_its_engine() -> None:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for name, modules in ENGINES.items():
        assert {requirement.split(">")[0] for requirement in extras[name]} == set(modules), name
