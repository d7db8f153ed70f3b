"""Resolving an answer to a menu, once for every channel: a button id, the choice's number,
or its label typed with or without diacritics, in any case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from bot import i18n
from bot.core import Button, Choice
from bot.text import fold

# A typed list of numbers: "1 3", "1,3", "1, 3 va 5".
_NUMBER_LIST = re.compile(r"^\d+(?:\s*(?:,|;|\s|va|and|\+)\s*\d+)*$")
# Between the names of a typed list ("người cao tuổi, hộ kinh doanh"); a list of numbers is
# read by _NUMBER_LIST.
_LIST_SEPARATOR = re.compile(r"\s*[,;+]\s*")
FUZZY_MIN_SCORE = 88
FUZZY_MIN_LEAD = 8
# Short names ("co", "bo", "ok") only ever match exactly: inside longer words they are noise.
FUZZY_MIN_NAME = 5


def untagged(text: str) -> str | None:
    """The text without the polite or asking words around a choice ("dạ ... ạ", "...
    được không", `question_tags` of `[menu]`): "buổi sáng được không" -> "buổi sáng"; None
    when there are none. For a flow to read a choice asked as a question where no harm can
    come of it (never a confirmation that deletes or saves)."""
    # Read as typed, diacritics kept: "ạ" is polite, "à" asks in surprise ("xoá à?").
    lowered = " ".join(text.lower().split()).rstrip("?!. ")
    found = False
    for tag in sorted(_typed("question_tags"), key=len, reverse=True):
        if lowered.endswith(f" {tag}"):
            lowered, found = lowered[: -len(tag) - 1].rstrip(" ,"), True
            break
    for lead in _typed("polite_leads"):
        if lowered.startswith(f"{lead} "):
            lowered, found = lowered[len(lead) + 1 :].lstrip(" ,"), True
            break
    return lowered if found and lowered else None


def _typed(meaning: str) -> list[str]:
    """A list of `[menu]` as written in every language's words.toml (not folded)."""
    return [
        str(word).lower()
        for lang in i18n.LANGUAGES
        for word in i18n.word_table(lang).get("menu", {}).get(meaning, [])
    ]


def exact_choice(menu: Menu, text: str) -> str | None:
    """The key of the choice whose label or alias is exactly the text (without diacritics)."""
    folded = fold(text)
    for choice in menu.choices:
        if folded == fold(choice.label) or folded in (fold(a) for a in choice.aliases):
            return choice.key
    return None


def negations() -> frozenset[str]:
    """ "chua xong", "dung luu", "khong dong y": a negation only matches a choice that has it
    too (`[menu]` of locales/<lang>/words.toml)."""
    return i18n.words("menu").get("negations", frozenset())


# The two buttons of a menu that takes several answers: "choose several" turns its options
# into ticks, "done" gives the ticked ones as the answer.
PICK_SEVERAL = "+several"
PICK_DONE = "+done"
TICK = "✅ "


@dataclass(slots=True)
class Menu:
    seq: int
    choices: list[Choice]
    multi: bool = False
    # While ticking several options: the ones ticked so far (None: not ticking).
    picked: list[str] | None = None

    def buttons(self) -> list[Button]:
        picked = set(self.picked or ())
        return [
            Button(
                id=f"{self.seq}:{c.key}",
                label=(TICK if c.key in picked else "") + c.label,
                primary=c.primary,
            )
            for c in self.choices
        ]

    def to_state(self) -> dict[str, Any]:
        state = {
            "seq": self.seq,
            "multi": self.multi,
            "choices": [[c.key, c.label, list(c.aliases)] for c in self.choices],
        }
        if self.picked is not None:
            state["picked"] = list(self.picked)
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Menu | None:
        if not state or "choices" not in state:
            return None
        choices = [Choice(k, label, tuple(aliases)) for k, label, aliases in state["choices"]]
        picked = state.get("picked")
        return cls(
            seq=state["seq"],
            choices=choices,
            multi=state.get("multi", False),
            picked=None if picked is None else [str(k) for k in picked],
        )

    def options(self) -> list[Choice]:
        """The menu's own options, without the buttons for ticking several."""
        return [c for c in self.choices if c.key not in (PICK_SEVERAL, PICK_DONE)]


class Stale(Exception):
    """A button from a menu that is no longer the current one."""


def resolve_button(menu: Menu | None, choice_id: str) -> str:
    """The key of a pressed button, or `Stale` if it belongs to an older menu."""
    seq, _, key = choice_id.partition(":")
    if menu is None or seq != str(menu.seq) or key not in {c.key for c in menu.choices}:
        raise Stale(choice_id)
    return key


def resolve_text(menu: Menu, text: str, *, free_text: bool = False) -> list[str]:
    """Keys matching typed text: one for an ordinary menu, one or more for a multi-choice
    menu; empty when nothing matches clearly enough. With `free_text` (a step that takes
    typed text, with a few buttons beside), a guess must be close to a whole label: a
    sentence that merely contains one ("kính mời bà con quay lại UBND...") is text."""
    folded = fold(text)
    if not folded:
        return []
    if menu.multi and _LIST_SEPARATOR.search(text):
        # Several names in a list: "người cao tuổi, hộ kinh doanh". Every part must name one
        # option clearly, or the list is not understood.
        one = Menu(menu.seq, menu.options())
        parts = [p for p in _LIST_SEPARATOR.split(text) if fold(p)]
        found = [resolve_text(one, p, free_text=free_text) for p in parts]
        if parts and all(len(f) == 1 for f in found):
            return list(dict.fromkeys(f[0] for f in found))
        if not _NUMBER_LIST.match(folded.rstrip(". ")):
            return []
    numbers = folded.rstrip(". ")
    if _NUMBER_LIST.match(numbers):
        picks = [int(n) for n in re.findall(r"\d+", numbers)]
        if any(not 1 <= n <= len(menu.choices) for n in picks):
            return []
        if len(picks) > 1 and not menu.multi:
            return []
        keys = [menu.choices[n - 1].key for n in picks]
        return list(dict.fromkeys(keys))
    # Exact label or alias, without diacritics.
    exact = exact_choice(menu, folded)
    if exact is not None:
        return [exact]
    words = folded.split()
    if negations().intersection(words):
        # Word order carries the meaning ("luu khong?" asks, "khong luu" refuses): with a
        # negation, only a choice that holds the typed words in that order matches.
        holding = {
            c.key
            for c in menu.choices
            for n in (c.label, *c.aliases)
            if f" {folded} " in f" {fold(n)} "
        }
        return [holding.pop()] if len(holding) == 1 else []

    def names(choice: Choice) -> list[str]:
        return [fold(n) for n in (choice.label, *choice.aliases)]

    # Every typed word is a word (or the start of one) of exactly one choice: "thanh toan".
    containing = {
        choice.key
        for choice in menu.choices
        for name in names(choice)
        if _words_within(words, name.split())
    }
    if len(containing) == 1:
        return [containing.pop()]
    if len(folded) < 4 or any(ch.isdigit() for ch in folded):
        # Digits are read exactly, never guessed: "28/11" is not "Chủ Nhật 22/11".
        return []
    # Close enough to exactly one choice (typos such as "dich vu cnog").
    best: dict[str, float] = {}
    for choice in menu.choices:
        for name in names(choice):
            if len(name) < FUZZY_MIN_NAME:
                continue
            score = (fuzz.ratio if free_text else fuzz.partial_ratio)(folded, name)
            best[choice.key] = max(best.get(choice.key, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < FUZZY_MIN_SCORE:
        return []
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MIN_LEAD:
        return []
    return [ranked[0][0]]


def _words_within(words: list[str], label_words: list[str]) -> bool:
    return all(
        any(lw == w or (len(w) >= 3 and _is_word(w) and lw.startswith(w)) for lw in label_words)
        for w in words
    )


def _is_word(typed: str) -> bool:
    """A typed word that may stand for a longer one: letters only ("thanh" for "thanh
    toan"); "22" is not the start of "22/11"."""
    return not any(ch.isdigit() for ch in typed)
