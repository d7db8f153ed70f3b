from __future__ import annotations

import pytest

from bot.text import fold, mask_phone, personal_data_kind


def test_fold_removes_diacritics_case_and_spaces() -> None:
    assert fold("Đăng ký  DỊCH VỤ công!") == "dang ky dich vu cong"
    assert fold("huỷ") == fold("hủy") == "huy"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("cccd 001203004567", "id"),
        ("so 001 203 004 567", "id"),
        ("cmnd 123456789", "id"),
        ("goi 0912 345 678", "phone"),
        ("+84 912345678", "phone"),
        ("0912.345.678", "phone"),
        ("giup 3 nguoi cao tuoi", None),
        ("hen ngay 28/11/2026", None),
        ("ma ho so H23.45-251121-0001", None),
        ("so nha 123/45", None),
    ],
)
def test_personal_data_is_spotted(text: str, kind: str | None) -> None:
    assert personal_data_kind(text) == kind


def test_mask_phone() -> None:
    assert mask_phone("0912 345 678") == "091****678"
