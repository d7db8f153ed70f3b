"""Signed, expiring links to the charts and spreadsheets the bot makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.clock import SetClock
from bot.core import Attachment, Reply
from bot.files import BadLink, FileStore, safe_filename
from tests.conftest import START

CLOCK = SetClock(START)


def _parts(link: str) -> tuple[str, str, str]:
    path, _, query = link.partition("?")
    params = dict(p.split("=") for p in query.split("&"))
    return path.removeprefix("/files/"), params["e"], params["s"]


def test_a_link_opens_its_file_until_it_expires(tmp_path: Path) -> None:
    store = FileStore(tmp_path, "secret", ttl_hours=1, clock=CLOCK)
    name = store.save(b"PNG", "Biểu đồ tuần 47.png")
    assert name.endswith("/Bi-u-tu-n-47.png")
    name_in_link, exp, sig = _parts(store.link(name, now=1000.0))
    assert store.check(name_in_link, exp, sig, now=1000.0 + 3599).read_bytes() == b"PNG"
    with pytest.raises(BadLink):
        store.check(name_in_link, exp, sig, now=1000.0 + 3601)


def test_a_forged_or_altered_link_is_refused(tmp_path: Path) -> None:
    store = FileStore(tmp_path, "secret", clock=CLOCK)
    name = store.save(b"x", "a.xlsx")
    other = store.save(b"y", "b.xlsx")
    _, exp, sig = _parts(store.link(name))
    with pytest.raises(BadLink):
        store.check(other, exp, sig)  # another file with this file's signature
    with pytest.raises(BadLink):
        store.check(name, str(int(exp) + 999), sig)  # a longer life
    with pytest.raises(BadLink):
        store.check("../../etc/passwd", exp, sig)
    # Another server's secret does not open our files.
    _, exp2, sig2 = _parts(FileStore(tmp_path, "other", clock=CLOCK).link(name))
    with pytest.raises(BadLink):
        store.check(name, exp2, sig2)


def test_without_a_configured_secret_one_is_kept_across_restarts(tmp_path: Path) -> None:
    first = FileStore(tmp_path, clock=CLOCK)
    name = first.save(b"x", "a.png")
    _, exp, sig = _parts(first.link(name))
    assert FileStore(tmp_path, clock=CLOCK).check(name, exp, sig).read_bytes() == b"x"
    assert (tmp_path / ".secret").stat().st_mode & 0o077 == 0


def test_safe_filenames() -> None:
    assert safe_filename("../../x y.png") == "x-y.png"
    assert safe_filename("") == "file"


def test_attachments_survive_the_outbox_round_trip() -> None:
    reply = Reply("Tuần 47", attachments=[Attachment("image", "abc/chart.png", "Biểu đồ")])
    back = Reply.from_dict(reply.to_dict())
    assert back.attachments == reply.attachments
    assert back.attachments[0].filename == "chart.png"
    assert "attachments" not in Reply("plain").to_dict()
