"""The `ngoso` command: run the bot, migrate, and administer wards, groups and invites."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from bot.clock import LOCAL_TZ, Clock
from bot.config import Settings
from bot.flow import FlowError
from storage import invites as invite_store
from storage import migrate
from storage import wards as ward_store
from storage.db import Database
from storage.models import GroupKind, Role, Ward

T = TypeVar("T")

# The one clock of every command (tests set another).
clock = Clock()


def _settings() -> Settings:
    return Settings()


def _with_db(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run `work(session)` in one transaction on the configured database."""
    settings = _settings()
    migrate.upgrade(settings.database_url)

    async def go() -> T:
        async with Database(settings.database_url, clock) as db, db.sessions() as session:
            async with session.begin():
                return await work(session)

    return asyncio.run(go())


async def _ward(session: Any, code: str) -> Ward:
    """The ward with this code, or the command stops saying there is none."""
    found = await ward_store.by_code(session, code)
    if found is None:
        raise click.ClickException(f"không có phường mã {code} / no ward with code {code}")
    return found


@click.group()
def main() -> None:
    """Ngõ Số: chatbot của tổ công nghệ số cộng đồng.

    Ngõ Số: the chatbot of the community digital teams."""
    logging.basicConfig(
        level=_settings().log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # APScheduler logs every tick of the minute job at INFO: keep only its warnings.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


@main.command()
@click.option("--host", help="Address to listen on (default from HOST, 127.0.0.1).")
@click.option("--port", type=int, help="Port to listen on (default from PORT, 8080).")
@click.option(
    "--no-scheduler",
    is_flag=True,
    help="Serve chats only; for extra web workers (one process runs the scheduler).",
)
def run(host: str | None, port: int | None, no_scheduler: bool) -> None:
    """Cập nhật cơ sở dữ liệu, tạo phường mẫu nếu còn trống, rồi chạy bot.

    Migrate the database, seed a demo ward if it is empty, and serve the bot."""
    from bot.app import Application

    settings = _settings()
    if no_scheduler:
        settings.scheduler = False
    if host:
        settings.host = host
    if port:
        settings.port = port
    migrate.upgrade(settings.database_url)

    async def go() -> None:
        async with Application(settings, clock) as app:
            demo = await app.seed_demo_if_empty()
            if demo is not None:
                _print_demo(demo)
            await app.serve()

    try:
        asyncio.run(go())
    except FlowError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        # Most often the port is taken (another ngoso, or another server): say so plainly.
        raise click.ClickException(
            f"cannot serve on {settings.host}:{settings.port}: {exc.strerror or exc}"
        ) from None


def _print_demo(demo: ward_store.DemoWard) -> None:
    click.echo("")
    click.echo(f"Demo ward / Phường demo: {demo.ward.name} ({demo.ward.code})")
    labels = {
        Role.VOLUNTEER: "volunteer / thành viên tổ",
        Role.LEADER: "team leader / tổ trưởng",
        Role.STAFF: "ward staff / cán bộ phường",
    }
    for role, invite in demo.invites.items():
        click.echo(f"  invite code {labels[role]:<28} {invite_store.display(invite.code)}")
    click.echo("Type one of these codes in the web chat to play that role.")
    click.echo("")


@main.group()
def db() -> None:
    """Cơ sở dữ liệu: sao lưu, khôi phục, cập nhật.

    Database schema."""


@db.command("backup")
def db_backup() -> None:
    """Sao lưu cơ sở dữ liệu SQLite ngay (hằng đêm bot cũng tự sao lưu).

    Back up the SQLite database now (the scheduler also does it every night)."""
    from storage import backup

    settings = _settings()
    try:
        made = backup.make(
            settings.database_url, settings.backup_dir, clock.now(), settings.backup_keep
        )
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"backup written: {made.path} ({made.size:,} bytes, schema {made.revision})")


