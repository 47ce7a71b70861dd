"""A student answers a quiz with the keyboard alone, on a phone-sized screen.

Headless Debian Chromium through Playwright (no browser download). From the top of a
chapter page the student tabs to a question, picks a wrong option, checks it, then the
right one; each time the feedback for that option is shown in a live region and the
score changes. The score keeps two counts apart, announced together in one live region:
questions right first time (a wrong first check stays wrong there, a right one stays
right) and questions right now. Also: check boxes for a select-all question, "Start
again", a reload that starts afresh (nothing is stored), a visible focus ring, a score
that does not change height as it counts, no sideways scrolling at 390 px, and no axe
violations once feedback is showing, in the light and the dark theme.
"""

from __future__ import annotations

import pytest

import axe_core
from conftest import REPO
from quiz import bank_beside
from quiz.bank import load_quiz

CHAPTER = "book/injection"
QUIZ = load_quiz(bank_beside(REPO / f"{CHAPTER}.md"))
SINGLE = next(q for q in QUIZ.questions if q.type == "single")
MULTIPLE = next(q for q in QUIZ.questions if q.type == "multiple")
TOTAL = len(QUIZ.questions)


@pytest.fixture()
def phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(server + CHAPTER + ".html", wait_until="networkidle")
    yield tab
    context.close()


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                         selector)


def tab_until(page, selector: str, limit: int = 600, backwards: bool = False) -> None:
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    pytest.fail(f"Tab never reached {selector}")


def question(question_id: str) -> str:
    return f"#question-{question_id}"


def choose_with_arrows(page, index: int) -> None:
    """In a radio group that has focus, select option `index` (A = 0)."""
    page.keyboard.press("Space")
    current = page.evaluate("Number(document.activeElement.value)")
    key = "ArrowDown" if index > current else "ArrowUp"
    for _ in range(abs(index - current)):
        page.keyboard.press(key)
    assert page.evaluate("Number(document.activeElement.value)") == index


def feedback(page, question_id: str) -> str:
    return page.inner_text(f"{question(question_id)} .quiz-feedback")


def score(page) -> str:
    """The score as it is read out: the live region's whole text (aria-atomic)."""
    return " ".join(page.text_content(".quiz-score").split())


def expected(first: int, now: int, answered: int) -> str:
    return (f"Right first time: {first} of {TOTAL}. "
            f"Right now: {now} of {TOTAL} (answered {answered} of {TOTAL}).")


def option_index(question_data, correct: bool) -> int:
    return next(i for i, o in enumerate(question_data.options) if o.correct == correct)


def test_keyboard_answers_get_their_feedback_and_change_the_score(phone):
    q = question(SINGLE.id)
    wrong = option_index(SINGLE, correct=False)
    right = option_index(SINGLE, correct=True)
    assert score(phone) == expected(first=0, now=0, answered=0)

    tab_until(phone, f"{q} input")
    choose_with_arrows(phone, wrong)
    phone.keyboard.press("Tab")
    assert focused(phone, f"{q} button.quiz-button")
    phone.keyboard.press("Enter")
    shown = feedback(phone, SINGLE.id)
    assert "Not the right answer yet" in shown
    assert " ".join(SINGLE.options[wrong].feedback.split()[:8]) in shown
    assert score(phone) == expected(first=0, now=0, answered=1)

    phone.keyboard.press("Shift+Tab")
    assert focused(phone, f"{q} input:checked")
    choose_with_arrows(phone, right)
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    shown = feedback(phone, SINGLE.id)
    assert "Right answer" in shown
    assert " ".join(SINGLE.options[right].feedback.split()[:8]) in shown
    # Put right on the second try: right now, but still not right first time.
    assert score(phone) == expected(first=0, now=1, answered=1)
    # On screen the two counts are two lines.
    assert phone.inner_text(".quiz-score").splitlines() == [
        f"Right first time: 0 of {TOTAL}.", f"Right now: 1 of {TOTAL} (answered 1 of {TOTAL})."]


def test_a_right_first_answer_stays_counted_when_changed_to_wrong(phone):
    q = question(SINGLE.id)
    tab_until(phone, f"{q} input")
    choose_with_arrows(phone, option_index(SINGLE, correct=True))
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert score(phone) == expected(first=1, now=1, answered=1)
    phone.keyboard.press("Shift+Tab")
    choose_with_arrows(phone, option_index(SINGLE, correct=False))
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert "Not the right answer yet" in feedback(phone, SINGLE.id)
    assert score(phone) == expected(first=1, now=0, answered=1)


