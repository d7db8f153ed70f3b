"""The residents' help desk: a question typed the way people text gets a short, sourced,
step-by-step answer, a short list to pick from when the bot is unsure, or an honest "I don't
know" with a way to reach a volunteer. Topics can be browsed from a menu too.

Also here: asking the team to come and help at home, the ward's announcements, the team's
list of such requests, and ward staff writing their ward's own entries."""

from __future__ import annotations

import datetime as dt
import re

from bot.core import Choice, Reply
from bot.flow import Answer, Context, Flow
from bot.i18n import aliases
from bot.i18n import t as translate
from bot.knowledge import Entry, KnowledgeBase, Outcome, WardText, built_in, is_greeting
from bot.text import fold, mask_phone, phone_number, strip_personal_data
from storage import helpdesk, invites, wards
from storage.models import FollowUp, Member, Role, Ward

MAX_MENU_ENTRIES = 12
MAX_WARDS_SHOWN = 20
QUESTION_MAX = 300
WARD_TEXT_MAX = 1500
# 09x, 03x, 05x, 07x, 08x mobiles and landlines: 10-11 digits starting 0, or +84 / 84.
# A Vietnamese number: 0 and 9 digits (mobile) or 10 (landline, 02x...), or +84 / 84.
# Fewer words than this is a stray reply, not a question the knowledge base lacks.
MIN_QUESTION_WORDS = 3


async def resident_ward(ctx: Context) -> Ward | None:
    """The ward this person belongs to: a member's own; a resident's as they told us; the
    only ward of a deployment with one."""
    if ctx.member is not None:
        return await wards.get(ctx.db, ctx.member.ward_id)
    found = await helpdesk.profile(ctx.db, ctx.incoming.channel, ctx.incoming.chat_id)
    if found is not None:
        return await wards.get(ctx.db, found.ward_id)
    all_wards = await helpdesk.all_wards(ctx.db)
    return all_wards[0] if len(all_wards) == 1 else None


async def knowledge_for(ctx: Context, ward: Ward | None) -> KnowledgeBase:
    if ward is None:
        return built_in()
    rows = await helpdesk.ward_entries(ctx.db, ward.id)
    return built_in().with_ward(
        WardText(r.key, r.lang, r.title, r.body, r.source_url, r.reviewed_on, r.keywords, r.ward_id)
        for r in rows
    )


def render(ctx: Context, entry: Entry, ward: Ward | None) -> str:
    """Title, steps, then where it comes from and when it was last checked."""
    source = entry.source or (ward.name if ward else "")
    reviewed = entry.reviewed.strftime("%d/%m/%Y") if entry.reviewed else ""
    footer = ctx.t("hd-source", source=source, reviewed=reviewed)
    return f"{entry.title}\n\n{entry.body}\n\n{footer}"


def ward_choices(all_wards: list[Ward]) -> list[Choice]:
    return [Choice(str(w.id), w.name) for w in all_wards[:MAX_WARDS_SHOWN]]


