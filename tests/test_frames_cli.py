"""``nirkit check --column`` and ``nirkit impact`` on Parquet and CSV tables, as users run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import nirkit
from nirkit import AuthPolicy, Kind
from nirkit._commands import check
from nirkit._issues import Lang
from nirkit._profiles import ProfileName
from tests.engines import require
from tests.frames_corpus import corpus

TEXTS = corpus()[::4]


def _nirkit(*args: str, block_polars: bool = False) -> subprocess.CompletedProcess[str]:
    """The command line in a child process; ``block_polars`` makes Polars impossible to import."""
    prelude = "sys.modules['polars'] = None; " if block_polars else ""
    code = f"import sys; {prelude}from nirkit.cli import main; raise SystemExit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], check=False, capture_output=True, encoding="utf-8"
    )


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pl = require("polars")
    folder = tmp_path_factory.mktemp("tables")
    frame = pl.DataFrame(
        {"id": range(len(TEXTS)), "nir": TEXTS}, schema_overrides={"nir": pl.String}
    )
    frame.write_parquet(folder / "accounts.parquet")
    # CSV cannot tell null from empty, nor keep a lone carriage return: leave those out.
    kept = frame.filter(~pl.col("nir").str.contains("\r").fill_null(False))
    kept.write_csv(folder / "accounts.csv")
    return {"parquet": folder / "accounts.parquet", "csv": folder / "accounts.csv"}


def _numbers_file(tmp_path: Path, texts: list[str | None]) -> Path:
    path = tmp_path / "numbers.txt"
    path.write_text(
        "".join(f"{t}\n" for t in texts if t and t.strip() and "\n" not in t and "\r" not in t),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "policy_args", [[], ["--accept", "definitive"], ["--profile", "strict", "--key-optional"]]
)
def test_impact_of_a_parquet_file_equals_the_policys_own(
    tables: dict[str, Path], policy_args: list[str]
) -> None:
    result = _nirkit(
        "impact", str(tables["parquet"]), "--column", "nir", "--format", "json", *policy_args
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    accept = {Kind.DEFINITIVE} if "definitive" in policy_args else set(Kind)
    profile: ProfileName = "strict" if "strict" in policy_args else "standard"
    policy = AuthPolicy(
        accept=accept, profile=profile, key_required="--key-optional" not in policy_args
    )
    cells = [text for text in TEXTS if text is not None and text.strip()]
    assert data == policy.impact(cells).as_dict() | {"skipped_empty": len(TEXTS) - len(cells)}


def test_impact_of_parquet_and_csv_say_the_same(tables: dict[str, Path]) -> None:
    csv_run = _nirkit("impact", str(tables["csv"]), "--column", "nir")
    parquet_run = _nirkit("impact", str(tables["parquet"]), "--column", "nir")
    assert csv_run.returncode == parquet_run.returncode == 0
    # the CSV file lacks the cells with a carriage return; compare with the same cells
    assert csv_run.stdout.splitlines()[0] == parquet_run.stdout.splitlines()[0]


@pytest.mark.parametrize("kind", ["parquet", "csv"])
@pytest.mark.parametrize(
    "options",
    [[], ["--profile", "strict", "--lang", "fr"], ["--format", "jsonl", "--show-numbers"]],
)
def test_check_column_gives_the_lines_of_check_per_number(
    tables: dict[str, Path], kind: str, options: list[str]
) -> None:
    import polars as pl

    path = tables[kind]
    result = _nirkit("check", "--column", "nir", str(path), *options)
    assert result.returncode == 1, result.stderr
    if kind == "parquet":
        cells = pl.read_parquet(path)["nir"].to_list()
    else:
        cells = pl.read_csv(path, infer_schema=False)["nir"].to_list()
    rows = [(row, text) for row, text in enumerate(cells, 1) if text is not None and text.strip()]
    # What check prints for each number given as an argument (a cell "-" is text here).
    profile: ProfileName = "strict" if "strict" in options else "standard"
    lang: Lang = "fr" if "fr" in options else "en"
    expected = []
    for row, text in rows:
        label, diagnosis = f"{path}:{row}", nirkit.diagnose(text, profile=profile)
        shown_as = check.shown(text, "--show-numbers" in options, lang)
        if "--format" in options:
            expected.append(check.as_json(label, shown_as, diagnosis, lang))
        else:
            expected.append(f"{label}: {shown_as}: {check.describe(diagnosis, lang)}")
    assert result.stdout.splitlines() == expected


def test_check_column_of_csv_without_polars_gives_the_same_lines(tables: dict[str, Path]) -> None:
    with_polars = _nirkit("check", "--column", "nir", str(tables["csv"]))
    without = _nirkit("check", "--column", "nir", str(tables["csv"]), block_polars=True)
    assert (without.returncode, without.stdout) == (with_polars.returncode, with_polars.stdout)


@pytest.mark.parametrize(
    "command", [["impact", "{path}", "--column", "nir"], ["check", "--column", "nir", "{path}"]]
)
def test_parquet_without_polars_is_a_usage_error(
    tables: dict[str, Path], command: list[str]
) -> None:
    args = [arg.format(path=tables["parquet"]) for arg in command]
    result = _nirkit(*args, block_polars=True)
    assert result.returncode == 2
    assert "pip install 'nirkit[polars]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["impact", "{parquet}"], "a Parquet file needs --column"),
        (["impact", "{parquet}", "--column", "id"], "column 'id' holds Int64, not text"),
        (["impact", "{parquet}", "--column", "name"], "no column 'name' (2 columns)"),
        (["check", "--column", "name", "{csv}"], "no column 'name' in the header row (2 columns)"),
        (["check", "--column", "NIR", "{missing}"], "no.parquet: No such file or directory"),
        (["check", "--column", "nir", "{csv}", "-"], "--column reads Parquet or CSV files"),
        (["impact", "{missing}", "--column", "nir"], "no.parquet: No such file or directory"),
        (["impact", "{csv}.parquet", "--column", "nir"], "cannot read it as a Parquet file"),
    ],
)
def test_table_problems_are_usage_errors(
    tables: dict[str, Path], tmp_path: Path, args: list[str], message: str
) -> None:
    not_parquet = Path(f"{tables['csv']}.parquet")
    not_parquet.write_bytes(tables["csv"].read_bytes())
    names = {"parquet": tables["parquet"], "csv": tables["csv"], "missing": tmp_path / "no.parquet"}
    result = _nirkit(*(arg.format(**names) for arg in args))
    assert result.returncode == 2
    assert message.format(**names) in result.stderr
    assert "Traceback" not in result.stderr


def test_columns_match_in_any_case_and_a_tab_is_spelled(
    tables: dict[str, Path], tmp_path: Path
) -> None:
    import polars as pl

    parquet = str(tables["parquet"])
    for command in (
        ["check", "--column", "{column}", parquet],
        ["impact", parquet, "--column", "{column}"],
    ):
        lower, upper = (_nirkit(*(a.format(column=c) for a in command)) for c in ("nir", "NIR"))
        assert (upper.returncode, upper.stdout) == (lower.returncode, lower.stdout)
    tsv = tmp_path / "accounts.tsv"
    pl.read_csv(tables["csv"], infer_schema=False).write_csv(tsv, separator="\t")
    comma = _nirkit("check", "--column", "nir", str(tables["csv"])).stdout.splitlines()
    for block_polars in (False, True):
        tab = _nirkit(
            "check", "--column", "Nir", "--delimiter", "\\t", str(tsv), block_polars=block_polars
        )
        assert [line.split(":", 1)[1] for line in tab.stdout.splitlines()] == [
            line.split(":", 1)[1] for line in comma
        ]


def test_table_problems_in_french(tables: dict[str, Path]) -> None:
    for block_polars in (False, True):
        result = _nirkit(
            "check",
            "--lang",
            "fr",
            "--column",
            "name",
            str(tables["csv"]),
            block_polars=block_polars,
        )
        assert result.returncode == 2
        assert result.stderr.endswith(
            ": pas de colonne 'name' dans la ligne d'en-tête (2 colonnes)\n"
        )
    result = _nirkit("impact", "--lang", "fr", str(tables["parquet"]))
    assert result.stderr.endswith(": un fichier Parquet demande --column\n")


def test_reports_never_show_a_number(tables: dict[str, Path]) -> None:
    result = _nirkit("check", "--column", "nir", str(tables["parquet"]))
    for text in TEXTS:
        if text and nirkit.is_valid(text):
            assert nirkit.validate(text) not in result.stdout
