"""Every string exists in Vietnamese and English, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from fluent.syntax import parse
from fluent.syntax.ast import Junk

from bot.i18n import LANGUAGES, message_ids, sources, t
from storage.models import Outcome, Place, PriorityGroup, Role, Topic

ROOT = Path(__file__).resolve().parents[2]


def test_both_locales_have_the_same_keys() -> None:
    vi, en = message_ids("vi"), message_ids("en")
    assert vi - en == set(), f"missing in English: {sorted(vi - en)}"
    assert en - vi == set(), f"missing in Vietnamese: {sorted(en - vi)}"


def test_locale_files_parse_cleanly_and_define_each_key_once() -> None:
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for name, source in sources(lang):
            resource = parse(source)
            junk = [e.content for e in resource.body if isinstance(e, Junk)]
            assert junk == [], f"{lang}/{name} has unparsable entries: {junk}"
            for entry in resource.body:
                key = getattr(getattr(entry, "id", None), "name", None)
                if key is None:
                    continue
                assert key not in seen, f"{key} is in both {seen[key]} and {name} ({lang})"
                seen[key] = name


def test_every_literal_key_in_the_code_exists() -> None:
    used: set[str] = set()
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9-]+)["']""", path.read_text()))
    missing = {key for key in used if key not in message_ids("vi")}
    assert missing == set()


def test_vocabulary_labels_exist() -> None:
    keys = message_ids("vi")
    for kind, values in (
        ("topic", Topic),
        ("priority", PriorityGroup),
        ("place", Place),
        ("outcome", Outcome),
        ("role", Role),
    ):
        for value in values:
            assert f"{kind}-{value.value}" in keys


def test_placeholders_are_filled() -> None:
    assert t("vi", "too-long", max=2000) == "Tin nhắn dài quá (tối đa 2.000 ký tự). " + (
        "Bạn gõ ngắn gọn hơn giúp mình nhé."
    )
    assert "{" not in t("en", "join-too-many", minutes=5)
