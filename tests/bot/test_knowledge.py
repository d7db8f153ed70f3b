"""The help desk's knowledge base and search, measured on questions written the way
residents type them (tests/bot/kb_eval.toml)."""

from __future__ import annotations

import csv
import datetime as dt
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot import knowledge
from bot.i18n import LANGUAGES, t
from bot.knowledge import (
    KnowledgeBase,
    Outcome,
    WardText,
    asked_questions,
    built_in,
    greeting_reply,
    understand,
)
from bot.text import strip_personal_data

EVAL = tomllib.loads((Path(__file__).parent / "kb_eval.toml").read_text(encoding="utf-8"))
MAX_MESSAGE = 2000


def figures(cases: list[list[str]]) -> tuple[float, list[str], list[str]]:
    """Top-1 accuracy, off-topic questions answered confidently, wrong confident answers."""
    kb = built_in()
    right, off_topic_answered, wrong_confident = 0, [], []
    for question, expected in cases:
        result = kb.search(question)
        top = result.keys[0] if result.keys else "none"
        if expected == "none":
            right += result.outcome != Outcome.ANSWER
            if result.outcome == Outcome.ANSWER:
                off_topic_answered.append(f"{question} -> {top}")
        else:
            right += top == expected
        if result.outcome == Outcome.ANSWER and top != expected:
            wrong_confident.append(f"{question} -> {top} (expected {expected})")
    return right / len(cases), off_topic_answered, wrong_confident


@pytest.mark.parametrize("name", ["cases", "held_out"])
def test_evaluation_set(name: str) -> None:
    cases = EVAL[name]
    accuracy, off_topic, wrong = figures(cases)
    kb_keys = {e.key for e in built_in().entries("vi")}
    assert all(expected in kb_keys | {"none"} for _q, expected in cases)
    print(
        f"\n{name}: {len(cases)} questions ({sum(e == 'none' for _q, e in cases)} off-topic), "
        f"top-1 accuracy {accuracy:.1%}, off-topic answered confidently {len(off_topic)}, "
        f"wrong confident answers {len(wrong)}"
    )
    assert accuracy >= 0.9, wrong
    assert off_topic == []


def test_the_evaluation_set_is_large_and_varied() -> None:
    cases = EVAL["cases"] + EVAL["held_out"]
    assert len(cases) >= 60
    assert sum(expected == "none" for _q, expected in cases) >= 10
    with_accents = [q for q, _e in cases if any(ord(c) > 127 for c in q)]
    assert 10 <= len(with_accents) < len(cases) / 2


def test_both_languages_have_the_same_entries_and_topics() -> None:
    kb = built_in()
    vi = {e.key for e in kb.entries("vi")}
    for lang in LANGUAGES:
        assert {e.key for e in kb._entries[lang].values()} == vi
        assert [c.key for c in kb.categories(lang)] == [c.key for c in kb.categories("vi")]


def test_every_answer_fits_one_message_with_its_source_and_date() -> None:
    kb = built_in()
    for lang in LANGUAGES:
        for entry in kb.entries(lang):
            if entry.ward_local:
                assert not entry.answerable  # each ward writes its own
                continue
            assert entry.source.startswith("https://"), entry.key
            assert isinstance(entry.reviewed, dt.date), entry.key
            footer = t(lang, "hd-source", source=entry.source, reviewed="21/11/2026")
            if entry.basis:
                footer = t(lang, "hd-basis", basis=entry.basis) + "\n" + footer
            text = f"{entry.title}\n\n{entry.body}\n\n{footer}"
            assert len(text) < MAX_MESSAGE, (lang, entry.key, len(text))
            assert "1." in entry.body or "•" in entry.body, f"{entry.key}: not step by step"


def test_the_same_question_without_diacritics_or_with_typos_finds_the_same_entry() -> None:
    kb = built_in()
    for question in ("Quên mật khẩu VNeID", "quen mat khau vneid", "QUEN MAT KHAU VNEID"):
        assert kb.search(question).keys[:1] == ["vneid-password"]
    assert kb.search("quen mat khua vnied").keys[:1] == ["vneid-password"]


def test_synonyms_lead_to_the_same_entry() -> None:
    kb = built_in()
    for question in ("doi sdt dinh danh", "doi so dien thoai vneid", "doi sdt can cuoc dien tu"):
        assert kb.search(question).keys[:1] == ["vneid-phone"], question
    for question in ("nop ho so dvc", "nộp hồ sơ dịch vụ công", "nop ho so online"):
        assert kb.search(question).keys[:1] == ["dvc-submit"], question


def test_thanks_said_at_length_is_thanks_but_thanks_with_a_question_is_a_question() -> None:
    kb = built_in()
    for said in (
        "con cảm ơn cô nhiều, cô dạy dễ hiểu lắm",
        "thanks so much, you guys are great",
        "oki e hieu r a",
        "ukm",
        "cam onn chau nhieuu",
        "okkk 👍",
    ):
        assert understand(kb, said).outcome == Outcome.THANKS, said
    # A held letter is warmth only in a word of thanks or greeting; a held hello is a hello.
    assert understand(kb, "xem gium tai khoan vneidd").outcome != Outcome.THANKS
    for hello in ("chàoooo", "alooo", "hellooo"):
        assert understand(kb, hello).outcome == Outcome.THANKS, hello
        assert greeting_reply(hello) == "hd-greeting", hello
    # Agreeing to try again is no hello, though "thử" alone is one ("test").
    for agreed in ("Ok ạ, để tôi thử lại xem sao.", "Ừ, để bà thử coi"):
        assert understand(kb, agreed).outcome == Outcome.THANKS, agreed
        assert greeting_reply(agreed) == "hd-thanks", agreed
    assert greeting_reply("thử") == "hd-greeting"
    for asked in (
        "cảm ơn, nhưng tôi vẫn chưa vào được vneid",
        "cam on, cho hoi doi sdt vneid",
        "nộp hồ sơ xong rồi mà chưa thấy kết quả",
        "đăng ký xong rồi, bao lâu thì có căn cước",
        "chào em, mất căn cước",
    ):
        assert understand(kb, asked).outcome != Outcome.THANKS, asked


def test_a_question_asked_before_teaches_its_wording() -> None:
    """The asked questions (locales/kb/asked) find entries for words no keyword holds: one
    more asked question, and a resident asking it in other words gets its entry first."""
    question = "giay mau vang cong an gui qua buu dien"
    kb = built_in()
    assert understand(kb, question).keys[:1] != ["traffic-fine"]
    told = (
        "traffic-fine",
        "tờ giấy màu vàng của công an gửi qua bưu điện ghi biển số xe",
    )
    taught = kb.with_asked([*asked_questions(), told])
    assert understand(taught, question).keys[:1] == ["traffic-fine"]