@db.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_restore(file: Path, yes: bool) -> None:
    """Thay cơ sở dữ liệu bằng một bản sao lưu (dừng bot trước).

    Replace the database with a backup FILE (stop the bot first). The current database
    is backed up before it is replaced; an older backup is migrated to this version."""
    from storage import backup

    settings = _settings()
    if not yes:
        click.confirm(f"Replace the database with {file}?", abort=True)
    try:
        done = backup.restore(settings.database_url, file, clock.now(), settings.backup_dir)
    except backup.BackupError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"restored {done.path.name} (schema {done.revision}) and migrated it")


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Cập nhật cấu trúc cơ sở dữ liệu.

    Apply migrations."""
    migrate.upgrade(_settings().database_url, revision)
    click.echo("database is up to date")


@db.command("rollups")
def db_rollups() -> None:
    """Tính lại tổng theo tháng từ các buổi hỗ trợ (sau khi nạp dữ liệu ngoài bot).

    Recompute the monthly sums reports read, from the sessions (after loading sessions by
    other means than the bot)."""
    from storage import rollups

    _with_db(rollups.rebuild)
    click.echo("monthly sums recomputed from the sessions")


@main.group()
def ward() -> None:
    """Phường / xã: thêm, xem, đổi tên, lưu trữ. Wards: add, list, rename, archive."""


@ward.command("list")
def ward_list() -> None:
    """Liệt kê các phường: mã, tên, số tổ. List the wards: code, name, groups."""

    async def work(session: Any) -> list[tuple[Any, int]]:
        found = await ward_store.list_wards(session)
        return [(w, len(await ward_store.groups_of(session, w.id))) for w in found]

    for found, groups in _with_db(work):
        state = "  (đã lưu trữ / archived)" if found.archived_at else ""
        click.echo(f"{found.code:<12} {found.name}  ·  {groups} tổ / groups{state}")


@ward.command("rename")
@click.argument("code")
@click.argument("name")
def ward_rename(code: str, name: str) -> None:
    """Đổi tên phường. Rename a ward: ngoso ward rename LTN "Phường Lê Thanh Nghị"."""

    async def work(session: Any) -> bool:
        found = await _ward(session, code)
        return await ward_store.rename_ward(session, found, name)

    try:
        changed = _with_db(work)
    except ward_store.BadName as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{code.upper()}: " + ("đã đổi tên / renamed" if changed else "tên như cũ / same name")
    )


@ward.command("archive")
@click.argument("code")
@click.option("--undo", is_flag=True, help="Đưa trở lại. Bring it back.")
def ward_archive(code: str, undo: bool) -> None:
    """Lưu trữ phường (đã sáp nhập): không còn trong số liệu thành phố và danh sách chọn
    phường. Archive a ward (merged away): out of the city's figures and residents' choices."""

    async def work(session: Any) -> bool:
        found = await _ward(session, code)
        return await ward_store.set_ward_archived(session, found, not undo, clock.now())

    changed = _with_db(work)
    what = "đưa trở lại / restored" if undo else "đã lưu trữ / archived"
    click.echo(f"{code.upper()}: " + (what if changed else "không đổi / unchanged"))


@ward.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--province", default=None)
def ward_add(code: str, name: str, province: str | None) -> None:
    """Thêm phường.

    Add a ward: ngoso ward add LTN "Phường Lê Thanh Nghị" --province "Hải Phòng"."""

    async def work(session: Any) -> str:
        made = await ward_store.add_ward(session, code, name, province)
        return made.code

    try:
        click.echo(f"ward {_with_db(work)} added")
    except ward_store.AlreadyExists as exc:
        raise click.ClickException(f"ward {exc} exists already") from exc
    except ward_store.BadName as exc:
        raise click.ClickException(str(exc)) from exc


@ward.command("schedule")
@click.option("--ward", "ward_code", required=True)
@click.option(
    "--weekday",
    type=click.Choice(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
    required=True,
)
@click.option("--time", "at", required=True, help="Local time, HH:MM (Vietnam).")
def ward_schedule(ward_code: str, weekday: str, at: str) -> None:
    """Giờ gửi báo cáo tuần của phường.

    When the ward's weekly report goes out: ngoso ward schedule --ward LTN --weekday mon
    --time 08:00."""
    from scheduler.timing import DAY_NAMES, parse_hhmm
    from storage import schedule

    try:
        text = parse_hhmm(at).strftime("%H:%M")
    except ValueError as exc:
        raise click.ClickException(f"--time must be HH:MM, for example 08:00 (not {at!r})") from exc

    async def work(session: Any) -> str:
        found = await _ward(session, ward_code)
        await schedule.set_tally_time(session, found.id, DAY_NAMES.index(weekday), text)
        return found.code

    code = _with_db(work)
    click.echo(f"{code}: weekly report every {weekday} at {text} (Asia/Ho_Chi_Minh)")


@main.group()
def group() -> None:
    """Tổ dân phố / thôn: thêm, xem, đổi tên, lưu trữ. Residential groups."""


async def _ward_group(session: Any, ward_code: str, name: str) -> Any:
    found = await _ward(session, ward_code)
    grp = await ward_store.group_by_name(session, found.id, name)
    if grp is None:
        raise click.ClickException(f"{found.code} không có tổ {name!r} / has no group {name!r}")
    return grp


@group.command("list")
@click.option("--ward", "ward_code", required=True)
def group_list(ward_code: str) -> None:
    """Liệt kê các tổ của phường. List a ward's groups (archived ones marked)."""

    async def work(session: Any) -> list[Any]:
        found = await _ward(session, ward_code)
        return await ward_store.groups_of(session, found.id, archived=True)

    for grp in _with_db(work):
        state = "  (đã lưu trữ / archived)" if grp.archived_at else ""
        click.echo(f"{grp.name}{state}")


