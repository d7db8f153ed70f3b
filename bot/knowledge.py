"""The residents' knowledge base: entries read from `locales/kb/<lang>.toml`, merged with
what a ward wrote for itself, and the search that takes a question as residents type it
(no diacritics, typos, one line) to the best entry, a short list of candidates, or nothing.

Matching works on folded text (`bot.text.fold`), with the synonyms, stop words, greetings
and names of other apps of `locales/<lang>/words.toml`. Each entry has keyword phrases in
both languages; a phrase matches when each of its words is in the question (typos allowed
on longer words, through rapidfuzz) or when the whole phrase is close to a stretch of the
question. A phrase weighs what its words are worth: a word found in many entries ("vneid")
tells little, a word found in one ("passcode") a lot. BM25 over each entry's whole text, and
over the questions residents asked before (`locales/kb/asked`, each with its entry), adds
recall for wording no keyword holds. A confident answer needs a clear winner by the entry's
own words; a wrong confident answer is worse than "I don't know". When unsure, the list of
candidates is ordered by naive Bayes over each entry's phrases and the questions asked of it
as well as by score, and an answer it finds unlike what was asked of that entry is offered
as the first of a list (`_Bayes`)."""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import itertools
import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz, process

from bot.i18n import LANGUAGES, meanings, on_reload, words
from bot.text import fold

# Scores, in the units of `_Index.score` (roughly: how many distinctive words matched).
CONFIDENT_SCORE = 3.0
CONFIDENT_PHRASE = 3.0  # of which keyword phrases found in the question
BM25_WEIGHT = 0.3  # BM25 over the entries' whole text, added to the phrases' score
BM25_ALONE = 14.0  # BM25 alone (no keyword phrase found) must reach this to offer a list
BM25_PAIRS = 1  # ...and hold this many of the question's pairs of neighbouring words
CONFIDENT_LEAD = 2.0  # the best must beat the runner-up by this factor
CANDIDATE_SCORE = 1.0
CANDIDATE_SHARE = 0.45  # a candidate scores at least this share of the best
MAX_CANDIDATES = 3
ASKED_WEIGHT = 0.1  # questions asked before (`_Asked`), added to the phrases' score
# ...enough alone (no keyword phrase, few words of the entry's text) to offer a list: high,
# or questions about other things ("ai là chủ tịch phường") get a list instead of "I don't
# know" and never reach the staff's unanswered questions.
ASKED_ALONE = 40.0
# A list's order (`_Bayes`): naive Bayes over each entry's keyword phrases and the questions
# asked of it, in words and in runs of GRAM letters (which a typo or a word written apart
# leaves mostly whole). SMOOTHING is what a token never seen with an entry counts; the log of
# each candidate's share is added, times WEIGHT, to its score. An answer sure by its words
# whose share among the best three is below DOUBT is offered as the first of a list instead
# (on the development sets held out, a third of those answers were wrong, against 2% of all
# answers). Chosen on the development sets, each held out (2026-12-07, sixth session).
BAYES_GRAM = 4
BAYES_SMOOTHING = 0.1
BAYES_WEIGHT = 1.0
BAYES_DOUBT = 0.001
BAYES_FLOOR = 1e-9  # a share this small counts as this (its log, -20.7, is the most it costs)
TOPIC_NAMED = 8.0  # a list's best this sure names a topic (see `understand`)
# ...and a list's best this sure with the questions asked before added: no home visit is
# offered in its place to someone who cannot manage alone (see `understand`). On the
# development sets held out, such lists' best scored 13-25 when a topic was asked, at most
# 11.3 when a visit was.
TOPIC_LIKELY = 12.5
RELAY_HEAD_WORDS = 12  # "X nhờ em hỏi:" before a question passed on, at most this long
AGE_OLD = 60  # "bà 78 tuổi": a person this old may need someone to come (see needs_a_hand)
WARD_CACHE = 256  # wards whose knowledge base is kept built
NORMALISED_CACHE = 32768  # texts whose `normalise` is kept (the phrases: about 4,300)
SCAM_CATEGORY = "scam"
SKILLS_CATEGORY = "skills"  # learning digital skills (see `understand`)
SCAM_FALLBACK = "scam-hotline-156"  # a scam told that matches no warning: how to report it
SCAM_NAMED = 3.0  # how sure a warning's own words must be to answer a scam told
SCAM_SITE = "scam-lookalike-site"  # a suspicious web address and no closer warning
SCAM_CALL = "scam-police-call"
SCAM_UPDATE = "scam-address-update"
SCAM_APP = "scam-fake-app"
ACCOUNT_SAFETY = "pay-safety"  # keeping one's bank account safe, after a scam too
WORD_SIMILARITY = 80  # rapidfuzz ratio for a typo in a word of 5+ letters
PHRASE_SIMILARITY = 88  # rapidfuzz partial_ratio for a phrase of 8+ letters
FUZZY_WORD_MIN = 5
FUZZY_PHRASE_MIN = 8
MISSING_SIMILARITY = 67  # the word a mistyped phrase misses must be somewhat like one typed