def test_words_that_only_look_like_a_visit_request_are_not_one() -> None:
    kb = built_in()
    # "sang nhà mạng khác" is changing carrier, not coming to the house.
    found = understand(kb, "tôi vừa chuyển sang nhà mạng khác, số đăng ký vneid đổi thế nào")
    assert found.outcome != Outcome.HOME_VISIT and found.keys[:1] == ["vneid-phone"]
    # Asking for the team's number is asking for a number.
    found = understand(kb, "cho xin số điện thoại của tổ công nghệ số")
    assert found.outcome != Outcome.HOME_VISIT and found.keys[:1] == ["ward-phone"]
    # Sitting beside someone to show them is a visit, in any words.
    assert understand(kb, "ong can co nguoi ngoi canh chi cho").outcome == Outcome.HOME_VISIT


def test_doing_it_oneself_at_home_is_no_visit_request() -> None:
    kb = built_in()
    found = understand(kb, "đổi số điện thoại vneid làm tại nhà được không hay phải ra công an")
    assert found.outcome != Outcome.HOME_VISIT and found.keys[:1] == ["vneid-phone"]
    assert understand(kb, "co cach nao kiem tien online tai nha").outcome == Outcome.NONE
    # The team's name holds "số nào" ("tổ công nghệ số nào"): still a visit request.
    found = understand(kb, "có tổ công nghệ số nào đến nhà giúp người già không")
    assert found.outcome == Outcome.HOME_VISIT
    # Asking whether one must go to the office oneself is a question about the procedure.
    found = understand(kb, "làm căn cước cho con 12 tuổi có phải đến tận nơi không")
    assert found.outcome != Outcome.HOME_VISIT and found.keys[:1] == ["id-card-child"]
    found = understand(kb, "ID card for my 12-year-old: does she need to come in person?")
    assert found.outcome != Outcome.HOME_VISIT and found.keys[:1] == ["id-card-child"]
    found = understand(kb, "can someone come in person to help my grandma")
    assert found.outcome == Outcome.HOME_VISIT


def test_a_scam_no_warning_describes_gets_how_to_report_it() -> None:
    kb = built_in()
    found = understand(kb, "có ai gọi bảo tôi trúng thưởng, cần đóng phí")
    assert found.outcome == Outcome.ANSWER and found.keys == ["scam-hotline-156"]
    # Another app's password is no scam told, and no answer of ours with confidence.
    for asked in ("quên mật khẩu facebook thì làm sao", "mat khau vneid co phai mat khau fb"):
        assert understand(kb, asked).outcome != Outcome.ANSWER, asked
    found = understand(kb, "co nguoi tren facebook bao tai app de nhan qua")
    assert found.outcome == Outcome.ANSWER and found.keys == ["scam-fake-app"]


def test_someone_claiming_to_be_an_official_is_a_scam_whatever_they_ask() -> None:
    kb = built_in()
    for told in (
        "có người xưng là cán bộ công an phường nhắn zalo hỏi thăm nhà mình",
        "a man phoned saying he's from the police and wants my account number",
    ):
        found = understand(kb, told)
        assert found.outcome == Outcome.ANSWER and found.keys[0].startswith("scam-"), told
    # Being told by the real police at the desk to activate the app is no scam.
    found = understand(kb, "công an phường họ bảo về nhà kích hoạt định danh, bấm vào đâu")
    assert found.keys[:1] == ["vneid-activate"]


def test_a_subject_no_ward_answers_gets_no_answer_even_with_a_topic_word() -> None:
    kb = built_in()
    for question in ("giá vàng hôm nay thế nào", "ket qua xo so mien nam", "thoi tiet mai co mua"):
        assert understand(kb, question).outcome == Outcome.NONE, question


def test_the_card_and_the_app_are_different_things() -> None:
    kb = built_in()
    assert understand(kb, "bà đánh rơi thẻ căn cước ở chợ rồi").keys[:1] == ["id-card-lost"]
    assert understand(kb, "cccd cua toi bi gay lam lai o dau").keys[:1] == ["id-card-lost"]
    assert understand(kb, "quen mat khau dinh danh dien tu").keys[:1] == ["vneid-password"]