@group.command("rename")
@click.option("--ward", "ward_code", required=True)
@click.argument("name")
@click.argument("new_name")
def group_rename(ward_code: str, name: str, new_name: str) -> None:
    """Đổi tên tổ. Rename a group: ngoso group rename --ward LTN "Tổ 1" "Tổ dân phố 1"."""

    async def work(session: Any) -> bool:
        grp = await _ward_group(session, ward_code, name)
        try:
            return await ward_store.rename_group(session, grp, new_name)
        except ward_store.AlreadyExists as exc:
            raise click.ClickException(f"đã có tổ {exc} / group {exc} exists already") from exc
        except ward_store.BadName as exc:
            raise click.ClickException(str(exc)) from exc

    changed = _with_db(work)
    click.echo("đã đổi tên / renamed" if changed else "tên như cũ / same name")


@group.command("archive")
@click.option("--ward", "ward_code", required=True)
@click.option("--undo", is_flag=True, help="Đưa trở lại. Bring it back.")
@click.argument("name")
def group_archive(ward_code: str, name: str, undo: bool) -> None:
    """Lưu trữ tổ: không còn trong danh sách chọn, số liệu cũ vẫn giữ. Archive a group:
    no longer offered; its past sessions stay in the reports."""

    async def work(session: Any) -> bool:
        grp = await _ward_group(session, ward_code, name)
        return await ward_store.set_archived(session, grp, not undo, clock.now())

    changed = _with_db(work)
    what = "đưa trở lại / restored" if undo else "đã lưu trữ / archived"
    click.echo(what if changed else "không đổi / unchanged")


@group.command("add")
@click.option("--ward", "ward_code", required=True)
@click.option(
    "--kind", type=click.Choice([k.value for k in GroupKind]), default=GroupKind.URBAN.value
)
@click.argument("name")
def group_add(ward_code: str, kind: str, name: str) -> None:
    """Thêm tổ dân phố / thôn vào phường.

    Add a residential group to a ward."""

    async def work(session: Any) -> None:
        found = await _ward(session, ward_code)
        try:
            await ward_store.add_group(session, found, name, GroupKind(kind))
        except ward_store.AlreadyExists as exc:
            raise click.ClickException(f"group {exc} exists already in {found.code}") from exc
        except ward_store.BadName as exc:
            raise click.ClickException(str(exc)) from exc

    _with_db(work)
    click.echo(f"group {name!r} added to {ward_code.upper()}")


