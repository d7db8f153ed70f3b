"""The chart and the workbook of a report. Pure functions of already-translated data, run in
a worker thread (`asyncio.to_thread`): matplotlib and openpyxl are CPU-bound and would
otherwise stall every chat for the time they take.

The chart is made for a phone: portrait, one panel per measure stacked, value labels on the
bars, zero bars visible, the period in words. The workbook is made for an office: a title
with ward and period, a bold frozen header, widths, dates and numbers as such, filters, a
totals row, A4 landscape fitted to the width."""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# "weeks": a whole number that a totals row does not add up (weeks are not summed over groups).
Column = Literal["text", "int", "weeks", "date", "percent", "decimal"]

# The first rows of every sheet: the title, the period, then the header on row 4.
HEADER_ROW = 4
MAX_BARS = 40
# About 700 pixels wide: sharp on a phone, light to send.
DPI = 110
BAR_COLOURS = ("#1f6fb4", "#2e9a47", "#d9822b", "#7b4fb5")


@dataclass(slots=True)
class Table:
    """One sheet: its name, the column headers and kinds, the rows, and the label of a totals
    row (summing the number columns) when the sums mean something."""

    name: str
    header: list[str]
    kinds: list[Column]
    rows: list[list[object]]
    totals: str | None = None


@dataclass(slots=True)
class Panel:
    """One bar chart of the picture: a measure per group, member, topic or counter."""

    title: str
    bars: list[tuple[str, int]]


@dataclass(slots=True)
class ReportData:
    """Everything the chart and the workbook show, labels already in the reader's language."""

    title: str  # "Phường Lê Thanh Nghị"
    period: str  # "Tháng 11/2026 (01/11/2026 – 30/11/2026)"
    made: str  # "Lập ngày 27/11/2026"
    empty: str  # what an empty period's picture says
    panels: list[Panel] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    more: str = "+{n}"  # "and N more" under a panel cut short


def file_name(*words: str, suffix: str) -> str:
    """A file name an office can read on any computer: the words without diacritics, joined
    by hyphens. ("Báo cáo", "Phường Lê Thanh Nghị", "tháng 11/2026") ->
    Bao-cao-Phuong-Le-Thanh-Nghi-thang-11-2026.xlsx"""
    text = " ".join(words).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
    return f"{slug[:120] or 'Bao-cao'}.{suffix}"


# -- the chart -------------------------------------------------------------------------------


def chart_png(data: ReportData) -> bytes:
    """Portrait, one panel per measure, stacked; readable on a phone held upright."""
    panels = [p for p in data.panels if p.bars]
    if not panels or not any(n for p in panels for _, n in p.bars):
        return _empty_png(data)
    # Laid out by hand, in inches (a layout engine costs a whole extra drawing): the title on
    # top, then each panel: its heading, then a row per bar.
    labels_of = [[_short(name) for name, _ in p.bars[:MAX_BARS]] for p in panels]
    longest = max(
        len(line) for labels in labels_of for label in labels for line in label.split("\n")
    )
    left = min(max(1.0, 0.085 * longest + 0.25), 2.7)
    rows = [min(len(p.bars), MAX_BARS) for p in panels]
    heights = [0.42 * n + 0.2 for n in rows]
    head, gap, foot, width = 0.85, 0.55, 0.2, 6.4
    total = head + sum(heights) + gap * len(panels) + foot
    fig = Figure(figsize=(width, total))
    top = total - head
    axes = []
    for height in heights:
        top -= gap
        axes.append(
            fig.add_axes(
                (
                    left / width,
                    (top - height) / total,
                    (width - left - 0.55) / width,
                    height / total,
                )
            )
        )
        top -= height
    for n, (axis, panel) in enumerate(zip(axes, panels, strict=True)):
        bars = panel.bars[:MAX_BARS]
        hidden = len(panel.bars) - len(bars)
        labels = labels_of[n][::-1]
        values = [v for _, v in bars][::-1]
        top = max(values, default=0) or 1
        colour = BAR_COLOURS[n % len(BAR_COLOURS)]
        # A zero bar is drawn as a thin grey stub, so "nothing" is seen, not missed.
        shown = [v if v else top * 0.006 for v in values]
        drawn = axis.barh(
            range(len(values)), shown, color=[colour if v else "#9a9a9a" for v in values]
        )
        axis.bar_label(drawn, labels=[f"{v:,}".replace(",", ".") for v in values], padding=3)
        axis.set_yticks(range(len(labels)), labels)
        axis.set_xlim(0, top * 1.18)
        axis.set_ylim(-0.6, len(values) - 0.4)
        axis.set_xticks([])
        title = panel.title + (f" ({data.more.format(n=hidden)})" if hidden else "")
        axis.set_title(title, fontsize=12, loc="left", fontweight="bold")
        axis.tick_params(axis="y", labelsize=10, length=0)
        for spine in ("top", "right", "bottom"):
            axis.spines[spine].set_visible(False)
    fig.suptitle(f"{data.title}\n{data.period}", fontsize=13, y=1 - 0.12 / total, va="top")
    return _png(fig)


