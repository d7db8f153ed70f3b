"""Reporting deadlines in chat. Ward staff set them (one date, weekly, monthly, yearly),
list them, see which residential groups have not handed in the current report, and delete
them. Team leaders mark a report as handed in (/nopbaocao), which stops the reminders for
that period for their group."""

from __future__ import annotations

import datetime as dt
import re

from bot.core import Choice
from bot.dates import read_day
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from storage import deadlines
from storage.access import Who
from storage.db import Session
from storage.models import Deadline, DeadlineKind, Role

MAX_TITLE = 200
MAX_SHOWN = 20
_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$")


def weekday_choices(t: Translator) -> list[Choice]:
    """Monday (0) to Sunday (6)."""
    return [Choice(str(n), t(f"dl-weekday-{n}"), aliases(f"dl-weekday-{n}")) for n in range(7)]


def parse_day_month(text: str, today: dt.date) -> tuple[int, int, int | None]:
    """ "05/11", "5-11-2026" -> (day, month, year or None); ValueError for anything else
    (including a day the month does not have)."""
    found = _DATE.match(text.strip())
    if not found:
        raise ValueError(text)
    day, month = int(found[1]), int(found[2])
    year = int(found[3]) if found[3] else None
    if year is not None and year < 100:
        year += 2000
    dt.date(year or 2024, month, day)  # 2024: a leap year, so 29/02 passes as yearly
    return day, month, year


async def describe(db: Session, t: Translator, deadline: Deadline, today: dt.date) -> list[str]:
    """A deadline as staff read it (in chat and on the ward's pages): when, for whom, the
    reminders, and the groups that have not handed in the current period's report."""
    lines = [
        t("dl-detail", title=deadline.title, when=when_text(t, deadline)),
        t("dl-detail-who", roles=roles_text(t, deadlines.roles_of(deadline))),
        t("dl-detail-offsets", offsets=offsets_text(t, deadlines.offsets_of(deadline))),
    ]
    period = deadlines.current_period(deadline, today)
    if period is None:
        lines.append(t("dl-detail-past"))
    elif Role.LEADER.value in deadlines.roles_of(deadline):
        missing = await deadlines.missing_groups(db, deadline, period)
        due = period.strftime("%d/%m/%Y")
        if missing:
            names = ", ".join(g.name for g in missing)
            lines.append(t("dl-missing", due=due, n=len(missing), names=names))
        else:
            lines.append(t("dl-all-in", due=due))
    return lines


def when_text(t: Translator, deadline: Deadline) -> str:
    kind = DeadlineKind(deadline.kind)
    if kind is DeadlineKind.ONCE:
        assert deadline.on_date is not None
        return t("dl-when-once", date=deadline.on_date.strftime("%d/%m/%Y"))
    if kind is DeadlineKind.WEEKLY:
        return t("dl-when-weekly", weekday=t(f"dl-weekday-{deadline.weekday}"))
    if kind is DeadlineKind.MONTHLY:
        return t("dl-when-monthly", day=deadline.day)
    return t("dl-when-yearly", date=f"{deadline.day:02d}/{deadline.month:02d}")


def roles_text(t: Translator, roles: set[str] | list[str]) -> str:
    return ", ".join(t(f"dl-role-{r}") for r in sorted(roles))


def offsets_text(t: Translator, offsets: list[int]) -> str:
    return ", ".join(t("dl-offset", n=n) for n in offsets)


