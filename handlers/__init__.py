"""The conversations, one file per flow. They import the core types only, never a channel."""

from __future__ import annotations

from bot.flow import Flow
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

# Commands (folded, without diacritics) that open a flow from anywhere.
COMMANDS: dict[str, str] = {
    "/lang": "language",
    "/language": "language",
    "/ngonngu": "language",
    "/forgetme": "forget",
    "/xoadulieu": "forget",
    "/mydata": "my_data",
    "/dulieu": "my_data",
    "/help": "help",
    "/trogiup": "help",
    "/log": "log",
    "/ghi": "log",
    "/stats": "stats",
    "/thongke": "stats",
    "/invite": "invite",
    "/moi": "invite",
    "/join": "join",
    "/followups": "follow_ups",
    "/viec": "follow_ups",
    "/announce": "announce",
    "/guithongbao": "announce",
    "/report": "report",
    "/baocao": "report",
    "/thamgia": "join",
    "/hoidap": "helpdesk",
    "/ask": "helpdesk",
    "/nhohotro": "home_visit",
    "/homevisit": "home_visit",
    "/thongbao": "alerts",
    "/alerts": "alerts",
    "/yeucau": "requests",
    "/requests": "requests",
    "/thongtinphuong": "ward_entries",
    "/wardinfo": "ward_entries",
    "/hanbaocao": "deadlines",
    "/deadlines": "deadlines",
    "/nopbaocao": "submit_report",
    "/submitted": "submit_report",
    "/tatnhac": "nudges",
    "/batnhac": "nudges",
    "/nhacnho": "nudges",
    "/nudgeoff": "nudges",
    "/nudgeon": "nudges",
    "/nudges": "nudges",
    "/giobaocao": "tally_time",
    "/reporttime": "tally_time",
}


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