def test_select_all_question_uses_check_boxes(phone):
    q = question(MULTIPLE.id)
    tab_until(phone, f"{q} input")
    for option in MULTIPLE.options:
        assert focused(phone, f"{q} input[type=checkbox]")
        if option.correct:
            phone.keyboard.press("Space")
        phone.keyboard.press("Tab")
    assert focused(phone, f"{q} button.quiz-button")
    phone.keyboard.press("Enter")
    assert "Right answer" in feedback(phone, MULTIPLE.id)
    assert score(phone) == expected(first=1, now=1, answered=1)


def test_checking_nothing_asks_for_an_answer(phone):
    q = question(SINGLE.id)
    tab_until(phone, f"{q} button.quiz-button")
    phone.keyboard.press("Enter")
    assert feedback(phone, SINGLE.id) == "Choose an answer first."
    assert score(phone) == expected(first=0, now=0, answered=0)
    # Checking nothing was not a try: the first real answer still counts as the first.
    phone.keyboard.press("Shift+Tab")
    choose_with_arrows(phone, option_index(SINGLE, correct=True))
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert score(phone) == expected(first=1, now=1, answered=1)


def test_start_again_clears_answers_and_score(phone):
    q = question(SINGLE.id)
    tab_until(phone, f"{q} input")
    phone.keyboard.press("Space")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert "(answered 1 of" in score(phone)
    tab_until(phone, ".quiz-scorebar button")
    phone.keyboard.press("Enter")
    assert score(phone) == expected(first=0, now=0, answered=0)
    assert phone.locator(".quiz input:checked").count() == 0
    assert feedback(phone, SINGLE.id) == ""
    assert focused(phone, ".quiz-question input")
    # A new attempt: its first answers count as first tries again.
    tab_until(phone, f"{q} input")
    choose_with_arrows(phone, option_index(SINGLE, correct=True))
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    assert score(phone) == expected(first=1, now=1, answered=1)


def test_reload_starts_afresh(phone):
    """Nothing is stored, so a reload shows no answers and a score of nothing yet."""
    for question_data in (SINGLE, MULTIPLE):
        q = question(question_data.id)
        phone.locator(f"{q} input").nth(option_index(question_data, correct=True)).check()
        phone.locator(f"{q} button.quiz-button").click()
    assert score(phone) == expected(first=1, now=1, answered=2)
    phone.reload(wait_until="networkidle")
    assert score(phone) == expected(first=0, now=0, answered=0)
    assert phone.locator(".quiz input:checked").count() == 0
    assert phone.locator("[data-quiz-state]").count() == 0


def test_feedback_and_score_are_live_regions(phone):
    assert phone.get_attribute(f"{question(SINGLE.id)} .quiz-feedback", "aria-live") == "polite"
    # One region for both counts, read out whole, so neither is announced without the other.
    assert phone.get_attribute(".quiz-score", "aria-live") == "polite"
    assert phone.get_attribute(".quiz-score", "aria-atomic") == "true"
    assert phone.locator(".quiz [aria-live]").count() == TOTAL + 1


def test_score_keeps_its_height_as_it_counts(phone):
    """No layout jump on a phone: both lines are there from the start and do not re-wrap."""
    bar = phone.locator(".quiz-scorebar")
    before = bar.bounding_box()["height"]
    for question_data in QUIZ.questions:
        q = question(question_data.id)
        phone.locator(f"{q} input").nth(option_index(question_data, correct=False)).check()
        phone.locator(f"{q} button.quiz-button").click()
    assert score(phone) == expected(first=0, now=0, answered=TOTAL)
    assert bar.bounding_box()["height"] == before


def test_keyboard_focus_is_visible(phone):
    tab_until(phone, f"{question(SINGLE.id)} button.quiz-button")
    outline = phone.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert outline[0] != "none" and outline[1] >= 2, outline


def test_quiz_fits_a_phone_screen(phone):
    widths = phone.evaluate("""() => { const q = document.querySelector('.quiz');
        return [q.scrollWidth, q.clientWidth, document.documentElement.scrollWidth,
                window.innerWidth]; }""")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_answered_quiz_has_no_accessibility_violations(browser, server, theme):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(f"localStorage.setItem('theme', '{theme}'); "
                         f"localStorage.setItem('mode', '{theme}');")
    page.goto(server + CHAPTER + ".html", wait_until="networkidle")
    for question_data, pick in ((SINGLE, "correct"), (MULTIPLE, "wrong")):
        index = option_index(question_data, correct=pick == "correct")
        page.locator(f"{question(question_data.id)} input").nth(index).check()
        page.locator(f"{question(question_data.id)} button.quiz-button").click()
    page.locator(f"{question(SINGLE.id)} + details summary").click()
    assert page.locator("[data-quiz-state=correct]").count() == 1
    assert page.locator("[data-quiz-state=incorrect]").count() == 1
    violations = axe_core.violations(page)
    context.close()
    assert violations == [], "\n".join(violations)
