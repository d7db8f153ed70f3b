"""The ward's web pages (server-rendered with aiohttp-jinja2): signing in with a one-time
link from chat, and the overview of the ward's indicators for a period. Ward staff see
their ward, team leaders their team: the same access policy as the chat decides."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot import dashboard_pages as pages
from bot import dates
from bot.channels.telegram import check_init_data
from bot.clock import LOCAL_TZ
from bot.config import Settings
from bot.conversation import ConversationCore
from bot.files import FileStore
from bot.i18n import Translator
from handlers import vocab
from handlers.periods import counters_shown, period_figures, period_words, target_progress
from handlers.reports import report_scope
from storage import access, forms, stats, wards, web_access
from storage.access import Who
from storage.db import Database
from storage.models import Member, Role

COOKIE = "ngoso_quanly"
WARD_COOKIE = "ngoso_phuong"  # the ward the city's administrator is looking at
HOME = "/quan-ly"
MINI_APP = f"{HOME}/telegram"  # the pages opened inside Telegram
PERIODS = ("week", "month", "quarter", "year")
# Messages a change leaves for the page it returns to (dash-ok-<key>, dash-err-<key>).
OK_FLASHES = frozenset(
    {
        "group-added",
        "group-renamed",
        "group-archived",
        "group-restored",
        "role-changed",
        "deactivated",
        "activated",
        "invite-made",
        "invite-revoked",
        "question-attached",
        "question-written",
        "announcement-sent",
        "form-changed",
    }
)
ERROR_FLASHES = frozenset(
    {
        "group-name",
        "group-exists",
        "cannot-change",
        "unknown-action",
        "invite-role",
        "invite-numbers",
        "invite-group",
        "question-missing",
        "question-entry",
        "question-text",
        "announcement-length",
        "announcement-target",
        *pages.FORM_REFUSALS.values(),
    }
)


@dataclasses.dataclass(slots=True)
class Page:
    """One request to a page by a signed-in person, in its own transaction."""

    request: web.Request
    session: Any
    member: Member
    now: dt.datetime
    t: Translator
    files: FileStore
    settings: Settings
    form: Any = None  # the posted fields, for a change
    item_id: int = 0  # the row a change is about ({id} in the address)

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(LOCAL_TZ).date()

    @property
    def path(self) -> str:
        return self.request.path

    @property
    def list_path(self) -> str:
        """The page listing the row a change is about (the address without /{id})."""
        return self.request.path.rsplit("/", 1)[0]


Handler = Callable[[Page], Awaitable[Any]]
RequestHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclasses.dataclass(frozen=True, slots=True)
class Section:
    """A page of the menu: its address, its label (dash-nav-<key>) and who sees it."""

    key: str
    path: str
    who: Who = Who.MANAGER


SECTIONS = (
    Section("overview", HOME),
    Section("groups", f"{HOME}/to"),
    Section("people", f"{HOME}/thanh-vien"),
    Section("invites", f"{HOME}/loi-moi"),
    Section("follow", f"{HOME}/viec-can-lam"),
    Section("deadlines", f"{HOME}/han-bao-cao"),
    Section("form", f"{HOME}/phieu-ghi"),
    Section("city", f"{HOME}/thanh-pho", Who.ADMIN),
    Section("files", f"{HOME}/bao-cao"),
    Section("questions", f"{HOME}/cau-hoi", Who.STAFF),
    Section("announce", f"{HOME}/thong-bao", Who.STAFF),
)


def setup(app: web.Application, db_key: web.AppKey[Database], core: ConversationCore) -> None:
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.PackageLoader("bot", "templates"),
        autoescape=jinja2.select_autoescape(default=True),
    )
    dash = Dashboard(db_key, core.files, core.settings)
    app[DASH_KEY] = dash
    app.router.add_get("/quan-ly/vao", dash.sign_in)
    app.router.add_get(MINI_APP, dash.mini_app)
    app.router.add_get(f"{MINI_APP}.js", dash.mini_app_script)
    app.router.add_post(f"{MINI_APP}/vao", dash.mini_app_sign_in)
    app.router.add_get(HOME, dash.page("overview", "overview.html", dash.overview))
    routes: list[tuple[str, str, str, Handler]] = [
        ("groups", "groups.html", "", pages.groups),
        ("groups", "", "", pages.add_group),
        ("groups", "", "/{id}", pages.change_group),
        ("people", "people.html", "", pages.people),
        ("people", "", "/{id}", pages.change_person),
        ("invites", "invites.html", "", pages.invite_list),
        ("invites", "", "", pages.make_invite),
        ("invites", "", "/{id}", pages.change_invite),
        ("follow", "follow.html", "", pages.follow_ups),
        ("deadlines", "deadlines.html", "", pages.deadlines_page),
        ("form", "form.html", "", pages.form_page),
        ("city", "city.html", "", pages.city_page),
        ("city", "", "/mo", pages.open_ward),
        ("form", "", "", pages.change_form),
        ("files", "files.html", "", pages.files_page),
        ("questions", "questions.html", "", pages.questions),
        ("questions", "", "", pages.answer_question),
        ("announce", "announce.html", "", pages.announcements_page),
        ("announce", "", "", pages.send_announcement),
    ]
    paths = {section.key: section.path for section in SECTIONS}
    for key, template, tail, handler in routes:
        path = paths[key] + tail
        if template or tail == "/mo":
            app.router.add_get(path, dash.page(key, template, handler))
        else:
            app.router.add_post(path, dash.page(key, "", handler))
    app.router.add_post(paths["files"], dash.page("files", "files.html", pages.make_files))


class Dashboard:
    def __init__(self, db_key: web.AppKey[Database], files: FileStore, settings: Settings) -> None:
        self.db_key, self.files, self.settings = db_key, files, settings
        self.secure = settings.public_base_url.startswith("https://")

    async def sign_in(self, request: web.Request) -> web.StreamResponse:
        """The link from chat: good once; it becomes a browser session (an HttpOnly cookie)
        and the address bar forgets the token."""
        if request.method == "HEAD":
            # A link checker or a chat's preview: the link stays good for the person.
            return web.Response(status=200, headers={"Cache-Control": "no-store"})
        db = request.app[self.db_key]
        now = db.clock()
        async with db.sessions() as session, session.begin():
            token = await web_access.sign_in(session, request.query.get("t", ""), now)
        if token is None:
            return self.message(request, None, "expired", 403)
        response = web.HTTPSeeOther(HOME)
        self._set_cookie(response, token)
        raise response

    def _set_cookie(self, response: web.StreamResponse, token: str) -> None:
        response.set_cookie(
            COOKIE,
            token,
            max_age=web_access.SESSION_HOURS * 3600,
            httponly=True,
            secure=self.secure,
            samesite="Lax",
            path=HOME,
        )

    async def mini_app(self, request: web.Request) -> web.StreamResponse:
        """The page Telegram opens as a Mini App: its script hands the launch data Telegram
        signed to `mini_app_sign_in`, then goes to the overview."""
        t = Translator("vi")
        response = aiohttp_jinja2.render_template(
            "mini.html", request, {"lang": t.lang, "t": t, "title": t("dash-mini-title")}
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    async def mini_app_script(self, request: web.Request) -> web.StreamResponse:
        text = resources.files("bot").joinpath("static/mini.js").read_text(encoding="utf-8")
        return web.Response(text=text, content_type="application/javascript")

    async def mini_app_sign_in(self, request: web.Request) -> web.StreamResponse:
        """{"init_data": "..."} from the Mini App: a browser session when Telegram signed it
        for a team leader or ward staff member, 403 otherwise (nothing said of why)."""
        try:
            body = await request.json()
        except ValueError:
            body = None
        init_data = body.get("init_data") if isinstance(body, dict) else None
        db = request.app[self.db_key]
        now = db.clock()
        user_id = (
            check_init_data(init_data, self.settings.telegram_bot_token, now)
            if isinstance(init_data, str)
            else None
        )
        if user_id is None:
            return web.json_response({"ok": False}, status=403)
        async with db.sessions() as session, session.begin():
            opened = await web_access.sign_in_telegram(session, user_id, now)
            if opened is not None and not access.may(opened[1], Who.MANAGER):
                await session.rollback()
                opened = None
        if opened is None:
            return web.json_response({"ok": False}, status=403)
        response = web.json_response({"ok": True, "go": HOME})
        self._set_cookie(response, opened[0])
        return response

    def csrf_token(self, cookie: str) -> str:
        """The token every form of this browser session carries: a signature of the
        session, so another site's page cannot forge a change (it cannot read it)."""
        return self.files.signature(f"dashboard-form:{cookie}")

    def _forged(self, request: web.Request, cookie: str, form: Any) -> bool:
        origin = request.headers.get("Origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.host:
            return True
        sent = form.get("csrf", "") if form is not None else ""
        return not isinstance(sent, str) or not hmac.compare_digest(sent, self.csrf_token(cookie))

    def page(self, key: str, template: str, handler: Handler) -> RequestHandler:
        """A page (GET, rendered with `template`) or a change (POST): signed in, allowed by
        the section's `who`, a change only with this session's CSRF token, in one
        transaction committed only if the change went through."""
        section = next(s for s in SECTIONS if s.key == key)

        async def run(request: web.Request) -> web.StreamResponse:
            db = request.app[self.db_key]
            now = db.clock()
            cookie = request.cookies.get(COOKIE, "")
            async with db.sessions() as session:
                member = await web_access.member_of(session, cookie, now)
                if member is None:
                    return self.message(request, None, "expired", 403)
                if not access.may(member, section.who):
                    return self.message(request, member, "not-allowed", 403, who=section.who)
                form = None
                if request.method == "POST":
                    try:
                        form = await request.post()
                    except (ValueError, web.HTTPException):
                        return self.message(request, member, "bad-form", 400)
                    if self._forged(request, cookie, form):
                        return self.message(request, member, "forged", 403)
                item = request.match_info.get("id", "0")
                if not (item.isascii() and item.isdecimal()) or len(item) > 12:
                    return self.message(request, member, "not-found", 404)
                t = Translator(member.language)
                # The city's administrator sees and runs one ward at a time, as its staff.
                view = await self._as_staff(request, session, member)
                page = Page(
                    request, session, view, now, t, self.files, self.settings, form, int(item)
                )
                try:
                    result = await handler(page)
                except pages.NotFound:
                    return self.message(request, member, "not-found", 404)
                if isinstance(result, web.StreamResponse):
                    return result
                if isinstance(result, pages.Done):
                    await session.commit()
                    flash = ""
                    if result.flash:
                        flash = ("err=" if result.error else "ok=") + result.flash
                    joiner = "&" if "?" in result.path else "?"
                    location = result.path + (joiner + flash if flash else "")
                    return web.Response(status=303, headers={"Location": location})
                if request.method == "POST":
                    await session.commit()  # the files made are in the audit log
                context = {**self._frame(request, member, t, key, cookie), **result}
                if view is not member:
                    ward = await wards.get(session, view.ward_id)
                    context["viewing"] = t("dash-viewing", ward=ward.name if ward else "")
            response = aiohttp_jinja2.render_template(template, request, context)
            response.headers["Cache-Control"] = "no-store"
            return response

        return run

    @staticmethod
    async def _as_staff(request: web.Request, session: Any, member: Member) -> Member:
        """Who a page is shown as: the person; for the city's administrator, ward staff of
        the ward they opened last (`WARD_COOKIE`), else of their own row's ward."""
        if member.role != Role.ADMIN:
            return member
        chosen = request.cookies.get(WARD_COOKIE, "")
        ward = await wards.get_typed(session, chosen)
        return Member(
            id=member.id,
            channel=member.channel,
            channel_user_id=member.channel_user_id,
            display_name=member.display_name,
            role=Role.STAFF.value,
            ward_id=ward.id if ward else member.ward_id,
            language=member.language,
        )

    def _frame(
        self, request: web.Request, member: Member, t: Translator, key: str, cookie: str
    ) -> dict[str, Any]:
        """What every page shows around its own part: the menu, who is signed in, the
        message a change left, the form token."""
        ok, err = request.query.get("ok", ""), request.query.get("err", "")
        flash = t(f"dash-ok-{ok}") if ok in OK_FLASHES else ""
        error = t(f"dash-err-{err}") if err in ERROR_FLASHES else ""
        return {
            "lang": t.lang,
            "t": t,
            "title": t(f"dash-nav-{key}"),
            "signed_in": t(
                "dash-signed-in", name=member.display_name, role=t(f"role-{member.role}")
            ),
            "nav": [
                (s.path, t(f"dash-nav-{s.key}"), s.key == key)
                for s in SECTIONS
                if access.may(member, s.who)
            ],
            "flash": flash,
            "flash_error": error,
            "csrf": self.csrf_token(cookie),
        }

    async def overview(self, page: Page) -> dict[str, Any]:
        chosen = page.request.query.get("ky", "month")
        chosen = chosen if chosen in PERIODS else "month"
        context = await self.overview_context(page.session, page.member, chosen, page.now)
        del context["title"]  # the page's heading names the ward; its tab says "overview"
        return {**context, "heading": context.pop("ward_title")}

    async def overview_context(
        self, session: Any, member: Member, chosen: str, now: dt.datetime
    ) -> dict[str, Any]:
        """What the overview shows: the period's indicators for this person's ward or team
        (bench/bench_reports.py times it on the city-size data)."""
        t = Translator(member.language)
        today = now.astimezone(LOCAL_TZ).date()
        when = {
            "week": dates.week_of,
            "month": dates.month_of,
            "quarter": dates.quarter_of,
            "year": lambda day: dates.year_of(day.year),
        }[chosen](today)
        before = when.before()
        scope = report_scope(member)
        form = await forms.load(session, scope.ward_id)
        ward = await wards.get(session, scope.ward_id)
        if scope.group_id is None:
            # The whole ward: the monthly sums and the days around them, no per-session read.
            now_figures, before_figures, idle, groups = await self._ward(session, scope, when)
        else:
            report = await period_figures(session, scope, when, today, members=False)
            now_figures = stats.Figures(
                report.tally.sessions,
                report.tally.residents,
                by_counter=report.tally.by_counter,
            )
            before_figures = stats.Figures(
                report.previous_sessions,
                report.previous_residents,
                by_counter=report.previous_counts,
            )
            idle, groups = [], 0
        indicators = [
            (t("report-col-sessions"), now_figures.sessions, before_figures.sessions),
            (t("report-col-residents"), now_figures.residents, before_figures.residents),
        ]
        used = set(now_figures.by_counter) | set(before_figures.by_counter)
        for key in counters_shown(form, used):
            indicators.append(
                (
                    vocab.label(t, "counter", key, form),
                    now_figures.by_counter.get(key, 0),
                    before_figures.by_counter.get(key, 0),
                )
            )
        for goal in await target_progress(session, scope, when, today, t, form):
            indicators.append((f"🎯 {goal.label} ({goal.year})", goal.done, goal.target))
        active = ""
        if groups:
            n_active = groups - len(idle)
            goals = await forms.targets(session, scope.ward_id)
            active = t(
                "report-active-share",
                active=n_active,
                total=groups,
                pct=round(100 * n_active / groups),
                target=goals.get(forms.ACTIVE_GROUPS, 100),
            )
        ward_name = ward.name if ward else ""
        # The trend: sessions in each of the last twelve months (the monthly sums).
        first = (today.replace(day=1) - dt.timedelta(days=335)).replace(day=1)
        months = await stats.by_month(session, scope, first, today)
        trend = pages.trend_svg(
            [(f"{m.month:%m}", m.sessions) for m in months],
            t("dash-trend", start=f"{first:%m/%Y}", end=f"{today:%m/%Y}"),
        )
        return {
            "trend": trend,
            "lang": t.lang,
            "t": t,
            "title": t("dash-title", ward=ward_name),
            "ward_title": t("dash-title", ward=ward_name),
            "signed_in": t(
                "dash-signed-in", name=member.display_name, role=t(f"role-{member.role}")
            ),
            "periods": [(key, t(f"dash-period-{key}")) for key in PERIODS],
            "chosen": chosen,
            "period": f"{period_words(t, when)} ({when.start:%d/%m/%Y} – {when.end:%d/%m/%Y})",
            "indicators": indicators,
            "compared": before is not None,
            "active": active,
            "idle": idle,
        }

    @staticmethod
    async def _ward(
        session: Any, scope: Any, when: dates.When
    ) -> tuple[stats.Figures, stats.Figures, list[str], int]:
        """The ward's figures for the period and the one before, and its idle groups."""
        before = when.before()
        now_figures = (await stats.ward_figures(session, [scope.ward_id], when.start, when.end))[
            scope.ward_id
        ]
        before_figures = stats.Figures()
        if before is not None:
            before_figures = (
                await stats.ward_figures(session, [scope.ward_id], before.start, before.end)
            )[scope.ward_id]
        groups = await wards.groups_of(session, scope.ward_id)
        idle = [g.name for g in groups if g.id not in now_figures.active_groups]
        return now_figures, before_figures, idle, len(groups)

    def message(
        self,
        request: web.Request,
        member: Member | None,
        key: str,
        status: int,
        who: Who = Who.MANAGER,
    ) -> web.StreamResponse:
        """A page that only says why nothing is shown: the link is used up or expired, this
        is not for your role, not found, a form from elsewhere."""
        t = Translator(member.language if member else "vi")
        response = aiohttp_jinja2.render_template(
            "message.html",
            request,
            {
                "lang": t.lang,
                "t": t,
                "title": t(f"dash-{key}-title"),
                "text": t(f"dash-{key}", who=t(f"who-{who}")),
                "key": key,
                "home": HOME if member is not None and key != "not-allowed" else "",
            },
            status=status,
        )
        response.headers["Cache-Control"] = "no-store"
        return response


DASH_KEY = web.AppKey("dashboard", Dashboard)
