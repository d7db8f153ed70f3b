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

from bot.i18n import LANGUAGES, t
from bot.knowledge import Outcome, WardText, built_in, understand
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
DEV_SET = "kb_dev_2026-11-28.tsv"  # used for tuning
BLIND_SETS = ("kb_blind_2026-11-28.tsv",)  # never used for tuning: new questions, new file


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
    lines = (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
    return [(row["question"], TOPIC_KEYS.get(row["topic"], row["topic"])) for row in rows]


def scores(rows: list[tuple[str, str]]) -> Scores:
    """What `understand` makes of each question against its writer's topic: a topic right
    when it is the answer or first of the list; thanks and home-visit requests right when
    recognised; an off-topic question right when not answered with confidence."""
    kb = built_in()
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
    for name in (DEV_SET, *BLIND_SETS):
        rows = read_set(name)
        assert {topic for _q, topic in rows} <= keys, name
    blind = read_set(BLIND_SETS[0])
    assert len(blind) >= 200
    assert sum(topic == "home-visit" for _q, topic in blind) >= 20
    assert sum(topic == "off-topic" for _q, topic in blind) >= 20
    assert sum(not any(ord(c) > 127 for c in q) for q, _t in blind) >= 50  # no diacritics


def test_the_development_set() -> None:
    found = scores(read_set(DEV_SET))
    print("\n" + found.line("development set (tuned on)"))
    assert found.top1 >= 0.9
    assert found.confident_wrong <= 0.03
    assert found.off_topic_answered <= 1
    assert found.home_visit >= 0.9
    assert found.ms_per_question < 20


def test_the_blind_set() -> None:
    """Printed with the issue's targets (top-1 95%, no confident answer off topic, 90% of
    home-visit requests): not met yet. The assertions hold what was measured on 2026-11-28
    with the tuning of that day (87.0%, 2.5%, 1, 87.0%), so that it cannot silently get
    worse; they are no target."""
    for name in BLIND_SETS:
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
        assert found.top1 >= 0.86
        assert found.confident_wrong <= 0.03
        assert found.off_topic_answered <= 1
        assert found.home_visit >= 0.85
        assert found.ms_per_question < 20
