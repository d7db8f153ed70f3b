"""The administration commands, run as an administrator would."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from bot import cli
from bot.cli import main
from bot.clock import SetClock
from tests.conftest import START


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "clock", SetClock(START))  # every command at a fixed instant
    return CliRunner()


def ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_ward_group_and_invite(runner: CliRunner) -> None:
    assert "up to date" in ok(runner, "db", "upgrade")
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị", "--province", "Hải Phòng")
    ok(runner, "group", "add", "--ward", "ltn", "Tổ dân phố 1")
    out = ok(runner, "invite", "--role", "volunteer", "--ward", "LTN", "--group", "Tổ dân phố 1")
    code, what = out.splitlines()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert what.startswith("volunteer for LTN Phường Lê Thanh Nghị, Tổ dân phố 1; 1 use;")
    assert what.endswith("(Vietnam time)") and "valid until " in what
    staff = ok(runner, "invite", "--role", "staff", "--ward", "LTN", "--uses", "3", "--days", "2")
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", staff.splitlines()[0])
    assert "staff for LTN Phường Lê Thanh Nghị; 3 uses;" in staff
    qr = ok(runner, "invite", "--role", "staff", "--ward", "LTN", "--qr")
    assert "█" in qr and len(qr.splitlines()) > 10  # a QR code drawn with blocks


def test_clear_errors(runner: CliRunner) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    result = runner.invoke(main, ["ward", "add", "LTN", "Again"])
    assert result.exit_code != 0 and "exists already" in result.output
    result = runner.invoke(main, ["invite", "--role", "volunteer", "--ward", "NOPE"])
    assert result.exit_code != 0 and "no ward with code NOPE" in result.output
    result = runner.invoke(main, ["invite", "--role", "volunteer", "--ward", "LTN", "--group", "X"])
    assert result.exit_code != 0 and "no group" in result.output
    result = runner.invoke(main, ["invite", "--role", "boss", "--ward", "LTN"])
    assert result.exit_code != 0


def test_bad_names_and_arguments(runner: CliRunner) -> None:
    for args in (["ward", "add", "", "X"], ["ward", "add", "A B", "X"], ["ward", "add", "OK", " "]):
        result = runner.invoke(main, args)
        assert result.exit_code != 0 and "Traceback" not in result.output
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    result = runner.invoke(main, ["group", "add", "--ward", "LTN", "   "])
    assert result.exit_code != 0 and "needs a name" in result.output
    ok(runner, "group", "add", "--ward", "LTN", "Tổ dân phố số 2")
    result = runner.invoke(main, ["group", "add", "--ward", "LTN", "tổ dân phố  SỐ 2"])
    assert "exists already" in result.output
    ok(runner, "invite", "--role", "volunteer", "--ward", "LTN", "--group", "TỔ DÂN PHỐ SỐ 2")
    result = runner.invoke(main, ["invite", "--role", "staff", "--ward", "LTN", "--group", "Tổ"])
    assert result.exit_code != 0 and "drop --group" in result.output


def test_import_excel_csv_variants(runner: CliRunner, tmp_path: Path) -> None:
    rows = "ward_code;ward_name;group_name\nLTN;Phường Lê Thanh Nghị;Tổ 1\n"
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(rows.encode("utf-16"))
    assert "1 wards and 1 groups added" in ok(runner, "import", str(utf16))
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("ward_code,ward_name\nX,Ph\xe1\n".encode("latin-1"))
    result = runner.invoke(main, ["import", str(legacy)])
    assert result.exit_code != 0 and "not UTF-8" in result.output


def test_import_csv(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "wards.csv"
    path.write_text(
        "ward_code,ward_name,province,group_name,group_kind\n"
        "LTN,Phường Lê Thanh Nghị,Hải Phòng,Tổ dân phố 1,to_dan_pho\n"
        "LTN,Phường Lê Thanh Nghị,Hải Phòng,Tổ dân phố 2,\n"
        "AL,Xã An Lão,Hải Phòng,Thôn Đông,thon\n",
        encoding="utf-8",
    )
    out = ok(runner, "import", str(path))
    assert "2 wards and 3 groups added" in out
    out = ok(runner, "import", str(path))  # again: nothing new
    assert "0 wards and 0 groups added, 3 groups already there" in out
    ok(runner, "invite", "--role", "leader", "--ward", "AL", "--group", "Thôn Đông")


def test_import_xlsx_with_vietnamese_headers(runner: CliRunner, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã phường", "Tên phường", "Tổ dân phố"])
    ws.append(["HA", "Phường Hải An", "Tổ 3"])
    path = tmp_path / "wards.xlsx"
    wb.save(path)
    assert "1 wards and 1 groups added" in ok(runner, "import", str(path))


def test_bad_row_is_reported_and_nothing_is_imported(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "ward_code,ward_name,group_name,group_kind\n"
        "LTN,Phường Lê Thanh Nghị,Tổ 1,\n"
        "LTN,Phường Khác Tên,Tổ 2,\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code != 0
    assert "line 3" in result.output and "nothing was imported" in result.output
    path.write_text("ward_code,ward_name,group_kind\nLTN,Phường A,palace\n", encoding="utf-8")
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code != 0 and "line 2" in result.output
    # Every bad row is told at once; a blank group name is one.
    path.write_text(
        "ward_code,ward_name,group_name\n"
        "LTN,Phường Lê Thanh Nghị,Tổ 1\n"
        "LTN,Phường Lê Thanh Nghị,   \n"
        ",Phường B,Tổ 2\n"
        "LTN,Phường Lê Thanh Nghị,Tổ 3\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["import", str(path)])
    assert result.exit_code != 0
    assert "line 3: the group name is empty" in result.output
    assert "line 4: ward_code and ward_name are required" in result.output
    assert "2 bad rows; nothing was imported" in result.output
    # Nothing of the first file was kept.
    result = runner.invoke(main, ["invite", "--role", "staff", "--ward", "LTN"])
    assert "no ward with code LTN" in result.output
    result = runner.invoke(main, ["import", str(tmp_path / "missing.csv")])
    assert result.exit_code != 0 and "no such file" in result.output


def test_invite_prints_a_telegram_deep_link(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "NgoSoLtnBot")
    out = ok(runner, "invite", "--role", "staff", "--ward", "LTN")
    code, _, link = out.splitlines()
    assert link == f"Telegram: https://t.me/NgoSoLtnBot?start={code.replace('-', '')}"


def test_invite_asks_telegram_for_the_bot_name(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With only a token, the bot's name comes from getMe (a fake Bot API in a thread)."""
    import asyncio
    import threading

    from tests.fakes.telegram_api import FakeTelegram

    token = "42:cli-test-token"
    ready, stop = threading.Event(), threading.Event()
    urls: list[str] = []

    def serve() -> None:
        async def main() -> None:
            async with FakeTelegram(token) as fake:
                urls.append(fake.url)
                ready.set()
                await asyncio.to_thread(stop.wait, 30)

        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        assert ready.wait(10)
        ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", urls[0])
        out = ok(runner, "invite", "--role", "staff", "--ward", "LTN")
        assert "https://t.me/NgoSoTestBot?start=" in out
        # Telegram out of reach: the code is still printed, with a note instead of a link.
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9")
        result = runner.invoke(main, ["invite", "--role", "staff", "--ward", "LTN"])
        assert result.exit_code == 0
        assert re.match(r"[A-Z2-9]{4}-[A-Z2-9]{4}\n", result.output)
    finally:
        stop.set()
        thread.join(10)


