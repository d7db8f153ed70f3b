"""Ward staff and team leaders open the ward's web pages from chat: a link good once and for
ten minutes (storage/web_access.py), and a way to sign every browser out."""

from __future__ import annotations

from bot.core import Choice
from bot.flow import Answer, Context, Flow, MenuEntry, step
from bot.i18n import aliases
from storage import web_access
from storage.access import Who

# Where the pages are, below the deployment's address.
SIGN_IN_PATH = "/quan-ly/vao"
MINI_APP_PATH = "/quan-ly/telegram"


def base_url(ctx: Context) -> str:
    """The address people reach the bot at: PUBLIC_BASE_URL, else the local web chat."""
    settings = ctx.settings
    return settings.public_base_url.rstrip("/") or f"http://{settings.host}:{settings.port}"


class WebAccessFlow(Flow):
    name = "web_access"
    first_step = "after"
    who = Who.MANAGER
    menu = MenuEntry("web-menu", 72)
    summary = "cmd-web"

    async def start(self, ctx: Context, **_: object) -> None:
        assert ctx.member is not None
        token = await web_access.new_link(ctx.db, ctx.member, ctx.now)
        if token is None:
            ctx.say(ctx.t("web-too-many", n=web_access.LINKS_PER_HOUR))
        else:
            base = base_url(ctx)
            link = f"{base}{SIGN_IN_PATH}?t={token}"
            # On Telegram the pages also open inside the app (a Mini App, https only), signed
            # in by Telegram itself.
            inside = ctx.incoming.channel == "telegram" and base.startswith("https://")
            ctx.say(
                ctx.t("web-link", link=link, minutes=web_access.LINK_MINUTES),
                opens=f"{base}{MINI_APP_PATH}" if inside else "",
                opens_label=ctx.t("web-open-here") if inside else "",
            )
        ctx.data = {}
        ctx.goto("after", self.name)

    @step()
    async def ask_after(self, ctx: Context) -> None:
        ctx.ask(
            ctx.t("web-after"),
            [
                Choice("menu", ctx.t("btn-short-menu"), aliases("btn-short-menu")),
                Choice("sign_out", ctx.t("web-sign-out"), aliases("web-sign-out")),
            ],
        )

    async def on_after(self, ctx: Context, answer: Answer) -> None:
        if answer.key == "sign_out":
            assert ctx.member is not None
            ended = await web_access.sign_out(ctx.db, ctx.member, ctx.now)
            ctx.say(ctx.t("web-signed-out", n=ended))
        ctx.done()
