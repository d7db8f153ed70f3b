"""The one i18n lookup. Strings live in `locales/<lang>.ftl` and `locales/<lang>/*.ftl` (one
file per part of the product; Project Fluent). Vietnamese is the default and every key
exists in English too (a test checks that).

The words people type (commands, menu aliases, negations, dates, the help desk's synonyms,
stop words and greetings) live in `locales/<lang>/words.toml`: sections of meanings, each a
list of words. Every language's words are understood whatever the reader's language, as
people mix them ("huỷ" or "cancel"); a list grows in those files, never in code."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent_ast

from bot.text import fold

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def sources(lang: str) -> list[tuple[str, str]]:
    """(file name, text) of every Fluent file of one language."""
    root = resources.files("locales")
    files = [root.joinpath(f"{lang}.ftl")]
    folder = root.joinpath(lang)
    if folder.is_dir():
        files += sorted(
            (f for f in folder.iterdir() if f.name.endswith(".ftl")), key=lambda f: f.name
        )
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@lru_cache(maxsize=len(LANGUAGES))
def bundle(lang: str) -> FluentBundle:
    b = FluentBundle([lang], use_isolating=False)
    for _name, source in sources(lang):
        b.add_resource(FluentResource(source))
    return b


def word_table(lang: str) -> dict[str, Any]:
    """`locales/<lang>/words.toml` as read (empty for a language without one). Shared: do
    not change what it returns."""
    return _words_file(lang)


@lru_cache(maxsize=8)
def _words_file(lang: str) -> dict[str, Any]:
    path = resources.files("locales").joinpath(lang, "words.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=64)
def word_lists(section: str) -> dict[str, tuple[str, ...]]:
    """The words people type for each meaning of `section` of `locales/<lang>/words.toml`,
    folded (no diacritics, any case), in every language at once: people mix them ("hom
    qua", "yesterday"). In the files' order, Vietnamese first, each word once."""
    found: dict[str, dict[str, None]] = {}
    for lang in LANGUAGES:
        for meaning, typed in word_table(lang).get(section, {}).items():
            if not isinstance(typed, list):
                raise ValueError(f"{lang}/words.toml [{section}] {meaning}: not a list of words")
            found.setdefault(str(meaning), {}).update(dict.fromkeys(fold(w) for w in typed))
    return {meaning: tuple(typed) for meaning, typed in found.items()}


@lru_cache(maxsize=64)
def words(section: str) -> dict[str, frozenset[str]]:
    """`word_lists(section)` as sets, for asking whether a typed text is one of them."""
    return {meaning: frozenset(typed) for meaning, typed in word_lists(section).items()}


@lru_cache(maxsize=64)
def meanings(section: str) -> dict[str, str]:
    """What each word of `section` means, the longest words first (a phrase is found before
    a shorter one inside it); a word listed under two meanings keeps the first."""
    pairs = [(word, meaning) for meaning, typed in word_lists(section).items() for word in typed]
    found: dict[str, str] = {}
    for word, meaning in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        found.setdefault(word, meaning)
    return found


def aliases(key: str) -> tuple[str, ...]:
    """Words people type for a menu choice besides its label (`[aliases]` of words.toml, by
    the message id of the label)."""
    return word_lists("aliases").get(key, ())


# What other modules keep of the words (`on_reload`): emptied with the files' own caches.
_KEPT_ELSEWHERE: list[Callable[[], None]] = []


def on_reload(clear: Callable[[], None]) -> None:
    """Have `reload` call `clear` too: for a cache of what is made from the words (the help
    desk's normalised text)."""
    _KEPT_ELSEWHERE.append(clear)


def reload() -> None:
    """Read the locale files again on next use (after they changed under a running bot)."""
    for cached in (bundle, _fixed, _words_file, word_lists, words, meanings, message_ids):
        cached.cache_clear()
    for clear in _KEPT_ELSEWHERE:
        clear()


@lru_cache(maxsize=8)
def message_ids(lang: str) -> frozenset[str]:
    """Every message key of one language, read from its Fluent files' syntax tree."""
    return frozenset(
        entry.id.name
        for _name, source in sources(lang)
        for entry in FluentResource(source).body
        if isinstance(entry, fluent_ast.Message)
    )


def t(lang: str, key: str, **args: Any) -> str:
    """The text for `key` in `lang`, falling back to Vietnamese, then to the key itself."""
    if not args:
        return _fixed(lang, key)
    return _format(lang, key, args)


@lru_cache(maxsize=4096)
def _fixed(lang: str, key: str) -> str:
    # A message without arguments always reads the same: format it once (menus repeat the
    # same button labels on every message).
    return _format(lang, key, {})


def _format(lang: str, key: str, args: dict[str, Any]) -> str:
    for candidate in (lang if lang in LANGUAGES else DEFAULT_LANGUAGE, DEFAULT_LANGUAGE):
        b = bundle(candidate)
        if not b.has_message(key):
            continue
        pattern = b.get_message(key).value
        if pattern is None:  # a message with attributes only: nothing to show
            continue
        text, _errors = b.format_pattern(pattern, args)
        # Not a string only for a message that refers to itself: shown as its key.
        return text if isinstance(text, str) else key
    return key


class Translator:
    """`t` bound to one language, handed to flows as `ctx.t`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, **args: Any) -> str:
        return t(self.lang, key, **args)