@main.command()
@click.option(
    "--role", type=click.Choice([r.value for r in Role if r != Role.ADMIN]), required=True
)
@click.option("--ward", "ward_code", required=True)
@click.option(
    "--group", "group_name", default=None, help="Residential group (for volunteers, leaders)."
)
@click.option("--uses", type=click.IntRange(1, 10000), default=1, show_default=True)
@click.option("--days", type=click.IntRange(1, 365), default=7, show_default=True)
@click.option(
    "--qr", is_flag=True, help="Also print a QR code (of the Telegram link, or the code)."
)
def invite(
    role: str, ward_code: str, group_name: str | None, uses: int, days: int, qr: bool
) -> None:
    """Tạo mã mời và in ra: vai trò, phường, tổ, số lượt, hạn dùng, liên kết Telegram.

    Make an invite code and print it, with what it is for and until when."""

    async def work(session: Any) -> tuple[str, str]:
        found = await _ward(session, ward_code)
        group_id = None
        if group_name and role == Role.STAFF:
            raise click.ClickException(
                "ward staff belong to the ward, not to a group: drop --group"
            )
        if group_name:
            grp = await ward_store.group_by_name(session, found.id, group_name)
            if grp is None:
                raise click.ClickException(f"no group {group_name!r} in {found.code}")
            group_id = grp.id
        elif role != Role.STAFF and not await ward_store.groups_of(session, found.id):
            raise click.ClickException(f"{found.code} has no residential group yet")
        made = await invite_store.create(
            session, role=Role(role), ward_id=found.id, group_id=group_id, max_uses=uses, days=days
        )
        expires = made.expires_at.astimezone(LOCAL_TZ)
        what = (
            f"{Role(role).value} for {found.code} {found.name}"
            + (f", {group_name}" if group_name else "")
            + f"; {uses} use{'s' if uses > 1 else ''}; valid until {expires:%d/%m/%Y %H:%M}"
            + " (Vietnam time)"
        )
        return made.code, what

    code, what = _with_db(work)
    click.echo(invite_store.display(code))
    click.echo(what)
    link = _telegram_link(code)
    if link:
        click.echo(f"Telegram: {link}")
    if qr:
        import io

        import qrcode

        drawing = qrcode.QRCode(border=1)
        drawing.add_data(link or invite_store.display(code))
        out = io.StringIO()
        drawing.print_ascii(out=out, invert=True)
        click.echo(out.getvalue())


def _telegram_link(code: str) -> str | None:
    """The invite as a Telegram deep link (t.me/<bot>?start=<code>), when a bot is set up:
    TELEGRAM_BOT_USERNAME, or else the bot's name asked from Telegram (getMe)."""
    settings = _settings()
    username = settings.telegram_bot_username
    if not username and settings.telegram_bot_token:
        from bot.channels.telegram import make_bot

        async def ask() -> str:
            bot = make_bot(settings)
            async with bot:
                return bot.username

        try:
            username = asyncio.run(ask())
        except Exception as exc:  # an unreachable Telegram must not hide the code
            click.echo(f"(no Telegram link: {type(exc).__name__})", err=True)
            return None
    if not username:
        return None
    from bot.channels.telegram import deep_link

    return deep_link(username, code)


@main.command("import")
@click.argument("path", type=click.Path(path_type=Path))
def import_(path: Path) -> None:
    """Nhập phường và tổ từ tệp .csv hoặc .xlsx (nhập hết hoặc không nhập dòng nào).

    Import wards and groups from a .csv or .xlsx file (all rows or none)."""
    from rich.progress import Progress

    from bot.importer import ImportError_, read_rows

    try:
        rows = read_rows(path)
    except ImportError_ as exc:
        raise click.ClickException(str(exc)) from exc

    with Progress(transient=True) as progress:
        task = progress.add_task("importing", total=len(rows))

        async def work(session: Any) -> ward_store.ImportResult:
            return await ward_store.import_rows(
                session, rows, on_row=lambda: progress.advance(task)
            )

        try:
            result = _with_db(work)
        except ValueError as exc:
            raise click.ClickException(f"{exc}; nothing was imported") from exc
    click.echo(
        f"imported {len(rows)} rows: {result.wards_added} wards and {result.groups_added} groups "
        f"added, {result.groups_existing} groups already there"
    )


