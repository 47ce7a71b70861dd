"""The quiz banks live in the build environment: book-wide rules hold in parallel
builds, and the pages gathered from every chapter follow the chapters.

These tests build a small plain-Sphinx project (no Jupyter Book, and so no
``sphinx_multitoc_numbering``, which forces serial reads) with the book's own
extensions: eight chapters with a quiz each, the instructors' key page and the
course map. Plain Sphinx also shows the extensions do not need Jupyter Book.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO

SPHINX_BUILD = [sys.executable, "-m", "sphinx"]
CHAPTERS = [f"chapter{n}" for n in range(1, 9)]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

CONF = f"""
import sys
sys.path.insert(0, {str(REPO / "_ext")!r})
project = "Quiz test book"
extensions = ["myst_parser", "quiz", "course_map"]
myst_enable_extensions = ["colon_fence"]
html_baseurl = "https://example.org/book/"
latex_documents = [("index", "quiz-test-book.tex", "Quiz test book", "Tests", "manual")]
"""

CHAPTER = """(ch-{name})=
# Chapter {name}

:::{{reading-time}}
:::

:::{{admonition}} Learning objectives
:class: learning-objectives
1. **Describe** topic {name}.
:::

(sec-{name}-topic)=
## Topic of {name}

Some words about the topic of {name}, enough to read.

## Self-check

```{{quiz}}
```
"""

BANK = """questions:
  - id: {name}-question
    type: true-false
    level: recall
    section: sec-{name}-topic
    stem: Chapter {name} has a topic.
    options:
      - text: "True"
        correct: true
        feedback: Yes. The chapter has one section, and it is about its own topic, as its heading says.
      - text: "False"
        feedback: No. The chapter has one section about its own topic; the heading above says so plainly.
"""

INDEX = """# Quiz test book

```{{toctree}}
{pages}
key
guide
```
"""


def make_project(root: Path) -> Path:
    source = root / "src"
    source.mkdir()
    (source / "conf.py").write_text(CONF)
    (source / "index.md").write_text(INDEX.format(pages="\n".join(CHAPTERS)))
    (source / "key.md").write_text("# Answer key\n\n## Answers\n\n```{quiz-answer-key}\n```\n")
    (source / "guide.md").write_text("# Guide\n\n```{course-map}\n```\n")
    for name in CHAPTERS:
        (source / f"{name}.md").write_text(CHAPTER.format(name=name))
        (source / f"{name}.quiz.yml").write_text(BANK.format(name=name))
    return source


def sphinx(source: Path, *options: str) -> tuple[int, str]:
    result = subprocess.run([*SPHINX_BUILD, "-b", "html", "-n", "-W", "--keep-going",
                             *options, str(source), str(source.parent / "html")],
                            capture_output=True, text=True, timeout=300)
    return result.returncode, ANSI.sub("", result.stdout + result.stderr)


def page(source: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((source.parent / "html" / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.fixture()
def project(tmp_path) -> Path:
    return make_project(tmp_path)


def test_extensions_build_a_plain_sphinx_project_in_parallel(project):
    code, log = sphinx(project, "-j", "4")
    assert code == 0, log
    key = page(project, "key")
    assert len(key.select("div.quiz-question")) == len(CHAPTERS)
    titles = [h.get_text().rstrip("¶#") for h in key.select("section.quiz-answer-key h3")]
    assert titles == [f"Chapter {name}" for name in CHAPTERS]
    rows = page(project, "guide").select("table.course-map tbody tr")
    assert [r.find("td").get_text(strip=True) for r in rows] == titles


def test_duplicate_id_is_caught_in_a_parallel_build(project):
    """The book-wide rule runs after the parallel readers' results are merged."""
    bank = project / "chapter7.quiz.yml"
    bank.write_text(bank.read_text().replace("chapter7-question", "chapter2-question"))
    code, log = sphinx(project, "-j", "4")
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", log), \
        "the pages were not read in parallel (Sphinx lists a batch as 'first .. last'): " + log
    assert code != 0, "a duplicate id passed a parallel build"
    assert re.search(r"chapter7\.quiz\.yml:\d+: WARNING: question 'chapter2-question': "
                     r"duplicate id: already used by the quiz of \S*chapter2\.md", log), log


def test_gathered_pages_follow_an_edited_and_a_removed_chapter(project):
    code, log = sphinx(project)
    assert code == 0, log
    bank = project / "chapter3.quiz.yml"
    bank.write_text(bank.read_text().replace("Chapter chapter3 has a topic.",
                                             "Chapter chapter3 has exactly one topic."))
    (project / "chapter5.md").write_text((project / "chapter5.md").read_text()
                                         + "\n" + "More words to study here. " * 300 + "\n")
    code, log = sphinx(project)
    assert code == 0, log
    assert "Chapter chapter3 has exactly one topic." in page(project, "key").get_text()
    times = [r.find_all("td")[2].get_text(strip=True)
             for r in page(project, "guide").select("table.course-map tbody tr")]
    assert times[4].startswith("13 min reading"), times  # ~1,530 words at 120 a minute

    # A chapter taken out of the book leaves the key and the map.
    (project / "index.md").write_text(INDEX.format(
        pages="\n".join(n for n in CHAPTERS if n != "chapter6")))
    (project / "chapter6.md").unlink()
    code, log = sphinx(project)
    assert code == 0, log
    assert "chapter6" not in page(project, "key").get_text()
    assert len(page(project, "guide").select("table.course-map tbody tr")) == len(CHAPTERS) - 1
