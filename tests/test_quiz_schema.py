"""The bank format's JSON Schema: one description of a bank's structure, used by the
build's loader and by editors (each bank names it in a ``yaml-language-server`` line).

Checked independently of the loader: the schema is valid JSON Schema, every bank
passes it when validated directly with ``jsonschema``, and it refuses the mistakes
it exists to catch.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import REPO
from quiz import BANK_SUFFIX

SCHEMA_PATH = REPO / "_ext" / "quiz" / "bank.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
BANKS = sorted(REPO.glob(f"book/*{BANK_SUFFIX}")) + [REPO / "tests/fixture_book/book/quiz.quiz.yml"]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def test_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("bank", BANKS, ids=lambda p: p.name)
def test_bank_names_the_schema_for_editors(bank):
    match = MODELINE.search(bank.read_text(encoding="utf-8"))
    assert match, "no '# yaml-language-server: $schema=…' line"
    assert (bank.parent / match.group(1)).resolve() == SCHEMA_PATH


@pytest.mark.parametrize("bank", BANKS, ids=lambda p: p.name)
def test_bank_passes_the_schema(bank):
    errors = list(Draft202012Validator(SCHEMA).iter_errors(yaml.safe_load(bank.read_text())))
    assert errors == [], [e.message for e in errors]


def one_question(**changes) -> dict:
    question = {"id": "q-one", "type": "single", "level": "recall", "section": "sec-x",
                "stem": "A stem?", "options": [{"text": "A", "correct": True, "feedback": "F"},
                                               {"text": "B", "feedback": "G"}]}
    question.update(changes)
    return {"questions": [question]}


@pytest.mark.parametrize("bank", [
    one_question(type="essay"),
    one_question(level="remember"),
    one_question(id="Q_One"),
    one_question(stem="   "),
    one_question(colour="red"),
    one_question(options=[{"text": "A", "feedback": "F", "hint": "h"}] * 2),
    one_question(options=[{"text": "A"}] * 2),
    one_question(options=[{"text": "A", "feedback": "F", "correct": "yes"}] * 2),
    {"questions": []},
    {"quiz": []},
], ids=["type", "level", "id", "blank stem", "unknown key", "unknown option key",
        "no feedback", "correct not boolean", "no questions", "no questions key"])
def test_schema_refuses_a_broken_bank(bank):
    assert list(Draft202012Validator(SCHEMA).iter_errors(bank)), "the schema accepted it"


def test_schema_accepts_the_smallest_valid_bank():
    assert list(Draft202012Validator(SCHEMA).iter_errors(one_question())) == []
