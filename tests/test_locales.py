"""Words and formats per language: one catalog, complete, and Babel formats as readers expect."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.issues import UsageError
from pipeline.report.locales import Locale, catalog, extract_msgids


@pytest.mark.parametrize(
    ("lang", "method", "value", "expected"),
    [
        ("id", "money", 1234567, "Rp\u00a01.234.567"),
        ("en", "money", 1234567, "IDR\u00a01,234,567"),
        ("id", "money", -2500.4, "−Rp\u00a02.500"),
        ("id", "money_words", 1.2e9, "Rp\u00a01,20\u00a0miliar"),
        ("id", "money_words", 3.4e6, "Rp\u00a03,40\u00a0juta"),
        ("en", "money_words", 1.2e9, "IDR\u00a01.20\u00a0billion"),
        ("id", "percent", 0.125, "12,5%"),
        ("en", "percent", 0.125, "12.5%"),
        ("en", "number", 1234.5, "1,234.5"),
        ("id", "number", 1234.5, "1.234,5"),
        ("en", "percent", None, "–"),
        ("en", "percent", 250.0, "> 10,000%"),
        ("id", "amount", -1234567, "−1.234.567"),
        ("id", "multiplier", 1.2, "×1,20"),
        ("en", "money_words", 0.0, "IDR\u00a00"),
        ("en", "money_auto", 12.5, "IDR\u00a012.50"),
        ("id", "months", 0, "sejak awal"),
        ("en", "months", 14, "month 14"),
        ("id", "percent", -0.125, "−12,5%"),
    ],
    ids=[
        "id-money",
        "en-money",
        "id-negative",
        "id-miliar",
        "id-juta",
        "en-billion",
        "id-pct",
        "en-pct",
        "en-number",
        "id-number",
        "missing",
        "absurd-pct",
        "id-amount",
        "id-mult",
        "zero-tile-no-cents",  # regression: a one-option report showed savings "IDR 0.00"
        "unit-price-cents",
        "payback-from-the-start",  # regression: "month 0" for an option never behind
        "payback-month",
        "negative-pct-minus-sign",  # regression: ROI "-66%" beside amounts "−885,858,199"
    ],
)
def test_formats(lang, method, value, expected):
    loc = Locale(lang=lang, currency="IDR")
    digits = {"percent": 1, "number": 1}.get(method)
    fn = getattr(loc, method)
    assert (
        fn(value, digits) if digits is not None and value is not None else fn(value)
    ) == expected


def test_dates_and_usd():
    assert Locale(lang="id", currency="IDR").date(date(2025, 3, 14)) == "14 Maret 2025"
    assert Locale(lang="en", currency="IDR").date(date(2025, 3, 14)) == "14 March 2025"
    assert Locale(lang="en", currency="USD").money(1500) == "US$\u00a01,500"


def test_unknown_language_is_a_usage_error():
    with pytest.raises(UsageError):
        Locale(lang="fr", currency="IDR")


def test_every_msgid_has_an_indonesian_translation():
    msgids = extract_msgids()
    assert len(msgids) > 150  # the extractor really sees templates and modules
    assert "Executive summary" in msgids and "Contact volume" in msgids
    missing = [m for m in msgids if not catalog("id").get(m)]
    assert missing == []


def test_translations_keep_their_placeholders():
    fields = re.compile(r"\{(\w+)\}")
    bad = [
        (m, s)
        for m, s in catalog("id").items()
        if sorted(fields.findall(m)) != sorted(fields.findall(s))
    ]
    assert bad == []


def test_missing_translation_is_recorded():
    loc = Locale(lang="id", currency="IDR")
    assert loc._("Executive summary") == "Ringkasan eksekutif"
    assert loc._("no such text") == "no such text"
    assert loc.missing == {"no such text"}
    assert Locale(lang="en", currency="IDR")._("Year {n}", n=2) == "Year 2"
