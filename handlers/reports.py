"""The weekly report: last week's figures for a ward (ward staff) or a team (team leaders),
with a chart and a spreadsheet. The scheduler sends it every week; staff and leaders can ask
for any past week here, in chat. Every report made is recorded in the audit log."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

from bot import dates
from bot.core import Attachment, Choice, Reply
from bot.dates import read_when
from bot.files import FileStore
from bot.flow import LOCAL_TZ, Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from handlers import vocab
from handlers.report_files import ReportData, chart_png, workbook_xlsx
from handlers.stats import render_tally
from storage import access, audit, helpdesk, stats, wards
from storage.access import Scope, View, Who
from storage.db import Session
from storage.models import Member, Role

# Names listed in a chat message before "and N more" (Zalo caps a message at 2000 chars).
MAX_NAMES = 12
WEEKS_OFFERED = 4


async def build_weekly(
    db: Session,
    files: FileStore,
    scope: Scope,
    start: dt.date,
    today: dt.date,
    t: Translator,
) -> Reply:
    """The report of the week starting on Monday `start`: text, chart and workbook."""
    draft = await gather_weekly(db, scope, start, today, t)
    return await render_weekly_files(files, draft, t)


@dataclass(slots=True)
class WeeklyDraft:
    """What a weekly report needs from the database; rendering it needs none."""

    text: str
    data: ReportData
    week: str
    ward_id: int


async def gather_weekly(
    db: Session, scope: Scope, start: dt.date, today: dt.date, t: Translator
) -> WeeklyDraft:
    """The figures and the message of the week (database reads only)."""
    report = await stats.weekly_report(db, scope, start, today)
    rows = await stats.session_rows(db, scope, start, report.tally.end)
    if scope.group_id is not None:
        group = await wards.get_group(db, scope.group_id)
        title = t("report-title-team", name=group.name if group else "")
    else:
        ward = await wards.get(db, scope.ward_id)
        title = t("report-title-ward", name=ward.name if ward else "")
    week = stats.iso_week(start)
    text = render_weekly(t, report, title)
    if scope.group_id is None:
        # What residents asked the help desk in vain this week: what the answers lack.
        since = dt.datetime.combine(start, dt.time(), LOCAL_TZ)
        asked = await helpdesk.top_unanswered(
            db, scope.ward_id, since, since + dt.timedelta(days=7), limit=5
        )
        if asked:
            text += "\n" + t("report-unanswered")
            text += "".join(
                "\n" + t("report-unanswered-line", n=q.count, question=q.question) for q in asked
            )
    return WeeklyDraft(text, report_data(t, report, rows, title, week), week, scope.ward_id)


async def render_weekly_files(files: FileStore, draft: WeeklyDraft, t: Translator) -> Reply:
    """The chart and the workbook, rendered off the event loop, with the message."""
    text, data, week, ward = draft.text, draft.data, draft.week, draft.ward_id
    png, xlsx = await asyncio.to_thread(_render, data)
    image = await asyncio.to_thread(files.save, png, f"tally-{week}.png", ward_id=ward)
    sheet = await asyncio.to_thread(files.save, xlsx, f"tally-{week}.xlsx", ward_id=ward)
    return Reply(
        text,
        attachments=[
            Attachment("image", image, t("report-chart-caption", week=week)),
            Attachment("file", sheet, t("report-file-caption", week=week)),
        ],
    )


def _render(data: ReportData) -> tuple[bytes, bytes]:
    return chart_png(data), workbook_xlsx(data)


def _change(t: Translator, now: int, before: int) -> str:
    if before == 0:
        return t("report-change-new") if now else t("report-change-none")
    pct = round((now - before) * 100 / before)
    return t("report-change", diff=f"{now - before:+d}", pct=f"{pct:+d}")


def _names(t: Translator, names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMES])
    if len(names) > MAX_NAMES:
        shown += t("report-and-more", n=len(names) - MAX_NAMES)
    return shown


def render_weekly(t: Translator, report: stats.WeeklyReport, title: str) -> str:
    """The report as a chat message: the tally, then what staff and leaders act on."""
    week = report.tally
    # The full lists by group and by member are in the workbook; the message stays short.
    body = stats.Tally(week.start, week.end, week.sessions, week.residents)
    body.by_topic, body.by_priority = week.by_topic, week.by_priority
    lines = [render_tally(t, body, title)]
    lines.append(
        t(
            "report-vs-last-week",
            sessions=_change(t, week.sessions, report.previous_sessions),
            before=report.previous_sessions,
        )
    )
    if week.by_group:
        active = len(week.by_group) - len(report.idle_groups)
        lines.append(t("stats-active-groups", active=active, total=len(week.by_group)))
        if report.idle_groups:
            lines.append(
                t(
                    "report-idle-groups",
                    n=len(report.idle_groups),
                    names=_names(t, report.idle_groups),
                )
            )
    lines.append(
        t("report-follow-ups", open=report.open_follow_ups, overdue=report.overdue_follow_ups)
    )
    if report.top_groups:
        lines.append(t("report-top-groups"))
        lines += [
            t("report-rank-line", rank=i, name=g.name, sessions=g.sessions, residents=g.residents)
            for i, g in enumerate(report.top_groups, 1)
        ]
    if report.top_members:
        lines.append(t("report-top-members"))
        lines += [
            t("report-rank-line", rank=i, name=m.name, sessions=m.sessions, residents=m.residents)
            for i, m in enumerate(report.top_members, 1)
        ]
    return "\n".join(lines)


def report_data(
    t: Translator,
    report: stats.WeeklyReport,
    rows: list[stats.SessionRow],
    title: str,
    week: str,
) -> ReportData:
    """The chart's and the workbook's content. The sessions sheet holds categories and
    counts only: no volunteer, no resident, and no free-text note (a note may hold a phone
    number). Members' names appear only in the per-member tally, which is the recognition
    the emulation movement asks for and what team leaders and staff already see in chat."""
    tally = report.tally
    ward_wide = bool(tally.by_group)
    bars_source = tally.by_group if ward_wide else tally.by_member
    topics = sorted(tally.by_topic.items(), key=lambda kv: (-kv[1], kv[0]))
    priorities = sorted(tally.by_priority.items(), key=lambda kv: (-kv[1], kv[0]))
    period = f"{tally.start:%d/%m/%Y} – {tally.end:%d/%m/%Y}"
    line_header = [t("report-col-name"), t("report-col-sessions"), t("report-col-residents")]
    sheets: list[tuple[str, list[str], list[list[object]]]] = [
        (
            t("report-sheet-topics"),
            [t("report-col-topic"), t("report-col-sessions")],
            [[vocab.label(t, "topic", k), n] for k, n in topics],
        ),
        (
            t("report-sheet-priority"),
            [t("report-col-priority"), t("report-col-sessions")],
            [[vocab.label(t, "priority", k), n] for k, n in priorities],
        ),
    ]
    if ward_wide:
        sheets.append(
            (
                t("report-sheet-groups"),
                line_header,
                [[g.name, g.sessions, g.residents] for g in tally.by_group],
            )
        )
    sheets.append(
        (
            t("report-sheet-members"),
            line_header,
            [[m.name, m.sessions, m.residents] for m in tally.by_member],
        )
    )
    sheets.append(
        (
            t("report-sheet-sessions"),
            [
                t("report-col-date"),
                t("report-col-group"),
                t("report-col-residents"),
                t("report-col-topic"),
                t("report-col-priority"),
                t("report-col-place"),
                t("report-col-outcome"),
            ],
            [
                [
                    r.occurred_on,
                    r.group,
                    r.residents,
                    vocab.labels(t, "topic", sorted(r.topics)),
                    vocab.labels(t, "priority", sorted(r.priority_groups)),
                    vocab.label(t, "place", r.place),
                    vocab.label(t, "outcome", r.outcome),
                ]
                for r in rows
            ],
        )
    )
    summary: list[tuple[str, object]] = [
        (t("report-col-report"), title),
        (t("report-col-week"), f"{week} ({period})"),
        (t("report-col-sessions"), tally.sessions),
        (t("report-col-residents"), tally.residents),
        (t("report-col-previous"), report.previous_sessions),
        (t("report-col-open-fu"), report.open_follow_ups),
        (t("report-col-overdue-fu"), report.overdue_follow_ups),
    ]
    if ward_wide:
        summary.append(
            (
                t("report-col-active"),
                f"{len(tally.by_group) - len(report.idle_groups)}/{len(tally.by_group)}",
            )
        )
    return ReportData(
        title=f"{title} · {week} ({period})",
        bars_title=t("report-chart-groups") if ward_wide else t("report-chart-members"),
        bars=[(line.name, line.sessions) for line in bars_source],
        topics_title=t("report-chart-topics"),
        topics=[(vocab.label(t, "topic", k), n) for k, n in topics],
        summary_title=t("report-sheet-summary"),
        summary=summary,
        sheets=sheets,
    )


def report_scope(member: Member) -> Scope:
    """Ward staff get their ward's report, team leaders their team's."""
    view = View.WARD if member.role == Role.STAFF else View.TEAM
    return access.scope_for(member, view)


class ReportFlow(Flow):
    """Staff and team leaders ask for the weekly report of any past week."""

    name = "report"
    first_step = "week"
    who = Who.MANAGER
    menu = MenuEntry("report-menu", 70)
    summary = "cmd-report"

    @step(text=True)
    async def ask_week(self, ctx: Context) -> None:
        """Which week: the last few as buttons, or any week typed as a date or 2026-W45."""
        this_monday = stats.week_of(ctx.today)[0]
        choices = [
            Choice(
                this_monday.isoformat(),
                ctx.t("report-this-week-choice", start=f"{this_monday:%d/%m}"),
                aliases("report-this-week-choice"),
            )
        ]
        for back in range(1, WEEKS_OFFERED + 1):
            start = this_monday - dt.timedelta(weeks=back)
            end = start + dt.timedelta(days=6)
            label = ctx.t("report-week-choice", start=f"{start:%d/%m}", end=f"{end:%d/%m}")
            choices.append(Choice(start.isoformat(), label))
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        example = stats.iso_week(this_monday - dt.timedelta(weeks=6))
        ctx.ask(ctx.t("report-ask-week", example=example), choices)

    async def on_week(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.done()
            return
        if answer.key is not None:
            start = dt.date.fromisoformat(answer.key)
        else:
            when = read_when(answer.text, ctx.today)
            if when is None or when.start.year < 2020:
                ctx.say(ctx.t("report-week-invalid"))
                ctx.goto("week", self.name)
                return
            if when.kind == "month":
                ctx.say(ctx.t("report-week-not-month", understood=vocab.when_text(ctx.t, when)))
                ctx.goto("week", self.name)
                return
            start = stats.week_of(when.start)[0]
        if start > ctx.today:
            week = vocab.when_text(ctx.t, dates.week_of(start))
            ctx.say(ctx.t("report-week-future", understood=week))
            ctx.goto("week", self.name)
            return
        member = ctx.member
        assert member is not None
        try:
            scope = report_scope(member)
        except access.NotAllowed:
            ctx.say(ctx.t("not-allowed"))
            ctx.done()
            return
        reply = await build_weekly(ctx.db, ctx.files, scope, start, ctx.today, ctx.t)
        audit.record(
            ctx.db,
            "report.exported",
            actor_member_id=member.id,
            ward_id=member.ward_id,
            week=stats.iso_week(start),
            group_id=scope.group_id,
            via="chat",
        )
        ctx.replies.append(reply)
        ctx.done()