def _empty_png(data: ReportData) -> bytes:
    fig = Figure(figsize=(6.4, 3.2))
    fig.suptitle(f"{data.title}\n{data.period}", fontsize=13)
    fig.text(0.5, 0.42, data.empty, ha="center", va="center", fontsize=13, wrap=True)
    return _png(fig)


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    # A bare Figure renders with Agg and shares no global state with pyplot, so several
    # threads can draw at once.
    fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def _short(name: str, width: int = 24) -> str:
    """A label on at most two lines, so a long name ("Số hồ sơ dịch vụ công đã nộp trực
    tuyến") stays readable beside its bar."""
    lines = textwrap.wrap(name, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


# -- the workbook ----------------------------------------------------------------------------

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_FORMATS: dict[str, str] = {
    "int": "#,##0",
    "weeks": "0",
    "date": "DD/MM/YYYY",
    "percent": "0%",
    "decimal": "0.0",
}


def workbook_xlsx(data: ReportData) -> bytes:
    """One sheet per table, each ready to print and to filter (write-only mode: fast and
    light for a year of a busy ward)."""
    book = Workbook(write_only=True)
    for table in data.tables:
        _sheet(book.create_sheet(_safe_title(table.name)), data, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet(sheet: Worksheet, data: ReportData, table: Table) -> None:
    width = len(table.header)
    last = get_column_letter(width)
    for n, kind in enumerate(table.kinds, 1):
        sheet.column_dimensions[get_column_letter(n)].width = _width(table, n - 1, kind)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    end_row = HEADER_ROW + max(len(table.rows), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{end_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    fit = sheet.sheet_properties.pageSetUpPr
    if fit is None:
        fit = sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    fit.fitToPage = True

    sheet.append([_cell(sheet, f"{data.title} · {table.name}", _TITLE)])
    sheet.append([_cell(sheet, data.period, _BOLD)])
    sheet.append([data.made])
    header = []
    for title in table.header:
        cell = _cell(sheet, title, _BOLD)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_value(sheet, v, k) for v, k in zip(row, table.kinds, strict=True)])
    if table.totals is not None and table.rows:
        totals: list[object] = []
        for n, kind in enumerate(table.kinds):
            if n == 0:
                totals.append(_cell(sheet, table.totals, _BOLD))
            elif kind == "int":
                total = sum(v for r in table.rows if isinstance(v := r[n], int))
                totals.append(_value(sheet, total, kind, _BOLD))
            else:
                totals.append(None)
        sheet.append(totals)


def _safe(value: Any) -> Any:
    """Text without the control characters a workbook cannot hold (a name saved before
    names were cleaned must not break the ward's reports)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _cell(sheet: Worksheet, value: Any, font: Font | None = None) -> Cell:
    cell = WriteOnlyCell(sheet, value=_safe(value))
    if font is not None:
        cell.font = font
    return cell


def _value(sheet: Worksheet, value: object, kind: Column, font: Font | None = None) -> object:
    if value is None or kind == "text":
        return _safe(value)
    cell = _cell(sheet, value, font)
    cell.number_format = _FORMATS[kind]
    return cell


def _width(table: Table, column: int, kind: Column) -> float:
    if kind == "date":
        return 12
    longest = max(
        [len(str(table.header[column]))]
        + [len(str(r[column])) for r in table.rows[:500] if r[column] is not None]
    )
    if kind != "text":
        return min(max(10, longest + 2), 18)
    return min(max(12, longest + 2), 48)


def _safe_title(name: str) -> str:
    # Excel sheet names: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in name)
    return cleaned[:31] or "Sheet"
