"""A menu answer is resolved once for every channel: button id, number, or typed label."""

from __future__ import annotations

import pytest

from bot.core import Choice
from bot.menu import Menu, Stale, resolve_button, resolve_text, untagged

TOPICS = Menu(
    seq=4,
    multi=True,
    choices=[
        Choice("vneid", "Cài đặt / kích hoạt VNeID", ("vneid", "dinh danh")),
        Choice("vneid_level2", "VNeID mức 2"),
        Choice("public_services", "Dịch vụ công trực tuyến", ("dvc",)),
        Choice("cashless", "Thanh toán không dùng tiền mặt"),
        Choice("online_safety", "An toàn mạng / chống lừa đảo"),
    ],
)
YES_NO = Menu(seq=1, choices=[Choice("yes", "Đồng ý"), Choice("no", "Không đồng ý")])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("dich vu cong", ["public_services"]),
        ("Dịch vụ công", ["public_services"]),
        ("DỊCH VỤ CÔNG TRỰC TUYẾN", ["public_services"]),
        ("  dịch   vụ công ", ["public_services"]),
        ("3", ["public_services"]),
        ("3.", ["public_services"]),
        ("dvc", ["public_services"]),
        ("dich vu cnog", ["public_services"]),
        ("thanh toan", ["cashless"]),
        ("lua dao", ["online_safety"]),
        ("vneid muc 2", ["vneid_level2"]),
        ("1 3", ["vneid", "public_services"]),
        ("1, 3 va 5", ["vneid", "public_services", "online_safety"]),
        ("9", []),
        ("0", []),
        ("", []),
        ("🙂", []),
        ("hom nay troi dep", []),
    ],
)
def test_typed_answers(typed: str, expected: list[str]) -> None:
    assert resolve_text(TOPICS, typed) == expected


def test_several_numbers_only_where_several_answers_make_sense() -> None:
    assert resolve_text(YES_NO, "1 2") == []
    assert resolve_text(YES_NO, "khong dong y") == ["no"]
    assert resolve_text(YES_NO, "dong y") == ["yes"]


CONFIRM = Menu(
    seq=2,
    choices=[
        Choice("save", "✅ Lưu", ("luu", "ok")),
        Choice("count", "Sửa số người", ("so nguoi",)),
        Choice("discard", "Bỏ, không lưu", ("bo",)),
    ],
)
OUTCOME = Menu(
    seq=3, choices=[Choice("resolved", "Đã xong"), Choice("follow_up", "Cần hỗ trợ tiếp")]
)
CONSENT = Menu(
    seq=5,
    choices=[
        Choice("agree", "Đồng ý", ("dong y", "co", "yes", "ok")),
        Choice("decline", "Không đồng ý", ("khong", "no")),
    ],
)


@pytest.mark.parametrize(
    ("menu", "typed", "expected"),
    [
        (CONFIRM, "luu", ["save"]),
        (CONFIRM, "dung luu", []),
        (CONFIRM, "chua luu", []),
        (CONFIRM, "luu khong", []),
        (CONFIRM, "bon nguoi", []),
        (CONFIRM, "khong luu", ["discard"]),
        (OUTCOME, "chua xong", []),
        (OUTCOME, "da xong", ["resolved"]),
        (CONSENT, "chua dong y", []),
        (CONSENT, "co le", []),
        (CONSENT, "khong dong y", ["decline"]),
        (CONSENT, "dong y", ["agree"]),
    ],
)
def test_negations_and_short_words_never_flip_an_answer(
    menu: Menu, typed: str, expected: list[str]
) -> None:
    assert resolve_text(menu, typed) == expected


def test_button_ids_belong_to_their_menu() -> None:
    ids = [b.id for b in TOPICS.buttons()]
    assert resolve_button(TOPICS, ids[2]) == "public_services"
    with pytest.raises(Stale):
        resolve_button(TOPICS, "3:public_services")  # an earlier menu
    with pytest.raises(Stale):
        resolve_button(TOPICS, "4:nonsense")
    with pytest.raises(Stale):
        resolve_button(None, ids[0])


def test_menu_round_trips_through_the_database_state() -> None:
    again = Menu.from_state(TOPICS.to_state())
    assert again == TOPICS


def test_a_choice_asked_politely_is_read_only_where_a_flow_asks_for_it() -> None:
    """ "dạ ... ạ", "... được không" around a choice: `untagged` takes them off, for flows
    where no harm can come of it; the menus themselves never guess through them."""
    assert untagged("buổi sáng được không?") == "buổi sáng"
    assert untagged("buoi chieu duoc khong") == "buoi chieu"
    assert untagged("dạ không ạ") == "không"
    assert untagged("xoá à") is None  # surprise, not politeness
    assert untagged("sáng") is None
    confirm = Menu(1, [Choice("save", "Lưu", ("lưu", "ok")), Choice("discard", "Không lưu")])
    assert resolve_text(confirm, "không, lưu nhé") == []  # asked again, never discarded
