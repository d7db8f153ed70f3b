"""The one i18n lookup. Strings live in `locales/<lang>.ftl` (Project Fluent); Vietnamese is
the default and every key exists in English too (a test checks that)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def _source(lang: str) -> str:
    return resources.files("locales").joinpath(f"{lang}.ftl").read_text(encoding="utf-8")


@lru_cache(maxsize=len(LANGUAGES))
def bundle(lang: str) -> FluentBundle:
    b = FluentBundle([lang], use_isolating=False)
    b.add_resource(FluentResource(_source(lang)))
    return b


def message_ids(lang: str) -> set[str]:
    return set(bundle(lang)._messages)


def t(lang: str, key: str, **args: Any) -> str:
    """The text for `key` in `lang`, falling back to Vietnamese, then to the key itself."""
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
