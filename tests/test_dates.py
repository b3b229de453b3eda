"""Date expressions: forms, year inference, relative chains, robustness (newsframe.dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from newsframe.dates import DateMention, find_dates, find_dates_in_text
from newsframe.pipeline import prepare_article

CASES = yaml.safe_load((Path(__file__).parent / "expected" / "dates_cases.yaml").read_text())


def _as_rows(mentions: list[DateMention]) -> list[list]:
    return [[m.expression, m.value, m.precision, m.basis] for m in mentions]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_hand_checked_cases_in_plain_text(case: dict) -> None:
    found = find_dates_in_text(case["text"], case["published"])
    assert _as_rows(found) == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_hand_checked_cases_through_the_pipeline(case: dict) -> None:
    article = prepare_article(case["text"], published=case["published"])
    found = find_dates(article)
    assert _as_rows(found) == case["expect"]
    for mention in found:
        # offsets point into the original text and cover the expression as written
        assert article.readable(mention.start, mention.end) == mention.expression


def test_footnote_marker_glued_to_a_year_is_never_part_of_it() -> None:
    for text in ("on Jan. 25, 20185 by", "in May 20187 the", "since 20183 the"):
        for mention in find_dates_in_text(text, date(2019, 1, 31)):
            assert mention.value is None or mention.value.year == 2018


def test_relative_chain_breaks_after_an_unresolvable_expression() -> None:
    text = (
        "Talks began on May 3, 2018. One day after Iran fired a missile, jets struck. "
        "The next day, talks resumed."
    )
    found = find_dates_in_text(text, date(2018, 5, 20))
    assert [m.expression for m in found] == ["May 3, 2018", "One day after", "The next day"]
    assert found[2].value is None  # not counted from May 3


def test_yearless_date_after_publication_goes_to_previous_year() -> None:
    (mention,) = find_dates_in_text("The deal signed on Nov. 20 collapsed.", date(2019, 2, 1))
    assert mention.value == date(2018, 11, 20)


def test_boilerplate_dates_are_not_body_dates() -> None:
    text = (
        "Russia and Iran talk again\n\nMay 22, 2018 21:17\n\n"
        "On Thursday, the presidents met in Sochi. The next day, the envoy spoke.\n"
    )
    article = prepare_article(text, published=date(2018, 5, 22))
    found = find_dates(article)
    assert all(article.sentence_at(m.start) is not None for m in found)
    assert "May 22, 2018" not in [m.expression for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "will" inside a quote is the quote's tense, not the attribution's
        ('"We will never agree," Lavrov said on Monday.', date(2019, 1, 21)),
        ("“We will never agree,” Lavrov said on Monday.", date(2019, 1, 21)),
        # a postposed attribution governs the weekday, not the reported clause before it
        ("Iran will not leave Syria, Rouhani said on Monday.", date(2019, 1, 21)),
        # the future verb that governs the weekday still makes it the coming one
        ("Lavrov said the talks will resume on Monday.", date(2019, 1, 28)),
        ("The talks will be held in Geneva, Switzerland, on Monday.", date(2019, 1, 28)),
        ("“We will meet them on Monday,” Lavrov said.", date(2019, 1, 28)),
        ("Lavrov, who will visit Tehran, said on Monday that talks had failed.", date(2019, 1, 21)),
    ],
)
def test_weekday_tense_comes_from_the_verb_that_governs_it(text: str, expected: date) -> None:
    published = date(2019, 1, 24)  # a Thursday
    for found in (
        find_dates_in_text(text, published),
        find_dates(prepare_article(text, published=published)),
    ):
        weekdays = [m for m in found if "Monday" in m.expression]
        assert [m.value for m in weekdays] == [expected], text