def _period_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--week, --month, --quarter, --year, --movement, --from/--to: one period."""
    for option in reversed(
        (
            click.option("--week", default=None, help="A week: 2026-W47, or a day in it."),
            click.option("--month", default=None, help="A month: 2026-11 or 11/2026."),
            click.option("--quarter", default=None, help="A quarter: 2026-Q4 or Q4/2026."),
            click.option("--year", default=None, help="A year: 2026."),
            click.option(
                "--movement", is_flag=True, help="The movement's whole period (2026-2030)."
            ),
            click.option("--from", "from_day", default=None, help="First day: 01/11/2026."),
            click.option("--to", "to_day", default=None, help="Last day: 15/11/2026."),
        )
    ):
        func = option(func)
    return func


def _period(
    today: Any,
    *,
    week: str | None = None,
    month: str | None = None,
    quarter: str | None = None,
    year: str | None = None,
    movement: bool = False,
    from_day: str | None = None,
    to_day: str | None = None,
) -> Any:
    """The one period the options name (default: last week), checked."""
    import datetime as dt

    from bot import dates

    given = [
        (kind, value)
        for kind, value in (("week", week), ("month", month), ("quarter", quarter), ("year", year))
        if value is not None
    ]
    if movement:
        given.append(("movement", "2026-2030"))
    if from_day is not None or to_day is not None:
        given.append(("range", f"{from_day} - {to_day}"))
    if len(given) > 1:
        raise click.ClickException("give one period: --week, --month, --quarter, --year, ...")
    if not given:
        return dates.week_of(today - dt.timedelta(days=7))
    kind, value = given[0]
    if kind == "range" and (from_day is None or to_day is None):
        raise click.ClickException("give both --from and --to")
    when = dates.read_period(value, today)
    if when is not None and kind == "week" and when.kind == "day":
        when = dates.week_of(when.start)
    if when is None or when.kind != kind:
        examples = {
            "week": "2026-W47",
            "month": "2026-11",
            "quarter": "2026-Q4",
            "year": "2026",
            "range": "--from 01/11/2026 --to 15/11/2026",
        }
        raise click.ClickException(f"{value!r} is not a {kind}: write it like {examples[kind]}")
    if when.start > today:
        raise click.ClickException(f"{value} has not started yet")
    return when


@main.group(invoke_without_command=True)
@click.option("--ward", "ward_code", default=None, help="The ward's code.")
@_period_options
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the chart, the workbook and the annual draft.",
)
@click.option("--annual", is_flag=True, help="Also write the annual report draft (.docx).")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.pass_context
def report(
    context: click.Context,
    ward_code: str | None,
    out: Path,
    annual: bool,
    lang: str,
    **period: Any,
) -> None:
    """Báo cáo cho cán bộ phường, kỳ bất kỳ.

    Reports for ward staff: ngoso report --ward LTN --month 2026-11 (or --week, --quarter,
    --year, --movement, --from/--to); `ngoso report city` for every ward."""
    if context.invoked_subcommand is not None:
        return
    if ward_code is None:
        raise click.ClickException("give the ward: ngoso report --ward LTN --month 2026-11")
    from bot.files import FileStore
    from bot.i18n import Translator
    from handlers.reports import build_report, period_words
    from storage import audit
    from storage.access import Scope

    settings = _settings()
    today = clock.today()
    when = _period(today, **period)
    files = FileStore(
        settings.files_dir, settings.link_secret, settings.link_ttl_hours, clock=clock
    )
    t = Translator(lang)

    async def work(session: Any) -> tuple[str, list[str]]:
        found = await _ward(session, ward_code)
        scope = Scope(ward_id=found.id)
        reply = await build_report(session, files, scope, when, today, t, annual=annual)
        names = [a.name for a in reply.attachments]
        audit.record(
            session,
            "report.exported",
            ward_id=found.id,
            period=period_words(t, when),
            annual=annual,
            via="cli",
        )
        return reply.text, names

    text, made = _with_db(work)
    click.echo(text)
    out.mkdir(parents=True, exist_ok=True)
    for name in made:
        target = out / name.rsplit("/", 1)[-1]
        target.write_bytes(files.read(name))
        click.echo(f"wrote {target}")


@report.command("weekly")
@click.option("--ward", "ward_code", required=True)
@click.option("--week", default=None, help="ISO week, e.g. 2026-W47 (default: last week).")
@click.option("--send", is_flag=True, help="Send it to the ward's staff and team leaders.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder for the chart and the workbook (when not sending).",
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def report_weekly(ward_code: str, week: str | None, send: bool, out: Path, lang: str) -> None:
    """Báo cáo tuần của phường: ghi biểu đồ và bảng tính, hoặc gửi đi (--send).

    The weekly tally of a ward: write its chart and workbook, or send it (--send)."""

    from bot.files import FileStore
    from bot.i18n import Translator
    from handlers.reports import build_weekly
    from scheduler.weekly import send_weekly
    from storage import audit, stats
    from storage.access import Scope

    settings = _settings()
    today = clock.today()
    start = _week_start(week, today)
    files = FileStore(
        settings.files_dir, settings.link_secret, settings.link_ttl_hours, clock=clock
    )

    async def work(session: Any) -> tuple[str, list[tuple[str, str]]]:
        found = await _ward(session, ward_code)
        if send:
            sent = await send_weekly(session, files, found, start, today)
            text = (
                f"week {stats.iso_week(start)} of {found.code}: {sent.queued} queued, "
                f"{sent.already} had it already"
            )
            return text, []
        scope = Scope(ward_id=found.id)
        reply = await build_weekly(session, files, scope, start, today, Translator(lang))
        audit.record(
            session, "report.exported", ward_id=found.id, week=stats.iso_week(start), via="cli"
        )
        return reply.text, [(a.name, a.filename) for a in reply.attachments]

    text, made = _with_db(work)
    click.echo(text)
    if made:
        out.mkdir(parents=True, exist_ok=True)
    for name, filename in made:
        (out / filename).write_bytes(files.read(name))
        click.echo(f"wrote {out / filename}")


def _week_start(week: str | None, today: Any) -> Any:
    """Monday of the week asked for (2026-W47, a day in it, "tuần trước"...), or of last
    week."""
    import datetime as dt

    from bot.dates import read_when
    from storage import stats

    if week is None:
        return stats.week_of(today)[0] - dt.timedelta(days=7)
    when = read_when(week, today)
    if when is None or when.kind == "month":
        raise click.ClickException(f"{week!r} is not a week: write it like 2026-W47")
    start = stats.week_of(when.start)[0]
    if start > today:
        raise click.ClickException(f"week {stats.iso_week(start)} has not started yet")
    return start


@report.command("city")
@_period_options
@click.option("--province", default=None, help="Only the wards of this province.")
def report_city(province: str | None, **period: Any) -> None:
    """Mọi phường cạnh nhau trong một kỳ, theo chỉ tiêu.

    Every ward side by side for any period (demo wards left out), by indicator, with the
    city's totals: ngoso report city --year 2026."""
    from bot.i18n import Translator
    from handlers.reports import period_words
    from storage import forms, stats

    today = clock.today()
    when = _period(today, **period)
    city = _with_db(
        lambda session: stats.city_tally(session, when.start, when.end, province=province)
    )
    t = Translator("vi")
    counters = list(forms.BUILT_IN_COUNTERS)
    short = {key: f"{n + 1}" for n, key in enumerate(counters)}
    click.echo(f"{period_words(t, when)} ({when.start:%d/%m/%Y} - {when.end:%d/%m/%Y})")
    head = f"{'ward':10} {'name':28} {'active groups':>14} {'sessions':>9} {'residents':>10}"
    click.echo(head + "".join(f" {'C' + short[k]:>7}" for k in counters))
    for w in city.wards:
        active = f"{w.active_groups}/{w.groups}"
        line = f"{w.code:10} {w.name[:28]:28} {active:>14} {w.sessions:>9} {w.residents:>10}"
        click.echo(line + "".join(f" {w.by_counter.get(k, 0):>7}" for k in counters))
    active = f"{city.active_groups}/{city.groups}"
    total = f"{len(city.wards)} wards"
    line = f"{'total':10} {total:28} {active:>14} {city.sessions:>9} {city.residents:>10}"
    click.echo(line + "".join(f" {city.by_counter.get(k, 0):>7}" for k in counters))
    share = round(100 * city.active_groups / city.groups) if city.groups else 0
    click.echo(f"groups whose team was active: {share}% (target 100%)")
    for key in counters:
        click.echo(f"C{short[key]} = {t(f'counter-{key}')}: {city.by_counter.get(key, 0)}")
    for label, counts in (("topics", city.by_topic), ("priority groups", city.by_priority)):
        shown = ", ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        click.echo(f"{label}: {shown or '-'}")