def test_city_report(runner: CliRunner, tmp_path: Path) -> None:
    import asyncio
    import datetime as dt

    from storage.db import Database
    from storage.models import SessionTopic, SupportSession

    ok(runner, "ward", "add", "LC", "Phường Lê Chân", "--province", "Hải Phòng")
    ok(runner, "ward", "add", "HK", "Phường Hoàn Kiếm", "--province", "Hà Nội")
    ok(runner, "group", "add", "--ward", "LC", "Tổ 1")
    ok(runner, "group", "add", "--ward", "LC", "Tổ 2")

    async def log() -> None:
        async with Database(f"sqlite+aiosqlite:///{tmp_path}/cli.db", SetClock(START)) as db:
            async with db.sessions() as s, s.begin():
                s.add(
                    SupportSession(
                        ward_id=1,
                        group_id=1,
                        occurred_on=dt.date(2026, 11, 18),
                        residents_count=3,
                        place="home",
                        outcome="resolved",
                        topics=[SessionTopic(topic="vneid")],
                    )
                )

    asyncio.run(log())
    out = ok(runner, "report", "city", "--week", "2026-W47")
    assert "Tuần 16/11–22/11/2026 (16/11/2026 - 22/11/2026)" in out
    assert re.search(r"LC +Phường Lê Chân +1/2 +1 +3", out)
    assert re.search(r"HK +Phường Hoàn Kiếm +0/0 +0 +0", out)
    assert re.search(r"total +2 wards +1/2 +1 +3", out)
    assert "topics: vneid 1" in out
    out = ok(runner, "report", "city", "--week", "2026-W47", "--province", "Hà Nội")
    assert "LC " not in out and re.search(r"total +1 wards +0/0 +0 +0", out)
    result = runner.invoke(main, ["report", "city", "--week", "soon"])
    assert result.exit_code != 0 and "is not a week" in result.output


