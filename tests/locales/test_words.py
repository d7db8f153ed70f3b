"""The words people type live in `locales/<lang>/words.toml`, complete in every language, and
the bot understands what is added there, without code."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import handlers
from bot import i18n
from bot.conversation import parse_command
from bot.core import Choice
from bot.dates import read_when
from bot.i18n import LANGUAGES, Translator, message_ids, word_lists, word_table
from bot.knowledge import Outcome, built_in, content_words, is_greeting, normalise
from bot.menu import Menu, resolve_text
from handlers.vocab import topic_choices

AddWord = Callable[[str, str, str, str], None]


def test_both_languages_have_the_same_word_lists() -> None:
    vi, en = word_table("vi"), word_table("en")
    assert set(vi) - set(en) == set(), f"sections missing in English: {set(vi) - set(en)}"
    assert set(en) - set(vi) == set(), f"sections missing in Vietnamese: {set(en) - set(vi)}"
    for section in vi:
        meanings_vi, meanings_en = set(vi[section]), set(en[section])
        assert meanings_vi - meanings_en == set(), f"[{section}] missing in English"
        assert meanings_en - meanings_vi == set(), f"[{section}] missing in Vietnamese"


def test_word_lists_hold_words() -> None:
    for lang in LANGUAGES:
        for section, table in word_table(lang).items():
            for meaning, typed in table.items():
                assert isinstance(typed, list), f"{lang} [{section}] {meaning}"
                assert all(isinstance(w, str) and w.strip() for w in typed), (lang, meaning)


def test_aliases_belong_to_labels_and_commands_to_flows() -> None:
    assert set(word_lists("aliases")) <= message_ids("vi") & message_ids("en")
    flows = handlers.all_flows()
    for flow, commands in word_lists("commands").items():
        assert flow in flows
        assert all(c.startswith("/") and " " not in c for c in commands), commands
    assert set(word_lists("languages")) == set(LANGUAGES)


@pytest.fixture
def add_word(monkeypatch: pytest.MonkeyPatch) -> Iterator[AddWord]:
    """Adds a word to a list of a words.toml, as a language or a ward would."""
    added: dict[str, list[tuple[str, str, str]]] = {lang: [] for lang in LANGUAGES}
    read = word_table

    def extended(lang: str) -> dict[str, Any]:
        table = copy.deepcopy(read(lang))
        for section, meaning, word in added[lang]:
            table.setdefault(section, {}).setdefault(meaning, []).append(word)
        return table

    def add(lang: str, section: str, meaning: str, word: str) -> None:
        added[lang].append((section, meaning, word))
        i18n.reload()

    monkeypatch.setattr(i18n, "word_table", extended)
    yield add
    monkeypatch.undo()
    i18n.reload()


TODAY = dt.date(2026, 11, 25)
SAVE_OR_NOT = Menu(1, [Choice("yes", "Lưu"), Choice("no", "Chẳng lưu")])


def topics_in_english() -> Menu:
    return Menu(1, topic_choices(Translator("en")))


# (language, section, meaning, the word added, whether it is understood)
ADDED: list[tuple[str, str, str, str, Callable[[], bool]]] = [
    ("vi", "always", "cancel", "thôi", lambda: parse_command("Thôi") == ("thoi", "")),
    ("en", "always", "start", "home", lambda: parse_command("HOME") == ("home", "")),
    ("vi", "names", "given", "Thoát", lambda: parse_command("Thoat", name_step=True) is None),
    ("vi", "commands", "help", "/giupdo", lambda: handlers.COMMANDS.get("/giupdo") == "help"),
    ("vi", "menu", "negations", "chẳng", lambda: resolve_text(SAVE_OR_NOT, "luu chang") == []),
    ("vi", "helpdesk", "stopwords", "giùm", lambda: content_words(normalise("giùm")) == []),
    ("vi", "intents", "thanks", "chào cả xóm", lambda: is_greeting("Chào cả xóm!")),
    (
        "vi",
        "helpdesk",
        "other_services",
        "momo",
        lambda: built_in().search("quên mật khẩu vneid momo").outcome != Outcome.ANSWER,
    ),
    (
        "vi",
        "synonyms",
        "matkhau",
        "mã bí mật",
        lambda: normalise("Quên mã bí mật") == "quen matkhau",
    ),
    (
        "vi",
        "aliases",
        "topic-other",
        "linh tinh",
        lambda: resolve_text(topics_in_english(), "linh tinh") == ["other"],
    ),
    ("en", "days", "today", "2day", lambda: read_when("2day", TODAY) is not None),
]


@pytest.mark.parametrize(
    ("lang", "section", "meaning", "word", "understood"),
    ADDED,
    ids=[f"{section}-{meaning}" for _lang, section, meaning, _word, _check in ADDED],
)
def test_a_word_added_to_words_toml_is_understood(
    add_word: AddWord,
    lang: str,
    section: str,
    meaning: str,
    word: str,
    understood: Callable[[], bool],
) -> None:
    assert not understood()
    add_word(lang, section, meaning, word)
    assert understood()


async def test_added_words_reach_the_conversation(chat, add_word: AddWord) -> None:  # type: ignore[no-untyped-def]
    add_word("vi", "languages", "en", "tiếng Mỹ")
    add_word("en", "commands", "language", "/idiom")
    assert i18n.t("vi", "language-ask") in await chat.send("/idiom")
    assert (await chat.send("tieng my")).startswith(i18n.t("en", "language-set"))
    add_word("vi", "always", "cancel", "thôi")
    assert (await chat.send("thôi")).startswith(i18n.t("en", "nothing-to-cancel"))
