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


def test_teach_a_way_of_asking_for_one_ward_then_promote_it(runner: CliRunner) -> None:
    """What a ward taught counts for that ward; promoted, for every ward; names and numbers
    never kept."""
    import asyncio

    from bot.clock import Clock
    from bot.knowledge import Outcome, understand
    from handlers.residents import knowledge_of
    from storage import wards
    from storage.db import Database

    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    ok(runner, "ward", "add", "KHAC", "Phường Khác")
    question = "bà Nguyễn Thị Hoa muốn hỏi cái thẻ xanh của ông nhà đi viện 0912345678"
    out = ok(runner, "kb", "teach", "--ward", "LTN", "--key", "vneid-wallet", question)
    assert "taught #1" in out and "Hoa" not in out and "0912345678" not in out
    assert "already taught" in ok(
        runner, "kb", "teach", "--ward", "LTN", "--key", "vneid-wallet", question
    )
    listed = ok(runner, "kb", "taught")
    assert "LTN" in listed and "vneid-wallet" in listed and "Nguyễn" not in listed

    async def answer(code: str, text: str) -> tuple[str, list[str]]:
        async with Database(f"sqlite+aiosqlite:///{Path.cwd()}/cli.db", Clock()) as db:
            async with db.sessions() as session:
                ward = await wards.by_code(session, code)
                assert ward is not None
                kb = await knowledge_of(session, ward.id)
        found = understand(kb, text)
        return found.outcome, found.keys

    asked = "ba muon hoi cai the xanh cua ong nha di vien"
    assert asyncio.run(answer("LTN", asked)) == (Outcome.ANSWER, ["vneid-wallet"])
    assert asyncio.run(answer("KHAC", asked))[0] != Outcome.ANSWER
    assert "every ward" in ok(runner, "kb", "promote", "1")
    assert asyncio.run(answer("KHAC", asked)) == (Outcome.ANSWER, ["vneid-wallet"])
    for args, message in (
        (["kb", "teach", "--key", "nope", "hello there"], "no entry nope"),
        (["kb", "teach", "--ward", "NOPE", "--key", "vneid-wallet", "x y"], "no ward"),
        (["kb", "teach", "--key", "vneid-wallet", "  "], "empty"),
        (["kb", "promote", "99"], "no taught way"),
    ):
        result = runner.invoke(main, args)
        assert result.exit_code != 0 and message in result.output, result.output


def test_questions_of_residents_whose_ward_is_not_known_are_listed_too(
    runner: CliRunner,
) -> None:
    import asyncio

    from bot.clock import Clock
    from storage import helpdesk
    from storage.db import Database

    ok(runner, "ward", "add", "LTN", "Phường Lê Thanh Nghị")
    ok(runner, "ward", "add", "KHAC", "Phường Khác")

    async def asked() -> None:
        async with Database(f"sqlite+aiosqlite:///{Path.cwd()}/cli.db", Clock()) as db:
            async with db.sessions() as session, session.begin():
                now = db.clock()
                for _ in range(2):
                    await helpdesk.record_unanswered(
                        session,
                        None,
                        "xin giay xac nhan doc than",
                        "xin giay xac nhan doc than",
                        now,
                    )

    asyncio.run(asked())
    assert "   2  xin giay xac nhan doc than" in ok(runner, "kb", "unanswered")
    assert ok(runner, "kb", "unanswered", "--ward", "LTN") == ""