class DeadlineFlow(Flow):
    """Ward staff: the ward's deadlines, who has not handed in, add and delete."""

    name = "deadlines"
    first_step = "pick"
    who = Who.STAFF
    menu = MenuEntry("dl-menu", 90)
    summary = "cmd-deadlines"

    @step()
    async def ask_pick(self, ctx: Context) -> None:
        assert ctx.member is not None
        found = await deadlines.of_ward(ctx.db, ctx.member.ward_id)
        choices = [Choice("add", ctx.t("dl-add"), aliases("dl-add"))]
        choices += [
            Choice(str(d.id), f"{d.title} · {when_text(ctx.t, d)}") for d in found[:MAX_SHOWN]
        ]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        title = ctx.t("dl-list", n=len(found)) if found else ctx.t("dl-none")
        ctx.ask(title, choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
        elif answer.key == "add":
            ctx.data = {}
            ctx.goto("title", self.name)
        else:
            ctx.data = {"id": int(answer.key)}
            ctx.goto("detail", self.name)

    async def _deadline(self, ctx: Context) -> Deadline | None:
        assert ctx.member is not None
        return await deadlines.get(ctx.db, ctx.member.ward_id, int(ctx.data.get("id", 0)))

    @step()
    async def ask_detail(self, ctx: Context) -> None:
        """The deadline, its current period, and the groups that have not handed it in."""
        deadline = await self._deadline(ctx)
        if deadline is None:
            ctx.say(ctx.t("dl-gone"))
            ctx.goto("pick", self.name)
            return
        t = ctx.t
        lines = await describe(ctx.db, t, deadline, ctx.today)
        ctx.ask(
            "\n".join(lines),
            [
                Choice("delete", t("dl-delete"), aliases("dl-delete")),
                Choice("back", t("btn-back"), aliases("btn-back")),
            ],
        )

    async def on_detail(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "delete":
            ctx.goto("delete", self.name)
        else:
            ctx.goto("pick", self.name)

    @step()
    async def ask_delete(self, ctx: Context) -> None:
        deadline = await self._deadline(ctx)
        if deadline is None:
            ctx.say(ctx.t("dl-gone"))
            ctx.goto("pick", self.name)
            return
        ctx.ask(
            ctx.t("dl-delete-confirm", title=deadline.title),
            [
                Choice("yes", ctx.t("dl-delete-yes"), aliases("dl-delete-yes")),
                Choice("no", ctx.t("dl-delete-no"), aliases("dl-delete-no")),
            ],
        )

    async def on_delete(self, ctx: Context, answer: Answer) -> None:
        assert ctx.member is not None
        if answer.key == "yes":
            ok = await deadlines.remove(
                ctx.db, ctx.member.ward_id, int(ctx.data.get("id", 0)), ctx.member.id
            )
            ctx.say(ctx.t("dl-deleted" if ok else "dl-gone"))
        ctx.data = {}
        ctx.goto("pick", self.name)

    # -- a new deadline: title, kind, when, who, reminders, confirm; saved only at the end --

    @step(text=True)
    async def ask_title(self, ctx: Context) -> None:
        ctx.ask(ctx.t("dl-ask-title", max=MAX_TITLE), [Choice("back", ctx.t("btn-back"))])

    async def on_title(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.goto("pick", self.name)
            return
        title = " ".join(answer.text.split())
        if not title or len(title) > MAX_TITLE:
            ctx.say(ctx.t("dl-bad-title", max=MAX_TITLE))
            ctx.goto("title", self.name)
            return
        ctx.data["title"] = title
        ctx.goto("kind", self.name)

    @step()
    async def ask_kind(self, ctx: Context) -> None:
        t = ctx.t
        ctx.ask(
            t("dl-ask-kind"),
            [
                Choice("once", t("dl-kind-once"), aliases("dl-kind-once")),
                Choice("weekly", t("dl-kind-weekly"), aliases("dl-kind-weekly")),
                Choice("monthly", t("dl-kind-monthly"), aliases("dl-kind-monthly")),
                Choice("yearly", t("dl-kind-yearly"), aliases("dl-kind-yearly")),
                Choice("back", t("btn-back"), aliases("btn-back")),
            ],
        )

    async def on_kind(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("title", self.name)
            return
        ctx.data["kind"] = answer.key
        ctx.goto("when", self.name)

    @step(text=True)
    async def ask_when(self, ctx: Context) -> None:
        kind = ctx.data["kind"]
        choices = weekday_choices(ctx.t) if kind == "weekly" else []
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t(f"dl-ask-when-{kind}"), choices)

    async def on_when(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.goto("kind", self.name)
            return
        kind = DeadlineKind(ctx.data["kind"])
        text = answer.text.strip()
        try:
            if kind is DeadlineKind.WEEKLY:
                if answer.key is None:
                    raise ValueError(text)
                ctx.data["weekday"] = int(answer.key)
            elif kind is DeadlineKind.MONTHLY:
                if not text.isdecimal() or not 1 <= int(text) <= 31:
                    raise ValueError(text)
                ctx.data["day"] = int(text)
            elif kind is DeadlineKind.YEARLY:
                day, month, _ = parse_day_month(text, ctx.today)
                ctx.data["day"], ctx.data["month"] = day, month
            else:
                on = self._one_date(text, ctx.today)
                if on < ctx.today:
                    ctx.say(ctx.t("dl-date-past"))
                    ctx.goto("when", self.name)
                    return
                ctx.data["on_date"] = on.isoformat()
        except ValueError:
            ctx.say(ctx.t(f"dl-bad-when-{kind.value}"))
            ctx.goto("when", self.name)
            return
        ctx.goto("roles", self.name)

    @staticmethod
    def _one_date(text: str, today: dt.date) -> dt.date:
        """A deadline's date: "05/11" (the next one), "05/11/2026", or words such as
        "ngày mai", "thứ sáu" (the next Friday); ValueError for anything else."""
        try:
            day, month, year = parse_day_month(text, today)
        except ValueError:
            said = read_day(text, today, forward=True)
            if said is None:
                raise
            return said
        on = dt.date(year or today.year, month, day)
        if year is None and on < today:
            on = dt.date(on.year + 1, month, day)
        return on

    @step()
    async def ask_roles(self, ctx: Context) -> None:
        t = ctx.t
        ctx.ask(
            t("dl-ask-roles"),
            [
                Choice("leader", t("dl-roles-leader"), aliases("dl-roles-leader")),
                Choice("staff", t("dl-roles-staff"), aliases("dl-roles-staff")),
                Choice("both", t("dl-roles-both"), aliases("dl-roles-both")),
            ],
        )

    async def on_roles(self, ctx: Context, answer: Answer) -> None:
        roles = {"leader": ["leader"], "staff": ["staff"]}.get(
            answer.key or "", ["leader", "staff"]
        )
        ctx.data["roles"] = roles
        ctx.goto("offsets", self.name)

    @step(text=True)
    async def ask_offsets(self, ctx: Context) -> None:
        default = offsets_text(ctx.t, list(deadlines.DEFAULT_OFFSETS))
        ctx.ask(
            ctx.t("dl-ask-offsets", default=default),
            [Choice("default", ctx.t("dl-offsets-default"), aliases("dl-offsets-default"))],
        )

    async def on_offsets(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "default":
            ctx.data["offsets"] = list(deadlines.DEFAULT_OFFSETS)
        else:
            try:
                ctx.data["offsets"] = deadlines.parse_offsets(answer.text)
            except ValueError:
                ctx.say(ctx.t("dl-bad-offsets", max=deadlines.MAX_OFFSET))
                ctx.goto("offsets", self.name)
                return
        ctx.goto("confirm", self.name)

    def _draft(self, ctx: Context) -> Deadline:
        d = ctx.data
        return Deadline(
            title=d["title"],
            kind=d["kind"],
            on_date=dt.date.fromisoformat(d["on_date"]) if d.get("on_date") else None,
            weekday=d.get("weekday"),
            day=d.get("day"),
            month=d.get("month"),
            roles=",".join(sorted(d["roles"])),
            offsets=",".join(str(n) for n in d["offsets"]),
        )

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        draft, t = self._draft(ctx), ctx.t
        first = deadlines.next_due(draft, ctx.today)
        ctx.ask(
            t(
                "dl-confirm",
                title=draft.title,
                when=when_text(t, draft),
                roles=roles_text(t, ctx.data["roles"]),
                offsets=offsets_text(t, ctx.data["offsets"]),
                first=first.strftime("%d/%m/%Y") if first else "-",
            ),
            [
                Choice("save", t("dl-save"), aliases("dl-save")),
                Choice("cancel", t("ann-cancel"), aliases("ann-cancel")),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        assert ctx.member is not None
        if answer.key != "save":
            ctx.say(ctx.t("cancelled"))
            ctx.data = {}
            ctx.goto("pick", self.name)
            return
        draft = self._draft(ctx)
        await deadlines.add(
            ctx.db,
            ctx.member.ward_id,
            title=draft.title,
            kind=DeadlineKind(draft.kind),
            on_date=draft.on_date,
            weekday=draft.weekday,
            day=draft.day,
            month=draft.month,
            roles=ctx.data["roles"],
            offsets=ctx.data["offsets"],
            member_id=ctx.member.id,
        )
        ctx.say(ctx.t("dl-saved", title=draft.title))
        ctx.data = {}
        ctx.goto("pick", self.name)


class SubmitFlow(Flow):
    """Team leaders: the reports their group still owes; tapping one marks it handed in."""

    name = "submit_report"
    first_step = "pick"
    who = Who.LEADER
    menu = MenuEntry("dl-menu-submit", 95)
    summary = "cmd-submitted"

    @step()
    async def ask_pick(self, ctx: Context) -> None:
        member = ctx.member
        assert member is not None and member.group_id is not None
        owed = await deadlines.open_for_group(ctx.db, member.ward_id, member.group_id, ctx.today)
        if not owed:
            ctx.say(ctx.t("dl-nothing-owed"))
            ctx.done()
            return
        choices = [
            Choice(
                f"{d.id}:{period.isoformat()}",
                ctx.t("dl-owed-line", title=d.title, due=period.strftime("%d/%m")),
            )
            for d, period in owed[:MAX_SHOWN]
        ]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("dl-ask-submitted", n=len(owed)), choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        member = ctx.member
        assert member is not None and member.group_id is not None
        ident, _, period_text = answer.key.partition(":")
        deadline = await deadlines.get(ctx.db, member.ward_id, int(ident))
        if deadline is None:
            ctx.say(ctx.t("dl-gone"))
        else:
            period = dt.date.fromisoformat(period_text)
            await deadlines.submit(ctx.db, deadline, period, member.group_id, member.id, ctx.now)
            ctx.say(ctx.t("dl-submitted", title=deadline.title, due=period.strftime("%d/%m")))
        ctx.goto("pick", self.name)
