"""`ngoso kb`: ward staff's entries without a code change, and what residents asked in vain."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_set_list_and_remove_a_ward_entry(runner: CliRunner, tmp_path: Path) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    assert "ward-office" in ok(runner, "kb", "list")
    body = tmp_path / "office.txt"
    body.write_text("Số 1 đường Lê Thanh Nghị. Bộ phận một cửa ở tầng 1.", encoding="utf-8")
    ok(runner, "kb", "set", "--ward", "ltn", "--key", "ward-office", "--body-file", str(body))
    out = ok(runner, "kb", "list", "--ward", "LTN")
    assert "LTN ward-office" in out and "[vi] Địa chỉ trụ sở phường" in out
    ok(runner, "kb", "remove", "--ward", "LTN", "--key", "ward-office")
    assert "LTN ward-office" not in ok(runner, "kb", "list", "--ward", "LTN")


def test_clear_errors(runner: CliRunner) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    cases = [
        (["kb", "set", "--ward", "NOPE", "--key", "ward-office", "--body", "x y z"], "no ward"),
        (["kb", "set", "--ward", "LTN", "--key", "ward-office"], "--body"),
        (["kb", "set", "--ward", "LTN", "--key", "Bad Key", "--body", "abc"], "lower-case"),
        (["kb", "set", "--ward", "LTN", "--key", "ward-library", "--body", "abc"], "--title"),
        (["kb", "remove", "--ward", "LTN", "--key", "ward-office"], "has no entry"),
    ]
    for args, message in cases:
        result = runner.invoke(main, args)
        assert result.exit_code != 0
        assert message in result.output, result.output
        assert "Traceback" not in result.output


def test_unanswered_lists_nothing_for_a_new_ward(runner: CliRunner) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    assert ok(runner, "kb", "unanswered", "--ward", "LTN") == ""
