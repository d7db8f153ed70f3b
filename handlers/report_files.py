"""The chart and the workbook of a weekly report. Pure functions of already-translated data,
run in a worker thread (`asyncio.to_thread`): matplotlib and openpyxl are CPU-bound and
would otherwise stall every chat for the time they take."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from matplotlib.figure import Figure
from openpyxl import Workbook


@dataclass(slots=True)
class ReportData:
    """Everything the chart and the workbook show, labels already in the reader's language."""

    title: str
    bars_title: str
    bars: list[tuple[str, int]]  # per residential group (ward) or per member (team)
    topics_title: str
    topics: list[tuple[str, int]]
    summary_title: str
    summary: list[tuple[str, object]]
    sheets: list[tuple[str, list[str], list[list[object]]]] = field(default_factory=list)


def chart_png(data: ReportData) -> bytes:
    """Two bar charts side by side: sessions per group (or member), and per kind of help."""
    rows = max(len(data.bars), len(data.topics), 4)
    height = min(3 + 0.28 * rows, 14)
    # A bare Figure renders with Agg and shares no global state with pyplot, so several
    # threads can draw at once.
    fig = Figure(figsize=(12, height), layout="constrained")
    left, right = fig.subplots(1, 2)
    for axis, title, pairs, colour in (
        (left, data.bars_title, data.bars, "#1f77b4"),
        (right, data.topics_title, data.topics, "#2ca02c"),
    ):
        labels = [name for name, _ in pairs][::-1]
        values = [n for _, n in pairs][::-1]
        # Positions, not the labels themselves: two members may share a name.
        axis.barh(range(len(values)), values, color=colour)
        axis.set_yticks(range(len(labels)), labels)
        axis.set_title(title, fontsize=11)
        axis.tick_params(axis="y", labelsize=8)
        axis.xaxis.get_major_locator().set_params(integer=True)
        if not any(values):
            axis.set_xlim(0, 1)  # an empty week: a plain 0-1 axis, not -0.04..0.04
        for spine in ("top", "right"):
            axis.spines[spine].set_visible(False)
    fig.suptitle(data.title, fontsize=13)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=100)
    return out.getvalue()


def workbook_xlsx(data: ReportData) -> bytes:
    """A summary sheet, then one sheet per table (write-only mode: fast and light)."""
    book = Workbook(write_only=True)
    summary = book.create_sheet(_safe_title(data.summary_title))
    for label, value in data.summary:
        summary.append([label, value])
    for name, header, rows in data.sheets:
        sheet = book.create_sheet(_safe_title(name))
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _safe_title(name: str) -> str:
    # Excel sheet names: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in name)
    return cleaned[:31] or "Sheet"