@main.group()
def kb() -> None:
    """Hỏi đáp cho người dân: mục riêng của phường, câu hỏi chưa trả lời, cách hỏi đã dạy.

    The residents' help desk: a ward's own entries, and what residents asked in vain."""


@kb.command("list")
@click.option("--ward", "ward_code", default=None, help="Also show what this ward wrote.")
def kb_list(ward_code: str | None) -> None:
    """Liệt kê các mục hỏi đáp (có sẵn, và của phường).

    List the entries: the built-in ones, and a ward's own (marked with the ward code)."""
    from bot.knowledge import built_in
    from storage import helpdesk

    async def work(session: Any) -> list[Any]:
        if ward_code is None:
            return []
        found = await _ward(session, ward_code)
        return await helpdesk.ward_entries(session, found.id)

    rows = _with_db(work)
    written = {(r.key, r.lang): r for r in rows}
    for entry in built_in().entries("vi"):
        state = "" if entry.answerable else "  (ward-local: each ward writes it)"
        click.echo(f"{entry.key:<22} {entry.title}{state}")
    for (key, lang), row in sorted(written.items()):
        click.echo(f"{ward_code.upper() if ward_code else ''} {key:<22} [{lang}] {row.title}")


@kb.command("set")
@click.option("--ward", "ward_code", required=True)
@click.option("--key", required=True, help="An entry key (see `ngoso kb list`) or a new one.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option("--title", default=None, help="Default: the built-in entry's title.")
@click.option("--body", default=None, help="The answer's text.")
@click.option("--body-file", type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--source", default=None, help="Link to where the facts come from.")
@click.option("--keywords", default=None, help="Words residents type for it, comma separated.")
def kb_set(
    ward_code: str,
    key: str,
    lang: str,
    title: str | None,
    body: str | None,
    body_file: Path | None,
    source: str | None,
    keywords: str | None,
) -> None:
    """Thêm hoặc thay mục hỏi đáp của phường.

    Add or replace a ward's entry: ngoso kb set --ward LTN --key ward-hours --body "..."."""

    from bot.knowledge import built_in, valid_key
    from storage import helpdesk

    text = body_file.read_text(encoding="utf-8") if body_file else body
    if not text or not text.strip():
        raise click.ClickException("give the answer's text with --body or --body-file")
    text = text.strip()
    if len(text) > 1700:
        raise click.ClickException(f"the text has {len(text)} characters; keep it under 1700")
    if not valid_key(key):
        raise click.ClickException("a key is lower-case letters, digits and dashes: ward-office")
    base = built_in().entry(key, lang)
    if title is None and base is None:
        raise click.ClickException(f"{key} is a new entry: give it a --title")
    if base is None and not keywords:
        raise click.ClickException(f"{key} is a new entry: give --keywords residents would type")

    async def work(session: Any) -> None:
        found = await _ward(session, ward_code)
        await helpdesk.set_entry(
            session,
            ward_id=found.id,
            key=key,
            lang=lang,
            title=title or (base.title if base else key),
            body=text,
            reviewed_on=clock.today(),
            source_url=source,
            keywords=keywords,
        )

    _with_db(work)
    click.echo(f"{key} [{lang}] saved for {ward_code.upper()}")


@kb.command("remove")
@click.option("--ward", "ward_code", required=True)
@click.option("--key", required=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None, help="Default: both.")
def kb_remove(ward_code: str, key: str, lang: str | None) -> None:
    """Xoá mục hỏi đáp của phường (mục có sẵn lại trả lời).

    Remove a ward's entry; the built-in one (if any) answers again."""
    from storage import helpdesk

    async def work(session: Any) -> int:
        found = await _ward(session, ward_code)
        return await helpdesk.remove_entry(session, found.id, key, lang)

    removed = _with_db(work)
    if not removed:
        raise click.ClickException(f"{ward_code.upper()} has no entry {key}")
    click.echo(f"{key} removed for {ward_code.upper()}")


@kb.command("unanswered")
@click.option(
    "--ward",
    "ward_code",
    default=None,
    help="Của phường này; bỏ trống: câu hỏi chưa rõ phường. This ward's; none: no ward known.",
)
@click.option("--days", type=click.IntRange(1, 366), default=7, show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True)
def kb_unanswered(ward_code: str | None, days: int, limit: int) -> None:
    """Câu hỏi người dân trong phường hỏi mà bot chưa trả lời được.

    The questions residents of a ward asked that the help desk could not answer; without
    --ward, those of residents whose ward is not known (a deployment of several wards)."""
    import datetime as dt

    from storage import helpdesk

    until = clock.now()

    async def work(session: Any) -> list[Any]:
        ward_id = None
        if ward_code is not None:
            found = await _ward(session, ward_code)
            ward_id = found.id
        return await helpdesk.top_unanswered(
            session, ward_id, until - dt.timedelta(days=days), until, limit
        )

    for tally in _with_db(work):
        click.echo(f"{tally.count:>4}  {tally.question}")


@kb.command("teach")
@click.option("--ward", "ward_code", default=None, help="Default: every ward (administrator).")
@click.option("--key", required=True, help="The entry it asks for (see `ngoso kb list`).")
@click.argument("question")
def kb_teach(ward_code: str | None, key: str, question: str) -> None:
    """Dạy bot một cách hỏi mới cho một mục (cho một phường, hoặc mọi phường).

    Teach the help desk another way of asking for an entry (a question it missed): for
    one ward, or for every ward. Numbers and names are stripped before it is kept."""
    from bot.text import fold, strip_personal_data
    from handlers.residents import knowledge_of
    from storage import helpdesk

    folded = fold(strip_personal_data(question))
    if not folded:
        raise click.ClickException("the question is empty")

    async def work(session: Any) -> Any:
        ward_id = None
        if ward_code is not None:
            found = await _ward(session, ward_code)
            ward_id = found.id
        if (await knowledge_of(session, ward_id)).entry(key, "vi") is None:
            raise click.ClickException(f"no entry {key} (see `ngoso kb list`)")
        return await helpdesk.teach(
            session, ward_id=ward_id, key=key, folded=folded, member_id=None
        )

    taught = _with_db(work)
    where = ward_code.upper() if ward_code else "every ward"
    if taught is None:
        click.echo(f"already taught: {folded!r} -> {key} ({where})")
    else:
        click.echo(f"taught #{taught.id}: {folded!r} -> {key} ({where})")


@kb.command("taught")
@click.option("--ward", "ward_code", default=None, help="Only this ward's.")
def kb_taught(ward_code: str | None) -> None:
    """Các cách hỏi đã dạy: số, phường (* là mọi phường), mục, câu hỏi.

    The ways of asking staff taught: number, ward (or * for every ward), entry, words."""
    from storage import helpdesk

    async def work(session: Any) -> list[tuple[Any, str]]:
        ward_id = None
        if ward_code is not None:
            found = await _ward(session, ward_code)
            ward_id = found.id
        codes = {w.id: w.code for w in await ward_store.list_wards(session)}
        rows = await helpdesk.all_phrasings(session, ward_id)
        return [(r, codes.get(r.ward_id or 0, "*")) for r in rows]

    for row, code in _with_db(work):
        click.echo(f"#{row.id:<5} {code:<10} {row.key:<22} {row.text}")


@kb.command("promote")
@click.argument("number", type=int)
def kb_promote(number: int) -> None:
    """Cho một cách hỏi của phường dùng cho mọi phường.

    Make a ward's way of asking (its number in `ngoso kb taught`) count for every ward."""
    from storage import helpdesk

    async def work(session: Any) -> str:
        found = await helpdesk.all_phrasings(session)
        row = next((r for r in found if r.id == number), None)
        if row is None:
            raise click.ClickException(f"no taught way of asking #{number} (see `ngoso kb taught`)")
        if row.ward_id is None:
            return f"#{number} counts for every ward already"
        await helpdesk.promote(session, number)
        return f"{row.text!r} -> {row.key} now counts for every ward"

    click.echo(_with_db(work))


@main.group()
def admin() -> None:
    """Quản trị thành phố: đăng nhập trang quản lý của mọi phường. The city administrator."""


@admin.command("link")
@click.option("--name", default="Quản trị", show_default=True, help="Tên hiển thị. Shown name.")
def admin_link(name: str) -> None:
    """In một liên kết đăng nhập dùng một lần (10 phút) vào trang quản lý, với quyền quản trị
    mọi phường. Print a one-time sign-in link (10 minutes) to the ward pages, for every ward."""
    from storage import members, web_access

    settings = _settings()
    base = settings.public_base_url.rstrip("/") or f"http://{settings.host}:{settings.port}"

    async def work(session: Any) -> str:
        found = await ward_store.list_wards(session)
        if not found:
            raise click.ClickException(
                "chưa có phường nào: ngoso ward add ... / no ward yet: ngoso ward add ..."
            )
        now = clock.now()
        person = await members.administrator(session, name, found[0].id, now)
        token = await web_access.new_link(session, person, now)
        if token is None:
            raise click.ClickException(
                "quá nhiều liên kết trong một giờ / too many links in the last hour"
            )
        return token

    token = _with_db(work)
    click.echo(f"{base}/quan-ly/vao?t={token}")
    click.echo("Dùng được một lần, trong 10 phút. Works once, for 10 minutes.")