@dataclass(frozen=True, slots=True)
class Category:
    key: str
    title: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One answer. `ward_local` entries (the ward office's address...) have no text of
    their own: each ward writes it. `ward_id` is set on what a ward wrote."""

    key: str
    category: str
    title: str
    body: str = ""
    source: str = ""
    reviewed: dt.date | None = None
    keywords: tuple[str, ...] = ()
    ward_local: bool = False
    # The rule the answer rests on ("Quyết định 2345/QĐ-NHNN ngày 18/12/2023"), if any.
    basis: str = ""
    ward_id: int | None = None
    # Entries its answer refers to ("xem mục Quên mật khẩu VNeID"), offered as buttons.
    see: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return bool(self.body.strip())


@dataclass(frozen=True, slots=True)
class WardText:
    """What a ward wrote for one key in one language (a row of `kb_entries`)."""

    key: str
    lang: str
    title: str
    body: str
    source: str | None
    reviewed: dt.date
    keywords: str | None
    ward_id: int


class Outcome:
    ANSWER = "answer"
    CHOOSE = "choose"
    NONE = "none"
    # Not a question (`understand`): thanks or a greeting; a request for help at home.
    THANKS = "thanks"
    HOME_VISIT = "home_visit"


@dataclass(slots=True)
class SearchResult:
    outcome: str
    # (entry key, score), best first: one for ANSWER, 2-3 for CHOOSE, none for NONE.
    matches: list[tuple[str, float]] = field(default_factory=list)
    # How sure the best entry's own words are (keyword phrases and its text, not the
    # questions asked before): whether the message names a topic at all.
    named: float = 0.0

    @property
    def keys(self) -> list[str]:
        return [k for k, _ in self.matches]


def _helpdesk_words(meaning: str) -> frozenset[str]:
    """A list of `[helpdesk]` in locales/<lang>/words.toml: "stopwords" (words that carry
    no topic), "other_services" (apps a question may be about instead)."""
    return words("helpdesk").get(meaning, frozenset())


def _single(text: str) -> str:
    """Each run of one letter written once ("icloudd" -> "icloud", "facebook" -> "facebok")."""
    return _STRETCHED.sub(r"\1", text)


def _names_elsewhere(folded: str) -> bool:
    """Whether the folded question names a subject no ward help desk answers (lottery,
    medicine, loans: `[helpdesk] elsewhere`)."""
    return _has(f" {folded} ", _helpdesk_words("elsewhere"))


def _other_services() -> frozenset[str]:
    return _singled(_helpdesk_words("other_services"))


@lru_cache(maxsize=4)
def _singled(names: frozenset[str]) -> frozenset[str]:
    return frozenset(_single(name) for name in names)


def _replace(folded: str, section: str) -> str:
    """Each word or phrase of `section` of locales/<lang>/words.toml (longest first)
    replaced, as whole words, by what it stands for."""
    padded = f" {folded} "
    for variant, canonical in meanings(section).items():
        if variant != canonical and f" {variant} " in padded:
            # Twice: neighbours sharing a space ("k k") are replaced one after the other.
            for _ in range(2):
                padded = padded.replace(f" {variant} ", f" {canonical} ")
    return padded.strip()


def _canonical(folded: str) -> str:
    """Each synonym (`[synonyms]` in locales/<lang>/words.toml, longest first) replaced by
    its canonical form: "mat khau" -> "matkhau", one token that weighs as one word."""
    return _replace(folded, "synonyms")


_JOINERS = re.compile(r"[/:+-]+")


def _folded_words(text: str) -> str:
    """Folded, and the marks `fold` keeps for dates and numbers ("-", "/", ":") read as
    spaces: "dichvucong-gov.vn.com" has the words "gov" and "com", "hỏi hộ: ..." no "hộ:"."""
    return " ".join(_JOINERS.sub(" ", fold(text)).split())


@lru_cache(maxsize=NORMALISED_CACHE)
def normalise(text: str) -> str:
    """Folded, short forms spelt out ("ko dc" -> "khong duoc", `[abbreviations]`), and
    synonyms replaced by one canonical form: what matching compares. Kept: building a ward's
    search reads each keyword phrase again, three times."""
    return _canonical(_replace(_folded_words(text), "abbreviations"))


on_reload(normalise.cache_clear)


def content_words(normalised: str) -> list[str]:
    stopwords = _helpdesk_words("stopwords")
    return [w for w in normalised.split() if w not in stopwords]


def _intent(meaning: str) -> frozenset[str]:
    """A list of `[intents]` in locales/<lang>/words.toml, folded."""
    return words("intents").get(meaning, frozenset())


def _spelt_out(text: str) -> str:
    """Folded, with the short forms people text spelt out, emoji left out: what intents
    look at."""
    folded = " ".join(w for w in _folded_words(text).split() if any(ch.isalnum() for ch in w))
    return _replace(folded, "abbreviations")


def _has(padded: str, phrases: frozenset[str]) -> bool:
    return any(f" {p} " in padded for p in phrases)


def _without(padded: str, phrases: frozenset[str]) -> str:
    """`padded` with each of `phrases` left out, as whole words, longest first."""
    for phrase in sorted(phrases, key=len, reverse=True):
        needle = f" {phrase} "
        while needle in padded:  # "oke oke": each time, not every other
            padded = padded.replace(needle, " ")
    return padded


def _someone_coming(padded: str) -> bool:
    """ "mấy em qua chợ... ", "đoàn viên đi xuống xóm": someone of the team (`visit_who`),
    their coming (`visit_come`, not "toi": it is "tôi" as often as "tới"), then a place
    where people live or work (`visit_target`). Family words are team words too ("các
    con"), so the place is what makes it a visit: "các con tôi giúp tôi" is none."""
    who, come = _intent("visit_who"), _intent("visit_come")
    if _run_of(who, come - {"toi"}, _intent("visit_target")).search(padded):
        return True
    # Asked for, someone's coming needs no place: "nhờ mấy em qua chợ đầu mối", "hẹn bạn nào
    # tới lúc 9h" (`visit_asking` up to three words before), "chiều nay các em có qua được
    # không" (`visit_can` right after).
    return (
        _asked_to_come(who, come).search(padded) is not None
        # ("lên" alone is also an app that opens: "bạn nào có lên được không")
        or _can_come(who, come - {"toi", "len"}).search(padded) is not None
    )


@lru_cache(maxsize=4)
def _can_come(who: frozenset[str], come: frozenset[str]) -> re.Pattern[str]:
    can = _alternatives(_intent("visit_can"))
    return re.compile(
        f" {_alternatives(who)} (?:co (?:the )?)?{_alternatives(come)} (?:giup (?:[^ ]+ )?)?{can} "
    )


@lru_cache(maxsize=4)
def _asked_to_come(who: frozenset[str], come: frozenset[str]) -> re.Pattern[str]:
    asking = _alternatives(_intent("visit_asking"))
    return re.compile(f" {asking} (?:[^ ]+ ){{0,3}}{_alternatives(who)} {_alternatives(come)} ")


@lru_cache(maxsize=4)
def _run_of(*parts: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a phrase of each of `parts` in turn, whole words."""
    return re.compile(" " + " ".join(_alternatives(part) for part in parts) + " ")


def _alternatives(phrases: frozenset[str]) -> str:
    """A regular-expression group matching any of `phrases`, longest first."""
    return "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


# Emoji that thank or agree, alone in a message.
_THANKS_EMOJI = frozenset("🙏👍👌❤💕😊🥰😍🤝✅💯🌹👏☺😘")


_STRETCHED = re.compile(r"(.)\1+")


@lru_cache(maxsize=1)
def _thanks_words() -> frozenset[str]:
    return frozenset(
        word
        for meaning in ("thanks", "thanks_filler", "hello")
        for phrase in _intent(meaning)
        for word in phrase.split()
    )


on_reload(_thanks_words.cache_clear)
_HELD_LAST = re.compile(r"(.)\1+$")


def _unstretched(spelt: str) -> str:
    """Letters held for warmth ("cam onn chau nhieuuu", "okkk", "hellooo") taken back to
    the word of thanks or greeting they stretch; any other word is left as typed ("good")."""
    known = _thanks_words()
    found = []
    for word in spelt.split():
        if word not in known:
            for short in (_HELD_LAST.sub(r"\1", word), _STRETCHED.sub(r"\1", word)):
                if short in known:
                    word = short
                    break
        found.append(word)
    return " ".join(found)


def is_greeting(text: str) -> bool:
    """Whether the message only thanks, greets or agrees ("cảm ơn", "ok", "em cảm ơn ạ 😊",
    "🙏"): it gets a short warm reply, and is no question to keep."""
    spelt = _unstretched(_spelt_out(text))
    if not spelt:
        return any(ch in _THANKS_EMOJI for ch in text)
    padded = f" {spelt} "
    if not _has(padded, _intent("thanks")):
        return False
    if _has(
        _without(padded, _intent("visit_not") | _intent("visit_team")), _intent("visit_strong")
    ):
        # "mai các cháu qua nhà bà nhé": little words, and a request ("chào tổ công nghệ
        # số" only names the team).
        return False
    # Both lists at once, longest first: "tốt lành" is a wish, not "tốt" and a word left over.
    return not _without(padded, _intent("thanks") | _intent("thanks_filler")).strip()


def _thanks_at_length(text: str) -> bool:
    """Thanks said at length ("thế là xong rồi, cảm ơn các cháu đã giúp bà"), asking nothing:
    thanks when the help desk finds no topic in it (see `understand`)."""
    padded = f" {_spelt_out(text)} "
    core = _intent("thanks_core")
    # The asking words are looked for outside the thanks ("gửi lời cảm ơn" holds "lỗi").
    return (
        "?" not in text and _has(padded, core) and not _has(_without(padded, core), _intent("asks"))
    )


def is_thanks(text: str) -> bool:
    """A greeting message that thanks or agrees ("ok"), rather than only says hello."""
    padded = f" {_unstretched(_spelt_out(text))} "
    hello = _intent("hello")
    # Hello looked for outside the other words of thanks: "để tôi thử lại" holds "thử".
    return " cam on " in padded or not _has(_without(padded, _intent("thanks") - hello), hello)


def only_thanks(text: str) -> bool:
    """Whether the message only thanks, greets or agrees, briefly or at length ("cảm ơn mấy
    em nhiều quá nha"), and asks nothing: what a step that expects a button can answer with
    a warm word."""
    return is_greeting(text) or _thanks_at_length(text)


def says_thanks(text: str) -> bool:
    """Whether the message says thank you in so many words ("cảm ơn cháu"), rather than only
    agrees ("ok") or greets."""
    return _has(f" {_unstretched(_spelt_out(text))} ", _intent("thanks_core"))


def greeting_reply(text: str) -> str:
    """The message id of the warm word a greeting gets: thanks or hello."""
    return "hd-thanks" if is_thanks(text) else "hd-greeting"


def is_home_visit(text: str) -> bool | None:
    """True when the message asks for someone to come and help at home ("nhờ người đến nhà
    chỉ giúp"); None when it says the person cannot manage alone ("tôi già không biết dùng
    điện thoại") and asks for help, a request unless the question names a topic; False
    otherwise."""
    spelt = f" {_spelt_out(text)} "
    if _has(spelt, _intent("done_before")) and not _has(spelt, _intent("visit_again")):
        if _thanks_at_length(text):
            return False  # "cảm ơn tổ công nghệ số đã chỉ bà cài vneid": thanks for a visit made
    padded = _without(spelt, _intent("visit_not"))  # "sang nhà mạng" holds no "sang nhà"
    if _has(padded, _intent("visit_other")):
        return False  # a barber or a plumber to the house: not the team's to send
    if _has(padded, _intent("visit_phone")) and not _has(padded, _intent("visit_home")):
        return False  # asking for a number, not for someone to come
    if _comes(padded):
        # Naming the team without asking it to come ("tổ công nghệ số có tập huấn cho hội
        # phụ nữ không") is a request only when no topic is named, and none at all in
        # thanks ("cảm ơn tổ công nghệ số đã tận tình giúp đỡ gia đình tôi").
        if _thanks_at_length(text) and not _comes(_without(padded, _intent("visit_team"))):
            return False
        return None if _only_names_the_team(padded) else True
    if _has(padded, _intent("visit_bound")):
        return True  # cannot leave home: whatever is needed, someone must come
    weak = [p for p in _intent("visit_weak") if f" {p} " in padded]
    if weak and (_has(padded, _intent("visit_ask")) or len(weak) >= 2):
        return None  # cannot manage alone, and asks (or says it twice over)
    return False


def _old_age(padded: str) -> bool:
    """Whether the message gives an age of AGE_OLD or more ("ông tôi 80 tuổi")."""
    unit = _alternatives(_intent("visit_age"))
    return any(int(age) >= AGE_OLD for age in re.findall(rf" (\d{{2,3}}) (?:{unit}) ", padded))


def _only_names_the_team(padded: str) -> bool:
    """Whether what reads as a visit request only names the team ("tình nguyện viên",
    "đi từng nhà"), with no asking word and no one coming ("mai các cháu qua nhà bà nhé").
    Asking the team only to explain ("kính mong tổ công nghệ số hướng dẫn cụ thể") is
    asking a question; asking it for a hand ("nhờ tổ công nghệ số giúp") is a request."""
    left = _without(_without(padded, _intent("visit_not")), _intent("visit_team"))
    asked = _has(_without(padded, _intent("visit_explain")), _intent("visit_ask"))
    return not (_comes(left) or asked)


def _comes(padded: str) -> bool:
    """Whether someone is asked to come, in words (`visit_strong`) or as a team member's
    coming (`_someone_coming`)."""
    return _has(padded, _intent("visit_strong")) or _someone_coming(padded)


def says_never_mind(text: str) -> bool:
    """Whether the message drops what is going on ("thôi cảm ơn", "không cần nữa")."""
    return _has(f" {_spelt_out(text)} ", _intent("never_mind"))


def needs_a_hand(text: str) -> bool:
    """Whether the message says the person may not manage alone ("tôi già không biết dùng
    điện thoại", "mắt kém"), request or not: an unsure answer then offers a home visit."""
    padded = _without(f" {_spelt_out(text)} ", _intent("visit_not"))
    return _has(padded, _intent("visit_weak")) or _old_age(padded)


# A web address as typed: optional scheme and "www.", a host of dotted parts, then anything
# after "/" (a path, not looked at).
_HOST = re.compile(r"^(?:[a-z]+://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#].*)?$")
# Where an address may be glued to what comes before it: "Truy cập:https://...", "x@host".
_GLUE = re.compile(r"[:@,;()\[\]<>\"']+")


def _hosts(text: str) -> list[str]:
    """The hosts of the web addresses in a message: only endings of `web_endings` or
    `site_endings` count, so a path ("/huong-dan-vneid.html"), a file ("hdsd.pdf") or words
    after a full stop without its space ("VNeID.Giúp", "vneid.sau") are none."""
    endings = _intent("web_endings") | _intent("site_endings")
    hosts = []
    for word in text.lower().split():
        for piece in _GLUE.split(word.replace("://", "§")):
            found = _HOST.match(piece.split("§")[-1].strip("./"))
            if found is not None and (
                found[1].rsplit(".", 1)[-1] in endings or _shortened(found[1])
            ):
                hosts.append(found[1])
    return hosts


def _shortened(host: str) -> bool:
    """Whether the host is a link shortener's ("bit.ly"): where the link leads is hidden."""
    return host.replace(".", " ") in _intent("link_shorteners")


def suspicious_address(text: str, hosts: list[str] | None = None) -> bool:
    """Whether the message holds a web address that is no official site (`official_sites`)
    and dresses as one ("dichvucong-gov.vn"; a word of `site_bait` in a host not ending in
    .vn: "vneid-capnhat.com"), or ends as throwaway sites do (`site_endings`: ".top") and
    looks or speaks like an office (a shop's own "banhmi.online" is none), or is shortened
    ("bit.ly/vay50tr": where it leads is hidden). `hosts`: the message's, when the caller has
    read them already."""
    for host in _hosts(text) if hosts is None else hosts:
        if _official(host) is not None:
            continue
        if _shortened(host) and not _has(f" {_spelt_out(text)} ", _intent("shortening")):
            return True
        parts = re.split(r"[.-]", host)
        bait = not _intent("site_bait").isdisjoint(parts)
        if "gov" in parts or (bait and parts[-1] != "vn"):
            return True
        if parts[-1] in _intent("site_endings") and (bait or _claims_office(text)):
            return True
    return False


def _official(host: str) -> str | None:
    """The part of an official site's host before its official ending ("dichvucong.hanoi"
    of "dichvucong.hanoi.gov.vn"; "" for the ending alone), or None for any other host."""
    spaced = host.replace(".", " ")
    for site in _intent("official_sites"):  # folded: "gov vn"
        if spaced == site:
            return ""
        if spaced.endswith(f" {site}"):
            return host[: -len(site) - 1]
    return None


def _sites_named(text: str, hosts: list[str], spelt: str) -> str:
    """The question (its `hosts`, and `spelt` padded) with each official site's address read
    as the service it names: "dichvucong.hanoi.gov.vn nộp hồ sơ ở đâu" asks where to apply
    on that portal, and the ".gov.vn" in it is no doubt about a site. A question that doubts
    the site (`site_doubt`: "có phải trang thật", "có an toàn không") keeps it as typed."""
    named = {host: name.replace(".", " ") for host in hosts if (name := _official(host))}
    if not named or _has(spelt, _intent("site_doubt")):
        return text
    address = rf"(?:[a-z]+://)?(?:www\.)?({_alternatives(frozenset(named))})(?:[/?#]\S*)?"
    return re.sub(address, lambda m: named[m[1].lower()], text, flags=re.IGNORECASE)


def _claims_office(text: str) -> bool:
    """Whether the message speaks in an office's or a bank's name ("tự xưng công an")."""
    return _has(f" {_spelt_out(text)} ", _intent("scam_claim"))


def is_scam_report(text: str, linked: bool | None = None) -> bool:
    """Whether the message tells of a stranger (a call, a message, a link) asking for money,
    a code, a login or an app install, or holds a suspicious web address (`linked`, when the
    caller has looked already): the scam warning comes first, whatever else it asks."""
    if linked is None:
        linked = suspicious_address(text)
    padded = f" {_spelt_out(text)} "
    if linked or _has(padded, _intent("scam_claim")):
        return True
    contact = _has(_without(padded, _intent("scam_contact_not")), _intent("scam_contact"))
    return contact and _has(padded, _intent("scam_demand"))


def is_question(text: str) -> bool:
    """Whether typed text can be a question for the help desk: words, not only a greeting,
    emoji or punctuation ("😀🙏", "??")."""
    return any(ch.isalnum() for ch in text) and not is_greeting(text)


@dataclass(slots=True)
class _Phrase:
    text: str  # normalised
    words: list[str]  # content words
    compact: str


@dataclass(slots=True)
class _Query:
    text: str  # normalised
    compact: str
    # Content words and each pair of neighbours written together ("mat khua" -> "matkhua",
    # so that a typo in a compound still finds it), with the positions they cover.
    grams: list[tuple[str, tuple[int, ...]]]
    # A keyword's word -> how well and where the question holds it: the same words recur in
    # many phrases, so each is compared with the question once.
    seen: dict[str, tuple[float, tuple[int, ...]]] = field(default_factory=dict)

    def holds(self, word: str) -> tuple[float, tuple[int, ...]]:
        found = self.seen.get(word)
        if found is None:
            best = 0.0
            where: tuple[int, ...] = ()
            for gram, covers in self.grams:
                score = _similarity(word, gram)
                if score > best:
                    best, where = score, covers
            found = self.seen[word] = (best, where)
        return found

    @classmethod
    def of(cls, text: str) -> _Query:
        normalised = normalise(text)
        words = content_words(normalised)
        grams: list[tuple[str, tuple[int, ...]]] = [(w, (i,)) for i, w in enumerate(words)]
        grams += [(a + b, (i, i + 1)) for i, (a, b) in enumerate(itertools.pairwise(words))]
        return cls(normalised, normalised.replace(" ", ""), grams)


def _similarity(word: str, gram: str) -> float:
    if word == gram:
        return 100.0
    # A typo rarely changes the first letter: "uong" (drink) is no "phuong" (ward).
    if len(word) >= FUZZY_WORD_MIN and len(gram) >= FUZZY_WORD_MIN - 1 and word[0] == gram[0]:
        score = fuzz.ratio(word, gram)
        return score if score >= WORD_SIMILARITY else 0.0
    return 0.0


def _find(phrase: _Phrase, query: _Query) -> tuple[float, frozenset[int]]:
    """How well `phrase` is found in the query (1.0 exactly, less with typos, 0 not found),
    and which of the query's words it covers."""
    positions: set[int] = set()
    sims: list[float] = []
    missing: list[str] = []
    for word in phrase.words:
        best, where = query.holds(word)
        if best:
            sims.append(best)
            positions.update(where)
        else:
            missing.append(word)
    covered = frozenset(positions)
    if len(phrase.compact) >= 6 and phrase.compact in query.compact:
        return 1.0, covered
    # The words must stand together: "dang ky ... xe" far apart is not "dang ky xe".
    near = not positions or max(positions) - min(positions) <= len(phrase.words)
    if not missing and near:
        return sum(sims) / len(sims) / 100, covered
    # One short word mistyped beyond recognition ("quen mat khua"): compare whole phrases,
    # when the other words are there as written and a word of the question begins like the
    # missing one ("tran thi" is no "trang that", "xo so" no "ho so").
    if (
        len(missing) == 1
        and len(missing[0]) >= 3
        and len(phrase.words) >= 2
        and near
        and len(phrase.text) >= FUZZY_PHRASE_MIN
        and all(sim == 100.0 for sim in sims)
        and any(
            gram[0] == missing[0][0] and fuzz.ratio(missing[0], gram) >= MISSING_SIMILARITY
            for gram, _ in query.grams
        )
    ):
        score = fuzz.partial_ratio(phrase.text, query.text)
        if score >= PHRASE_SIMILARITY:
            return 0.9 * score / 100, covered
    return 0.0, frozenset()


class _Index:
    def __init__(self, entries: dict[str, list[str]]) -> None:
        """`entries`: entry key -> keyword phrases (any language, raw)."""
        self.phrases: dict[str, list[_Phrase]] = {}
        df: Counter[str] = Counter()
        for key, raw in entries.items():
            phrases = []
            for r in raw:
                text = normalise(r)
                words = content_words(text)
                if words:
                    phrases.append(_Phrase(text, words, text.replace(" ", "")))
            self.phrases[key] = phrases
            df.update({w for p in phrases for w in p.words})
        n = max(len(entries), 1)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}

    def _weight(self, phrase: _Phrase) -> float:
        return sum(self.idf.get(w, 0.0) for w in phrase.words)

    def scores(self, text: str) -> dict[str, float]:
        query = _Query.of(text)
        result: dict[str, float] = {}
        for key, phrases in self.phrases.items():
            found = []
            for phrase in phrases:
                quality, covers = _find(phrase, query)
                if quality > 0:
                    found.append((quality * self._weight(phrase), covers))
            if not found:
                continue
            # The best phrase counts fully; a phrase that finds other words of the question
            # adds a quarter; one that finds the same words again adds nothing.
            found.sort(key=lambda f: f[0], reverse=True)
            total, covered = found[0][0], set(found[0][1])
            for score, covers in found[1:]:
                new = covers - covered
                if new:
                    total += 0.25 * score * len(new) / max(len(covers), 1)
                    covered |= new
            result[key] = total
        return result


def _tokens(normalised: str) -> list[str]:
    """Content words and each pair of neighbours ("quen_matkhau"): what BM25 counts."""
    words = content_words(normalised)
    return words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]


class _Bm25:
    """Okapi BM25 over each entry's whole text (title and keywords counted twice, then the
    answer itself), for the wording a keyword list never thought of: "quét mặt" finds the
    entry whose steps say "quét khuôn mặt". A word not in any entry is read as the closest
    one that is (a typo), if close enough."""

    K1, B = 1.2, 0.75

    def __init__(self, documents: dict[str, list[str]]) -> None:
        length = {key: len(tokens) for key, tokens in documents.items()}
        average = sum(length.values()) / max(len(documents), 1) or 1.0
        # word -> the documents holding it, each with its term's BM25 factor (what the word
        # is worth there, before its idf), so that a question visits only its own words.
        self.postings: dict[str, list[tuple[str, float]]] = {}
        for key, tokens in documents.items():
            norm = self.K1 * (1 - self.B + self.B * length[key] / average)
            for word, tf in Counter(tokens).items():
                factor = tf * (self.K1 + 1) / (tf + norm)
                self.postings.setdefault(word, []).append((key, factor))
        n = len(documents)
        self.idf = {
            w: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for w, p in self.postings.items()
        }
        self.vocabulary = sorted(w for w in self.postings if "_" not in w)
        self._nearest: dict[str, str | None] = {}

    def nearest(self, word: str) -> str | None:
        if word in self.idf:
            return word
        if word not in self._nearest:
            found = None
            if len(word) >= FUZZY_WORD_MIN - 1:
                best = process.extractOne(
                    word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_SIMILARITY + 5
                )
                found = best[0] if best else None
            self._nearest[word] = found
        return self._nearest[word]

    def scores(self, normalised: str) -> dict[str, tuple[float, int]]:
        """Each entry's BM25 score, and how many of the query's pairs of neighbouring words
        it holds (one pair is one idea: "ket qua" alone says little)."""
        words = [w for w in (self.nearest(w) for w in content_words(normalised)) if w]
        query = set(words) | {f"{a}_{b}" for a, b in itertools.pairwise(words)}
        totals: dict[str, float] = {}
        pairs: Counter[str] = Counter()
        for word in query:
            idf = self.idf.get(word, 0.0)
            for key, factor in self.postings.get(word, ()):
                totals[key] = totals.get(key, 0.0) + idf * factor
                if "_" in word:
                    pairs[key] += 1
        return {key: (total, pairs[key]) for key, total in totals.items() if total}


def _bayes_tokens(normalised: str) -> list[str]:
    """What `_Bayes` counts: the content words, and each run of BAYES_GRAM letters of them
    written one after the other ("#quen", "#en m", "# mat")."""
    words = content_words(normalised)
    joined = f" {' '.join(words)} "
    return words + [f"#{joined[i : i + BAYES_GRAM]}" for i in range(len(joined) - BAYES_GRAM + 1)]


class _Bayes:
    """Which of a few candidates a question is most like, by naive Bayes over what was
    written for each entry: the questions asked of it (counted once, in `_Asked`) and its
    keyword phrases. It orders a list and may doubt an answer (BAYES_DOUBT), never makes one
    sure: its tokens tell apart entries that both fit ("quên mật khẩu" or "đổi mật khẩu")
    where the scores are close. It judges only entries people asked about (`knows`)."""

    def __init__(self, asked: _Asked, phrases: dict[str, list[str]]) -> None:
        self.asked = asked
        self.counts: dict[str, Counter[str]] = {}
        for key, raw in phrases.items():
            counts = self.counts[key] = Counter()
            for phrase in raw:
                counts.update(_bayes_tokens(normalise(phrase)))
        keys = asked.counts.keys() | self.counts.keys()
        self.totals = {
            key: asked.totals.get(key, 0) + self.counts.get(key, Counter()).total() for key in keys
        }
        vocabulary = len(asked.vocabulary) + len(
            set().union(*self.counts.values()) - asked.vocabulary
        )
        self.unseen = BAYES_SMOOTHING * vocabulary

    def knows(self, keys: Iterable[str]) -> bool:
        """Whether each of `keys` has questions asked of it: an entry a ward wrote has only
        its few keywords, and would lose to any entry people asked about in everyday words."""
        return all(key in self.asked.counts for key in keys)

    def shares(self, normalised: str, keys: list[str]) -> dict[str, float]:
        """Each of `keys`' share of the chance that the question is about it (they sum
        to 1)."""
        tokens = _bayes_tokens(normalised)
        logs = {}
        for key in keys:
            asked = self.asked.counts.get(key, Counter())
            own = self.counts.get(key, Counter())
            below = math.log(self.totals.get(key, 0) + self.unseen)
            logs[key] = sum(math.log(asked[t] + own[t] + BAYES_SMOOTHING) - below for t in tokens)
        top = max(logs.values())
        exps = {key: math.exp(value - top) for key, value in logs.items()}
        whole = sum(exps.values())
        return {key: value / whole for key, value in exps.items()}


class _Asked:
    """Questions people asked, each with the entry that answered it: a question is answered
    like the ones nearest to it (BM25 over each asked question, the best few voting for
    their entries), so wording no keyword list thought of still finds its entry. `counts`:
    each entry's `_bayes_tokens` over its questions."""

    NEAREST = 5

    def __init__(self, asked: Iterable[tuple[str, str]]) -> None:
        self.keys: dict[str, str] = {}
        self.counts: dict[str, Counter[str]] = {}
        documents: dict[str, list[str]] = {}
        for key, question in asked:
            normalised = normalise(question)
            self.counts.setdefault(key, Counter()).update(_bayes_tokens(normalised))
            tokens = _tokens(normalised)
            if tokens:
                name = str(len(self.keys))
                self.keys[name] = key
                documents[name] = tokens
        self.bm25 = _Bm25(documents)
        self.totals = {key: counts.total() for key, counts in self.counts.items()}
        self.vocabulary: set[str] = set().union(*self.counts.values())

    def scores(self, normalised: str) -> dict[str, float]:
        """Each entry's summed score among the nearest asked questions."""
        if not self.keys:
            return {}
        found = self.bm25.scores(normalised)
        nearest = heapq.nlargest(self.NEAREST, found.items(), key=lambda kv: kv[1][0])
        result: dict[str, float] = {}
        for name, (score, _pairs) in nearest:
            key = self.keys[name]
            result[key] = result.get(key, 0.0) + score
        return result


class KnowledgeBase:
    """The entries of one ward (the built-in ones plus what the ward wrote), in every
    language, and the search over them."""

    def __init__(
        self,
        entries: dict[str, dict[str, Entry]],
        categories: dict[str, list[Category]],
        asked: _Asked | None = None,
    ) -> None:
        self._entries = entries  # lang -> key -> entry
        self._categories = categories
        self._asked = asked or _Asked(())
        keys = list(dict.fromkeys(k for lang in LANGUAGES for k in entries.get(lang, {})))
        phrases = {k: self._phrases(k) for k in keys}
        self._index = _Index(phrases)
        self._bayes = _Bayes(self._asked, phrases)
        self._bm25 = _Bm25({k: self._document(k) for k in keys})
        self._ward_cache: dict[
            tuple[tuple[WardText, ...], tuple[tuple[str, str], ...]], KnowledgeBase
        ] = {}

    def _phrases(self, key: str) -> list[str]:
        """What a question may contain to find `key`: its keywords and titles."""
        phrases: list[str] = []
        for lang in LANGUAGES:
            entry = self._entries.get(lang, {}).get(key)
            if entry is not None:
                phrases += [*entry.keywords, entry.title]
        return phrases

    def _document(self, key: str) -> list[str]:
        """The words of `key` for BM25: its title and keywords twice, its answer once."""
        tokens: list[str] = []
        for lang in LANGUAGES:
            entry = self._entries.get(lang, {}).get(key)
            if entry is not None:
                for phrase in (entry.title, *entry.keywords):
                    tokens += 2 * _tokens(normalise(phrase))
                tokens += _tokens(normalise(entry.body))
        return tokens

    def categories(self, lang: str) -> list[Category]:
        return self._categories.get(lang) or self._categories["vi"]

    def entry(self, key: str, lang: str) -> Entry | None:
        return self._entries.get(lang, {}).get(key) or self._entries["vi"].get(key)

    def entries(self, lang: str, category: str | None = None) -> list[Entry]:
        keys = list(dict.fromkeys([*self._entries["vi"], *self._entries.get(lang, {})]))
        found = [e for k in keys if (e := self.entry(k, lang)) is not None]
        return [e for e in found if category is None or e.category == category]

    def search(
        self, text: str, among: Iterable[str] | None = None, *, lenient: bool = False
    ) -> SearchResult:
        """The best entry for a question, a few candidates when unsure, or nothing; with
        `among`, only those entries compete. Two signals add up: keyword phrases found in
        the question (precise) and BM25 over the entries' whole text (recall); a confident
        answer needs a keyword phrase, a clear lead, and no other app named."""
        normalised = normalise(text)
        phrases = self._index.scores(text)
        bm25 = self._bm25.scores(normalised)
        asked = self._asked.scores(normalised)
        keys = set(phrases) | set(bm25) | set(asked)
        if among is not None:
            keys &= set(among)
        # What each entry's own words score (keyword phrases, its text), and with the
        # questions asked before added: these rank, the entries' own words decide confidence.
        own = {k: phrases.get(k, 0.0) + BM25_WEIGHT * bm25.get(k, (0.0, 0))[0] for k in keys}
        combined = {k: own[k] + ASKED_WEIGHT * asked.get(k, 0.0) for k in keys}
        ranked = sorted(combined.items(), key=lambda kv: kv[1], reverse=True)
        if not ranked or ranked[0][1] < CANDIDATE_SCORE:
            return SearchResult(Outcome.NONE)
        top, best = ranked[0]
        alone, pairs = bm25.get(top, (0.0, 0))
        named = own[top]
        weak = (alone < BM25_ALONE or pairs < BM25_PAIRS) and asked.get(top, 0.0) < ASKED_ALONE
        if not phrases.get(top) and weak and not lenient:
            # Only a few common words shared with an entry's text: no topic at all.
            return SearchResult(Outcome.NONE)
        # The best by its own words must also be the best overall, and lead the runner-up.
        by_own = sorted(own.values(), reverse=True)
        runner_up = by_own[1] if len(by_own) > 1 else 0.0
        folded = _folded_words(text)
        # Held or doubled letters do not hide a name ("icloudd", "gmaill"); nor do phrases.
        other_service = _has(f" {_single(folded)} ", _other_services())
        if _names_elsewhere(folded):
            if phrases.get(top, 0.0) < CONFIDENT_PHRASE:
                return SearchResult(Outcome.NONE)  # gold prices, lottery: not ours
            other_service = True
        sure = (
            phrases.get(top, 0.0) >= CONFIDENT_PHRASE
            and named == by_own[0]
            and named >= CONFIDENT_SCORE
            and named >= CONFIDENT_LEAD * runner_up
            and not other_service
        )
        doubted, shares = False, {}
        best_few = [k for k, _ in ranked[:MAX_CANDIDATES]]
        if sure and among is None and len(best_few) > 1 and self._bayes.knows(best_few):
            shares = self._bayes.shares(normalised, best_few)
            doubted = shares[top] < BAYES_DOUBT
        if sure and not doubted:
            return SearchResult(Outcome.ANSWER, ranked[:1], named)
        close = [(k, s) for k, s in ranked if s >= CANDIDATE_SHARE * best][:MAX_CANDIDATES]
        if doubted:
            close = ranked[:MAX_CANDIDATES]  # the `shares` just weighed
        elif len(close) == 1:
            # Unsure, with one candidate ("vneid" alone): its neighbours of the same topic
            # that the question also touches, so that the list is a choice.
            first = self.entry(top, "vi")
            if first is not None:
                kin = [
                    (k, s)
                    for k, s in ranked[1:]
                    if (e := self.entry(k, "vi")) is not None and e.category == first.category
                ]
                close += kin[: MAX_CANDIDATES - 1]
        listed = [k for k, _ in close]
        if among is None and len(close) > 1 and self._bayes.knows(listed):
            # The list's order: its score, and which of them the question is most like. An
            # answer doubted stays first: its words won; the others may be what was meant.
            weighed = shares if doubted else self._bayes.shares(normalised, listed)
            kept = close[:1] if doubted else []
            close = kept + sorted(
                close[len(kept) :],
                key=lambda ks: ks[1] + BAYES_WEIGHT * math.log(weighed[ks[0]] + BAYES_FLOOR),
                reverse=True,
            )
        return SearchResult(Outcome.CHOOSE, close, named)

    def with_ward(
        self, texts: Iterable[WardText], taught: Iterable[tuple[str, str]] = ()
    ) -> KnowledgeBase:
        """This knowledge base with a ward's own entries added or put in place of ours, and
        the ways of asking staff taught it ((entry key, question) pairs: they count as the
        entry's keywords). Kept for the next question of that ward while all this stays
        the same: building the search takes tens of milliseconds."""
        texts, phrasings = tuple(texts), tuple(taught)
        if not texts and not phrasings:
            return self
        made = self._ward_cache.get((texts, phrasings))
        if made is None:
            made = self._with_ward(texts, phrasings)
            if len(self._ward_cache) >= WARD_CACHE:
                self._ward_cache.pop(next(iter(self._ward_cache)))
            self._ward_cache[(texts, phrasings)] = made
        return made

    def _with_ward(
        self, texts: tuple[WardText, ...], phrasings: tuple[tuple[str, str], ...]
    ) -> KnowledgeBase:
        entries = {lang: dict(by_key) for lang, by_key in self._entries.items()}
        for text in texts:
            base = self.entry(text.key, text.lang)
            extra = tuple(k.strip() for k in (text.keywords or "").split(",") if k.strip())
            entries.setdefault(text.lang, {})[text.key] = Entry(
                key=text.key,
                category=base.category if base else "ward",
                title=text.title,
                body=text.body,
                source=text.source or "",
                reviewed=text.reviewed,
                keywords=(base.keywords if base else ()) + extra,
                ward_local=base.ward_local if base else True,
                ward_id=text.ward_id,
            )
        # A ward that wrote only Vietnamese still answers English readers (in Vietnamese)
        # rather than with the empty built-in placeholder.
        for text in texts:
            for lang in LANGUAGES:
                current = entries.get(lang, {}).get(text.key)
                if current is None or (current.ward_id is None and not current.answerable):
                    entries.setdefault(lang, {})[text.key] = replace(
                        entries[text.lang][text.key],
                        keywords=(current.keywords if current else ())
                        + entries[text.lang][text.key].keywords,
                    )
        for key, phrasing in phrasings:
            for by_key in entries.values():
                if key in by_key:
                    entry = by_key[key]
                    by_key[key] = replace(entry, keywords=(*entry.keywords, phrasing))
        return KnowledgeBase(entries, self._categories, self._asked)

    def with_asked(self, asked: Iterable[tuple[str, str]]) -> KnowledgeBase:
        """The same entries, answering like these (entry key, question) pairs instead of
        the questions shipped in locales/kb/asked."""
        return KnowledgeBase(self._entries, self._categories, _Asked(asked))


@lru_cache(maxsize=len(LANGUAGES))
def _read(lang: str) -> tuple[dict[str, Entry], list[Category]]:
    """One language's entries and categories, parsed once (callers copy before changing)."""
    path = resources.files("locales").joinpath("kb", f"{lang}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    categories = [Category(c["key"], c["title"]) for c in data.get("category", [])]
    entries: dict[str, Entry] = {}
    for e in data.get("entry", []):
        if e["key"] in entries:
            raise ValueError(f"kb/{lang}.toml: {e['key']} is defined twice")
        entries[e["key"]] = Entry(
            key=e["key"],
            category=e["category"],
            title=e["title"],
            body=e.get("body", "").strip(),
            source=e.get("source", ""),
            reviewed=e.get("reviewed"),
            keywords=tuple(e.get("keywords", ())),
            ward_local=bool(e.get("ward_local", False)),
            see=tuple(e.get("see", ())),
            basis=e.get("basis", ""),
        )
    return entries, categories


def asked_questions(without: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The questions residents asked, each with the key of the entry that answers it:
    `locales/kb/asked/*.tsv` (question, topic, style; `#` lines are notes), but for the
    files named in `without`. Rows whose topic is no entry (off-topic, thanks, home visits)
    are not answers and are left out."""
    skip = set(without)
    keys = {key for lang in LANGUAGES for key in _read(lang)[0]}
    found: list[tuple[str, str]] = []
    folder = resources.files("locales").joinpath("kb", "asked")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".tsv") or path.name in skip:
            continue
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
        rows = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
        found += [(row["topic"], row["question"]) for row in rows if row["topic"] in keys]
    return found


@lru_cache(maxsize=1)
def built_in() -> KnowledgeBase:
    """The entries shipped in locales/kb, and the questions asked of them, read once."""
    entries, categories = {}, {}
    for lang in LANGUAGES:
        entries[lang], categories[lang] = _read(lang)
    return KnowledgeBase(entries, categories, _Asked(asked_questions()))


_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,47}$")


def valid_key(key: str) -> bool:
    """Entry keys are short lower-case words joined by dashes: "ward-office"."""
    return bool(_KEY.match(key))


def understand(kb: KnowledgeBase, text: str) -> SearchResult:
    """What a resident's message is, before it is a question: thanks or a greeting; a scam
    told as a question (the matching scam warning, with confidence); a request for help at
    home; else the knowledge base's answer, choice or nothing. Both the main menu and the
    help desk read typed text through this."""
    if is_greeting(text):
        return SearchResult(Outcome.THANKS)
    text = _relayed(kb, text)
    visit = is_home_visit(text)
    spelt = f" {_spelt_out(text)} "
    hosts = _hosts(text)
    linked = suspicious_address(text, hosts)
    if (linked or _has(spelt, _intent("scam_told"))) and _has(spelt, _intent("scam_report")):
        # Cheated, or seeing a scam, and asking where to report it: the report answer.
        return SearchResult(Outcome.ANSWER, [(SCAM_FALLBACK, 0.0)])
    if is_scam_report(text, linked):
        scams = [e.key for e in kb.entries("vi", SCAM_CATEGORY)]
        reporting = _has(spelt, _intent("scam_report"))
        if not reporting:
            # Told a scam, not asking where to report one: the warning about that kind.
            scams = [key for key in scams if key != SCAM_FALLBACK]
        # Among the warnings, the closest one by its own words; none of them close (a prize
        # to claim, a loan): the general answer, how to report it. Beside them, what to do
        # for one's own account ("lỡ bấm link lạ rồi, tài khoản ngân hàng có sao không",
        # "có người xin mã OTP"), unless there is a fake link or a report is asked for, and
        # whose own words must also beat the best warning's.
        among = scams if linked or reporting else [*scams, ACCOUNT_SAFETY]
        found = kb.search(text, among=among, lenient=True)
        if found.keys[:1] == [ACCOUNT_SAFETY]:
            account, found = found, kb.search(text, among=scams, lenient=True)
            if account.named > found.named:
                return SearchResult(Outcome.ANSWER, account.matches[:1])
        warning = found.matches[:1] if found.named >= SCAM_NAMED else []
        # A web address typed is a page told of; a parcel ("gói hàng") no call.
        called = _has(_without(spelt, _intent("call_not")), _intent("call_told"))
        site = linked or ((bool(hosts) or _has(spelt, _intent("site_told"))) and not called)
        nearer = warning[0][0] if warning else None
        if nearer == SCAM_APP and not _app_told(text, hosts):
            nearer = None  # a link and no app told of: a page, not an app to install
        if nearer == SCAM_UPDATE and not _has(spelt, _intent("update_told")):
            nearer = None  # a link and nothing to update told of: a page ("mở khoá tài khoản")
        if site and SCAM_SITE in scams and nearer in (None, SCAM_CALL):
            # A fake site, its address typed or told of, that no warning's own words
            # describe better (a page or a message in an official's name with a link is no
            # phone call to hang up on, a link with no app told of no app to install).
            return SearchResult(Outcome.ANSWER, [(SCAM_SITE, 0.0)])
        if warning:
            return SearchResult(Outcome.ANSWER, warning)
        return SearchResult(Outcome.ANSWER, [(SCAM_FALLBACK, 0.0)])
    if visit is True:
        return SearchResult(Outcome.HOME_VISIT)
    found = kb.search(_sites_named(text, hosts, spelt))
    named = found.named >= TOPIC_NAMED
    if found.outcome != Outcome.ANSWER and not named and _thanks_at_length(text):
        return SearchResult(Outcome.THANKS)
    if visit is None and found.outcome != Outcome.ANSWER:
        # Unsure what to answer someone who cannot manage alone: a visit, unless the
        # question clearly names a topic ("tôi mắt kém, muốn đổi số vneid...", or asks as
        # others asked of one: TOPIC_LIKELY) or a subject the team does not come for ("bà 80
        # tuổi bị tiểu đường nên ăn gì").
        # Learning to use the phone is what a visit does: no topic of its own here.
        first = kb.entry(found.keys[0], "vi") if found.keys else None
        learning = first is not None and first.category == SKILLS_CATEGORY
        likely = not learning and max((s for _k, s in found.matches), default=0.0) >= TOPIC_LIKELY
        if not (named or likely) and not _names_elsewhere(_folded_words(text)):
            return SearchResult(Outcome.HOME_VISIT)
    return found


def _app_told(text: str, hosts: list[str]) -> bool:
    """Whether the message tells of an app in words, not in an address's name
    ("vneid-capnhat.top" is a page, "tải app vneid-capnhat" an app)."""
    words = " ".join(w for w in text.split() if not any(h in w.lower() for h in hosts))
    return _has(f" {_spelt_out(words)} ", _intent("app_told"))


def _relayed(kb: KnowledgeBase, text: str) -> str:
    """The question itself when someone passes it on ("Bà Sáu tổ 7 nhờ em hỏi: ...",
    "Quầy một cửa hỏi hộ công dân: ..."): what comes before the colon says who asks, and
    nothing the help desk knows ("Quên mật khẩu VNeID, cho em hỏi: ..." keeps it all)."""
    head, colon, tail = text.partition(":")
    if not colon or len(tail.split()) < 2 or len(head.split()) > RELAY_HEAD_WORDS:
        return text
    spelt = _spelt_out(head)
    if not (_has(f" {spelt} ", _intent("relay")) or spelt.endswith(" hoi")):
        return text
    if is_scam_report(head) or kb.search(head).outcome != Outcome.NONE:
        return text
    return tail
