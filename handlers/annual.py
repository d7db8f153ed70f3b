"""The movement's report as a draft .docx in the administrative layout (national heading, the
ward's name, number and date left blank), for ward staff to edit and sign. It holds the
results by indicator and by residential group and the teams and volunteers proposed for
commendation, with marked places for staff to write shortcomings and plans. Nothing is sent
upward: it is a draft. No resident data: counts and categories only."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import cast

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from bot.dates import When
from bot.files import FileStore
from bot.i18n import Translator
from handlers import vocab
from handlers.periods import counter_keys, period_figures, period_words, target_progress
from handlers.report_files import file_name
from storage import forms, stats, wards
from storage.access import Scope
from storage.db import Session

TOP = 5


@dataclass(slots=True)
class AnnualData:
    """Everything the draft shows, already in the reader's language."""

    ward: str
    period: str
    dates: str
    indicators: list[tuple[str, int, int | None]]  # name, this period, the period before
    groups_head: list[str]
    groups: list[list[object]]
    active_share: str
    targets: list[str]
    top_groups: list[str]
    top_members: list[str]
    texts: dict[str, str] = field(default_factory=dict)


async def gather_annual(
    db: Session,
    scope: Scope,
    when: When,
    today: dt.date,
    t: Translator,
    report: stats.WeeklyReport | None = None,
) -> AnnualData:
    """The draft's content; `report`: the period's figures when already read (the report
    and its draft made together)."""
    if report is None:
        report = await period_figures(db, scope, when, today)
    form = await forms.load(db, scope.ward_id)
    ward = await wards.get(db, scope.ward_id)
    tally = report.tally
    previous = report.previous_sessions if report.compared else None
    indicators: list[tuple[str, int, int | None]] = [
        (t("report-col-sessions"), tally.sessions, previous),
        (
            t("report-col-residents"),
            tally.residents,
            report.previous_residents if report.compared else None,
        ),
    ]
    counters = counter_keys(t, form, report)
    for key in counters:
        indicators.append(
            (
                vocab.label(t, "counter", key, form),
                tally.by_counter.get(key, 0),
                report.previous_counts.get(key, 0) if report.compared else None,
            )
        )
    active = len(tally.by_group) - len(report.idle_groups)
    total = len(tally.by_group)
    share = round(100 * active / total) if total else 0
    goals = await forms.targets(db, scope.ward_id)
    active_target = goals.get(forms.ACTIVE_GROUPS, 100) if scope.group_id is None else 100
    progress = await target_progress(db, scope, when, today, t, form)

    def ranked(lines: list[stats.GroupLine]) -> list[str]:
        return [
            t(
                "annual-rank-line",
                rank=line.rank,
                name=line.name,
                sessions=line.sessions,
                residents=line.residents,
                active=line.active_weeks,
                weeks=line.weeks,
            )
            for line in lines
        ]

    return AnnualData(
        ward=ward.name if ward else "",
        period=period_words(t, when),
        dates=f"{when.start:%d/%m/%Y} – {when.end:%d/%m/%Y}",
        indicators=indicators,
        groups_head=[
            t("report-col-group"),
            t("report-col-sessions"),
            t("report-col-residents"),
            *[vocab.label(t, "counter", k, form) for k in counters],
        ],
        groups=[
            [g.name, g.sessions, g.residents, *[g.counts.get(k, 0) for k in counters]]
            for g in tally.by_group
        ],
        active_share=t(
            "annual-active-share", active=active, total=total, pct=share, target=active_target
        ),
        targets=[
            t(
                "annual-target-line",
                name=goal.label,
                done=goal.done,
                target=goal.target,
                pct=round(100 * goal.share),
                year=str(goal.year),
            )
            for goal in progress
        ],
        top_groups=ranked(report.top_groups),
        top_members=ranked(report.top_members),
        texts={
            key: t(f"annual-{key}", ward=ward.name if ward else "")
            for key in (
                "authority",
                "number",
                "nation",
                "motto",
                "place-date",
                "title",
                "results",
                "overall",
                "by-indicator",
                "by-group",
                "col-indicator",
                "col-this",
                "col-before",
                "totals",
                "commend",
                "commend-groups",
                "commend-members",
                "commend-none",
                "fair",
                "shortcomings",
                "plans",
                "write-here",
                "recipients",
                "recipients-list",
                "signer",
                "signer-title",
                "sign-here",
                "draft-note",
            )
        },
    )


