"""Reports for any period: a week, a month, a quarter, a year, the movement's whole period
(2026–2030) or any two days, for a ward (ward staff) or a team (team leaders). Each report is
a chat message, a chart made for a phone and a workbook made for an office; the scheduler
sends the weekly one, and `ngoso report` makes any of them on the command line. Every report
made is recorded in the audit log."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

from bot import dates
from bot.core import Attachment, Choice, Reply
from bot.dates import When, read_period
from bot.files import FileStore
from bot.flow import LOCAL_TZ, Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from handlers import vocab
from handlers.annual import build_annual
from handlers.periods import (
    Progress,
    counter_keys,
    period_figures,
    period_key,
    period_words,
    roman_quarter,
    target_progress,
)
from handlers.report_files import (
    Column,
    Panel,
    ReportData,
    Table,
    chart_png,
    file_name,
    workbook_xlsx,
)
from handlers.stats import breakdown
from storage import access, audit, forms, helpdesk, stats, wards
from storage.access import Scope, View, Who
from storage.db import Session
from storage.forms import WardForm
from storage.models import Member, Role

# Names listed in a chat message before "and N more" (Zalo caps a message at 2000 chars).
MAX_NAMES = 12
# The longest period whose workbook lists each session (a quarter); longer ones go by month.
DETAIL_SPAN = dt.timedelta(days=92)
# Reports are about the movement's years; a typed year before this is a slip.
EARLIEST_YEAR = 2020


@dataclass(slots=True)
class ReportDraft:
    """What a report needs from the database; rendering it needs none."""

    text: str
    data: ReportData
    period: str  # in words
    key: str  # 2026-W47
    stem: str  # Bao-cao-Phuong-Le-Thanh-Nghi-thang-11-2026
    ward_id: int
    report: stats.WeeklyReport | None = None  # the figures, for an annual draft made with it


# The scheduler's names for the weekly case.
WeeklyDraft = ReportDraft


async def gather_report(
    db: Session, scope: Scope, when: When, today: dt.date, t: Translator
) -> ReportDraft:
    """The figures and the message of a period (database reads only)."""
    report = await period_figures(db, scope, when, today)
    # Each session listed for up to a quarter; a longer period goes month by month (a year
    # of a busy ward is tens of thousands of rows: not what an office reads, and slow).
    detailed = when.end - when.start <= DETAIL_SPAN
    rows = await stats.session_rows(db, scope, when.start, when.end) if detailed else []
    months = (
        await stats.by_month(db, scope, when.start, when.end)
        if when.start.replace(day=1) != when.end.replace(day=1)
        else []
    )
    form = await forms.load(db, scope.ward_id)
    ward = await wards.get(db, scope.ward_id)
    ward_name = ward.name if ward else ""
    if scope.group_id is not None:
        group = await wards.get_group(db, scope.group_id)
        name = f"{group.name if group else ''}, {ward_name}"
    else:
        name = ward_name
    period = period_words(t, when)
    progress = await target_progress(db, scope, when, today, t, form)
    active_target = (await forms.targets(db, scope.ward_id)).get(forms.ACTIVE_GROUPS, 100)
    text = render_report(t, report, when, name, form, progress, active_target)
    if scope.group_id is None:
        # What residents asked the help desk in vain: what the answers lack.
        since = dt.datetime.combine(when.start, dt.time(), LOCAL_TZ)
        until = dt.datetime.combine(when.end + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
        asked = await helpdesk.top_unanswered(db, scope.ward_id, since, until, limit=5)
        if asked:
            text += "\n" + t("report-unanswered")
            text += "".join(
                "\n" + t("report-unanswered-line", n=q.count, question=q.question) for q in asked
            )
    data = report_data(t, report, rows, when, name, form, today, progress, months, detailed)
    stem = file_name(t("report-file-word"), name, period, suffix="x").removesuffix(".x")
    return ReportDraft(text, data, period, period_key(when), stem, scope.ward_id, report)


async def gather_weekly(
    db: Session, scope: Scope, start: dt.date, today: dt.date, t: Translator
) -> ReportDraft:
    return await gather_report(db, scope, dates.week_of(start), today, t)


async def render_report_files(files: FileStore, draft: ReportDraft, t: Translator) -> Reply:
    """The chart and the workbook, rendered off the event loop, with the message."""
    png, xlsx = await asyncio.to_thread(_render, draft.data)
    ward = draft.ward_id
    image = await asyncio.to_thread(files.save, png, f"{draft.stem}.png", ward_id=ward)
    sheet = await asyncio.to_thread(files.save, xlsx, f"{draft.stem}.xlsx", ward_id=ward)
    return Reply(
        draft.text,
        attachments=[
            Attachment("image", image, t("report-chart-caption", period=draft.period)),
            Attachment("file", sheet, t("report-file-caption", period=draft.period)),
        ],
    )


render_weekly_files = render_report_files


async def build_report(
    db: Session,
    files: FileStore,
    scope: Scope,
    when: When,
    today: dt.date,
    t: Translator,
    *,
    annual: bool = False,
) -> Reply:
    """The report's message, chart and workbook; with `annual`, its draft .docx as well,
    from the same figures."""
    draft = await gather_report(db, scope, when, today, t)
    reply = await render_report_files(files, draft, t)
    if annual:
        name = await build_annual(db, files, scope, when, today, t, draft.report)
        caption = t("annual-caption", period=draft.period)
        reply.attachments.append(Attachment("file", name, caption))
    return reply


async def build_weekly(
    db: Session, files: FileStore, scope: Scope, start: dt.date, today: dt.date, t: Translator
) -> Reply:
    """The report of the week starting on Monday `start`: text, chart and workbook."""
    return await build_report(db, files, scope, dates.week_of(start), today, t)


def _render(data: ReportData) -> tuple[bytes, bytes]:
    return chart_png(data), workbook_xlsx(data)


# -- the message -----------------------------------------------------------------------------


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


def render_report(
    t: Translator,
    report: stats.WeeklyReport,
    when: When,
    name: str,
    form: WardForm,
    progress: list[Progress] | None = None,
    active_target: int = 100,
) -> str:
    """The report as a chat message: the figures, then what staff and leaders act on."""
    tally = report.tally
    lines = [
        t("report-header", name=name, period=period_words(t, when)),
        *(
            []
            if when.kind in ("range", "day")
            else [t("report-dates", start=f"{tally.start:%d/%m/%Y}", end=f"{tally.end:%d/%m/%Y}")]
        ),
        t("stats-totals", sessions=tally.sessions, residents=tally.residents),
    ]
    if report.compared:
        lines.append(
            t(
                "report-vs-before",
                before_name=t(f"report-before-{when.kind}"),
                sessions=_change(t, tally.sessions, report.previous_sessions),
                before=report.previous_sessions,
            )
        )
    counters = counter_keys(t, form, report)
    if counters:
        lines.append(t("report-counters"))
        for key in counters:
            value = tally.by_counter.get(key, 0)
            change = ""
            if report.compared:
                diff = value - report.previous_counts.get(key, 0)
                change = t("report-counter-change", diff=f"{diff:+d}")
            label = vocab.label(t, "counter", key, form)
            lines.append(t("report-counter-line", name=label, value=value, change=change))
    for goal in progress or []:
        lines.append(
            t(
                "report-target-line",
                name=goal.label,
                done=goal.done,
                target=goal.target,
                pct=round(100 * goal.share),
                year=str(goal.year),
            )
        )
    lines += breakdown(t, tally, form)
    if tally.by_group:
        active = len(tally.by_group) - len(report.idle_groups)
        total = len(tally.by_group)
        lines.append(
            t(
                "report-active-share",
                active=active,
                total=total,
                pct=round(100 * active / total),
                target=active_target,
            )
        )
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
    several_weeks = tally.end - tally.start >= dt.timedelta(days=7)
    for title, ranked in (
        ("report-top-groups", report.top_groups),
        ("report-top-members", report.top_members),
    ):
        if not ranked:
            continue
        lines.append(t(title))
        for line in ranked:
            text = t(
                "report-rank-line",
                rank=line.rank,
                name=line.name,
                sessions=line.sessions,
                residents=line.residents,
            )
            if several_weeks:
                text += t("report-rank-weeks", active=line.active_weeks, weeks=line.weeks)
            lines.append(text)
        if several_weeks:
            lines.append(t("report-rank-fair"))
    return "\n".join(lines)


# -- the chart's and the workbook's content --------------------------------------------------


def report_data(
    t: Translator,
    report: stats.WeeklyReport,
    rows: list[stats.SessionRow],
    when: When,
    name: str,
    form: WardForm,
    today: dt.date,
    progress: list[Progress] | None = None,
    months: list[stats.MonthLine] | None = None,
    detailed: bool = True,
) -> ReportData:
    """The chart's and the workbook's content. The sessions sheet holds categories and
    counts only: no volunteer, no resident, and no free-text note (a note may hold a phone
    number). Members' names appear only in the per-member tally, which is the recognition
    the emulation movement asks for and what team leaders and staff already see in chat."""
    tally = report.tally
    ward_wide = bool(tally.by_group)
    counters = counter_keys(t, form, report)
    counter_labels = [vocab.label(t, "counter", k, form) for k in counters]
    topics = sorted(tally.by_topic.items(), key=lambda kv: (-kv[1], kv[0]))
    priorities = sorted(tally.by_priority.items(), key=lambda kv: (-kv[1], kv[0]))
    period = period_words(t, when)
    period_line = (
        period
        if when.kind in ("range", "day")
        else f"{period} ({tally.start:%d/%m/%Y} – {tally.end:%d/%m/%Y})"
    )

    # The summary: each indicator, this period and the one before.
    head = [t("report-col-indicator"), t("report-col-this")]
    kinds: list[Column] = ["text", "int"]
    if report.compared:
        head += [t("report-col-before"), t("report-col-change")]
        kinds += ["int", "int"]
    summary_rows: list[list[object]] = []

    def indicator(label: str, now: int, before: int | None) -> None:
        row: list[object] = [label, now]
        if report.compared:
            row += [before, None if before is None else now - before]
        summary_rows.append(row)

    indicator(t("report-col-sessions"), tally.sessions, report.previous_sessions)
    indicator(t("report-col-residents"), tally.residents, report.previous_residents)
    for key, label in zip(counters, counter_labels, strict=True):
        indicator(label, tally.by_counter.get(key, 0), report.previous_counts.get(key, 0))
    if ward_wide:
        active = len(tally.by_group) - len(report.idle_groups)
        indicator(t("report-col-active"), active, None)
        indicator(t("report-col-groups-total"), len(tally.by_group), None)
    indicator(t("report-col-open-fu"), report.open_follow_ups, None)
    indicator(t("report-col-overdue-fu"), report.overdue_follow_ups, None)

    line_head = [t("report-col-sessions"), t("report-col-residents"), *counter_labels]
    weeks_head = [t("report-col-active-weeks"), t("report-col-weeks")]
    line_kinds: list[Column] = ["int"] * (2 + len(counters))
    line_kinds += ["weeks", "weeks"]

    def line_row(line: stats.GroupLine) -> list[object]:
        return [
            line.name,
            line.sessions,
            line.residents,
            *[line.counts.get(k, 0) for k in counters],
            line.active_weeks,
            line.weeks,
        ]

    session_kinds: list[Column] = ["date", "text", "int", "text", "text", "text", "text"]
    session_kinds += ["int"] * len(counters)
    tables = [Table(t("report-sheet-summary"), head, kinds, summary_rows)]
    if progress:
        tables.append(
            Table(
                t("report-sheet-targets"),
                [
                    t("report-col-indicator"),
                    t("report-col-target", year=str(progress[0].year)),
                    t("report-col-done-ytd"),
                    t("report-col-share"),
                ],
                ["text", "int", "int", "percent"],
                [[g.label, g.target, g.done, g.share] for g in progress],
            )
        )
    if ward_wide:
        tables.append(
            Table(
                t("report-sheet-groups"),
                [t("report-col-group"), *line_head, *weeks_head],
                ["text", *line_kinds],
                [line_row(g) for g in tally.by_group],
                totals=t("report-totals"),
            )
        )
    tables.append(
        Table(
            t("report-sheet-members"),
            [t("report-col-name"), *line_head, *weeks_head],
            ["text", *line_kinds],
            [line_row(m) for m in tally.by_member],
            totals=t("report-totals"),
        )
    )
    tables.append(
        Table(
            t("report-sheet-topics"),
            [t("report-col-topic"), t("report-col-sessions")],
            ["text", "int"],
            [[vocab.label(t, "topic", k, form), n] for k, n in topics],
        )
    )
    tables.append(
        Table(
            t("report-sheet-priority"),
            [t("report-col-priority"), t("report-col-sessions")],
            ["text", "int"],
            [[vocab.label(t, "priority", k, form), n] for k, n in priorities],
        )
    )
    month_kinds: list[Column] = ["text"]
    month_kinds += ["int"] * (2 + len(counters))
    if months:
        tables.append(
            Table(
                t("report-sheet-months"),
                [
                    t("report-col-month"),
                    t("report-col-sessions"),
                    t("report-col-residents"),
                    *counter_labels,
                ],
                month_kinds,
                [
                    [
                        t("period-title-month", month=m.month.month, year=str(m.month.year)),
                        m.sessions,
                        m.residents,
                        *[m.counts.get(k, 0) for k in counters],
                    ]
                    for m in months
                ],
                totals=t("report-totals"),
            )
        )
    if detailed:
        tables.append(
            Table(
                t("report-sheet-sessions"),
                [
                    t("report-col-date"),
                    t("report-col-group"),
                    t("report-col-residents"),
                    t("report-col-topic"),
                    t("report-col-priority"),
                    t("report-col-place"),
                    t("report-col-outcome"),
                    *counter_labels,
                ],
                session_kinds,
                [
                    [
                        r.occurred_on,
                        r.group,
                        r.residents,
                        vocab.labels(t, "topic", sorted(r.topics), form),
                        vocab.labels(t, "priority", sorted(r.priority_groups), form),
                        vocab.label(t, "place", r.place),
                        vocab.label(t, "outcome", r.outcome),
                        *[r.counts.get(k) for k in counters],
                    ]
                    for r in rows
                ],
                totals=t("report-totals"),
            )
        )

    bars_source = tally.by_group if ward_wide else tally.by_member
    panels = [
        Panel(
            t("report-chart-groups") if ward_wide else t("report-chart-members"),
            [(line.name, line.sessions) for line in bars_source],
        ),
        Panel(t("report-chart-topics"), [(vocab.label(t, "topic", k, form), n) for k, n in topics]),
    ]
    if counters:
        panels.append(
            Panel(
                t("report-chart-counters"),
                [
                    (label, tally.by_counter.get(k, 0))
                    for k, label in zip(counters, counter_labels, strict=True)
                ],
            )
        )
    return ReportData(
        title=name,
        period=period_line,
        made=t("report-made", date=f"{today:%d/%m/%Y}")
        + ("" if detailed else " · " + t("report-by-month-note")),
        empty=t("report-empty"),
        panels=panels,
        tables=tables,
        more=t("report-chart-more"),
    )


def typed_period(t: Translator, text: str, today: dt.date) -> When | str:
    """A period typed by staff (in chat or on the ward's pages), or the message saying why
    it cannot be reported on: not understood, typed backwards, or in the future."""
    read = read_period(text, today)
    backwards = dates.reversed_range(text, today)
    if read is None and backwards is not None:
        return t(
            "report-range-reversed",
            start=f"{backwards[0]:%d/%m/%Y}",
            end=f"{backwards[1]:%d/%m/%Y}",
        )
    if read is None or read.start.year < EARLIEST_YEAR:
        return t("report-period-invalid")
    # A day typed alone stands for its week, as on a paper calendar.
    when = dates.week_of(read.start) if read.kind == "day" else read
    if when.start > today:
        return t("report-period-future", understood=period_words(t, when))
    return when


def report_scope(member: Member) -> Scope:
    """Ward staff get their ward's report, team leaders their team's."""
    view = View.WARD if member.role == Role.STAFF else View.TEAM
    return access.scope_for(member, view)


# -- asking for one in chat ------------------------------------------------------------------


class ReportFlow(Flow):
    """Staff and team leaders ask for the report of any period."""

    name = "report"
    first_step = "period"
    who = Who.MANAGER
    menu = MenuEntry("report-menu", 70)
    summary = "cmd-report"

    @step(text=True)
    async def ask_period(self, ctx: Context) -> None:
        """Which period: the usual ones as buttons, or any period typed."""
        t, today = ctx.t, ctx.today
        this_week = dates.week_of(today)
        last_week = dates.week_of(today - dt.timedelta(days=7))
        last_month = dates.month_of(today.replace(day=1) - dt.timedelta(days=1))
        offered = [
            ("this_week", t("report-this-week-choice", start=f"{this_week.start:%d/%m}")),
            (
                "last_week",
                t(
                    "report-last-week-choice",
                    start=f"{last_week.start:%d/%m}",
                    end=f"{last_week.end:%d/%m}",
                ),
            ),
            (
                "this_month",
                t("report-this-month-choice", month=today.month, year=str(today.year)),
            ),
            (
                "last_month",
                t(
                    "report-last-month-choice",
                    month=last_month.start.month,
                    year=str(last_month.start.year),
                ),
            ),
            (
                "this_quarter",
                t("report-this-quarter-choice", quarter=roman_quarter(today)),
            ),
            ("this_year", t("report-this-year-choice", year=str(today.year))),
            ("movement", t("report-movement-choice")),
        ]
        choices = [
            Choice(key, label, aliases(f"report-{key.replace('_', '-')}-choice"))
            for key, label in offered
        ]
        choices.append(Choice("back", t("btn-back"), aliases("btn-back")))
        example = stats.iso_week(this_week.start - dt.timedelta(weeks=6))
        ctx.ask(t("report-ask-period", example=example, year=str(today.year)), choices)

    def _chosen(self, ctx: Context, key: str) -> When:
        today = ctx.today
        return {
            "this_week": lambda: dates.week_of(today),
            "last_week": lambda: dates.week_of(today - dt.timedelta(days=7)),
            "this_month": lambda: dates.month_of(today),
            "last_month": lambda: dates.month_of(today.replace(day=1) - dt.timedelta(days=1)),
            "this_quarter": lambda: dates.quarter_of(today),
            "this_year": lambda: dates.year_of(today.year),
        }.get(key, dates.movement)()

    async def on_period(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.done()
            return
        if answer.key is not None:
            when = self._chosen(ctx, answer.key)
        else:
            typed = typed_period(ctx.t, answer.text, ctx.today)
            if isinstance(typed, str):
                ctx.say(typed)
                ctx.goto("period", self.name)
                return
            when = typed
        if when.start > ctx.today:
            ctx.say(ctx.t("report-period-future", understood=period_words(ctx.t, when)))
            ctx.goto("period", self.name)
            return
        member = ctx.member
        assert member is not None
        try:
            scope = report_scope(member)
        except access.NotAllowed:
            ctx.say(ctx.t("not-allowed"))
            ctx.done()
            return
        draft = await gather_report(ctx.db, scope, when, ctx.today, ctx.t)
        reply = await render_report_files(ctx.files, draft, ctx.t)
        detail: dict[str, object] = {"period": draft.key, "group_id": scope.group_id}
        if when.kind == "week":
            detail["week"] = draft.key
        audit.record(
            ctx.db,
            "report.exported",
            actor_member_id=member.id,
            ward_id=member.ward_id,
            via="chat",
            **detail,
        )
        ctx.replies.append(reply)
        ctx.data = {"period": [when.kind, when.start.isoformat(), when.end.isoformat()]}
        ctx.goto("after", self.name)

    @step(text=True)
    async def ask_after(self, ctx: Context) -> None:
        """The report stays on the screen: a short "Menu" button, not the whole menu."""
        choices = [Choice("menu", ctx.t("btn-short-menu"), aliases("btn-short-menu"))]
        if ctx.member is not None and ctx.member.role == Role.STAFF and ctx.data.get("period"):
            choices.append(Choice("annual", ctx.t("annual-button"), aliases("annual-button")))
        choices.append(Choice("again", ctx.t("report-another"), aliases("report-another")))
        ctx.ask(ctx.t("report-after"), choices)

    async def on_after(self, ctx: Context, answer: Answer) -> None:
        if answer.key is None:
            # Another period typed straight away ("2026-W46", "quý 3").
            await self.on_period(ctx, answer)
            return
        if answer.key == "again":
            ctx.goto("period", self.name)
            return
        period = ctx.data.get("period")
        if answer.key != "annual" or not period or ctx.member is None:
            ctx.done()
            return
        kind, start, end = period
        when = When(kind, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
        scope = report_scope(ctx.member)
        name = await build_annual(ctx.db, ctx.files, scope, when, ctx.today, ctx.t)
        audit.record(
            ctx.db,
            "report.annual_draft",
            actor_member_id=ctx.member.id,
            ward_id=ctx.member.ward_id,
            period=period_key(when),
            via="chat",
        )
        caption = ctx.t("annual-caption", period=period_words(ctx.t, when))
        ctx.replies.append(Reply(caption, attachments=[Attachment("file", name, caption)]))
        ctx.data = {}
        ctx.goto("after", self.name)