# Messages a reviewer wrote against the intents (2026-11-28): what each must come to. "scam"
# is any scam warning; "answer" any answer given with confidence; "!x" is anything but x.
INTENT_CASES = [
    ("Cảm ơn em, hôm qua có người gọi tự xưng công an bắt bà chuyển tiền", "scam"),
    ("Cảm ơn cháu. Bà quên mật khẩu VNeID rồi", "vneid-password"),
    ("Thanks! Now I need to change the phone number on my VNeID", "vneid-phone"),
    ("Cảm ơn cháu, còn cách thêm bằng lái vào ví VNeID", "vneid-wallet"),
    ("Con lỡ chuyển nhầm 2 tỷ cho người lạ", "!thanks"),
    ("Hồi nãy có người gọi tự xưng công an: yêu cầu bà chuyển tiền vào tài khoản", "scam"),
    ("Quên mật khẩu VNeID, cho em hỏi: làm sao lấy lại", "vneid-password"),
    ("Bà Sáu tổ 7 nhờ em hỏi: đổi số điện thoại VNeID thế nào", "vneid-phone"),
    ("Tổ có hỗ trợ tại nhà được không ạ?", "home_visit"),
    ("Bà già rồi, nhờ tổ đến nhà giúp, số điện thoại của bà là 0912345678", "home_visit"),
    ("I'm old, please send someone to my house, my number is 0912345678", "home_visit"),
    ("Can someone come to my house to help me install VNeID", "home_visit"),
    # Asked for a code: never to give it, not a visit: the account-safety answer (as the
    # blind writers of 2026-12-07 labelled such questions) or the "update your details"
    # warning (as those of 2026-12-08 did); either says never to give it.
    ("Có người đến nhà bảo bà đưa mã OTP để cập nhật căn cước", "answer"),
    ("Tôi muốn ghé qua phường làm căn cước thì mang giấy gì", "!home_visit"),
    ("Đăng ký nhận kết quả tại nhà qua bưu điện được không", "!home_visit"),
    ("Chế độ trợ cấp cho người khuyết tật cần giấy tờ gì", "!home_visit"),
    ("Nộp hồ sơ khai sinh qua link dịch vụ công ở đâu", "dvc-submit"),
    ("How do I get a criminal record certificate from the police?", "!scam"),
    ("Lệ phí làm hộ chiếu giá là bao nhiêu, chuyển khoản được không", "!scam"),
    ("xổ số: hôm nay ra số mấy", "none"),
    ("giá vàng hôm nay bao nhiêu tiền", "none"),
    ("Số để đăng nhập VNeID là số gì", "!none"),
    ("Đăng nhập app căn cước không được", "!id-card-lost"),
    ("ok máy", "!thanks"),
    ("Chờ tý", "!thanks"),
    (
        "Xin trân trọng cảm ơn quý cán bộ đã nhiệt tình hướng dẫn. Chúc các đồng chí mạnh khỏe.",
        "thanks",
    ),
    # Written for this session's changes (2026-12-07), not taken from any set.
    ("Tra cứu phạt nguội giảm 50% tại phatnguoi-nhanh.click, vào được không", "scam"),
    ("có ai gửi link vneid-xacthuc.com bảo đăng nhập lại", "scam"),
    ("vào dichvucong.gov.vn đăng nhập thế nào", "dvc-login"),
    ("Tin nhắn bảo tải app ở csgt-vn.top, giờ tôi báo ai", "scam-hotline-156"),
    ("Bà cảm ơn mấy đứa tình nguyện viên lắm", "thanks"),
    ("Xin đăng ký để tổ đến tận nhà hướng dẫn. Xin chân thành cảm ơn.", "home_visit"),
    ("nhờ mấy em qua tiệm chỉ cô bán hàng cách nhận tiền qua mã", "home_visit"),
    ("hẹn bạn nào tới nhà lúc 9h sáng được không", "home_visit"),
    ("Có người tôi quen bảo cài lại VNeID", "!home_visit"),
    ("oke oke", "thanks"),
    ("bot ơi bạn tên gì thế", "thanks"),
    ("cài cái vê en ê ai đi thế nào", "vneid-install"),
    ("quen mat khau icloudd", "!answer"),
    ("acc game bị hack, lấy lại sao", "!answer"),
    ("địa chỉ bệnh viện tỉnh ở đâu", "!home_visit"),
    ("Bố tôi không đi được, tôi muốn gọi cho phường hỏi thay bố, số máy là gì", "!home_visit"),
    ("nhà tôi ở hẻm sâu, có ai xuống giúp được không", "home_visit"),
    ("Great, it works now. Thanks!", "thanks"),
    # From a review of those changes: ordinary questions that must stay questions.
    ("Các con tôi ở xa, làm sao cài VNeID cho mẹ", "!home_visit"),
    ("em nào đến 14 tuổi phải làm căn cước", "id-card-child"),
    ("tôi xuống phường nộp hồ sơ có cần mang gì không", "!home_visit"),
    ("có người lên mạng bán thông tin căn cước thì báo ai", "!home_visit"),
    ("vào https://dichvucong.gov.vn/p/home/dvc-trang-chu.html bấm đăng nhập chỗ nào", "!scam"),
    ("Tôi quên mật khẩu VNeID.Giúp tôi với", "vneid-password"),
    ("cảm ơn cháu, chiều mai cháu ghé nhà bà nhé", "home_visit"),
    ("chúc các cháu sức khỏe, mai các cháu qua nhà bà nhé", "home_visit"),
    ("cam on to cong nghe so nhieu nha", "thanks"),
    ("Cảm ơn mấy em nhiều quá nha", "thanks"),
    ("Cảm ơn các cháu đã đến tận nhà, bà dùng được rồi", "thanks"),
    ("Các con tôi cho tôi cái điện thoại mới, cài VNeID thế nào", "!home_visit"),
    ("Trẻ em nào đến lúc 14 tuổi phải làm căn cước", "id-card-child"),
    ("Các em qua điện thoại chỉ giúp chị cách chuyển khoản được không", "!home_visit"),
    ("Chào các em tôi muốn được hướng dẫn cài VNeID", "!home_visit"),
    ("nhờ các cháu qua zalo chỉ bà cách chuyển tiền", "!home_visit"),
    ("hẹn bạn nào tới lúc 9h sáng mai giúp bà cài VNeID", "home_visit"),
    ("nhờ mấy em qua chợ đầu mối lúc 3 giờ chiều", "home_visit"),
    ("Cảm ơn các bạn hôm qua đã đến tận nhà giúp bà", "thanks"),
    ("Web của tôi là banhngon.store, khách chuyển khoản qua mã QR được không", "!scam"),
    ("Truy cập:https://vneid-capnhat.com để xác thực", "scam"),
    ("shop mình có trang banhmi.online, nhận tiền qua mã QR thế nào", "!scam"),
    ("thuê nhà qua trang thue-nha.com thì khai báo tạm trú thế nào", "!scam"),
    ("giấy tờ liên quan đến làm căn cước cho con gồm những gì", "id-card-child"),
    ("Cục CSGT: tra cứu và nộp phạt tại csgt-vn.top trong 24h", "scam-lookalike-site"),
    # Written for the changes of 2026-12-07 (afternoon), not taken from any set.
    ("nộp hồ sơ trên dichvucong.danang.gov.vn ở mục nào", "!scam"),
    ("trang dichvucong-danang.gov.vn.top có phải thật không", "scam"),
    ("sáng mai mấy cháu qua giúp bà được không", "home_visit"),
    ("mấy em có qua được bước quét mặt không", "!home_visit"),
    ("Ông nhà tôi liệt giường, muốn làm lại căn cước thì sao", "home_visit"),
    ("Tổ công nghệ số cộng đồng có lớp dạy dùng điện thoại không", "skills-bdhvs"),
    ("số điện thoại tổ công nghệ số", "ward-phone"),
    ("ông bị đau lưng thì uống thuốc gì", "!home_visit"),
    ("tra cứu fạt nguội ở đâu", "traffic-fine"),
    ("con lỡ bấm vào đường link lạ, tài khoản ngân hàng có bị mất tiền không", "pay-safety"),
    ("có tin nhắn bảo bấm vào link vneid-capnhat.top để giữ tài khoản ngân hàng", "scam"),
    # From the review of those changes: words of a visit used otherwise.
    ("con lên giúp mẹ tài khoản mức 2 được không", "vneid-levels"),
    ("tuần này tôi đi công tác không ra phường được, nộp hồ sơ online thế nào", "!home_visit"),
    ("mình ghé bác sĩ hôm qua, giờ muốn xem thẻ bhyt", "!home_visit"),
    ("trang vneid.gov.vn có phải trang thật không", "scam-lookalike-site"),
    ("bố em bị tiểu đường, quên mật khẩu vneid rồi", "vneid-password"),
    # The issue's own example of someone who cannot manage alone: the visit flow.
    ("tôi già không biết dùng điện thoại", "home_visit"),
    ("nhờ ai đó qua nhà cài giùm cái app cho bà", "home_visit"),
    # Thanks for help already given, or for an answer understood, is no request.
    ("cảm ơn tổ công nghệ số đã chỉ bà cài vneid", "thanks"),
    ("ok đã rõ", "thanks"),
    ("xong r iu ad 😘", "thanks"),
    # The speaker going somewhere, water in the house, not having to go: no visit.
    ("Tôi sang nhà hàng xóm nhờ họ cài", "!home_visit"),
    ("nhà bị nước vào nhà trôi hết giấy tờ, làm lại căn cước sao", "id-card-lost"),
    ("nộp phạt nguội thế nào cho khỏi lên tận nơi", "traffic-fine"),
    # "độ" and "đồ" are no "vô": speeding is a traffic fine.
    ("bị phạt quá tốc độ nộp tiền ở đâu", "traffic-fine"),
    # A shortened link hides where it leads: a scam warning.
    ("Vay tien nhanh 50 trieu khong the chap, bam bit.ly/vay50tr de nhan", "scam"),
    # A page told of in words, in an office's name: the fake-site warning, not a call's.
    (
        "trang web tự xưng cục thuế bảo hoàn thuế, bắt nhập tài khoản ngân hàng",
        "scam-lookalike-site",
    ),
    # Waiting for a code by SMS, a package ("gói") on a shelf: no stranger reaching out.
    ("tôi cài app rồi mà chờ mãi không thấy tin nhắn mã kích hoạt", "vneid-activate"),
    ("quét mã qr trên gói bột giặt trúng thưởng đổi quà ở đâu", "!scam"),
    # Wishes after a greeting are a greeting ("tốt lành" is no "tốt" and a word left over).
    ("Chào bạn, chúc cả nhà một ngày tốt lành", "thanks"),
    ("hi there", "thanks"),
    # Central speech: "ở mô" is "ở đâu", "chi" is "gì".
    ("Ủy ban phường ở mô rứa?", "ward-office"),
    ("ông bị đau khớp gối thì uống thuốc chi", "!home_visit"),
    ("khi mở app thì báo lỗi", "!ward-office"),
    # The family's truck ("xe tải nhà tôi") is no "tại nhà".
    ("xe tải nhà tôi có bị phạt nguội không", "traffic-fine"),
    ("Phường có tuyển người làm không", "!answer"),
    # A class at the community hall is no visit to one's home.
    ("Tổ có buổi hướng dẫn dùng điện thoại ở nhà văn hóa không", "skills-bdhvs"),
    ("Bị lừa rồi, tiền có lấy lại được không", "scam-hotline-156"),
    ("Ông nhà tôi mới mổ xong nằm nhà, có ai xuống giúp được không", "home_visit"),
    # A look-alike address and no app told of: a page, not an app to install.
    ("link dichvucong-gov.vn này có thật không", "scam-lookalike-site"),
    # Asking which number to call is no stranger's call.
    ("có số nào gọi nhờ hỗ trợ cài app không", "!scam"),
    ("Có người gọi video mặc quân phục công an, bảo có lệnh bắt, không được nói với ai", "scam"),
    # "tôi chỉ có" folds as "tới chỉ" (come and show) would.
    ("Tôi chỉ có một cái điện thoại thì quét mã QR đăng nhập dịch vụ công kiểu gì", "!home_visit"),
    ("tôi ngồi xe lăn, không tự cài vneid được", "home_visit"),
    ("da hieu, cam n", "thanks"),
    ("Vâng, tôi hiểu rồi, để mai tôi làm theo", "thanks"),
    ("vay tiền nhanh không cần thế chấp ở đâu", "!answer"),
    ("bị khách gửi bill chuyển khoản giả, báo ai", "scam-hotline-156"),
    ("chủ nhựt phường có làm việc hôg", "ward-hours"),
    # A doctor coming to the house, a class at the community hall: no visit of the team.
    ("bác sĩ tới nhà khám cho ông thì đặt lịch ở đâu", "!home_visit"),
    ("có người xuống nhà văn hóa dạy dùng điện thoại không", "skills-bdhvs"),
    # Cheated by a fake official, asking for the money back: how to report it.
    ("ba tôi chuyển tiền cho đứa giả công an rồi, lấy lại được không", "scam-hotline-156"),
    # A fake proof of payment is a scam told, with or without a question.
    ("khách gửi bill chuyển khoản giả rồi lấy hàng đi", "answer"),
    ("xin chào, mình mới vào nhóm", "thanks"),
    ("chúc mừng năm mới cả phường", "thanks"),
    ("any good hotels near the ward office?", "!answer"),
    (
        "My grandmother is very old and can't leave the house. Can someone come to help?",
        "home_visit",
    ),
    # Wanting someone to come and install apps is a visit request, not a stranger's demand.
    ("hai ông bà già ở một mình, muốn có người đến giúp cài ứng dụng", "home_visit"),
    ("nhà có cụ 92 tuổi, cần cập nhật thông tin mà cụ không ra ngoài được nữa", "home_visit"),
    # A link told of in words, no app: the fake-site warning; an app to install: the app's.
    ("Nhận tin nhắn báo tài khoản bị khóa, bấm vào link để mở khóa", "scam-lookalike-site"),
    ("Có người gửi link qua zalo bảo tải vneid phiên bản mới", "scam-fake-app"),
    # The portal's own SMS about a dossier is no stranger asking for a code.
    ("Tin nhắn báo hồ sơ của bạn đã được tiếp nhận, mã số 123, xem đến đâu rồi", "!scam"),
    ("got it, cheers", "thanks"),
    ("oki đã hỉu r nha", "thanks"),
    # Medicine is no subject the team comes to the house for, whoever asks.
    ("bà tôi già rồi bị tiểu đường nên ăn gì", "!home_visit"),
    # Naming the team in a greeting or in thanks is no request for a visit.
    ("chào tổ công nghệ số", "thanks"),
    ("Thành thật cảm ơn tổ công nghệ số đã nhiệt tình giúp đỡ mẹ tôi suốt tháng qua", "thanks"),
    ("hello, good afternoon", "thanks"),
    # Asking the team to explain a named topic is a question; someone coming to show is not.
    ("Kính mong tổ công nghệ số hướng dẫn giúp cách đổi số điện thoại trên VNeID", "vneid-phone"),
    ("có em nào qua hướng dẫn ông tôi dùng điện thoại được không", "home_visit"),
    ("Xem số dư trên app thế nào, tôi chỉ quen ra cây ATM rút", "!home_visit"),
    # A parcel held is no phone call: a link to pay for it is a fake site.
    (
        "tin nhắn bảo gói hàng bị giữ, bấm link để trả phí giao lại, có phải giả không",
        "scam-lookalike-site",
    ),
    ("I was scammed and sent money to a fraudster. Is there a hotline?", "scam-hotline-156"),
    # A blocked drain or a lease is no ward help-desk subject, whoever comes for it.
    ("Cống nước trước nhà bị tắc, khi nào người ta đến nạo vét", "!answer"),
    ("Cống nước trước nhà bị tắc, khi nào người ta đến nạo vét", "!home_visit"),
    ("giá thuê phòng trọ gần chợ bao nhiêu", "!answer"),
    # Someone who cannot manage alone and asks as others asked of a topic gets that topic
    # first (and a visit offered beside it); saying only that one cannot manage is a request.
    ("tôi già rồi mắt kém, muốn chuyển tiền cho con qua app ngân hàng thì làm sao", "pay-bank-app"),
    ("tôi già rồi mắt kém, muốn chuyển tiền cho con qua app ngân hàng thì làm sao", "!home_visit"),
    ("tôi già không biết dùng điện thoại", "home_visit"),
    # A card that must be renewed or is printed wrong is replaced (cấp đổi), like a damaged one.
    ("Căn cước của tôi sắp hết hạn vì năm nay tôi đủ 40 tuổi, đổi ở đâu", "id-card-lost"),
    ("thẻ căn cước in sai ngày sinh của tôi, sửa thế nào", "id-card-lost"),
    ("Xem thông tin cư trú của mình trên VNeID ở mục nào", "vneid-wallet"),
    # Everyday phone skills are the learning entry ("chữ" folds as the stop word "chú").
    ("cách chỉnh cỡ chữ trên điện thoại cho to", "skills-bdhvs"),
    ("gọi video zalo cho con thế nào", "skills-bdhvs"),
    # Goodbyes and blessings are thanks; a bedside is a place to come to; a barber or who
    # governs is nobody's to answer here.
    ("Tạm biệt nhé, hẹn gặp lại", "thanks"),
    ("ok that's all, goodbye", "thanks"),
    ("Xin Chúa ban phước lành cho các con", "thanks"),
    ("Mẹ tôi đang nằm viện, có cán bộ nào đến tận giường bệnh làm giúp được không", "home_visit"),
    ("Có chú nào về nhà cài giúp tôi cái VNeID không", "home_visit"),
    ("Số của tổ công nghệ số là số mấy", "!home_visit"),
    ("có thợ cắt tóc nào đến tận nhà không, ông tôi nằm một chỗ", "!home_visit"),
    ("chủ tịch phường mới là ai", "!answer"),
    # A message to update one's details is that warning; one to unlock an account by a link
    # is the fake page's.
    ("nhà mạng gọi bảo chuẩn hoá thuê bao không thì khoá sim, đọc mã otp", "scam-address-update"),
    # An app's name inside a web address is a page, not an app to install.
    ("tin nhắn gửi trang vneid-xacthuc.top bảo đăng nhập, có thật không", "scam-lookalike-site"),
    # Asking for someone to come is no stranger who came.
    ("nhờ có người xuống tận nhà xem giúp điện thoại, bà không vào được ứng dụng", "home_visit"),
]


