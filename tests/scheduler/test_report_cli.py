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
    assert "Tuần 02/11–08/11/2026" in result.output
    assert "Tổ chưa có hoạt động (1): Tổ dân phố 1" in result.output
    stem = "Bao-cao-Phuong-Le-Thanh-Nghi-Tuan-02-11-08-11-2026"
    book = load_workbook(tmp_path / "out" / f"{stem}.xlsx")
    assert "Các buổi hỗ trợ" in book.sheetnames
    assert (tmp_path / "out" / f"{stem}.png").read_bytes().startswith(b"\x89PNG")

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


def test_any_period_with_the_annual_draft_and_the_city(runner: CliRunner, tmp_path: Path) -> None:
    from docx import Document

    assert runner.invoke(main, ["ward", "add", "LTN", "Phường Lê Thanh Nghị"]).exit_code == 0
    runner.invoke(main, ["group", "add", "--ward", "LTN", "Tổ dân phố 1"])
    month = runner.invoke(
        main, ["report", "--ward", "LTN", "--month", "2026-11", "--annual", "--out", "out"]
    )
    assert month.exit_code == 0, month.output
    assert "Tháng 11/2026" in month.output and "So với tháng trước" in month.output
    stem = "Bao-cao-Phuong-Le-Thanh-Nghi-Thang-11-2026"
    book = load_workbook(tmp_path / "out" / f"{stem}.xlsx")
    summary = book["Tổng hợp"]
    assert summary["A1"].value == "Phường Lê Thanh Nghị · Tổng hợp"
    assert summary["A2"].value.startswith("Tháng 11/2026 (01/11/2026 – 30/11/2026)")
    assert summary.freeze_panes == "A5" and summary["A4"].font.b
    draft = Document(
        str(tmp_path / "out" / "Du-thao-bao-cao-Phuong-Le-Thanh-Nghi-Thang-11-2026.docx")
    )
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "BÁO CÁO" in text and "[Cán bộ phường viết nội dung tại đây]" in text

    year = runner.invoke(main, ["report", "--ward", "LTN", "--quarter", "Q4/2026", "--out", "q"])
    assert year.exit_code == 0 and "Quý IV/2026" in year.output
    movement = runner.invoke(main, ["report", "--ward", "LTN", "--movement", "--out", "m"])
    assert movement.exit_code == 0 and "Giai đoạn 2026–2030" in movement.output
    days = runner.invoke(
        main, ["report", "--ward", "LTN", "--from", "01/11/2026", "--to", "15/11/2026"]
    )
    assert days.exit_code == 0 and "Từ 01/11/2026 đến 15/11/2026" in days.output
    city = runner.invoke(main, ["report", "city", "--year", "2026"])
    assert city.exit_code == 0, city.output
    assert "Năm 2026" in city.output and "Số tài khoản VNeID đã kích hoạt: 0" in city.output

    for args, message in (
        (["--month", "2026-11"], "give the ward"),
        (["--ward", "LTN", "--month", "2026-13"], "is not a month"),
        (["--ward", "LTN", "--month", "2026"], "is not a month"),
        (["--ward", "LTN", "--month", "2026-11", "--year", "2026"], "give one period"),
        (["--ward", "LTN", "--from", "01/11/2026"], "give both --from and --to"),
        (["--ward", "LTN", "--from", "15/11/2026", "--to", "01/11/2026"], "is not a range"),
        (["--ward", "LTN", "--year", "2099"], "has not started yet"),
    ):
        bad = runner.invoke(main, ["report", *args])
        assert bad.exit_code != 0 and message in bad.output, (args, bad.output)


def test_run_has_a_no_scheduler_switch(runner: CliRunner) -> None:
    assert "--no-scheduler" in runner.invoke(main, ["run", "--help"]).output
