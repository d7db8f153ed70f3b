"""`ngoso report weekly` as an administrator runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from bot.cli import main


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    monkeypatch.setenv("FILES_DIR", str(tmp_path / "files"))
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def test_weekly_report_files_and_errors(runner: CliRunner, tmp_path: Path) -> None:
    ok = runner.invoke(main, ["ward", "add", "LTN", "Phường Lê Thanh Nghị"])
    assert ok.exit_code == 0
    runner.invoke(main, ["group", "add", "--ward", "LTN", "Tổ dân phố 1"])

    result = runner.invoke(
        main, ["report", "weekly", "--ward", "ltn", "--week", "2026-W45", "--out", "out"]
    )
    assert result.exit_code == 0, result.output
    assert "02/11 – 08/11/2026" in result.output
    assert "Tổ chưa có hoạt động (1): Tổ dân phố 1" in result.output
    book = load_workbook(tmp_path / "out" / "LTN-tally-2026-W45.xlsx")
    assert "Các buổi hỗ trợ" in book.sheetnames
    assert (tmp_path / "out" / "LTN-tally-2026-W45.png").read_bytes().startswith(b"\x89PNG")

    sent = runner.invoke(
        main, ["report", "weekly", "--ward", "LTN", "--week", "2026-W45", "--send"]
    )
    assert sent.exit_code == 0 and "0 queued" in sent.output  # nobody has joined yet

    for args, message in (
        (["--ward", "XYZ"], "no ward with code XYZ"),
        (["--ward", "LTN", "--week", "week 45"], "is not a week"),
        (["--ward", "LTN", "--week", "2026-W54"], "is not a week"),
        (["--ward", "LTN", "--week", "2099-W01"], "has not started yet"),
    ):
        bad = runner.invoke(main, ["report", "weekly", *args])
        assert bad.exit_code != 0 and message in bad.output, bad.output


def test_run_has_a_no_scheduler_switch(runner: CliRunner) -> None:
    assert "--no-scheduler" in runner.invoke(main, ["run", "--help"]).output