@pytest.mark.parametrize(("message", "want"), INTENT_CASES)
def test_what_a_message_comes_to(message: str, want: str) -> None:
    found = understand(built_in(), message)
    if want.lstrip("!") == "scam":
        hit = found.outcome == Outcome.ANSWER and found.keys[0].startswith("scam-")
    elif want.lstrip("!") in (Outcome.THANKS, Outcome.HOME_VISIT, Outcome.NONE, Outcome.ANSWER):
        hit = found.outcome == want.lstrip("!")
    else:
        hit = found.keys[:1] == [want.lstrip("!")]
    assert hit != want.startswith("!"), (found.outcome, found.keys)


def test_a_vague_question_gets_a_short_list_not_an_answer() -> None:
    result = built_in().search("vneid")
    assert result.outcome == Outcome.CHOOSE
    assert 2 <= len(result.keys) <= 3


def test_a_ward_can_override_an_entry_and_write_its_local_ones() -> None:
    kb = built_in().with_ward(
        [
            WardText(
                "ward-hours",
                "vi",
                "Giờ làm việc",
                "Thứ 2 đến thứ 6, 7h30-17h.",
                None,
                dt.date(2026, 11, 1),
                None,
                7,
            ),
            WardText(
                "vneid-install",
                "vi",
                "Cài VNeID",
                "1. Ra nhà văn hoá tổ 3.",
                None,
                dt.date(2026, 11, 1),
                None,
                7,
            ),
            WardText(
                "ward-library",
                "vi",
                "Thư viện phường",
                "1. Mở cửa sáng thứ 7.",
                None,
                dt.date(2026, 11, 1),
                "thu vien, muon sach",
                7,
            ),
        ]
    )
    hours = kb.entry("ward-hours", "en")
    assert hours is not None and hours.answerable  # Vietnamese text for an English reader
    assert kb.entry("vneid-install", "vi").body == "1. Ra nhà văn hoá tổ 3."
    assert kb.entry("vneid-install", "en").body.startswith("Install VNeID")
    assert kb.search("thu vien phuong muon sach").keys[:1] == ["ward-library"]
    # Nobody has asked of the ward's own entry yet: the questions asked of ours ("mở cửa")
    # do not push it down the list its score tops.
    assert kb.search("thư viện phường mở cửa khi nào").keys[:1] == ["ward-library"]
    assert built_in().entry("ward-library", "vi") is None  # other wards are not affected