class HelpDeskFlow(Flow):
    name = "helpdesk"
    first_step = "ask"
    text_steps = frozenset({"ask", "after", "choose", "unknown"})

    async def start(self, ctx: Context, query: str = "", **_: object) -> None:
        ctx.data = {}
        if query.strip():
            await self._search(ctx, query)
        else:
            ctx.goto("ask", self.name)

    async def ask_ask(self, ctx: Context) -> None:
        """ "Type your question, in a few words" with a way to browse topics instead."""
        ctx.ask(ctx.t("hd-ask"), self._ways_on(ctx, "ask"))

    async def on_ask(self, ctx: Context, answer: Answer) -> None:
        await self._way_on(ctx, answer)

    async def ask_choose(self, ctx: Context) -> None:
        """ "Did you mean..." with the two or three closest topics."""
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        choices = []
        for key in ctx.data.get("candidates", []):
            entry = kb.entry(key, ctx.lang)
            if entry is not None:
                choices.append(Choice(key, entry.title))
        choices.append(
            Choice("none_of_these", ctx.t("hd-btn-none-of-these"), aliases("hd-btn-none-of-these"))
        )
        ctx.ask(ctx.t("hd-choose"), choices)

    async def on_choose(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "none_of_these":
            await self._unanswered(ctx, ctx.data.get("question", ""))
        elif answer.key is not None and answer.key in ctx.data.get("candidates", []):
            await self._show(ctx, answer.key)
        else:
            await self._search(ctx, answer.text)

    async def ask_unknown(self, ctx: Context) -> None:
        """ "I don't know this one" and the hand-off, the topics, or another question."""
        ctx.ask(ctx.t("hd-unknown"), self._ways_on(ctx, "unknown"))

    async def on_unknown(self, ctx: Context, answer: Answer) -> None:
        await self._way_on(ctx, answer)

    async def ask_after(self, ctx: Context) -> None:
        """After an answer: another question, the topics, a volunteer, or the main menu."""
        ctx.ask(ctx.t("hd-after"), self._ways_on(ctx, "after"))

    async def on_after(self, ctx: Context, answer: Answer) -> None:
        await self._way_on(ctx, answer)

    async def ask_topics(self, ctx: Context) -> None:
        """The topic groups: VNeID, public services, payment, scams, skills, the ward."""
        kb = built_in()
        choices = [Choice(c.key, c.title) for c in kb.categories(ctx.lang)]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-topics"), choices)

    async def on_topics(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("ask", self.name)
            return
        ctx.data["category"] = answer.key
        ctx.goto("entries", self.name)

    async def ask_entries(self, ctx: Context) -> None:
        """The entries of one topic group."""
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        entries = kb.entries(ctx.lang, ctx.data.get("category"))[:MAX_MENU_ENTRIES]
        choices = [Choice(e.key, e.title) for e in entries]
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-entries"), choices)

    async def on_entries(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("topics", self.name)
        else:
            await self._show(ctx, answer.key)

    async def ask_ward(self, ctx: Context) -> None:
        """Which ward the resident lives in (asked once, for the ward's own entries)."""
        choices = ward_choices(await helpdesk.all_wards(ctx.db))
        ctx.ask(ctx.t("hd-ask-ward"), choices)

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ward = await wards.get(ctx.db, int(answer.key or 0))
        if ward is None:
            ctx.goto("ward", self.name)
            return
        if ctx.member is None:
            await helpdesk.set_place(
                ctx.db, ctx.incoming.channel, ctx.incoming.chat_id, ward.id, None, ctx.now
            )
        await self._show(ctx, ctx.data.get("pending", ""), ward)

    # -- the moves shared by the steps -----------------------------------------------------

    def _ways_on(self, ctx: Context, step: str) -> list[Choice]:
        t = ctx.t
        ways = []
        if step == "after":
            ways.append(Choice("again", t("hd-btn-again"), aliases("hd-btn-again")))
        ways.append(Choice("topics", t("hd-btn-topics"), aliases("hd-btn-topics")))
        ways.append(Choice("handoff", t("hd-btn-handoff"), aliases("hd-btn-handoff")))
        ways.append(Choice("home", t("btn-menu"), aliases("btn-menu")))
        return ways

    async def _way_on(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "again":
            ctx.goto("ask", self.name)
        elif answer.key == "topics":
            ctx.goto("topics", self.name)
        elif answer.key == "handoff":
            ctx.begin("home_visit")
        elif answer.key == "home":
            ctx.done()
        else:
            await self._search(ctx, answer.text)

    async def _search(self, ctx: Context, text: str) -> None:
        text = " ".join(text.split())
        if ctx.member is None and invites.find(text):
            # A resident who got an invite code while asking: typing it joins, as at the menu.
            ctx.begin("join", code=text)
            return
        if not text:
            ctx.say(ctx.t("empty-message"))
            ctx.goto("ask", self.name)
            return
        if is_greeting(text):
            ctx.say(ctx.t("hd-greeting"))
            ctx.goto("ask", self.name)
            return
        if len(text) > QUESTION_MAX:
            ctx.say(ctx.t("hd-too-long", max=QUESTION_MAX))
            ctx.goto("ask", self.name)
            return
        # The question is kept in the conversation only without numbers that identify someone.
        question = strip_personal_data(text)
        kb = await knowledge_for(ctx, await resident_ward(ctx))
        result = kb.search(text)
        if result.outcome == Outcome.ANSWER:
            await self._show(ctx, result.keys[0])
        elif result.outcome == Outcome.CHOOSE:
            ctx.data = {"candidates": result.keys, "question": question}
            ctx.goto("choose", self.name)
        else:
            await self._unanswered(ctx, question)

    async def _unanswered(self, ctx: Context, question: str) -> None:
        """Keep the question, without personal numbers and without who asked, for staff;
        a stray word ("có", "quay lại") or emoji is not a question worth their time."""
        if len(re.findall(r"[a-z0-9]+", fold(question))) >= MIN_QUESTION_WORDS:
            ward = await resident_ward(ctx)
            await helpdesk.record_unanswered(
                ctx.db, ward.id if ward else None, question, fold(question), ctx.now
            )
        ctx.data = {}
        ctx.goto("unknown", self.name)

    async def _show(self, ctx: Context, key: str, ward: Ward | None = None) -> None:
        ward = ward or await resident_ward(ctx)
        kb = await knowledge_for(ctx, ward)
        entry = kb.entry(key, ctx.lang)
        ctx.data = {}
        if entry is None:
            ctx.goto("ask", self.name)
            return
        if not entry.answerable:
            # A ward-local entry: it depends on the resident's ward, and on the ward writing it.
            if ward is None and await helpdesk.all_wards(ctx.db):
                ctx.data = {"pending": key}
                ctx.goto("ward", self.name)
                return
            # The way on is the same as for a question without an answer, without a second
            # "I don't know".
            ctx.say(ctx.t("hd-ward-missing", title=entry.title))
            ctx.goto("after", self.name)
            return
        ctx.say(render(ctx, entry, ward))
        ctx.goto("after", self.name)


# -- Asking the team to come and help at home ---------------------------------------------

TIMES = ("morning", "afternoon", "evening", "weekend", "any")


def due_for(preferred: str, today: dt.date) -> dt.date:
    """The day the team should aim for: tomorrow, or the coming Saturday for "weekend"."""
    if preferred == "weekend":
        return today + dt.timedelta(days=(5 - today.weekday()) % 7 or 7)
    return today + dt.timedelta(days=1)


class HomeVisitFlow(Flow):
    name = "home_visit"
    first_step = "ward"
    text_steps = frozenset({"phone"})

    async def start(self, ctx: Context, **_: object) -> None:
        """Straight to the residential group when the ward is known."""
        ctx.data = {}
        ward = await resident_ward(ctx)
        if ward is None and not await helpdesk.all_wards(ctx.db):
            ctx.say(ctx.t("hd-visit-no-ward"))
            ctx.done()
            return
        if ward is not None:
            ctx.data["ward_id"] = ward.id
            ctx.goto("group", self.name)
        else:
            ctx.goto("ward", self.name)

    async def ask_ward(self, ctx: Context) -> None:
        """Which ward (phường / xã) the resident lives in."""
        choices = ward_choices(await helpdesk.all_wards(ctx.db))
        ctx.ask(ctx.t("hd-ask-ward"), choices)

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ctx.data["ward_id"] = int(answer.key or 0)
        ctx.goto("group", self.name)

    async def ask_group(self, ctx: Context) -> None:
        """Which residential group (tổ dân phố / thôn), or "I don't know"."""
        groups = await wards.groups_of(ctx.db, ctx.data["ward_id"])
        choices = [Choice(str(g.id), g.name) for g in groups]
        choices.append(
            Choice("unknown", ctx.t("hd-visit-group-unknown"), aliases("hd-visit-group-unknown"))
        )
        ctx.ask(ctx.t("hd-visit-ask-group"), choices)

    async def on_group(self, ctx: Context, answer: Answer) -> None:
        group = None
        if answer.key != "unknown":
            group = await wards.get_group(ctx.db, int(answer.key or 0))
            if group is None or group.ward_id != ctx.data["ward_id"]:
                ctx.goto("group", self.name)
                return
        ctx.data["group_id"] = group.id if group else None
        ctx.goto("time", self.name)

    async def ask_time(self, ctx: Context) -> None:
        """When suits the resident: morning, afternoon, evening, the weekend, any time."""
        ctx.ask(
            ctx.t("hd-visit-ask-time"),
            [Choice(k, ctx.t(f"hd-time-{k}")) for k in TIMES],
        )

    async def on_time(self, ctx: Context, answer: Answer) -> None:
        ctx.data["time"] = answer.key or "any"
        ctx.goto("consent", self.name)

    async def ask_consent(self, ctx: Context) -> None:
        """May the team call? Only then a phone number is asked for, and why."""
        ctx.ask(
            ctx.t("hd-visit-ask-consent"),
            [
                Choice("phone", ctx.t("hd-visit-consent-yes"), aliases("hd-visit-consent-yes")),
                Choice("chat", ctx.t("hd-visit-consent-no"), aliases("hd-visit-consent-no")),
            ],
        )

    async def on_consent(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "phone":
            ctx.goto("phone", self.name)
        else:
            ctx.data["phone"] = None
            ctx.goto("confirm", self.name)

    async def ask_phone(self, ctx: Context) -> None:
        """ "Type your phone number" (shown in full only to the volunteer who takes it)."""
        ctx.ask(
            ctx.t("hd-visit-ask-phone"),
            [Choice("chat", ctx.t("hd-visit-consent-no"), aliases("hd-visit-consent-no"))],
        )

    async def on_phone(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "chat":
            ctx.data["phone"] = None
            ctx.goto("confirm", self.name)
            return
        digits = phone_number(answer.text)
        if digits is None:
            ctx.say(ctx.t("hd-visit-phone-invalid"))
            ctx.goto("phone", self.name)
            return
        ctx.data["phone"] = digits
        ctx.goto("confirm", self.name)

    async def ask_confirm(self, ctx: Context) -> None:
        """What will be sent, to whom; send or cancel."""
        ctx.ask(
            ctx.t(
                "hd-visit-summary",
                where=await self._where(ctx),
                time=ctx.t(f"hd-time-{ctx.data['time']}"),
                phone=mask_phone(ctx.data["phone"])
                if ctx.data.get("phone")
                else ctx.t("hd-no-phone"),
            ),
            [
                Choice("send", ctx.t("hd-visit-send"), aliases("hd-visit-send")),
                Choice("cancel", ctx.t("hd-visit-cancel"), aliases("hd-visit-cancel")),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        if answer.key != "send":
            ctx.say(ctx.t("hd-visit-cancelled"))
            ctx.done()
            return
        incoming = ctx.incoming
        ward_id, group_id = ctx.data["ward_id"], ctx.data.get("group_id")
        request = await helpdesk.create_home_visit(
            ctx.db,
            ward_id=ward_id,
            group_id=group_id,
            channel=incoming.channel,
            chat_id=incoming.chat_id,
            preferred_time=ctx.data["time"],
            due_on=due_for(ctx.data["time"], ctx.today),
            phone=ctx.data.get("phone"),
            now=ctx.now,
        )
        if ctx.member is None:
            await helpdesk.set_place(
                ctx.db, incoming.channel, incoming.chat_id, ward_id, group_id, ctx.now
            )
        team = (
            await helpdesk.team_of_group(ctx.db, group_id)
            if group_id
            else await helpdesk.staff_of_ward(ctx.db, ward_id)
        )
        if not team and group_id:
            team = await helpdesk.staff_of_ward(ctx.db, ward_id)
        where = await self._where(ctx)
        reachable = [p for p in team if p.unreachable_at is None]
        for person in reachable:
            ctx.notify(person.channel, person.channel_user_id, notice(request, person, where))
        # Said plainly when nobody of the team or the ward uses the bot yet.
        key = "hd-visit-sent" if reachable else "hd-visit-sent-nobody"
        ctx.say(ctx.t(key, number=request.id, where=where))
        ctx.done()

    async def _where(self, ctx: Context) -> str:
        ward = await wards.get(ctx.db, ctx.data["ward_id"])
        group_id = ctx.data.get("group_id")
        group = await wards.get_group(ctx.db, group_id) if group_id else None
        assert ward is not None
        return f"{group.name}, {ward.name}" if group else ward.name


def notice(request: FollowUp, person: Member, where: str) -> Reply:
    """What a team member is told of a new request: never the full phone number."""
    lang = person.language
    phone = mask_phone(request.phone) if request.phone else translate(lang, "hd-no-phone")
    text = translate(
        lang,
        "hd-visit-notify-team",
        number=request.id,
        where=where,
        time=translate(lang, f"hd-time-{request.preferred_time}"),
        phone=phone,
    )
    return Reply(text)


# -- The team's list of requests ----------------------------------------------------------


class ResidentRequestsFlow(Flow):
    name = "requests"
    first_step = "list"
    text_steps = frozenset({"write"})

    def allowed(self, member: Member | None) -> bool:
        return member is not None

    async def ask_list(self, ctx: Context) -> None:
        """Open requests of the member's group (staff: ward), and the ones they took."""
        member = ctx.member
        assert member is not None
        waiting = await helpdesk.open_home_visits(ctx.db, member)
        mine = await helpdesk.taken_by(ctx.db, member)
        choices = [Choice(f"open:{r.id}", self._label(ctx, r)) for r in waiting[:10]]
        choices += [
            Choice(f"mine:{r.id}", ctx.t("hd-req-mine-label", label=self._label(ctx, r)))
            for r in mine[:10]
        ]
        choices.append(Choice("home", ctx.t("btn-menu"), aliases("btn-menu")))
        text = ctx.t("hd-req-list", open=len(waiting), mine=len(mine))
        ctx.ask(text, choices)

    async def on_list(self, ctx: Context, answer: Answer) -> None:
        kind, _, number = (answer.key or "home").partition(":")
        if kind == "home":
            ctx.done()
            return
        ctx.data = {"id": int(number)}
        ctx.goto("detail", self.name)

    async def ask_detail(self, ctx: Context) -> None:
        """One request: where, when, the phone masked unless this member took it."""
        member = ctx.member
        assert member is not None
        request = await helpdesk.visible_home_visit(ctx.db, member, ctx.data.get("id", 0))
        if request is None:
            ctx.say(ctx.t("hd-req-gone"))
            ctx.goto("list", self.name)
            return
        mine = request.owner_member_id == member.id
        ctx.say(self._detail(ctx, request, full_phone=mine))
        if mine:
            choices = [
                Choice("write", ctx.t("hd-req-btn-write"), aliases("hd-req-btn-write")),
                Choice("done", ctx.t("hd-req-btn-done"), aliases("hd-req-btn-done")),
            ]
        elif request.owner_member_id is None and request.status == helpdesk.OPEN:
            choices = [Choice("take", ctx.t("hd-req-btn-take"), aliases("hd-req-btn-take"))]
        else:
            choices = []
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("hd-req-what-now"), choices)

    async def on_detail(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        number = ctx.data.get("id", 0)
        if answer.key == "take":
            request = await helpdesk.take(ctx.db, member, number, ctx.now)
            if request is None:
                ctx.say(ctx.t("hd-req-taken-already"))
                ctx.goto("list", self.name)
                return
            ctx.say(ctx.t("hd-req-taken") + "\n\n" + self._detail(ctx, request, full_phone=True))
            await self._tell_resident(ctx, request, member)
            ctx.goto("list", self.name)
        elif answer.key == "write":
            ctx.goto("write", self.name)
        elif answer.key == "done":
            closed = await helpdesk.close(ctx.db, member, number, ctx.now)
            ctx.say(ctx.t("hd-req-closed" if closed else "hd-req-gone"))
            ctx.goto("list", self.name)
        else:
            ctx.goto("list", self.name)

    async def ask_write(self, ctx: Context) -> None:
        """A message to the resident, through the bot: the only way to reach one who left
        no phone number."""
        ctx.ask(
            ctx.t("hd-req-ask-message"), [Choice("back", ctx.t("btn-back"), aliases("btn-back"))]
        )

    async def on_write(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        if answer.key == "back":
            ctx.goto("detail", self.name)
            return
        text = answer.text.strip()
        if not text or len(text) > 1000:
            ctx.say(ctx.t("hd-req-message-length"))
            ctx.goto("write", self.name)
            return
        request = await helpdesk.visible_home_visit(ctx.db, member, ctx.data.get("id", 0))
        if request is None or request.owner_member_id != member.id or not request.resident_chat_id:
            ctx.say(ctx.t("hd-req-gone"))
            ctx.goto("list", self.name)
            return
        lang = (
            await helpdesk.resident_language(
                ctx.db, request.resident_channel or "", request.resident_chat_id
            )
            or ctx.settings.default_language
        )
        body = translate(lang, "hd-visit-message-resident", name=member.display_name, text=text)
        ctx.notify(request.resident_channel or "", request.resident_chat_id, Reply(body))
        ctx.say(ctx.t("hd-req-message-sent"))
        ctx.goto("detail", self.name)

    async def _tell_resident(self, ctx: Context, request: FollowUp, member: Member) -> None:
        if not request.resident_channel or not request.resident_chat_id:
            return
        lang = (
            await helpdesk.resident_language(
                ctx.db, request.resident_channel, request.resident_chat_id
            )
            or ctx.settings.default_language
        )
        text = translate(
            lang, "hd-visit-taken-resident", number=request.id, name=member.display_name
        )
        ctx.notify(request.resident_channel, request.resident_chat_id, Reply(text))

    def _label(self, ctx: Context, request: FollowUp) -> str:
        return ctx.t(
            "hd-req-label",
            number=request.id,
            time=ctx.t(f"hd-time-{request.preferred_time or 'any'}"),
            due=request.due_on.strftime("%d/%m"),
        )

    def _detail(self, ctx: Context, request: FollowUp, *, full_phone: bool) -> str:
        if request.phone:
            phone = request.phone if full_phone else mask_phone(request.phone)
        else:
            phone = ctx.t("hd-no-phone")
        return ctx.t(
            "hd-req-detail",
            number=request.id,
            time=ctx.t(f"hd-time-{request.preferred_time or 'any'}"),
            due=request.due_on.strftime("%d/%m/%Y"),
            phone=phone,
        )


# -- The ward's announcements -------------------------------------------------------------


class AlertsFlow(Flow):
    name = "alerts"
    first_step = "choose"

    async def start(self, ctx: Context, **_: object) -> None:
        ctx.data = {}
        if ctx.member is not None and ctx.member.role == Role.STAFF:
            # For ward staff "thông báo" means writing one (/thongbao is both words).
            ctx.begin("announce")
            return
        if ctx.member is not None:
            ctx.say(ctx.t("hd-alerts-members"))
            ctx.done()
            return
        ward = await resident_ward(ctx)
        if ward is None and not await helpdesk.all_wards(ctx.db):
            ctx.say(ctx.t("hd-visit-no-ward"))
            ctx.done()
        elif ward is None:
            ctx.goto("ward", self.name)
        else:
            ctx.data["ward_id"] = ward.id
            ctx.goto("choose", self.name)

    async def ask_ward(self, ctx: Context) -> None:
        """Which ward's announcements."""
        ctx.ask(ctx.t("hd-ask-ward"), ward_choices(await helpdesk.all_wards(ctx.db)))

    async def on_ward(self, ctx: Context, answer: Answer) -> None:
        ctx.data["ward_id"] = int(answer.key or 0)
        ctx.goto("choose", self.name)

    async def ask_choose(self, ctx: Context) -> None:
        """Subscribed or not now, and the switch."""
        ward = await wards.get(ctx.db, ctx.data["ward_id"])
        assert ward is not None
        found = await helpdesk.profile(ctx.db, ctx.incoming.channel, ctx.incoming.chat_id)
        on = found is not None and found.ward_id == ward.id and found.subscribed_at is not None
        key = "hd-alerts-on" if on else "hd-alerts-off"
        switch = (
            Choice("off", ctx.t("hd-alerts-btn-off"), aliases("hd-alerts-btn-off"))
            if on
            else Choice("on", ctx.t("hd-alerts-btn-on"), aliases("hd-alerts-btn-on"))
        )
        ctx.ask(ctx.t(key, ward=ward.name), [switch, Choice("home", ctx.t("btn-menu"))])

    async def on_choose(self, ctx: Context, answer: Answer) -> None:
        if answer.key in ("on", "off"):
            on = answer.key == "on"
            await helpdesk.set_subscribed(
                ctx.db,
                ctx.incoming.channel,
                ctx.incoming.chat_id,
                ctx.data["ward_id"],
                on,
                ctx.now,
            )
            ctx.say(ctx.t("hd-alerts-subscribed" if on else "hd-alerts-unsubscribed"))
        ctx.done()


# -- Ward staff write their ward's own entries ----------------------------------------------


class WardEntriesFlow(Flow):
    name = "ward_entries"
    first_step = "pick"
    text_steps = frozenset({"text"})

    def allowed(self, member: Member | None) -> bool:
        return member is not None and member.role == Role.STAFF

    async def ask_pick(self, ctx: Context) -> None:
        """The ward-local entries (address, hours, phone), marked when already written."""
        member = ctx.member
        assert member is not None
        written = {r.key for r in await helpdesk.ward_entries(ctx.db, member.ward_id)}
        choices = []
        for entry in built_in().entries(ctx.lang, "ward"):
            mark = "✅ " if entry.key in written else ""
            choices.append(Choice(entry.key, f"{mark}{entry.title}"))
        choices.append(Choice("home", ctx.t("btn-menu"), aliases("btn-menu")))
        ctx.ask(ctx.t("hd-ward-pick"), choices)

    async def on_pick(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "home"):
            ctx.done()
            return
        ctx.data = {"key": answer.key}
        ctx.goto("text", self.name)

    async def ask_text(self, ctx: Context) -> None:
        """What residents will read for this entry, or remove what is there."""
        member = ctx.member
        assert member is not None
        key = ctx.data["key"]
        current = [r for r in await helpdesk.ward_entries(ctx.db, member.ward_id) if r.key == key]
        shown = current[0].body if current else ctx.t("hd-ward-nothing-yet")
        choices = [Choice("back", ctx.t("btn-back"), aliases("btn-back"))]
        if current:
            choices.insert(
                0, Choice("remove", ctx.t("hd-ward-btn-remove"), aliases("hd-ward-btn-remove"))
            )
        ctx.ask(ctx.t("hd-ward-ask-text", current=shown, max=WARD_TEXT_MAX), choices)

    async def on_text(self, ctx: Context, answer: Answer) -> None:
        member = ctx.member
        assert member is not None
        key = ctx.data["key"]
        if answer.key == "back":
            ctx.goto("pick", self.name)
            return
        if answer.key == "remove":
            await helpdesk.remove_entry(ctx.db, member.ward_id, key, member_id=member.id)
            ctx.say(ctx.t("hd-ward-removed"))
            ctx.goto("pick", self.name)
            return
        body = answer.text.strip()
        if len(body) < 5 or len(body) > WARD_TEXT_MAX:
            ctx.say(ctx.t("hd-ward-text-length", max=WARD_TEXT_MAX))
            ctx.goto("text", self.name)
            return
        base = built_in().entry(key, ctx.lang)
        assert base is not None
        await helpdesk.set_entry(
            ctx.db,
            ward_id=member.ward_id,
            key=key,
            lang=ctx.lang,
            title=base.title,
            body=body,
            reviewed_on=ctx.today,
            member_id=member.id,
        )
        ctx.say(ctx.t("hd-ward-saved", title=base.title))
        ctx.goto("pick", self.name)
