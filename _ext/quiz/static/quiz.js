/* Self-check quizzes: turns each printed-style question into an answerable one.
 *
 * The page already holds everything (see _ext/quiz/writers.py): the stem, the
 * lettered options, and in <details> the key, the feedback for every option and
 * a link to the section tested. Without this script the quiz reads as a list with
 * its answers one click away. With it, each question gets radio buttons or check
 * boxes, a "Check answer" button and a feedback area announced to screen readers
 * (aria-live); the quiz gets a score, also announced, and "Start again".
 * The score keeps two counts apart: questions right at the first check (a later
 * correction does not change that count) and questions right now, after any
 * retries. "Start again" clears both. Nothing is stored or sent anywhere, so a
 * reload also starts afresh.
 */
(function () {
  "use strict";

  var INTRO = "{n} questions on this chapter (about {m} minutes). Choose an answer and select " +
    "\u201cCheck answer\u201d for feedback; you can change your answer and check " +
    "again. The score at the end counts the questions you got right first time " +
    "and those that are right now. \u201cShow the answer\u201d under each question " +
    "reveals every explanation.";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function enhanceQuestion(question, onChecked) {
    var stem = question.querySelector(".quiz-stem");
    var list = question.querySelector("ol.quiz-options");
    var answer = question.nextElementSibling;  // the <details> with the key
    var type = question.getAttribute("data-quiz-type");
    var correct = question.getAttribute("data-quiz-correct").split(" ").map(Number);
    var feedbacks = answer.querySelectorAll(".quiz-option-feedback p");
    var review = answer.querySelector(".quiz-review a");
    var name = question.id;

    var fieldset = el("fieldset", "quiz-fieldset");
    var legend = el("legend", "quiz-legend");
    while (stem.firstChild) legend.appendChild(stem.firstChild);
    fieldset.appendChild(legend);
    var inputs = [];
    Array.prototype.forEach.call(list.children, function (item, index) {
      var letter = String.fromCharCode(65 + index);
      var choice = el("div", "quiz-choice");
      var input = el("input");
      input.type = type === "multiple" ? "checkbox" : "radio";
      input.name = name;
      input.id = name + "-" + letter.toLowerCase();
      input.value = String(index);
      var label = el("label");
      label.htmlFor = input.id;
      label.appendChild(el("span", "quiz-letter", letter + "."));
      label.appendChild(document.createTextNode(" " + item.textContent.trim()));
      choice.appendChild(input);
      choice.appendChild(label);
      fieldset.appendChild(choice);
      inputs.push(input);
    });
    var actions = el("div", "quiz-actions");
    var check = el("button", "quiz-button", "Check answer");
    check.type = "button";
    actions.appendChild(check);
    var feedback = el("div", "quiz-feedback");
    feedback.setAttribute("aria-live", "polite");
    feedback.id = name + "-feedback";
    fieldset.setAttribute("aria-describedby", feedback.id);
    stem.replaceWith(fieldset);
    list.remove();
    question.appendChild(actions);
    question.appendChild(feedback);

    check.addEventListener("click", function () {
      var chosen = inputs.filter(function (i) { return i.checked; })
        .map(function (i) { return Number(i.value); });
      feedback.textContent = "";
      if (!chosen.length) {
        question.removeAttribute("data-quiz-state");
        feedback.appendChild(el("p", "quiz-verdict", "Choose an answer first."));
        return;
      }
      var right = chosen.length === correct.length &&
        chosen.every(function (i) { return correct.indexOf(i) >= 0; });
      question.setAttribute("data-quiz-state", right ? "correct" : "incorrect");
      var verdict = el("p", "quiz-verdict");
      verdict.appendChild(el("strong", null, right ? "\u2713 Right answer." : "\u2717 Not the right answer yet."));
      if (!right && type === "multiple") {
        var hits = chosen.filter(function (i) { return correct.indexOf(i) >= 0; }).length;
        verdict.appendChild(document.createTextNode(
          " You chose " + hits + " of the " + correct.length + " right options" +
          (chosen.length > hits ? ", and " + (chosen.length - hits) + " wrong." : ".")));
      }
      feedback.appendChild(verdict);
      chosen.forEach(function (i) { feedback.appendChild(feedbacks[i].cloneNode(true)); });
      var next = el("p", "quiz-next");
      next.appendChild(document.createTextNode(right ? "Review: " :
        "Change your answer and check again, or review: "));
      if (review) next.appendChild(review.cloneNode(true));
      feedback.appendChild(next);
      onChecked(question, right);
    });
    return {
      reset: function () {
        inputs.forEach(function (i) { i.checked = false; });
        feedback.textContent = "";
        question.removeAttribute("data-quiz-state");
        answer.open = false;
      },
      first: inputs[0]
    };
  }

  function countRight(results) {
    return Object.keys(results).filter(function (k) { return results[k]; }).length;
  }

  function enhanceQuiz(quiz) {
    var questions = quiz.querySelectorAll(".quiz-question");
    var firstTry = {};  // question id -> right at its first check (never overwritten)
    var now = {};       // question id -> right at its latest check
    var intro = quiz.querySelector(".quiz-intro");
    if (intro) {
      intro.textContent = INTRO.replace("{n}", questions.length)
        .replace("{m}", quiz.getAttribute("data-quiz-minutes"));
    }
    var bar = el("div", "quiz-scorebar");
    // One live region holding both counts, read out whole whenever either changes.
    var score = el("div", "quiz-score");
    score.setAttribute("aria-live", "polite");
    score.setAttribute("aria-atomic", "true");
    var firstLine = el("span", "quiz-score-first");
    var nowLine = el("span", "quiz-score-now");
    score.appendChild(firstLine);
    score.appendChild(document.createTextNode(" "));
    score.appendChild(nowLine);
    var reset = el("button", "quiz-button", "Start again");
    reset.type = "button";
    bar.appendChild(score);
    bar.appendChild(reset);

    function showScore() {
      var total = questions.length;
      firstLine.textContent = "Right first time: " + countRight(firstTry) + " of " +
        total + ".";
      nowLine.textContent = "Right now: " + countRight(now) + " of " + total +
        " (answered " + Object.keys(now).length + " of " + total + ").";
    }
    var controls = Array.prototype.map.call(questions, function (question) {
      return enhanceQuestion(question, function (q, right) {
        if (!Object.prototype.hasOwnProperty.call(firstTry, q.id)) firstTry[q.id] = right;
        now[q.id] = right;
        showScore();
      });
    });
    reset.addEventListener("click", function () {
      controls.forEach(function (c) { c.reset(); });
      firstTry = {};
      now = {};
      showScore();
      if (controls.length) controls[0].first.focus();
    });
    quiz.appendChild(bar);
    showScore();
    quiz.classList.add("quiz--interactive");
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("div.quiz"), enhanceQuiz);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
