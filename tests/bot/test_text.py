from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.text import fold, mask_phone, personal_data_kind, phone_number, strip_personal_data


def test_fold_removes_diacritics_case_and_spaces() -> None:
    assert fold("Đăng ký  DỊCH VỤ công!") == "dang ky dich vu cong"
    assert fold("huỷ") == fold("hủy") == "huy"


# Notes, questions and requests that hold someone's ID or phone number, written every way
# people write them: each must be refused (or stripped).
REFUSED = [
    ("cccd 001203004567", "id"),
    ("so 001 203 004 567", "id"),
    ("cmnd 123456789", "id"),
    ("cmnd 123-456-789", "id"),
    ("cmnd 123.456.789", "id"),
    ("cccd 001/203/012/345", "id"),
    ("cccd 001-203-012-345", "id"),
    ("cccd: 001 203 012 345", "id"),
    ("CCCD００１２０３０１２３４５", "id"),  # full-width digits
    ("cccd 0012\u200b0301\u200b2345", "id"),  # zero-width spaces inside
    ("cccd 001\u00ad203\u00ad012\u00ad345", "id"),  # soft hyphens
    ("so tk 1903 5678 9012 34", "id"),  # a bank account
    ("id:001203012345.", "id"),
    ("goi 0912 345 678", "phone"),
    ("+84 912345678", "phone"),
    ("0912.345.678", "phone"),
    ("sdt 0912/345/678", "phone"),
    ("sdt 0912,345,678", "phone"),
    ("sdt (091) 234-5678", "phone"),
    ("sdt 091_234_5678", "phone"),
    ("sdt +84-912-345-678", "phone"),
    ("sdt +84 (0) 912 345 678", "phone"),
    ("sdt 84912345678", "phone"),
    ("sdt 0912\u200b345\u200b678", "phone"),
    ("sdt 0912\u2060345\u2060678", "phone"),  # word joiners
    ("sdt ０９１２３４５６７８", "phone"),
    ("sđt: o912 345 678", "phone"),  # a letter O for the zero
    ("sdt 0912 - 345 - 678", "phone"),
    ("sdt 0912·345·678", "phone"),
    ("sdt 0912–345–678", "phone"),  # en dashes
    ("gọi cho bà ở số 0225.3123.456 nhé", "phone"),  # a landline with its area code
    ("sdt0912345678", "phone"),
    ("bà Lan 0912345678, cần hỗ trợ VNeID", "phone"),
    ("sdt +84 0912 345 678", "phone"),
    ("cccd 00/1/2030_12345", "id"),  # looks like a date at its start (found by Hypothesis)
]

# What notes and questions legitimately hold: these must pass untouched.
ALLOWED = [
    "hen ngay 28/11/2026",
    "hẹn lại 12/11/2026 lúc 8:30",
    "hẹn 8h30 sáng thứ hai",
    "giup 3 nguoi cao tuoi",
    "3 người, 2 hộ kinh doanh",
    "phí 50.000đ đã nộp online",
    "chuyển 1.500.000 đồng qua VietQR",
    "hạn mức 20.000.000 VND một ngày",
    "ma ho so H23.45-251121-0001",
    "hồ sơ 000.00.15.H23-251121-0001 đang xử lý",
    "so nha 123/45",
    "tổ 12, ngõ 34, năm 2026",
    "cài VNeID mức 2 cho 4 người lúc 14:00",
    "họp tổ 28/11, 29/11 và 30/11",
    "ngày 12/11/2026 3 người cao tuổi",
    "tổ 1, 2, 3, 4, 5, 6, 7, 8, 9 đều đã có người",
]


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_personal_data_is_spotted_however_it_is_written(text: str, kind: str) -> None:
    assert personal_data_kind(text) == kind
    assert personal_data_kind(strip_personal_data(text)) is None


@pytest.mark.parametrize("text", ALLOWED)
def test_dates_times_counts_amounts_and_codes_pass(text: str) -> None:
    assert personal_data_kind(text) is None
    assert strip_personal_data(text) == text


def test_a_phone_number_is_read_however_it_is_typed() -> None:
    for typed in (
        "0912 345 678",
        "+84 912 345 678",
        "+84 0912 345 678",
        "84912345678",
        "(091) 234-5678",
        "０９１２３４５６７８",
    ):
        assert phone_number(typed) == "0912345678"
    assert phone_number("0225 3123 456") == "02253123456"  # a landline with its area code
    for typed in (
        "12345",
        "0912 345 678 hoặc 0987 654 321",
        "cccd 001203012345",
        "+1 650 253 0000",
        "",
    ):
        assert phone_number(typed) is None


# ", " ends a number on purpose ("tổ 1, 2, 3" is a list): every other separator joins.
SEPARATORS = st.text(alphabet=" .-/,_()·–\u200b\u2060", min_size=0, max_size=2).filter(
    lambda sep: ", " not in sep
)


@given(
    st.sampled_from(["0912345678", "0387654321", "+84912345678", "001203012345", "123456789"]),
    st.lists(SEPARATORS, min_size=12, max_size=12),
)
def test_no_separator_hides_a_number(number: str, seps: list[str]) -> None:
    typed = "".join(ch + sep for ch, sep in zip(number, seps, strict=False))
    assert personal_data_kind("ghi chu " + typed) is not None


def test_mask_phone() -> None:
    assert mask_phone("0912 345 678") == "091****678"


def test_a_blind_set_of_notes() -> None:
    """Notes written on 27/11/2026 by a writer who never saw this code or its tests (never
    used to tune: new blind notes go to a new file). Every harmless note must pass; at
    least 95% of the notes holding an ID or phone number must be caught."""
    path = Path(__file__).with_name("pii_blind_2026-11-27.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    caught = [personal_data_kind(text) is not None for expect, text in rows if expect == "refuse"]
    passed = [personal_data_kind(text) is None for expect, text in rows if expect == "pass"]
    print(f"blind notes: {sum(caught)}/{len(caught)} caught, {sum(passed)}/{len(passed)} passed")
    assert len(caught) >= 40 and len(passed) >= 25
    assert all(passed)
    assert sum(caught) / len(caught) >= 0.95


def test_emails_and_names_typed_without_marks_are_not_kept() -> None:
    from bot.text import strip_personal_data

    assert strip_personal_data("email toi la nam.nguyen@gmail.com hoi bhxh") == (
        "email toi la *** hoi bhxh"
    )
    assert strip_personal_data("nguyen thi lan o to 3 hoi") == "*** o to 3 hoi"
    assert strip_personal_data("Cổng Dịch Vụ Công đăng nhập") == "Cổng Dịch Vụ Công đăng nhập"
    assert strip_personal_data("bà Nguyễn Thị Hoa hỏi") == "bà *** hỏi"