def test_personal_numbers_are_stripped_from_a_kept_question() -> None:
    text = "cccd 001203004567 sdt 0912 345 678 quen mat khau, chuyen 10 trieu"
    stripped = strip_personal_data(text)
    assert "001203004567" not in stripped and "345" not in stripped
    assert "quen mat khau" in stripped and "10 trieu" in stripped


# -- the sets written by people who never saw the knowledge base (issue 14) ------------------

# The topic labels the writers were given, and the entry each one means.
TOPIC_KEYS = {
    "skills": "skills-bdhvs",
    "scam-fake-website": "scam-lookalike-site",
    "scam-report": "scam-hotline-156",
    "ward-address": "ward-office",
    "child-id": "id-card-child",
    "lost-id-card": "id-card-lost",
}
# Used for tuning, and shipped: the help desk answers like the questions they hold
# (locales/kb/asked). Each was written blind and became a development set once tuned on.
ASKED = Path(__file__).parents[2] / "locales" / "kb" / "asked"
DEV_SETS = tuple(sorted(path.name for path in ASKED.glob("kb_dev*.tsv")))
# Never used for tuning (only their scores are read): new questions, new file.
BLIND_SETS = (
    *(f"kb_blind{n}_2026-11-28.tsv" for n in ("", "2", "3", "4", "5", "6")),
    "kb_blind7_2026-12-07.tsv",
    "kb_blind8_2026-12-07.tsv",
    "kb_blind9_2026-12-07.tsv",
    "kb_blind10_2026-12-07.tsv",
    "kb_blind11_2026-12-07.tsv",
    "kb_blind12_2026-12-07.tsv",
    "kb_blind13_2026-12-07.tsv",
    "kb_blind14_2026-12-07.tsv",
    "kb_blind15_2026-12-07.tsv",
    "kb_blind16_2026-12-07.tsv",
    "kb_blind17_2026-12-07.tsv",
    "kb_blind18_2026-12-07.tsv",
    "kb_blind19_2026-12-07.tsv",
    "kb_blind20_2026-12-07.tsv",
    "kb_blind21_2026-12-07.tsv",
    "kb_blind23_2026-12-08.tsv",
    "kb_blind25_2026-12-08.tsv",
    "kb_blind27_2026-12-08.tsv",
    "kb_blind30_2026-12-08.tsv",
    "kb_blind33_2026-12-08.tsv",
    "kb_blind34_2026-12-08.tsv",
)


