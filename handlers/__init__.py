"""The conversations, one file per flow. They import the core types only, never a channel."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from bot.flow import Flow
from bot.i18n import meanings
from handlers.announcements import AnnouncementFlow
from handlers.deadlines import DeadlineFlow, SubmitFlow
from handlers.followups import FollowUpFlow
from handlers.helpdesk import (
    AlertsFlow,
    HelpDeskFlow,
    HomeVisitFlow,
    ResidentRequestsFlow,
    WardEntriesFlow,
)
from handlers.home import HelpFlow, HomeFlow
from handlers.nudges import NudgeFlow
from handlers.onboarding import ForgetFlow, JoinFlow, LanguageFlow, MyDataFlow
from handlers.reports import ReportFlow
from handlers.staff_tools import InviteFlow
from handlers.stats import StatsFlow
from handlers.visit_logging import LogSessionFlow
from handlers.ward_schedule import TallyTimeFlow


class _Commands(Mapping[str, str]):
    """Commands (folded, without diacritics) that open a flow from anywhere -> the flow's
    name: `[commands]` of locales/<lang>/words.toml, in every language, read when asked."""

    def __getitem__(self, command: str) -> str:
        return meanings("commands")[command]

    def __iter__(self) -> Iterator[str]:
        return iter(meanings("commands"))

    def __len__(self) -> int:
        return len(meanings("commands"))


COMMANDS: Mapping[str, str] = _Commands()


def all_flows() -> dict[str, Flow]:
    flows: list[Flow] = [
        HomeFlow(),
        HelpFlow(),
        JoinFlow(),
        LanguageFlow(),
        MyDataFlow(),
        ForgetFlow(),
        LogSessionFlow(),
        StatsFlow(),
        InviteFlow(),
        ReportFlow(),
        FollowUpFlow(),
        AnnouncementFlow(),
        HelpDeskFlow(),
        HomeVisitFlow(),
        AlertsFlow(),
        ResidentRequestsFlow(),
        WardEntriesFlow(),
        DeadlineFlow(),
        SubmitFlow(),
        NudgeFlow(),
        TallyTimeFlow(),
    ]
    return {flow.name: flow for flow in flows}
