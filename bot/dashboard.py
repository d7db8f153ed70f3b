"""The ward's web pages (server-rendered with aiohttp-jinja2): signing in with a one-time
link from chat, and the overview of the ward's indicators for a period. Ward staff see
their ward, team leaders their team: the same access policy as the chat decides."""

from __future__ import annotations

import datetime as dt
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot import dates
from bot.clock import LOCAL_TZ
from bot.i18n import Translator
from handlers import vocab
from handlers.periods import counters_shown, period_figures, period_words, target_progress
from handlers.reports import report_scope
from storage import access, forms, stats, wards, web_access
from storage.db import Database
from storage.models import Member

COOKIE = "ngoso_quanly"
HOME = "/quan-ly"
PERIODS = ("week", "month", "quarter", "year")


def setup(app: web.Application, db_key: web.AppKey[Database], secure: bool) -> None:
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.PackageLoader("bot", "templates"),
        autoescape=jinja2.select_autoescape(default=True),
    )
    app[DASH_KEY] = Dashboard(db_key, secure)
    app.router.add_get("/quan-ly/vao", app[DASH_KEY].sign_in)
    app.router.add_get(HOME, app[DASH_KEY].overview)


class Dashboard:
    def __init__(self, db_key: web.AppKey[Database], secure: bool) -> None:
        self.db_key, self.secure = db_key, secure

    async def sign_in(self, request: web.Request) -> web.StreamResponse:
        """The link from chat: good once; it becomes a browser session (an HttpOnly cookie)
        and the address bar forgets the token."""
        db = request.app[self.db_key]
        now = db.clock()
        async with db.sessions() as session, session.begin():
            token = await web_access.sign_in(session, request.query.get("t", ""), now)
        if token is None:
            return self._expired(request, None)
        response = web.HTTPSeeOther(HOME)
        response.set_cookie(
            COOKIE,
            token,
            max_age=web_access.SESSION_HOURS * 3600,
            httponly=True,
            secure=self.secure,
            samesite="Lax",
            path=HOME,
        )
        raise response

    async def overview(self, request: web.Request) -> web.StreamResponse:
        db = request.app[self.db_key]
        now = db.clock()
        async with db.sessions() as session:
            member = await web_access.member_of(session, request.cookies.get(COOKIE, ""), now)
            if member is None or not access.may(member, access.Who.MANAGER):
                return self._expired(request, member)
            chosen = request.query.get("ky", "month")
            chosen = chosen if chosen in PERIODS else "month"
            context = await self.overview_context(session, member, chosen, now)
        response = aiohttp_jinja2.render_template("overview.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

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
        return {
            "lang": t.lang,
            "t": t,
            "title": t("dash-title", ward=ward_name),
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

    def _expired(self, request: web.Request, member: Member | None) -> web.StreamResponse:
        t = Translator(member.language if member else "vi")
        response = aiohttp_jinja2.render_template(
            "expired.html",
            request,
            {"lang": t.lang, "t": t, "title": t("dash-expired-title")},
            status=403,
        )
        response.headers["Cache-Control"] = "no-store"
        return response


DASH_KEY = web.AppKey("dashboard", Dashboard)
