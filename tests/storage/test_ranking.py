"""The movement's recognition is fair: per week a member could have been active, ties share
a place, and a tie at the last place keeps everyone in it."""

from __future__ import annotations

from storage.stats import GroupLine, ranked


def line(name: str, sessions: int, residents: int, weeks: int) -> GroupLine:
    return GroupLine(name, sessions, residents, active_weeks=min(weeks, sessions), weeks=weeks)


def test_a_newcomer_is_measured_over_the_weeks_since_joining() -> None:
    veteran = line("Cô Hoa", 20, 20, weeks=10)  # 2 a week
    newcomer = line("Anh Minh", 9, 9, weeks=3)  # 3 a week, joined three weeks ago
    assert [x.name for x in ranked([veteran, newcomer], top=5)] == ["Anh Minh", "Cô Hoa"]


def test_equal_figures_share_a_place_and_ties_at_the_cut_stay() -> None:
    lines = [
        line("A", 4, 4, 2),
        line("B", 2, 2, 1),  # the same rate as A
        line("C", 1, 3, 1),
        line("D", 1, 3, 1),
        line("E", 1, 1, 1),
        line("F", 0, 0, 1),  # nothing: never listed
    ]
    shown = ranked(lines, top=3)
    assert [(x.name, x.rank) for x in shown] == [("A", 1), ("B", 1), ("C", 3), ("D", 3)]