@dataclass
class Scores:
    questions: int
    top1: float
    confident_wrong: float
    off_topic_answered: int
    home_visit: float
    ms_per_question: float

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.questions} questions, top-1 {self.top1:.1%}, confident wrong "
            f"{self.confident_wrong:.1%}, off-topic answered confidently "
            f"{self.off_topic_answered}, home-visit requests reaching the flow "
            f"{self.home_visit:.1%}, {self.ms_per_question:.1f} ms a question"
        )


def read_set(name: str) -> list[tuple[str, str]]:
    folder = ASKED if name in DEV_SETS else Path(__file__).parent
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
    return [(row["question"], TOPIC_KEYS.get(row["topic"], row["topic"])) for row in rows]


def scores(rows: list[tuple[str, str]], kb: KnowledgeBase | None = None) -> Scores:
    """What `understand` makes of each question against its writer's topic: a topic right
    when it is the answer or first of the list; thanks and home-visit requests right when
    recognised; an off-topic question right when not answered with confidence."""
    kb = kb or built_in()
    right = wrong = off = visits = visits_right = 0
    started = time.perf_counter()
    for question, topic in rows:
        found = understand(kb, question)
        top = found.keys[0] if found.keys else None
        if topic == "off-topic":
            ok = found.outcome not in (Outcome.ANSWER, Outcome.HOME_VISIT)
            off += not ok
        elif topic == "home-visit":
            ok = found.outcome == Outcome.HOME_VISIT
            visits += 1
            visits_right += ok
        elif topic == "thanks":
            ok = found.outcome == Outcome.THANKS
        else:
            ok = found.outcome in (Outcome.ANSWER, Outcome.CHOOSE) and top == topic
        if found.outcome == Outcome.ANSWER and topic != "off-topic" and top != topic:
            wrong += 1
        right += ok
    elapsed = time.perf_counter() - started
    n = len(rows)
    return Scores(n, right / n, wrong / n, off, visits_right / max(visits, 1), 1000 * elapsed / n)


def test_the_sets_use_only_known_topics_and_the_blind_one_is_large_and_varied() -> None:
    keys = {e.key for e in built_in().entries("vi")} | {"off-topic", "home-visit", "thanks"}
    for name in (*DEV_SETS, *BLIND_SETS):
        rows = read_set(name)
        assert {topic for _q, topic in rows} <= keys, name
    for name in BLIND_SETS:
        blind = read_set(name)
        assert len(blind) >= 200
        assert sum(topic == "home-visit" for _q, topic in blind) >= 20
        assert sum(topic == "off-topic" for _q, topic in blind) >= 20
        assert sum(not any(ord(c) > 127 for c in q) for q, _t in blind) >= 50  # no diacritics


