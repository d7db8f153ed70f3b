"""The one i18n lookup. Strings live in `locales/<lang>.ftl` and `locales/<lang>/*.ftl` (one
file per part of the product; Project Fluent). Vietnamese is the default and every key
exists in English too (a test checks that)."""

from __future__ import annotations

import tomllib
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


@lru_cache(maxsize=32)
def words(section: str) -> dict[str, frozenset[str]]:
    """The words people type for each meaning of `section` of `locales/<lang>/words.toml`,
    folded, in every language at once: people mix them ("hom qua", "yesterday")."""
    found: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        path = resources.files("locales").joinpath(lang, "words.toml")
        if not path.is_file():
            continue
        table = tomllib.loads(path.read_text(encoding="utf-8")).get(section, {})
        for meaning, typed in table.items():
            found.setdefault(str(meaning), set()).update(fold(w) for w in typed)
    return {meaning: frozenset(typed) for meaning, typed in found.items()}


def message_ids(lang: str) -> set[str]:
    """Every message key of one language, read from its Fluent files' syntax tree."""
    return {
        entry.id.name
        for _name, source in sources(lang)
        for entry in FluentResource(source).body
        if isinstance(entry, fluent_ast.Message)
    }


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
        if b.has_message(key):
            text, _errors = b.format_pattern(b.get_message(key).value, args)
            return text
    return key


class Translator:
    """`t` bound to one language, handed to flows as `ctx.t`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, **args: Any) -> str:
        return t(self.lang, key, **args)
