"""Publication-date inference on invented texts (weekdays, explicit dates, rollover, years, no evidence)."""

from __future__ import annotations

from datetime import date

from redlines.ingest import RawArticle, build_document, infer_published
from redlines.ingest.pubdate import relative_intervals, resolve_month_day, resolve_weekday
from redlines.model import PublishedHow

FILLER = (
    "Officials in Kyiv described the situation at the front as difficult but stable. "
    "Western governments have debated for months how far their support for Ukraine should go. "
    "Analysts said the decision could change the course of the fighting in the coming weeks. "
)


def test_resolve_weekday_and_month_day():
    assert resolve_weekday(date(2024, 5, 31), 4) == date(2024, 5, 31)  # Friday on a Friday
    assert resolve_weekday(date(2024, 5, 31), 1) == date(2024, 5, 28)
    assert resolve_weekday(date(2024, 6, 3), 6) == date(2024, 6, 2)
    assert resolve_month_day(date(2025, 1, 3), 12, 29) == date(2024, 12, 29)
    assert resolve_month_day(date(2024, 3, 1), 2, 29) == date(2024, 2, 29)


def test_relative_intervals():
    fri = date(2024, 5, 31)
    assert relative_intervals(fri, "last_week") == [(date(2024, 5, 20), date(2024, 5, 26))]
    sat = date(2024, 6, 1)
    assert (date(2024, 5, 27), date(2024, 5, 31)) in relative_intervals(sat, "last_week")
    assert relative_intervals(date(2024, 5, 28), "last_weekend") == [(date(2024, 5, 25), date(2024, 5, 26))]
    assert relative_intervals(fri, "yesterday") == [(date(2024, 5, 30), date(2024, 5, 30))]
    lo, hi = relative_intervals(fri, "ago", 2, "week")[0]
    assert lo <= date(2024, 5, 17) <= hi


def test_weekdays_pinned_by_events():
    text = (
        "Russia fired a new intermediate-range missile, the Oreshnik, at the city of Dnipro on Thursday, "
        "Ukrainian officials said. Two days before, on Tuesday, Ukraine had fired ATACMS missiles at an "
        "arsenal in the Bryansk region. " + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 11, 21)
    assert p.how is PublishedHow.INFERRED
    assert p.earliest == date(2024, 11, 21) and p.latest >= p.value
    assert p.confidence >= 0.6
    assert "Oreshnik" in p.rule or "oreshnik" in p.rule


def test_yesterday_pins_the_day_after():
    text = (
        "Russian troops launched a ground offensive against the Kharkiv region yesterday, crossing the "
        "border at several points, the Ukrainian general staff said. " + FILLER
    )
    assert infer_published(text).value == date(2024, 5, 11)


def test_month_rollover_and_year_from_full_date():
    text = (
        "The air force said the attack of December 29, 2024 had been the largest of the winter. "
        "On Jan. 2 the defence ministry announced new deliveries of air defence systems on Thursday. "
        + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2025, 1, 2)


def test_year_inferred_from_last_november_and_in_2023():
    text = (
        "Denmark first promised the jets in 2023. Ukrainian pilots have trained in Romania since last "
        "November. On March 4 the defence minister said six more aircraft would follow. " + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 3, 4)


def test_explicit_date_is_a_lower_bound_and_future_events_are_not():
    text = (
        "Ukraine's forces withdrew from Avdiivka on Saturday after months of heavy fighting, the army "
        "commander said. NATO leaders will meet for a summit in Washington in July. " + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 2, 17)


def test_no_evidence_is_unknown():
    p = infer_published("Officials said on Monday the talks were constructive. " + FILLER)
    assert p.value is None and p.how is PublishedHow.UNKNOWN and p.confidence == 0.0
    assert p.rule


def test_page_date_only_bounds_from_above():
    text = (
        "On Tuesday, Belgium pledged 30 F-16 jets to Ukraine by 2028 as the two countries signed a "
        "security agreement in Brussels. " + FILLER
    )
    p = infer_published(text, page_dates=[date(2024, 6, 25)])
    assert p.value == date(2024, 5, 28)
    assert p.latest <= date(2024, 6, 25)


def test_user_given_date_wins():
    raw = RawArticle(
        source="t",
        text="On Thursday, Russia fired an Oreshnik missile at Dnipro, officials said. " + FILLER * 2,
        published=date(2024, 12, 1),
        given=frozenset({"published"}),
    )
    p = build_document(raw).published
    assert (p.value, p.how, p.confidence) == (date(2024, 12, 1), PublishedHow.GIVEN, 1.0)


def test_dateline_with_day_and_inferred_year():
    body = (
        "KYIV, Nov 20 (Reuters) - Ukraine fired British Storm Shadow cruise missiles at targets inside "
        "Russia for the first time on Wednesday, a source said. " + FILLER * 2
    )
    doc = build_document(RawArticle(source="t", text=body))
    assert doc.outlet == "Reuters"
    assert doc.published.value == date(2024, 11, 20)
    assert doc.published.how is PublishedHow.DATELINE
    assert not doc.text.startswith("KYIV")


def test_published_line_is_a_dateline():
    body = (
        "Published: 18 November 2024\n\n"
        + ("Ukraine received permission to strike deeper, officials said. " + FILLER) * 2
    )
    doc = build_document(RawArticle(source="t", text=body))
    assert doc.published.value == date(2024, 11, 18)
    assert doc.published.how is PublishedHow.DATELINE
    assert "Published:" not in doc.text


def test_year_from_weekday_of_a_yearless_date():
    text = (
        "On Tuesday, Sept. 3, two missiles hit a training centre in central Ukraine, officials said. "
        "Rescuers searched the rubble through the night. " + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 9, 3) and p.how is PublishedHow.INFERRED
    assert p.confidence <= 0.5
    assert infer_published("Officials met on March 4 to discuss the jets. " + FILLER).value is None


def test_weekday_without_anchor_prefers_a_later_development():
    text = (
        "Blinken confirmed the policy change on Friday at the NATO meeting in Prague, officials said. "
        "On Monday a Pentagon spokesman denied a report that the rules had been widened further. " + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 6, 3)
    assert p.earliest <= p.value <= p.latest


def test_relative_phrase_uses_the_event_of_the_neighbouring_sentence():
    text = (
        "The United States shipped the long-range ATACMS to Ukraine in secret. Washington acknowledged the "
        "delivery only last month, after the missiles had been used twice.\n\n" + FILLER
    )
    p = infer_published(text)
    assert p.value == date(2024, 5, 1)
    assert "last month" in p.rule
