"""The city-wide tally: every ward's week, each equal to that ward's own tally."""

from __future__ import annotations

import datetime as dt

from storage import stats, wards
from storage.access import Scope
from storage.models import SessionPriorityGroup, SessionTopic, SupportSession
from tests.conftest import START

MONDAY = dt.date(2026, 11, 16)
SUNDAY = MONDAY + dt.timedelta(days=6)


def session(ward, group, day, residents, topics, priorities=()) -> SupportSession:
    return SupportSession(
        ward_id=ward.id,
        group_id=group.id,
        occurred_on=day,
        residents_count=residents,
        place="home",
        outcome="resolved",
        topics=[SessionTopic(topic=t) for t in topics],
        priority_groups=[SessionPriorityGroup(priority_group=p) for p in priorities],
    )


async def city(database):
    """Two wards of Hải Phòng with sessions, one with none, one elsewhere, the demo ward."""
    async with database.sessions() as db, db.begin():
        demo = (await wards.seed_demo(db, START)).ward
        lc = await wards.add_ward(db, "LC", "Phường Lê Chân", "Hải Phòng")
        nq = await wards.add_ward(db, "NQ", "Phường Ngô Quyền", "Hải Phòng")
        await wards.add_ward(db, "DK", "Phường Đông Khê", "Hải Phòng")
        hk = await wards.add_ward(db, "HK", "Phường Hoàn Kiếm", "Hà Nội")
        lc1, lc2, lc3 = [await wards.add_group(db, lc, f"Tổ {n}") for n in (1, 2, 3)]
        nq1 = await wards.add_group(db, nq, "Tổ 1")
        hk1 = await wards.add_group(db, hk, "Tổ 1")
        demo_group = (await wards.groups_of(db, demo.id))[0]
        db.add_all(
            [
                session(lc, lc1, MONDAY, 3, ["vneid", "cashless"], ["elderly"]),
                session(lc, lc1, SUNDAY, 1, ["vneid"], ["elderly", "disability"]),
                session(lc, lc2, MONDAY + dt.timedelta(days=3), 2, ["public_services"]),
                session(lc, lc3, MONDAY - dt.timedelta(days=1), 5, ["vneid"], ["elderly"]),
                session(lc, lc3, SUNDAY + dt.timedelta(days=1), 4, ["vneid"]),
                session(nq, nq1, MONDAY, 2, ["vneid"], ["policy"]),
                session(hk, hk1, MONDAY, 7, ["online_safety"], ["elderly"]),
                session(demo, demo_group, MONDAY, 9, ["vneid"], ["elderly"]),
            ]
        )
    return lc, nq, hk


async def test_each_ward_line_is_that_wards_own_tally(database):
    lc, nq, hk = await city(database)
    async with database.sessions() as db:
        whole = await stats.city_tally(db, MONDAY, SUNDAY)
        by_code = {line.code: line for line in whole.wards}
        assert sorted(by_code) == ["DK", "HK", "LC", "NQ"]  # the demo ward is not the city's
        for ward in (lc, nq, hk):
            own = await stats.tally(db, Scope(ward_id=ward.id), MONDAY, SUNDAY)
            line = by_code[ward.code]
            assert (line.sessions, line.residents) == (own.sessions, own.residents)
            assert line.by_topic == own.by_topic
            assert line.by_priority == own.by_priority

    lc_line = by_code["LC"]
    assert (lc_line.sessions, lc_line.residents) == (3, 6)  # the days around the week left out
    assert (lc_line.groups, lc_line.active_groups) == (3, 2)
    assert lc_line.by_topic == {"vneid": 2, "cashless": 1, "public_services": 1}
    assert lc_line.by_priority == {"elderly": 2, "disability": 1}
    quiet = by_code["DK"]
    assert (quiet.sessions, quiet.residents, quiet.groups, quiet.active_groups) == (0, 0, 0, 0)
    assert quiet.by_topic == {} and quiet.by_priority == {}

    assert (whole.sessions, whole.residents) == (3 + 1 + 1, 6 + 2 + 7)
    assert (whole.groups, whole.active_groups) == (5, 4)
    assert whole.by_topic == {"vneid": 3, "cashless": 1, "public_services": 1, "online_safety": 1}
    assert whole.by_priority == {"elderly": 3, "disability": 1, "policy": 1}


async def test_one_province_only(database):
    await city(database)
    async with database.sessions() as db:
        hai_phong = await stats.city_tally(db, MONDAY, SUNDAY, province="Hải Phòng")
        nowhere = await stats.city_tally(db, MONDAY, SUNDAY, province="Atlantis")
        empty_week = await stats.city_tally(
            db, MONDAY + dt.timedelta(days=14), SUNDAY + dt.timedelta(days=14)
        )
    assert sorted(line.code for line in hai_phong.wards) == ["DK", "LC", "NQ"]
    assert (hai_phong.sessions, hai_phong.residents) == (4, 8)
    assert "online_safety" not in hai_phong.by_topic
    assert empty_week.sessions == 0 and empty_week.by_topic == {}
    assert len(empty_week.wards) == 4
    assert nowhere.wards == [] and nowhere.sessions == 0
