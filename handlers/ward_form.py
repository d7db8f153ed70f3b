"""Ward staff shape their ward's session form in chat: the topics volunteers pick from, the
priority groups, and the counters asked after a topic ("Số tài khoản VNeID đã kích hoạt").
Items are renamed, hidden and shown again, or added; never deleted, so past sessions keep
their meaning (storage/forms.py). Every change is versioned and audited."""

from __future__ import annotations

import re

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import Translator, aliases
from bot.text import fold, personal_data_kind
from handlers import vocab
from storage import forms
from storage.access import Who
from storage.forms import FormChangeError, Item, WardForm
from storage.models import FormKind

KINDS = (FormKind.TOPIC, FormKind.PRIORITY, FormKind.COUNTER)
# A whole number as people write it: 500, 1.000, 1 000, 10,000 (never a decimal: 9.5).
_WHOLE = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})*$|^\d+$")


def whole_number(text: str) -> int | None:
    if not _WHOLE.match(text):
        return None
    return int(re.sub(r"\D", "", text))


class WardFormFlow(Flow):
    name = "ward_form"
    first_step = "kind"
    who = Who.STAFF
    menu = MenuEntry("form-menu", 75)
    summary = "cmd-ward-form"

    async def _form(self, ctx: Context) -> WardForm:
        assert ctx.member is not None
        return await forms.load(ctx.db, ctx.member.ward_id)

    # -- which part of the form ------------------------------------------------------------

    @step()
    async def ask_kind(self, ctx: Context) -> None:
        """The form as volunteers see it now, and which part to change."""
        form = await self._form(ctx)
        t = ctx.t
        lines = [t("form-now", version=form.version)]
        for kind in KINDS:
            shown = [vocab.item_label(t, i) for i in form.of(kind)]
            lines.append(t(f"form-part-{kind}") + ": " + ("; ".join(shown) or "-"))
        for counter in form.of(FormKind.COUNTER):
            topic = form.get(FormKind.TOPIC, counter.topic or "")
            lines.append(
                t(
                    "form-counter-after-hidden"
                    if topic is None or topic.hidden
                    else "form-counter-after",
                    name=vocab.item_label(t, counter),
                    topic=vocab.label(t, "topic", counter.topic or "", form),
                )
            )
        lines.append(t("form-ask-kind"))
        choices = [Choice(k.value, t(f"form-part-{k}"), aliases(f"form-part-{k}")) for k in KINDS]
        choices.append(Choice("targets", t("form-part-targets"), aliases("form-part-targets")))
        choices.append(Choice("back", t("btn-back"), aliases("btn-back")))
        ctx.ask("\n".join(lines), choices)

    async def on_kind(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.done()
            return
        if answer.key == "targets":
            ctx.data = {}
            ctx.goto("targets", self.name)
            return
        ctx.data = {"kind": answer.key}
        ctx.goto("items", self.name)

    # -- the items of one part -------------------------------------------------------------

    @step()
    async def ask_items(self, ctx: Context) -> None:
        form = await self._form(ctx)
        t = ctx.t
        kind = ctx.data.get("kind", FormKind.TOPIC)
        choices = []
        for item in form.of(kind, hidden=True):
            label = vocab.item_label(t, item)
            if item.hidden:
                label = t("form-item-hidden", name=label)
            choices.append(Choice(item.key, label))
        choices.append(Choice("add", t(f"form-add-{kind}"), aliases(f"form-add-{kind}")))
        choices.append(Choice("back", t("btn-back"), aliases("btn-back")))
        ctx.ask(t("form-ask-item", part=t(f"form-part-{kind}")), choices)

    async def on_items(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.data = {}
            ctx.goto("kind", self.name)
            return
        if answer.key == "add":
            ctx.goto("add_name", self.name)
            return
        ctx.data["key"] = answer.key
        ctx.goto("item", self.name)

    # -- one item: rename, hide or show ----------------------------------------------------

    async def _item(self, ctx: Context, form: WardForm) -> Item | None:
        return form.get(ctx.data.get("kind", ""), ctx.data.get("key", ""))

    @step()
    async def ask_item(self, ctx: Context) -> None:
        form = await self._form(ctx)
        item = await self._item(ctx, form)
        if item is None:
            ctx.goto("items", self.name)
            return
        t = ctx.t
        hide = "form-show" if item.hidden else "form-hide"
        ctx.ask(
            t(
                "form-item-info",
                name=vocab.item_label(t, item),
                state=t("form-state-hidden" if item.hidden else "form-state-shown"),
            ),
            [
                Choice("rename", t("form-rename"), aliases("form-rename")),
                Choice("toggle", t(hide), aliases(hide)),
                Choice("back", t("btn-back"), aliases("btn-back")),
            ],
        )

    async def on_item(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "rename":
            ctx.goto("rename", self.name)
            return
        if answer.key == "toggle":
            form = await self._form(ctx)
            item = await self._item(ctx, form)
            if item is not None:
                try:
                    changed = await forms.set_hidden(
                        ctx.db, form, item, not item.hidden, actor_member_id=self._actor(ctx)
                    )
                except FormChangeError as refused:
                    ctx.say(ctx.t(refused.reason, max=forms.MAX_VISIBLE))
                else:
                    key = "form-hidden-done" if changed.hidden else "form-shown-done"
                    ctx.say(ctx.t(key, name=vocab.item_label(ctx.t, changed), version=form.version))
        ctx.goto("items", self.name)

    @step(text=True)
    async def ask_rename(self, ctx: Context) -> None:
        form = await self._form(ctx)
        item = await self._item(ctx, form)
        name = vocab.item_label(ctx.t, item) if item else ""
        ctx.ask(
            ctx.t("form-ask-rename", name=name, max=forms.LABEL_MAX),
            [Choice("back", ctx.t("btn-back"), aliases("btn-back"))],
        )

    async def on_rename(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.goto("item", self.name)
            return
        form = await self._form(ctx)
        item = await self._item(ctx, form)
        if item is None:
            ctx.goto("items", self.name)
            return
        before = vocab.item_label(ctx.t, item)
        if forms.clean_label(answer.text) == before:
            ctx.say(ctx.t("form-label-same", name=before))
            ctx.goto("items", self.name)
            return
        label = self._check_name(ctx, form, item.kind, answer.text, skip=item.key)
        if label is None:
            ctx.goto("rename", self.name)
            return
        changed = await forms.rename(ctx.db, form, item, label, actor_member_id=self._actor(ctx))
        ctx.say(
            ctx.t(
                "form-renamed",
                before=before,
                name=vocab.item_label(ctx.t, changed),
                version=form.version,
            )
        )
        ctx.goto("items", self.name)

    # -- a new item ------------------------------------------------------------------------

    @step(text=True)
    async def ask_add_name(self, ctx: Context) -> None:
        kind = ctx.data.get("kind", FormKind.TOPIC)
        ctx.ask(
            ctx.t(f"form-ask-new-{kind}", max=forms.LABEL_MAX),
            [Choice("back", ctx.t("btn-back"), aliases("btn-back"))],
        )

    async def on_add_name(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.goto("items", self.name)
            return
        form = await self._form(ctx)
        kind = ctx.data.get("kind", FormKind.TOPIC)
        label = self._check_name(ctx, form, kind, answer.text)
        if label is None:
            ctx.goto("add_name", self.name)
            return
        if kind == FormKind.COUNTER:
            ctx.data["label"] = label
            ctx.goto("add_topic", self.name)
            return
        await self._add(ctx, form, kind, label, None)

    @step()
    async def ask_add_topic(self, ctx: Context) -> None:
        """A counter is asked after one topic: which one."""
        form = await self._form(ctx)
        choices = vocab.topic_choices(ctx.t, form)
        choices.append(Choice("back", ctx.t("btn-back"), aliases("btn-back")))
        ctx.ask(ctx.t("form-ask-counter-topic", name=ctx.data.get("label", "")), choices)

    async def on_add_topic(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("items", self.name)
            return
        form = await self._form(ctx)
        await self._add(ctx, form, FormKind.COUNTER, str(ctx.data.get("label", "")), answer.key)

    async def _add(
        self, ctx: Context, form: WardForm, kind: str, label: str, topic: str | None
    ) -> None:
        try:
            item = await forms.add(
                ctx.db, form, kind, label, topic=topic, actor_member_id=self._actor(ctx)
            )
        except FormChangeError as refused:
            ctx.say(ctx.t(refused.reason, max=forms.MAX_VISIBLE))
        else:
            if kind == FormKind.COUNTER:
                ctx.say(
                    ctx.t(
                        "form-counter-added",
                        name=label,
                        topic=vocab.label(ctx.t, "topic", item.topic or "", form),
                        version=form.version,
                    )
                )
            else:
                ctx.say(ctx.t("form-added", name=label, version=form.version))
        ctx.data.pop("label", None)
        ctx.goto("items", self.name)

    # -- yearly targets --------------------------------------------------------------------

    async def _indicators(self, ctx: Context, form: WardForm) -> list[tuple[str, str]]:
        return indicators(ctx.t, form)

    @step()
    async def ask_targets(self, ctx: Context) -> None:
        """The ward's yearly targets: each indicator with its target, to set or change."""
        assert ctx.member is not None
        form = await self._form(ctx)
        goals = await forms.targets(ctx.db, ctx.member.ward_id)
        t = ctx.t
        choices = []
        for key, label in await self._indicators(ctx, form):
            value = goals.get(key)
            if value is None:
                shown = t("form-target-none", name=label)
            elif key == forms.ACTIVE_GROUPS:
                shown = t("form-target-percent", name=label, value=value)
            else:
                shown = t("form-target-yearly", name=label, value=value)
            choices.append(Choice(key, shown))
        choices.append(Choice("back", t("btn-back"), aliases("btn-back")))
        ctx.ask(t("form-ask-target"), choices)

    async def on_targets(self, ctx: Context, answer: Answer) -> None:
        if answer.key in (None, "back"):
            ctx.goto("kind", self.name)
            return
        ctx.data["indicator"] = answer.key
        ctx.goto("target_value", self.name)

    @step(text=True)
    async def ask_target_value(self, ctx: Context) -> None:
        form = await self._form(ctx)
        key = ctx.data.get("indicator", "")
        label = dict(await self._indicators(ctx, form)).get(key, "")
        message = (
            "form-ask-target-percent" if key == forms.ACTIVE_GROUPS else "form-ask-target-value"
        )
        ctx.ask(
            ctx.t(message, name=label),
            [Choice("back", ctx.t("btn-back"), aliases("btn-back"))],
        )

    async def on_target_value(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "back":
            ctx.goto("targets", self.name)
            return
        assert ctx.member is not None
        key = ctx.data.get("indicator", "")
        form = await self._form(ctx)
        if key not in dict(await self._indicators(ctx, form)):
            ctx.goto("targets", self.name)
            return
        percent = key == forms.ACTIVE_GROUPS
        number = whole_number(answer.text.strip().removesuffix("%").strip())
        limit = 100 if percent else forms.MAX_TARGET
        if number is None or number > limit:
            ctx.say(ctx.t("form-target-invalid-percent" if percent else "form-target-invalid"))
            ctx.goto("target_value", self.name)
            return
        value = number or None
        await forms.set_target(
            ctx.db, ctx.member.ward_id, key, value, actor_member_id=ctx.member.id
        )
        label = dict(await self._indicators(ctx, form)).get(key, "")
        if value is None:
            ctx.say(ctx.t("form-target-cleared", name=label))
        else:
            shown = "form-target-percent" if percent else "form-target-yearly"
            ctx.say(ctx.t("form-target-saved", target=ctx.t(shown, name=label, value=value)))
        ctx.goto("targets", self.name)

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _actor(ctx: Context) -> int | None:
        return ctx.member.id if ctx.member else None

    @staticmethod
    def _check_name(
        ctx: Context, form: WardForm, kind: str, typed: str, skip: str = ""
    ) -> str | None:
        """The typed name, cleaned, or None (with the reason said) when it cannot be used."""
        label, reason, args = check_name(ctx.t, form, kind, typed, skip)
        if reason:
            ctx.say(ctx.t(reason, **args))
        return label


def check_name(
    t: Translator, form: WardForm, kind: str, typed: str, skip: str = ""
) -> tuple[str | None, str, dict[str, object]]:
    """A name typed for an item of the form (in chat or on the ward's pages), cleaned; or
    None, and the message (its id and arguments) saying why it cannot be used."""
    label = forms.clean_label(typed)
    if len(label) < forms.LABEL_MIN:
        return None, "form-label-empty", {}
    if len(label) > forms.LABEL_MAX:
        return None, "form-label-too-long", {"max": forms.LABEL_MAX, "length": len(label)}
    if personal_data_kind(label) is not None or label.startswith("/"):
        return None, "form-label-bad", {}
    # Unique across the whole form: a topic and a counter of the same name would read alike
    # in a report.
    taken = {
        fold(vocab.item_label(t, i)): vocab.item_label(t, i)
        for i in form.items
        if (i.kind, i.key) != (kind, skip)
    }
    if fold(label) in taken:
        return None, "form-label-taken", {"name": taken[fold(label)]}
    return label, "", {}


def indicators(t: Translator, form: WardForm) -> list[tuple[str, str]]:
    """What a yearly target can be set on: sessions, residents, the share of active groups,
    and each counter on the form."""
    found = [
        (forms.SESSIONS, t("report-col-sessions")),
        (forms.RESIDENTS, t("report-col-residents")),
        (forms.ACTIVE_GROUPS, t("form-target-active-groups")),
    ]
    found += [(f"counter:{c.key}", vocab.item_label(t, c)) for c in form.of(FormKind.COUNTER)]
    return found