def test_backup_and_restore_by_hand(runner: CliRunner, tmp_path: Path) -> None:
    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    out = ok(runner, "db", "backup")
    (made,) = list((tmp_path / "data" / "backups").glob("ngoso-backup-*.db"))
    assert str(made.name) in out and made.stat().st_mode & 0o777 == 0o600
    ok(runner, "ward", "add", "HK", "Phường Hoàn Kiếm")

    def wards() -> list[str]:
        with sqlite3.connect(tmp_path / "cli.db") as db:
            return [code for (code,) in db.execute("SELECT code FROM wards ORDER BY code")]

    assert wards() == ["HK", "LTN"]
    assert "restored" in ok(runner, "db", "restore", str(made), "--yes")
    assert wards() == ["LTN"]
    result = runner.invoke(main, ["db", "restore", str(tmp_path / "nothing.db"), "--yes"])
    assert result.exit_code != 0 and "no such file" in result.output
    assert "Traceback" not in result.output


def test_wards_and_groups_listed_renamed_and_archived_from_the_command_line(
    tmp_path, monkeypatch
) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def ok(*args: str) -> str:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    ok("ward", "add", "LTN", "Phường Lê Thanh Nghị")
    ok("group", "add", "--ward", "LTN", "Tổ 1")
    ok("group", "add", "--ward", "LTN", "Tổ 2")
    assert "LTN" in ok("ward", "list") and "2 tổ" in ok("ward", "list")
    assert "đã đổi tên" in ok("ward", "rename", "ltn", "Phường Lê  Thanh Nghị mới")
    assert "Phường Lê Thanh Nghị mới" in ok("ward", "list")
    assert "đã đổi tên" in ok("group", "rename", "--ward", "LTN", "tổ 1", "Tổ dân phố 1")
    assert "đã lưu trữ" in ok("group", "archive", "--ward", "LTN", "Tổ 2")
    listed = ok("group", "list", "--ward", "LTN")
    assert "Tổ dân phố 1" in listed and "Tổ 2  (đã lưu trữ" in listed
    assert "1 tổ" in ok("ward", "list")
    assert "đưa trở lại" in ok("group", "archive", "--ward", "LTN", "--undo", "Tổ 2")
    assert "đã lưu trữ" in ok("ward", "archive", "LTN")
    assert "(đã lưu trữ" in ok("ward", "list")
    assert "Tổ / groups" not in ok("group", "--help")  # help is in Vietnamese, then English
    assert "Tổ dân phố / thôn" in ok("group", "--help")
    for args, message in (
        (["ward", "rename", "NOPE", "X"], "không có phường"),
        (["group", "rename", "--ward", "LTN", "Tổ 9", "X"], "không có tổ"),
        (["group", "rename", "--ward", "LTN", "Tổ 2", "tổ dân phố 1"], "đã có tổ"),
        (["group", "rename", "--ward", "LTN", "Tổ 2", "   "], "1-200"),
        (["ward", "archive", "NOPE"], "không có phường"),
    ):
        result = runner.invoke(main, args)
        assert result.exit_code != 0 and message in result.output, (args, result.output)


def test_the_administrators_sign_in_link_from_the_command_line(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/cli.db")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://ngoso.example.vn")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["admin", "link"])
    assert first.exit_code != 0 and "chưa có phường" in first.output
    assert runner.invoke(main, ["ward", "add", "LTN", "Phường Lê Thanh Nghị"]).exit_code == 0
    made = runner.invoke(main, ["admin", "link", "--name", "Chị Quản trị"])
    assert made.exit_code == 0, made.output
    assert made.output.startswith("https://ngoso.example.vn/quan-ly/vao?t=")
    again = runner.invoke(main, ["admin", "link"])
    assert again.exit_code == 0 and again.output.split("\n")[0] != made.output.split("\n")[0]


def test_every_command_says_what_it_does_in_vietnamese_first() -> None:

    import click

    from bot.cli import main

    def commands(group: click.Group, path: str) -> list[tuple[str, click.Command]]:
        found: list[tuple[str, click.Command]] = [(path, group)]
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                found += commands(command, f"{path} {name}")
            else:
                found.append((f"{path} {name}", command))
        return found

    for path, command in commands(main, "ngoso"):
        first = (command.help or "").strip().split("\n")[0]
        assert any(
            ch in first
            for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý"
        ), (path, first)
