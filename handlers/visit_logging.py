"""Logging a support session: the volunteer's main job, from a phone, in a few taps.

The common case ("helped one person activate VNeID at home, resolved") is five taps:
Log a session -> VNeID -> Elderly (or None) -> Resolved -> Save. Everything else (number of
residents, place, date, note) has a default and can be changed on the summary."""

from __future__ import annotations

import datetime as dt

from bot.core import Choice
from bot.dates import read_day, read_when
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from bot.text import personal_data_kind
from handlers import vocab
from storage import forms, sessions
from storage.access import Who
from storage.forms import WardForm
from storage.models import Outcome, PriorityGroup, SupportSession
from storage.sessions import MAX_COUNT, SessionDraft

MAX_RESIDENTS = 50
NOTE_MAX = 300
MAX_FOLLOW_UP_DAYS = 90


class LogSessionFlow(Flow):
    name = "log"
    first_step = "topic"
    who = Who.TEAM
    menu = MenuEntry("menu-log", 40)
    summary = "cmd-log"
    telegram = True

    async def more_buttons(self, ctx: Context) -> list[Choice]:
        """Right after logging: fix or undo the session just saved, while it may be."""
        window = dt.timedelta(minutes=ctx.settings.edit_window_minutes)
        if ctx.member and await sessions.last_editable_id(ctx.db, ctx.member, ctx.now, window):
            return [Choice(f"{self.name}:last", ctx.t("menu-last"), aliases("menu-last"))]
        return []

    async def start(self, ctx: Context, mode: str = "new", **_: object) -> None:
        """A new session, or (mode "last") the one just saved, to edit or undo."""
        if mode == "last":
            recent = await self._recent(ctx)
            if recent is None:
                ctx.say(ctx.t("log-nothing-recent", minutes=ctx.settings.edit_window_minutes))
                ctx.done()
                return
            draft = SessionDraft.from_session(
                recent, await sessions.follow_up_of(ctx.db, recent.id)
            )
            ctx.data = {"saved_id": recent.id}
            ctx.say(self._summary(ctx, draft, "log-last-summary", await self._form(ctx)))
            ctx.goto("saved", self.name)
            return
        ctx.data = {"draft": SessionDraft(occurred_on=ctx.today).to_state()}
        ctx.goto("topic", self.name)

    # -- the five-tap path ----------------------------------------------------------------

    @step()
    async def ask_topic(self, ctx: Context) -> None:
        """ "What did you help with?" The ward's topics: one tap, several ticked, or several
        numbers typed ("1 4")."""
        form = await self._form(ctx)
        ctx.ask(ctx.t("log-ask-topic"), vocab.topic_choices(ctx.t, form), multi=True)

    async def on_topic(self, ctx: Context, answer: Answer) -> None:
        draft = self._draft(ctx)
        draft.topics = answer.keys
        form = await self._form(ctx)
        counters = [c.key for c in form.counters_for(draft.topics)]
        # A counter whose topic is no longer chosen goes; a new one is asked.
        draft.counts = {k: v for k, v in draft.counts.items() if k in counters}
        self._keep(ctx, draft)
        ctx.data["counters"] = [k for k in counters if k not in draft.counts]
        if ctx.data["counters"]:
            ctx.goto("counter", self.name)
        else:
            self._next(ctx, "priority")

    @step(text=True)
    async def ask_counter(self, ctx: Context) -> None:
        """A number the ward counts after this topic ("Số tài khoản VNeID đã kích hoạt"):
        0, 1, 2, 3 as buttons, or any other number typed."""
        form = await self._form(ctx)
        key = (ctx.data.get("counters") or [""])[0]
        item = form.get("counter", key)
        if item is None:  # hidden meanwhile: nothing to ask
            self._after_counter(ctx)
            return
        name = vocab.item_label(ctx.t, item)
        if not ctx.incoming.buttons:
            # A numbered list of numbers ("2. 1") would only confuse: the number is typed.
            ctx.ask(ctx.t("log-ask-counter-number", name=name, max=MAX_COUNT), [])
            return
        choices = [Choice(str(n), str(n)) for n in range(4)]
        choices.append(Choice("other", ctx.t("btn-other-number"), aliases("btn-other-number")))
        text = ctx.t("log-ask-counter", name=name)
        given = self._draft(ctx).counts.get(item.key)
        if given is not None:  # changing it from the summary: what it is now
            text += " " + ctx.t("log-counter-now", value=given)
        ctx.ask(text, choices)

    async def on_counter(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "other":
            ctx.goto("counter_number", self.name)
            return
        self._take_count(ctx, answer.key if answer.pressed else answer.text, "counter")

    @step(text=True)
    async def ask_counter_number(self, ctx: Context) -> None:
        """The counter's number, typed."""
        form = await self._form(ctx)
        item = form.get("counter", (ctx.data.get("counters") or [""])[0])
        name = vocab.item_label(ctx.t, item) if item else ""
        ctx.ask(ctx.t("log-ask-counter-number", name=name, max=MAX_COUNT), [])

    async def on_counter_number(self, ctx: Context, answer: Answer) -> None:
        self._take_count(ctx, answer.text, "counter_number")

    def _take_count(self, ctx: Context, raw: str | None, again: str) -> None:
        typed = (raw or "").strip().rstrip(".")
        if not typed.isdecimal() or int(typed) > MAX_COUNT:
            ctx.say(ctx.t("log-counter-invalid", max=MAX_COUNT))
            ctx.goto(again, self.name)
            return
        queue = list(ctx.data.get("counters") or [])
        if queue:
            draft = self._draft(ctx)
            draft.counts[queue[0]] = int(typed)
            self._keep(ctx, draft)
        self._after_counter(ctx)

    def _after_counter(self, ctx: Context) -> None:
        queue = list(ctx.data.get("counters") or [])[1:]
        ctx.data["counters"] = queue
        if queue:
            ctx.goto("counter", self.name)
        else:
            self._next(ctx, "priority")

    @step()
    async def ask_priority(self, ctx: Context) -> None:
        """ "Who did you help?" The priority groups the ward counts."""
        form = await self._form(ctx)
        ctx.ask(ctx.t("log-ask-priority"), vocab.priority_choices(ctx.t, form), multi=True)

    async def on_priority(self, ctx: Context, answer: Answer) -> None:
        draft = self._draft(ctx)
        picked = [k for k in answer.keys if k != PriorityGroup.NONE] or [PriorityGroup.NONE.value]
        draft.priority_groups = picked
        self._keep(ctx, draft)
        self._next(ctx, "outcome")

    @step()
    async def ask_outcome(self, ctx: Context) -> None:
        """ "How did it end?" Resolved, needs a follow-up, or referred to the ward office."""
        ctx.ask(ctx.t("log-ask-outcome"), vocab.outcome_choices(ctx.t))

    async def on_outcome(self, ctx: Context, answer: Answer) -> None:
        draft = self._draft(ctx)
        draft.outcome = answer.key or Outcome.RESOLVED.value
        if draft.outcome != Outcome.FOLLOW_UP:
            draft.follow_up_due = None
            self._keep(ctx, draft)
            ctx.goto("confirm", self.name)
        else:
            self._keep(ctx, draft)
            ctx.goto("due", self.name)

    @step(text=True)
    async def ask_due(self, ctx: Context) -> None:
        """ "When will you come back?" Tomorrow, in 3 days, in a week, or a typed date."""
        ctx.ask(
            ctx.t("log-ask-due", example=self._example(ctx.today + dt.timedelta(days=10))),
            [
                Choice("1", ctx.t("due-tomorrow"), aliases("due-tomorrow")),
                Choice("3", ctx.t("due-3-days")),
                Choice("7", ctx.t("due-week"), aliases("due-week")),
            ],
        )

    async def on_due(self, ctx: Context, answer: Answer) -> None:
        typed = answer.text.strip()
        if not answer.pressed and typed.isdecimal():
            # A typed number is a number of days ("3" is in three days), not a button.
            due: dt.date | None = ctx.today + dt.timedelta(days=int(typed))
        elif answer.key is not None:
            due = ctx.today + dt.timedelta(days=int(answer.key))
        else:
            due = read_day(answer.text, ctx.today, forward=True)
        latest = ctx.today + dt.timedelta(days=MAX_FOLLOW_UP_DAYS)
        example = self._example(ctx.today + dt.timedelta(days=10))
        if due is None:
            ctx.say(ctx.t("log-date-unreadable", example=example))
            ctx.goto("due", self.name)
            return
        if not ctx.today < due <= latest:
            ctx.say(
                ctx.t(
                    "log-due-invalid",
                    understood=vocab.full_day(ctx.t, due),
                    days=MAX_FOLLOW_UP_DAYS,
                    latest=vocab.full_day(ctx.t, latest),
                    example=example,
                )
            )
            ctx.goto("due", self.name)
            return
        draft = self._draft(ctx)
        draft.follow_up_due = due
        self._keep(ctx, draft)
        ctx.goto("confirm", self.name)

    @step()
    async def ask_confirm(self, ctx: Context) -> None:
        """The summary with every field, Save, and a button for each thing to change."""
        draft = self._draft(ctx)
        t = ctx.t
        form = await self._form(ctx)
        counters = [
            Choice("counts", t("btn-edit-counts"), aliases("btn-edit-counts"))
            for _ in form.counters_for(draft.topics)[:1]
        ]
        ctx.ask(
            self._summary(ctx, draft, "log-summary", form),
            [
                Choice("save", t("btn-save"), aliases("btn-save"), primary=True),
                *counters,
                Choice("count", t("btn-edit-count"), aliases("btn-edit-count")),
                Choice("place", t("btn-edit-place"), aliases("btn-edit-place")),
                Choice("day", t("btn-edit-day"), aliases("btn-edit-day")),
                Choice("note", t("btn-edit-note"), aliases("btn-edit-note")),
                Choice("topic", t("btn-edit-topic"), aliases("btn-edit-topic")),
                Choice("priority", t("btn-edit-priority"), aliases("btn-edit-priority")),
                Choice("outcome", t("btn-edit-outcome"), aliases("btn-edit-outcome")),
                Choice(
                    "discard",
                    t("btn-discard-changes" if ctx.data.get("edit_id") else "btn-discard"),
                    aliases("btn-discard-changes" if ctx.data.get("edit_id") else "btn-discard"),
                ),
            ],
        )

    async def on_confirm(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "discard":
            ctx.say(ctx.t("log-changes-discarded" if ctx.data.get("edit_id") else "log-discarded"))
            ctx.done()
        elif answer.key == "save":
            await self._save(ctx)
        elif answer.key == "counts":
            form = await self._form(ctx)
            ctx.data["editing"] = True
            ctx.data["counters"] = [c.key for c in form.counters_for(self._draft(ctx).topics)]
            ctx.goto("counter", self.name)
        else:
            ctx.data["editing"] = True
            ctx.goto(answer.key or "confirm", self.name)

    async def _save(self, ctx: Context) -> None:
        draft = self._draft(ctx)
        member = ctx.member
        assert member is not None
        edit_id = ctx.data.get("edit_id")
        if edit_id is not None and await self._recent(ctx, edit_id) is None:
            ctx.say(ctx.t("log-edit-too-late", minutes=ctx.settings.edit_window_minutes))
            ctx.done()
            return
        form = await self._form(ctx)
        saved_id = await sessions.save(
            ctx.db, member, draft, today=ctx.today, now=ctx.now, session_id=edit_id
        )
        ctx.data = {"saved_id": saved_id}
        key = "log-updated" if edit_id else "log-saved"
        ctx.say(self._summary(ctx, draft, key, form))
        ctx.goto("saved", self.name)

    @step()
    async def ask_saved(self, ctx: Context) -> None:
        """After saving: log another, change it or undo it (for a few minutes), or go back."""
        t = ctx.t
        ctx.ask(
            t("log-what-next", minutes=ctx.settings.edit_window_minutes),
            [
                Choice("again", t("btn-log-another"), aliases("btn-log-another")),
                Choice("edit", t("btn-edit-saved"), aliases("btn-edit-saved")),
                Choice("undo", t("btn-undo"), aliases("btn-undo")),
                Choice("menu", t("btn-menu"), aliases("btn-menu")),
            ],
        )

    async def on_saved(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "again":
            ctx.begin(self.name)
            return
        if answer.key == "menu":
            ctx.done()
            return
        recent = await self._recent(ctx, ctx.data.get("saved_id"))
        if recent is None:
            ctx.say(ctx.t("log-edit-too-late", minutes=ctx.settings.edit_window_minutes))
            ctx.done()
        elif answer.key == "edit":
            draft = SessionDraft.from_session(
                recent, await sessions.follow_up_of(ctx.db, recent.id)
            )
            ctx.data = {"draft": draft.to_state(), "edit_id": recent.id}
            ctx.goto("confirm", self.name)
        else:
            ctx.goto("undo", self.name)

    @step()
    async def ask_undo(self, ctx: Context) -> None:
        """ "Delete this session?" yes / no."""
        ctx.ask(
            ctx.t("log-undo-confirm"),
            [
                Choice("yes", ctx.t("btn-undo-yes"), aliases("btn-undo-yes")),
                Choice("no", ctx.t("btn-undo-no"), aliases("btn-undo-no")),
            ],
        )

    async def on_undo(self, ctx: Context, answer: Answer) -> None:
        recent = await self._recent(ctx, ctx.data.get("saved_id"))
        if answer.key != "yes":
            ctx.say(ctx.t("log-undo-kept"))
        elif recent is None:
            ctx.say(ctx.t("log-edit-too-late", minutes=ctx.settings.edit_window_minutes))
        else:
            assert ctx.member is not None
            await sessions.undo(ctx.db, ctx.member, recent)
            ctx.say(ctx.t("log-undone"))
        ctx.data = {}
        ctx.done()

    # -- changes from the summary ---------------------------------------------------------

    @step(text=True)
    async def ask_count(self, ctx: Context) -> None:
        """ "How many residents?" 1-50: a button or a typed number."""
        ctx.ask(
            ctx.t("log-ask-count", max=MAX_RESIDENTS),
            [Choice(str(n), str(n)) for n in (1, 2, 3, 5, 10)],
        )

    async def on_count(self, ctx: Context, answer: Answer) -> None:
        raw = answer.key if answer.pressed else answer.text.strip()
        if not (raw or "").isdecimal() or not 1 <= int(raw or 0) <= MAX_RESIDENTS:
            ctx.say(ctx.t("log-count-invalid", max=MAX_RESIDENTS))
            ctx.goto("count", self.name)
            return
        draft = self._draft(ctx)
        draft.residents_count = int(raw or 1)
        self._keep(ctx, draft)
        ctx.goto("confirm", self.name)

    @step()
    async def ask_place(self, ctx: Context) -> None:
        """ "Where?" Home, community house, ward office, remote."""
        ctx.ask(ctx.t("log-ask-place"), vocab.place_choices(ctx.t))

    async def on_place(self, ctx: Context, answer: Answer) -> None:
        draft = self._draft(ctx)
        draft.place = answer.key or draft.place
        self._keep(ctx, draft)
        ctx.goto("confirm", self.name)

    @step(text=True)
    async def ask_day(self, ctx: Context) -> None:
        """ "Which day?" Today, yesterday, or up to a week back."""
        days = [ctx.today - dt.timedelta(days=n) for n in range(ctx.settings.max_backdate_days + 1)]
        ctx.ask(
            ctx.t(
                "log-ask-day",
                days=ctx.settings.max_backdate_days,
                example=self._example(ctx.today - dt.timedelta(days=2)),
            ),
            [Choice(d.isoformat(), vocab.day_label(ctx.t, d, ctx.today)) for d in days],
        )

    async def on_day(self, ctx: Context, answer: Answer) -> None:
        earliest = ctx.today - dt.timedelta(days=ctx.settings.max_backdate_days)
        if answer.key:
            day: dt.date | None = dt.date.fromisoformat(answer.key)
        else:
            when = read_when(answer.text, ctx.today)
            if when is not None and when.kind != "day":
                ctx.say(
                    ctx.t(
                        "date-needs-one-day",
                        understood=vocab.when_text(ctx.t, when),
                        example=self._example(ctx.today - dt.timedelta(days=1)),
                    )
                )
                ctx.goto("day", self.name)
                return
            day = when.day if when is not None else None
        if day is None:
            example = self._example(ctx.today - dt.timedelta(days=1))
            ctx.say(ctx.t("log-date-unreadable", example=example))
            ctx.goto("day", self.name)
            return
        if not earliest <= day <= ctx.today:
            ctx.say(
                ctx.t(
                    "log-day-invalid",
                    understood=vocab.full_day(ctx.t, day),
                    earliest=vocab.full_day(ctx.t, earliest),
                    today=vocab.full_day(ctx.t, ctx.today),
                )
            )
            ctx.goto("day", self.name)
            return
        draft = self._draft(ctx)
        draft.occurred_on = day
        self._keep(ctx, draft)
        ctx.goto("confirm", self.name)

    @step(text=True)
    async def ask_note(self, ctx: Context) -> None:
        """ "A short note?" Never names, ID numbers or phone numbers."""
        ctx.ask(
            ctx.t("log-ask-note", max=NOTE_MAX),
            [
                Choice("none", ctx.t("btn-no-note"), aliases("btn-no-note")),
            ],
        )

    async def on_note(self, ctx: Context, answer: Answer) -> None:
        draft = self._draft(ctx)
        if answer.key == "none":
            draft.note = None
        else:
            note = " ".join(answer.text.split())
            kind = personal_data_kind(note)
            if not note:
                ctx.say(ctx.t("empty-message"))
            elif len(note) > NOTE_MAX:
                ctx.say(ctx.t("log-note-too-long", max=NOTE_MAX, length=len(note)))
            elif kind is not None:
                ctx.say(ctx.t(f"log-note-has-{kind}"))
            else:
                draft.note = note
                self._keep(ctx, draft)
                ctx.goto("confirm", self.name)
                return
            ctx.goto("note", self.name)
            return
        self._keep(ctx, draft)
        ctx.goto("confirm", self.name)

    # -- helpers --------------------------------------------------------------------------

    @staticmethod
    def _example(day: dt.date) -> str:
        """An example date in the hint that is always a valid answer on the day it is shown."""
        return day.strftime("%d/%m")

    def _next(self, ctx: Context, step: str) -> None:
        """On the first pass go on to `step`; when changing from the summary, go back to it."""
        ctx.goto("confirm" if ctx.data.get("editing") else step, self.name)

    @staticmethod
    def _draft(ctx: Context) -> SessionDraft:
        return SessionDraft.from_state(ctx.data.get("draft") or {})

    @staticmethod
    def _keep(ctx: Context, draft: SessionDraft) -> None:
        ctx.data["draft"] = draft.to_state()

    async def _recent(self, ctx: Context, session_id: int | None = None) -> SupportSession | None:
        """The member's last session while it can still be changed (and, if given, only
        when it is `session_id`)."""
        assert ctx.member is not None
        window = dt.timedelta(minutes=ctx.settings.edit_window_minutes)
        recent = await sessions.last_editable(ctx.db, ctx.member, ctx.now, window)
        if recent is None or (session_id is not None and recent.id != session_id):
            return None
        return recent

    @staticmethod
    async def _form(ctx: Context) -> WardForm:
        """The member's ward's session form (read once per message)."""
        assert ctx.member is not None
        form = ctx.memo.get("form")
        if form is None:
            form = ctx.memo["form"] = await forms.load(ctx.db, ctx.member.ward_id)
        return form  # type: ignore[no-any-return]

    @staticmethod
    def _summary(ctx: Context, draft: SessionDraft, key: str, form: WardForm) -> str:
        t = ctx.t
        day = draft.occurred_on or ctx.today
        outcome = vocab.label(t, "outcome", draft.outcome)
        if draft.outcome == Outcome.FOLLOW_UP and draft.follow_up_due:
            outcome = t(
                "log-outcome-due", outcome=outcome, date=draft.follow_up_due.strftime("%d/%m")
            )
        fields = t(
            "log-fields",
            topics=vocab.labels(t, "topic", draft.topics, form),
            count=draft.residents_count,
            priority=vocab.labels(t, "priority", draft.priority_groups or ["none"], form),
            place=vocab.label(t, "place", draft.place),
            outcome=outcome,
            day=vocab.day_label(t, day, ctx.today),
            note=draft.note or "-",
        )
        # In the order they are asked (the form's), whatever the order they were given in.
        place = {key: n for n, key in enumerate(c.key for c in form.of("counter", hidden=True))}
        given = sorted(draft.counts.items(), key=lambda kv: place.get(kv[0], len(place)))
        counts = "".join(
            "\n" + t("log-count-line", name=vocab.label(t, "counter", k, form), value=v)
            for k, v in given
        )
        return f"{t(key)}\n{fields}{counts}"
