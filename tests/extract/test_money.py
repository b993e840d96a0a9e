"""Money amounts and their normalisation with the fixed rate table (data/fx.yaml)."""

from __future__ import annotations

import pytest

from redlines.extract.money import find_amounts, load_fx, money_in


@pytest.mark.parametrize("text,amount,currency,qualifier", [
    ("at least €126 million of aid", 126e6, "EUR", "at least"),
    ("a $2.3 billion package", 2.3e9, "USD", ""),
    ("about 500 million euros", 500e6, "EUR", "about"),
    ("£1,500 for each", 1500.0, "GBP", ""),
    ("up to 7bn kroner", 7e9, "NOK", "up to"),
    ("more than $60bn in assistance", 60e9, "USD", "more than"),
])
def test_find_amounts(text, amount, currency, qualifier):
    m = money_in(text, 2024)
    assert (m.amount, m.currency, m.qualifier) == (amount, currency, qualifier)


def test_article_conversion_wins_over_table():
    m = money_in("€126 million ($137 million)", 2024)
    assert m.eur == 126e6 and m.usd == 137e6


def test_table_conversion_by_year():
    fx = load_fx()
    m23, m24 = money_in("$100 million", 2023), money_in("$100 million", 2024)
    assert m23.eur == pytest.approx(100e6 / fx.rate("USD", 2023))
    assert m24.eur != m23.eur and m24.usd == 100e6
    assert fx.rate("USD", 1990) == fx.rate("USD", min(fx.rates))  # nearest year


def test_no_money():
    assert money_in("thirty F-16 jets and 18 people", 2024) is None
    assert find_amounts("") == []