def annual_docx(data: AnnualData) -> bytes:
    """The draft as a Word document: A4, Times New Roman 13, the layout of administrative
    documents."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"  # type: ignore[attr-defined]
    normal.font.size = Pt(13)  # type: ignore[attr-defined]
    x = data.texts

    # The heading: the issuing authority and number on the left, the nation on the right.
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = head.rows[0].cells
    _centred(left.paragraphs[0], x["authority"], bold=False)
    _centred(left.add_paragraph(), data.ward.upper(), bold=True)
    _centred(left.add_paragraph(), x["number"])
    _centred(right.paragraphs[0], x["nation"], bold=True)
    motto = _centred(right.add_paragraph(), x["motto"], bold=True)
    motto.runs[0].underline = True
    _centred(right.add_paragraph(), x["place-date"], italic=True)

    doc.add_paragraph()
    _centred(doc.add_paragraph(), x["title"], bold=True, size=14)
    _centred(doc.add_paragraph(), f"{data.period} ({data.dates})", bold=True)
    note = doc.add_paragraph()
    _marked(note, x["draft-note"])

    doc.add_paragraph(x["results"]).runs[0].bold = True
    doc.add_paragraph(x["overall"]).runs[0].bold = True
    doc.add_paragraph(data.active_share)
    for line in data.targets:
        doc.add_paragraph(f"- {line}")
    doc.add_paragraph(x["by-indicator"]).runs[0].italic = True
    with_before = any(before is not None for _, _, before in data.indicators)
    header = [x["col-indicator"], x["col-this"]] + ([x["col-before"]] if with_before else [])
    rows: list[list[object]] = [
        [name, now, *([before] if with_before else [])] for name, now, before in data.indicators
    ]
    _table(doc, header, rows)
    if data.groups:
        doc.add_paragraph(x["by-group"]).runs[0].bold = True
        totals: list[object] = [x["totals"]]
        for n in range(1, len(data.groups_head)):
            totals.append(sum(cast(int, row[n]) for row in data.groups))
        _table(doc, data.groups_head, [*data.groups, totals])

    doc.add_paragraph(x["commend"]).runs[0].bold = True
    doc.add_paragraph(x["fair"]).runs[0].italic = True
    for title, lines in (
        (x["commend-groups"], data.top_groups),
        (x["commend-members"], data.top_members),
    ):
        doc.add_paragraph(title).runs[0].italic = True
        for line in lines or [x["commend-none"]]:
            doc.add_paragraph(f"- {line}")

    for title in (x["shortcomings"], x["plans"]):
        doc.add_paragraph(title).runs[0].bold = True
        _marked(doc.add_paragraph(), x["write-here"])

    doc.add_paragraph()
    end = doc.add_table(rows=1, cols=2)
    to_whom, signer = end.rows[0].cells
    first = to_whom.paragraphs[0].add_run(x["recipients"])
    first.bold, first.italic = True, True
    for line in x["recipients-list"].splitlines():
        to_whom.add_paragraph(line)
    _centred(signer.paragraphs[0], x["signer"], bold=True)
    _centred(signer.add_paragraph(), x["signer-title"], bold=True)
    _centred(signer.add_paragraph(), x["sign-here"], italic=True)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _centred(
    paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False, size: int = 0
) -> Paragraph:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return paragraph


def _marked(paragraph: Paragraph, text: str) -> None:
    """A place for staff to write in: highlighted, so it is not sent as it is."""
    run = paragraph.add_run(text)
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _table(doc: object, header: list[str], rows: list[list[object]]) -> DocxTable:
    table: DocxTable = doc.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = (
                ""
                if value is None
                else f"{value:,}".replace(",", ".")
                if isinstance(value, int)
                else str(value)
            )
    return table


async def build_annual(
    db: Session,
    files: FileStore,
    scope: Scope,
    when: When,
    today: dt.date,
    t: Translator,
    report: stats.WeeklyReport | None = None,
) -> str:
    """Gather, write and store the draft; returns its name in the file store."""
    data = await gather_annual(db, scope, when, today, t, report)
    content = await asyncio.to_thread(annual_docx, data)
    name = file_name(t("annual-file-word"), data.ward, data.period, suffix="docx")
    return await asyncio.to_thread(files.save, content, name, ward_id=scope.ward_id)
