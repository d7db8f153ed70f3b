"""Reading a file of wards and residential groups (.csv or .xlsx) for `ngoso import`.

Columns (first row, any order): ward_code, ward_name, province (optional), group_name
(optional), group_kind (optional: to_dan_pho or thon). Vietnamese headers work too:
ma_phuong, ten_phuong, tinh, to_dan_pho, loai."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from bot.text import fold
from storage.models import GroupKind
from storage.wards import WARD_CODE

HEADERS = {
    "ward_code": "ward_code",
    "ma phuong": "ward_code",
    "ma xa": "ward_code",
    "ward_name": "ward_name",
    "ten phuong": "ward_name",
    "ten xa": "ward_name",
    "province": "province",
    "tinh": "province",
    "tinh thanh": "province",
    "group_name": "group_name",
    "to dan pho": "group_name",
    "thon": "group_name",
    "to": "group_name",
    "group_kind": "group_kind",
    "loai": "group_kind",
}
KINDS = {
    "to_dan_pho": GroupKind.URBAN,
    "to dan pho": GroupKind.URBAN,
    "": GroupKind.URBAN,
    "thon": GroupKind.RURAL,
}


class ImportError_(Exception):
    """A bad row or a bad file; the message says where."""


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    ward_code: str
    ward_name: str
    province: str | None
    group_name: str | None
    group_kind: GroupKind


def _read_csv(path: Path) -> list[list[str]]:
    """UTF-8 (with or without BOM) or UTF-16 (Excel's "Unicode text"); comma, semicolon or
    tab separated, as Excel writes them in different locales."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportError_(
                f"{path}: not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8' or .xlsx"
            ) from exc
    first = text.splitlines()[0] if text else ""
    delimiter = max(",;\t", key=first.count)
    return [list(r) for r in csv.reader(text.splitlines(), delimiter=delimiter)]


def read_rows(path: Path) -> list[Row]:
    if not path.exists():
        raise ImportError_(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(path)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise ImportError_(f"{path}: not a readable .xlsx file ({exc})") from exc
        sheet = wb.worksheets[0]
        table = [
            ["" if c is None else str(c) for c in r] for r in sheet.iter_rows(values_only=True)
        ]
        wb.close()
    else:
        raise ImportError_(f"{path}: use a .csv or .xlsx file")
    if not table:
        raise ImportError_(f"{path}: the file is empty")
    header = [HEADERS.get(fold(h).replace("_", " ")) or HEADERS.get(h.strip()) for h in table[0]]
    for needed in ("ward_code", "ward_name"):
        if needed not in header:
            raise ImportError_(f"line 1: missing column {needed!r}")
    rows: list[Row] = []
    # Every bad row is told, with its line, so the file is fixed in one go.
    bad: list[str] = []
    has_groups = "group_name" in header
    for line, raw in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        cells = {name: raw[i].strip() for i, name in enumerate(header) if name and i < len(raw)}
        code, name = cells.get("ward_code", ""), " ".join(cells.get("ward_name", "").split())
        if not code or not name:
            bad.append(f"line {line}: ward_code and ward_name are required")
            continue
        if not WARD_CODE.match(code) or len(name) > 200:
            bad.append(
                f"line {line}: ward code must be 1-32 letters, digits, '-' or '_', "
                "and the name at most 200 characters"
            )
            continue
        kind_text = fold(cells.get("group_kind", "")).replace("_", " ")
        kind = KINDS.get(kind_text) or KINDS.get(kind_text.replace(" ", "_"))
        if kind is None:
            bad.append(f"line {line}: group_kind must be to_dan_pho or thon")
            continue
        group = " ".join(cells.get("group_name", "").split()) or None
        if group is None and has_groups:
            bad.append(f"line {line}: the group name is empty")
            continue
        if group is not None and len(group) > 200:
            bad.append(f"line {line}: group name too long")
            continue
        rows.append(Row(line, code.upper(), name, cells.get("province") or None, group, kind))
    if bad:
        raise ImportError_("\n".join(bad) + f"\n{len(bad)} bad rows; nothing was imported")
    return rows
