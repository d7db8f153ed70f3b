"""Flows declare themselves (bot/flow.py): a flow declared wrong stops start-up with an error
that says where; the main menu, /help and refusals follow the declarations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import handlers
from bot import cli
from bot import flow as flow_module
from bot.app import Application
from bot.config import Settings
from bot.core import Choice
from bot.flow import Answer, Context, Flow, FlowError, MenuEntry, check_flows, step
from bot.i18n import t
from storage.access import Who
from storage.models import Role


class TypoFlow(Flow):
    """A flow whose author mistyped a step in a move."""

    name = "typo"
    first_step = "first"
    who = Who.ANYONE

    @step()
    async def ask_first(self, ctx: Context) -> None:
        ctx.ask("?", [Choice("ok", "OK")])

    async def on_first(self, ctx: Context, answer: Answer) -> None:
        ctx.goto("confrim")  # the step is "confirm"

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        ctx.ask("?", [Choice("ok", "OK")])

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        if answer.key:
            ctx.goto(step="confirmm", flow="typo")  # by keyword, mistyped too
            return
        ctx.say(ctx.t("typo-thanks"))  # a string no language has
        ctx.begin("repots")  # no such flow
        ctx.done()


class HalfFlow(Flow):
    """Steps without their pair, a step not declared, a string no language has."""

    name = "half"
    first_step = "ask"
    who = Who.STAFF
    summary = "cmd-no-such-message"

    @step(text=True)
    async def ask_ask(self, ctx: Context) -> None:
        ctx.ask("?", [])

    async def ask_forgotten(self, ctx: Context) -> None:
        ctx.ask("?", [])

    async def on_forgotten(self, ctx: Context, answer: Answer) -> None:
        ctx.done()


def with_flows(*extra: Flow) -> dict[str, Flow]:
    return {**handlers.all_flows(), **{f.name: f for f in extra}}


def test_every_flow_in_handlers_is_found_and_declared_right() -> None:
    flows = handlers.all_flows()
    # One file per flow family; adding a file adds its flows (no list to edit).
    assert {"home", "log", "helpdesk", "home_visit", "alerts", "requests", "ward_entries"} <= set(
        flows
    )
    check_flows(flows)  # raises if anything is wrong


def test_a_mistyped_step_or_flow_is_caught_with_its_place() -> None:
    with pytest.raises(FlowError) as caught:
        check_flows(with_flows(TypoFlow()))
    message = str(caught.value)
    assert "'confrim'" in message and "its steps: first, confirm" in message
    assert "'repots'" in message and "'confirmm'" in message
    assert "no message 'typo-thanks'" in message
    assert f"{Path(__file__).name}:" in message  # file and line of the move


def test_missing_pairs_undeclared_steps_and_strings_are_caught() -> None:
    with pytest.raises(FlowError) as caught:
        check_flows(with_flows(HalfFlow()))
    message = str(caught.value)
    assert "ask_ask has no on_ask" in message and f"{Path(__file__).name}:" in message
    assert "ask_forgotten is not declared" in message
    assert "no message 'cmd-no-such-message'" in message and "'vi'" in message


def test_a_command_listed_for_two_flows_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new flow may not take a command another flow has ("/ghi" would stop logging)."""
    real = flow_module.word_table

    def tables(lang: str) -> dict[str, Any]:
        table = dict(real(lang))
        commands = dict(table["commands"])
        if lang == "vi":
            commands["nudges"] = [*commands["nudges"], "/GHI"]
        table["commands"] = commands
        return table

    monkeypatch.setattr(flow_module, "word_table", tables)
    with pytest.raises(FlowError, match=r"'/ghi' is listed for several flows: log, nudges"):
        check_flows(handlers.all_flows())


def test_the_application_does_not_start_with_a_flow_declared_wrong(
    database: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = with_flows(TypoFlow())
    monkeypatch.setattr(handlers, "all_flows", lambda: broken)
    settings = Settings(database_url=database.url, seed_demo=False, _env_file=None)
    with pytest.raises(FlowError, match="confrim"):
        Application(settings, database.clock)
    # `ngoso run` says so in one clear line, no traceback.
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'run.db'}")
    monkeypatch.setenv("SEED_DEMO", "false")
    result = CliRunner().invoke(cli.main, ["run", "--port", "0"])
    assert result.exit_code == 1
    assert "flows declared wrong" in result.output and "confrim" in result.output
    assert "Traceback" not in result.output


class CensusFlow(Flow):
    """A flow a ward might add: one file, its declarations, its strings."""

    name = "census"
    first_step = "count"
    who = Who.STAFF
    menu = MenuEntry("cmd-nudges", 85)  # any existing string will do for a label here
    summary = "cmd-reporttime"

    @step(text=True)
    async def ask_count(self, ctx: Context) -> None:
        ctx.ask("?", [])

    async def on_count(self, ctx: Context, answer: Answer) -> None:
        ctx.done()


async def test_menu_and_refusals_follow_the_declarations(database: Any, make_chat, demo) -> None:
    staff, lan = make_chat("staff"), make_chat("lan")
    await staff.join(demo.invites[Role.STAFF].code)
    await lan.join(demo.invites[Role.VOLUNTEER].code)
    staff.core.flows = with_flows(CensusFlow())  # the same core serves both chats
    label = t("vi", "cmd-nudges")
    await staff.send("/start")
    assert label in staff.labels()
    # Placed where it declared: between "Gửi thông báo" (80) and "Hạn nộp báo cáo" (90).
    labels = staff.labels()
    assert (
        labels.index(t("vi", "ann-menu")) < labels.index(label) < labels.index(t("vi", "dl-menu"))
    )
    await lan.send("/start")
    assert label not in lan.labels()
    # A volunteer typing a staff command is told who it is for.
    refusal = await lan.send("/guithongbao")
    assert t("vi", "who-staff") in refusal and "không dành cho vai trò" in refusal


async def test_help_lists_what_each_person_may_use_in_their_language(make_chat, demo) -> None:
    resident = make_chat("resident")
    text = await resident.send("/trogiup")
    assert "/nhohotro" in text and "/thamgia" in text and "/guithongbao" not in text
    staff = make_chat("staff")
    await staff.join(demo.invites[Role.STAFF].code)
    text = await staff.send("/help")
    assert "/guithongbao" in text and t("vi", "cmd-announce") in text
    assert "/thamgia" not in text  # staff have joined already
    await staff.send("/lang")
    await staff.press("English")
    text = await staff.send("/help")
    assert "/announce" in text and t("en", "cmd-announce") in text
