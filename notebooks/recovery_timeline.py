"""Where a course of injection sessions and the time scales of repair fall in time.

The arithmetic behind the recovery-timeline notebook, kept out of its cells so
it can be unit-tested. Weeks count from enrolment; a session given in week w
is placed at w. Each repair window (from ``data/repair_timescales.csv``) is
laid after every session, which is the hypothesis the figure illustrates: no
human data show that an injection restarts the phases of repair.
"""

from __future__ import annotations

from dataclasses import dataclass

from book_data import TIMESCALE_WINDOWS, Timescale

SESSIONS_RANGE = (3, 6)  # number of sessions the "try it" cell accepts
SPACING_RANGE = (2, 8)  # weeks between sessions, as in the trials the book cites
DAYS_PER_WEEK = 7.0


@dataclass(frozen=True)
class Schedule:
    """A course of sessions: how many, how far apart, and the week of the first."""

    sessions: int
    spacing_weeks: float
    first_week: float = 1.0

    def __post_init__(self):
        _require_in_range("sessions", self.sessions, SESSIONS_RANGE, whole=True)
        _require_in_range("spacing_weeks", self.spacing_weeks, SPACING_RANGE)
        _require_in_range("first_week", self.first_week, (0, 52))

    @property
    def weeks(self) -> tuple[float, ...]:
        return tuple(self.first_week + i * self.spacing_weeks for i in range(self.sessions))

    def describe(self) -> str:
        weeks = ", ".join(f"{w:g}" for w in self.weeks)
        return f"{self.sessions} sessions, {self.spacing_weeks:g} weeks apart (weeks {weeks})"


def _require_in_range(name: str, value, bounds: tuple[float, float], whole: bool = False) -> None:
    """Refuse a value outside ``bounds`` (or not a whole number, if ``whole``), by name."""
    low, high = bounds
    types = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, types) or not low <= value <= high:
        kind = "a whole number" if whole else "a number"
        raise ValueError(f"{name} must be {kind} from {low} to {high}; got {value!r}")


# Rabago et al. (2013): injections at weeks 1, 5 and 9 (weeks 13 and 17 optional).
RABAGO_2013 = Schedule(sessions=3, spacing_weeks=4, first_week=1)


@dataclass(frozen=True)
class Window:
    """One window (soreness or a repair phase) after one session, in weeks from enrolment."""

    session: int  # 1 for the first session
    session_week: float
    kind: str
    start_week: float
    end_week: float

    def overlaps(self, other: "Window") -> bool:
        return self.start_week < other.end_week and other.start_week < self.end_week


def windows_after_sessions(schedule: Schedule,
                           timescales: dict[str, Timescale]) -> list[Window]:
    """Every window after every session, ordered by session, then as in TIMESCALE_WINDOWS."""
    missing = [kind for kind in TIMESCALE_WINDOWS if kind not in timescales]
    if missing:
        raise ValueError(f"timescales has no entry for {', '.join(missing)}")
    return [
        Window(session=number, session_week=week, kind=kind,
               start_week=week + timescales[kind].start_days / DAYS_PER_WEEK,
               end_week=week + timescales[kind].end_days / DAYS_PER_WEEK)
        for number, week in enumerate(schedule.weeks, start=1)
        for kind in TIMESCALE_WINDOWS
    ]


def still_running_at_next_session(windows: list[Window]) -> dict[str, list[int]]:
    """For each kind of window, the sessions whose window is still open when the next begins.

    This is the figure's main point in words: on a typical schedule, soreness
    and the early phases have ended before the next session, while the
    remodelling of one session runs on through all the later ones.
    """
    session_weeks = sorted({w.session_week for w in windows})
    following = dict(zip(session_weeks, session_weeks[1:]))
    result: dict[str, list[int]] = {kind: [] for kind in TIMESCALE_WINDOWS}
    for window in windows:
        next_week = following.get(window.session_week)
        if next_week is not None and window.end_week > next_week:
            result[window.kind].append(window.session)
    return result


def describe_span(window: Window) -> str:
    """A window's span in words, for the table ("weeks 1 to 1.4")."""
    return f"weeks {_week(window.start_week)} to {_week(window.end_week)}"


def _week(value: float) -> str:
    """Whole weeks without a decimal, otherwise one decimal place."""
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def summarise(schedule: Schedule, timescales: dict[str, Timescale]) -> list[str]:
    """The timeline in sentences: which windows close before the next session, which do not."""
    windows = windows_after_sessions(schedule, timescales)
    running = still_running_at_next_session(windows)
    last_session = schedule.sessions
    lines = [f"Schedule: {schedule.describe()}.",
             "If each session restarted repair with the phase lengths seen after acute "
             "injuries (the hypothesis drawn):"]
    for kind in TIMESCALE_WINDOWS:
        sessions = running[kind]
        if not sessions:
            lines.append(f"{kind.capitalize()}: over before the next session every time.")
        elif len(sessions) == last_session - 1:
            lines.append(f"{kind.capitalize()}: still under way when each next session begins.")
        else:
            listed = ", ".join(str(s) for s in sessions)
            lines.append(f"{kind.capitalize()}: still under way at the next session after "
                         f"session(s) {listed}.")
    last = [w for w in windows if w.session == last_session and w.kind == "remodelling"][0]
    lines.append(f"Remodelling after the last session would last until at least week "
                 f"{last.end_week:.0f}.")
    return lines