@pytest.mark.parametrize(
    "name", ["kb_dev11_2026-12-07.tsv", "kb_dev18_2026-12-07.tsv", "kb_dev25_2026-12-08.tsv"]
)
def test_a_list_puts_first_the_entry_the_question_is_most_like(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unsure, the help desk offers a list: ordered by naive Bayes over what was written for
    each entry as well as by score, its first is right more often. Three development sets,
    each held out: 93.2%, 93.3%, 92.6% top-1 by score alone; 95.5%, 95.1%, 94.9% with it.
    All 26 development sets, each held out (2026-12-08): 95.5% -> 96.7%, better on 21 of
    them, the same on 4, worse on one (-0.3 points)."""
    held_out = built_in().with_asked(asked_questions(without=[name]))
    rows = read_set(name)
    ordered = scores(rows, held_out)
    monkeypatch.setattr(knowledge, "BAYES_WEIGHT", 0.0)
    monkeypatch.setattr(knowledge, "BAYES_DOUBT", 0.0)
    by_score = scores(rows, held_out)
    assert ordered.top1 >= by_score.top1 + 0.015
    assert ordered.confident_wrong <= by_score.confident_wrong  # it never makes one sure


@pytest.mark.parametrize("name", ["kb_dev9_2026-12-07.tsv", "kb_dev13_2026-12-07.tsv"])
def test_an_answer_unlike_what_was_asked_of_it_is_offered_in_a_list(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer sure by its keywords, which naive Bayes finds unlike the questions asked of
    it, is the first of a list instead: fewer confident wrong answers (held out, 2026-12-08:
    2.5% -> 1.6% and 1.5% -> 1.2%), and never fewer right first answers (94.3% -> 94.6% and
    95.9% on both): the doubted answer stays first, and as a list a message may also be
    read as the call for a visit it is."""
    held_out = built_in().with_asked(asked_questions(without=[name]))
    rows = read_set(name)
    doubting = scores(rows, held_out)
    monkeypatch.setattr(knowledge, "BAYES_DOUBT", 0.0)
    sure = scores(rows, held_out)
    assert doubting.confident_wrong < sure.confident_wrong
    assert doubting.top1 >= sure.top1


@pytest.mark.parametrize("name", DEV_SETS)
def test_a_development_set_held_out(name: str) -> None:
    """Scored as if its questions had never been asked: the help desk answers like the
    questions of the other sets only."""
    held_out = built_in().with_asked(asked_questions(without=[name]))
    found = scores(read_set(name), held_out)
    print("\n" + found.line(f"development set {name} (tuned on; held out)"))
    assert found.top1 >= 0.9
    assert found.confident_wrong <= 0.025
    assert found.off_topic_answered == 0
    assert found.home_visit >= 0.9


# What each blind set measured at the end of 2026-12-07 (second session of the day), with
# the tuning and the asked questions of then: (top-1, confidently wrong, off-topic answered,
# home-visit). Held so that none can silently get worse; they are no target (the issue's:
# top-1 95%, no off-topic answer, home-visit 90%). Sets 8 and 9 were scored first at the
# session's start (on the code of then, cb9a71b), shown after the arrow. (c): raised to what
# the set measured at the end of the sixth session of 2026-12-07, once lists were ordered by
# naive Bayes and answers it doubts offered as lists (`_Bayes`, chosen on the development
# sets held out; no blind question was looked at to choose it).
BLIND_FLOORS = {
    "kb_blind_2026-11-28.tsv": (0.97, 0.01, 0, 0.9),  # 97.9%, 0.4%, 0, 91.3% (c)
    "kb_blind2_2026-11-28.tsv": (0.97, 0.01, 0, 0.96),  # 97.9%, 0.0%, 0, 96.2% (c)
    "kb_blind3_2026-11-28.tsv": (0.96, 0.01, 0, 0.9),  # 96.6%, 0.6%, 0, 100.0% (c)
    "kb_blind4_2026-11-28.tsv": (0.95, 0.02, 0, 0.9),  # 96.1%, 0.9%, 0, 93.1% (c); 95.8% (d)
    "kb_blind5_2026-11-28.tsv": (0.96, 0.02, 0, 0.9),  # 97.0%, 1.0%, 0, 100% (a, c); 96.7% (d)
    # 95.2% until development sets 12 and 13 joined the asked questions (2026-12-07).
    "kb_blind6_2026-11-28.tsv": (0.96, 0.01, 1, 0.92),  # 97.5%, 0.3%, 1, 96.2% (c); 96.8% (d)
    "kb_blind7_2026-12-07.tsv": (0.97, 0.01, 0, 0.9),  # 97.9%, 0.3%, 0, 100.0% (c)
    # Voice-typed, regional, household businesses (b): 91.1%, 2.5%, 2, 96.4% ->
    # 92.8% once development sets 16-19 joined the asked questions (2026-12-07, fourth
    # session): the asked questions of sets 16 and 18 move two of its answers.
    "kb_blind8_2026-12-07.tsv": (0.94, 0.025, 0, 0.96),  # 94.7%, 1.7%, 0, 96.4% (c)
    # A balanced mix of a ward's residents: 87.2%, 2.0%, 2, 83.9% ->
    # ... -> 92.2%, 1.2%, 1, 87.1% once development set 19 joined the asked questions
    # (2026-12-07, fourth session): one request for a visit of 31 then names a topic.
    "kb_blind9_2026-12-07.tsv": (0.93, 0.015, 1, 0.87),  # 94.2%, 1.2%, 1, 87.1%; 93.9% (d)
    # Southern speech, elderly people at length: 92.4%, 1.8%, 0, 96.4% when first scored ->
    "kb_blind10_2026-12-07.tsv": (0.95, 0.01, 0, 0.96),  # 95.7%, 0.6%, 0, 96.4% (fifth session)
    # Northern city, worried people, screen text: 95.7%, 1.5%, 1, 100% when first scored ->
    "kb_blind11_2026-12-07.tsv": (0.97, 0.01, 0, 0.96),  # 97.6%, 0.9%, 0, 100.0% (c)
    # Written on 2026-12-07 in the third session of the day, scored first on the code of
    # then with three small rules of the session (cf2a04d + visit and thanks words), before
    # development sets 14 and 15 were tuned on. Mekong Delta, long polite messages,
    # caregivers: 96.4%, 0.9%, 0, 100% when first scored ->
    "kb_blind12_2026-12-07.tsv": (0.98, 0.01, 0, 0.96),  # 98.2%, 0.0%, 0, 100.0% (c)
    # Northern mountains, short plain Vietnamese, riders, scared people: 95.5%, 0.3%, 0,
    # 100% when first scored ->
    "kb_blind13_2026-12-07.tsv": (0.97, 0.01, 0, 0.96),  # 97.0%, 0.3%, 0, 100.0% (c)
    # Written on 2026-12-07 in the fourth session of the day, scored first on the code of
    # then (cbd4a80), before development sets 16 and 17 were tuned on. A balanced mix of
    # residents across the country: 95.0%, 1.8%, 1, 89.3% when first scored.
    "kb_blind14_2026-12-07.tsv": (0.97, 0.02, 0, 0.89),  # 97.1%, 0.9%, 0, 89.3% (c)
    # Written later the same session, scored first on fb106a9 (development sets 16 and 17
    # tuned on), before development sets 18 and 19 were. North, centre and south, elderly
    # people, businesses, workers, teenagers for grandparents: 93.5%, 1.7%, 0, 96.4%.
    "kb_blind15_2026-12-07.tsv": (0.95, 0.02, 0, 0.96),  # 95.8%, 1.1%, 0, 100.0% (c)
    # Scored first on 4d1066a (development sets 16-19 tuned on). Elderly people and their
    # children, shop owners, workers, students, people worried about scams, the whole
    # country: 95.6%, 1.5%, 0, 96.4% when first scored.
    # 95.3% at the end of that session; 95.0% once development sets 22 and 23 were tuned on
    # (2026-12-07, fifth session): the floor is 94%.
    "kb_blind16_2026-12-07.tsv": (0.96, 0.02, 0, 0.96),  # 96.2%, 1.5%, 0, 96.4% (c)
    # Scored first on c6f7d20 (development sets 16-21 tuned on). Elderly people, parents,
    # shop owners, workers, teenagers for grandparents, every region: 94.2%, 0.6%, 1, 96.4%.
    "kb_blind17_2026-12-07.tsv": (0.96, 0.01, 0, 0.96),  # 97.4%, 0.3%, 0, 100.0% (c); 96.8% (d)
    # Written on 2026-12-07 in the fifth session of the day, scored first on bc5cc28 (the
    # help desk of 8e88378) before development sets 22 and 23 were tuned on. Mekong delta
    # and Southern speech, market stalls, night shifts, poor eyesight or hearing, neighbours
    # asking for someone else: 92.5%, 0.8%, 0, 100% when first scored.
    # After development sets 22 and 23 were tuned on (same session): 94.1% top-1, one more
    # confident wrong answer (1.1%).
    "kb_blind18_2026-12-07.tsv": (0.95, 0.015, 0, 0.96),  # 96.4%, 1.1%, 0, 100.0% (c); 95.3% (d)
    # Scored first on 598aab6 (development sets 22 and 23 tuned on). Every region, a third
    # indirect, greetings and thanks mixed into questions, off-topic questions sharing the
    # topics' words: 92.7%, 0.9%, 1, 100% when first scored.
    "kb_blind19_2026-12-07.tsv": (0.92, 0.01, 1, 0.96),  # 93.6%, 0.6%, 1, 100.0% (c); 92.7% (d)
    # Written on 2026-12-07 in the sixth session of the day. A commune just merged into a
    # ward: farmers, drivers, grocery owners, grandparents raising grandchildren, terse
    # messages, two topics named and one asked. Scored first both on d69a293 and with the
    # list ordered by naive Bayes (`_Bayes`): 95.3%, 1.7%, 1, 96.4% on each.
    "kb_blind20_2026-12-07.tsv": (0.95, 0.02, 1, 0.96),  # 95.3%, 1.7%, 1, 96.4%
    # Written later the same session. A city ward of the Centre (Huế, Đà Nẵng, Quảng Nam
    # speech), retired civil servants writing at length, fishermen's families, homestay
    # owners, students helping parents, Vietnamese abroad; screens described, scam warnings
    # read then something else asked. Scored first on the code of the session's end (lists
    # ordered and answers doubted by naive Bayes, the closing words): 92.3%, 2.8%, 3, 93.1%;
    # on d69a293, for comparison: 90.3%, 2.8%, 5, 93.1%.
    "kb_blind21_2026-12-07.tsv": (0.92, 0.03, 3, 0.93),  # 92.3%, 2.8%, 3, 93.1%
    # Written on 2026-12-08 with four other sets, from a brief whose topics said more of
    # what each covers (a card expired or printed wrong, a new phone, using Zalo). Scored
    # first on 25058c1, before any change of the day: an old-quarter Hanoi ward, retired
    # teachers, stalls, students, expats; polite, indirect, screens described: 89.6%, 0.8%,
    # 1, 96.6%. Then, once the three others (development sets 24-26) were tuned on and
    # their questions shipped as asked ones:
    "kb_blind23_2026-12-08.tsv": (0.95, 0.01, 0, 0.96),  # 95.2%, 0.3%, 0, 100.0% (e)
    # Southeast industrial wards, shift workers, migrants, landladies, grandparents: 90.1%,
    # 1.3%, 1, 89.3% when first scored; then, likewise:
    "kb_blind25_2026-12-08.tsv": (0.95, 0.01, 1, 0.92),  # 95.2%, 0.5%, 1, 92.9% (e)
    # Written later the same day from the same brief, scored first on f611dee (development
    # sets 24-26 tuned on and shipped), before development sets 27 and 28 were. A coastal
    # ward of the North Central region, fishermen, families of workers abroad, very short
    # messages: 94.9%, 1.0%, 2, 96.4% (on 25058c1: 91.6%, 1.5%, 2, 96.4%). Then:
    "kb_blind27_2026-12-08.tsv": (0.95, 0.01, 1, 0.96),  # 95.4%, 0.8%, 1, 96.4% (e)
    # Five kinds of writer in turn: grandparents voice-typing, teen code, shop owners in a
    # few words, children abroad in English, neighbours passing a question on: 92.1%, 0.8%,
    # 3, 100% (on 25058c1: 89.5%, 1.5%, 3, 100%). Then:
    "kb_blind30_2026-12-08.tsv": (0.93, 0.015, 2, 0.96),  # 93.6%, 1.0%, 2, 100.0% (e)
    # Written later the same day from the same brief, scored first on e1fb7b7 (development
    # sets 24-28 tuned on and shipped), before development set 29 was. A rubber-and-cashew
    # ward near the Cambodian border, tappers at work from 2 a.m., S'tiêng and Khmer
    # residents, poor eyesight: 94.6%, 0.8%, 1, 96.4% (on 25058c1: 89.5%, 2.0%, 0, 92.9%).
    "kb_blind33_2026-12-08.tsv": (0.95, 0.01, 0, 0.96),  # 95.4%, 0.8%, 0, 96.4% (e)
    # Written last that day, scored first on 11afde8 (development sets 24-29 tuned on and
    # shipped), never tuned on. Quảng Ninh and Hải Phòng: miners, tourism and port workers,
    # seafood sellers, traders near the border, stories and quoted SMS: 94.1%, 0.5%, 1, 96.4%
    # (on 25058c1: 89.8%, 1.5%, 1, 96.4%).
    "kb_blind34_2026-12-08.tsv": (0.94, 0.01, 1, 0.96),  # 94.1%, 0.5%, 1, 96.4%
}
# (e) Once development set 29 was tuned on and shipped too (2026-12-08).
# (b) Written for household businesses, workers, voice typing and regional speech. Its
# writer's report named a few voice spellings it used; one of those ("vê en ai đi") is among
# the spellings added with development set 9, so its voice rows are not wholly blind.
# (d) 2026-12-08, once development sets 24-26 were tuned on and shipped as asked questions.
# Their writers filed some questions where the older sets' writers had filed them under
# another entry: logging in on a new phone under vneid-phone (the older sets: vneid-password),
# money sent to a wrong account under pay-safety (the older: pay-bank-app); the lists now
# put first the entry of the newer, and most of what each of these sets lost is these.
# (a) 93.0% and 1.7% before a scam whose warnings' own words are faint got the general "how
# to report it" answer (SCAM_NAMED): one question of this set went from right to wrong.


@pytest.mark.parametrize("name", BLIND_SETS)
def test_a_blind_set(name: str) -> None:
    """Printed with the issue's targets; asserted against what was measured (above)."""
    found = scores(read_set(name))
    print("\n" + found.line(f"blind set {name}"))
    print(
        "  targets: top-1 >= 95% "
        + ("met" if found.top1 >= 0.95 else "NOT MET")
        + ", off-topic answered 0 "
        + ("met" if found.off_topic_answered == 0 else "NOT MET")
        + ", home-visit >= 90% "
        + ("met" if found.home_visit >= 0.9 else "NOT MET")
    )
    top1, wrong, off_topic, home_visit = BLIND_FLOORS[name]
    assert found.top1 >= top1
    assert found.confident_wrong <= wrong
    assert found.off_topic_answered <= off_topic
    assert found.home_visit >= home_visit
