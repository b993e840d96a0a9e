"""Synthetic news articles for load tests, kill tests and benchmarks (deterministic by seed).

Each article is a short wire-style text with a dateline, written from templates that vary donors,
weapons, zones, dates and wording, so every stage has real work and ids never collide.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

DONORS = ("the United States", "Germany", "France", "Britain", "the Netherlands", "Norway", "Denmark",
          "Poland", "Sweden", "Canada", "Italy", "Belgium")
OFFICIALS = ("the defence minister", "a government spokesperson", "the foreign minister", "the prime minister",
             "a senior official", "the chancellor's office")
WEAPONS = ("ATACMS missiles", "HIMARS launchers", "Storm Shadow missiles", "F-16 fighter jets", "Patriot batteries",
           "Leopard 2 tanks", "IRIS-T systems", "artillery shells", "Taurus cruise missiles", "Caesar howitzers")
ZONES = ("across the border near Kharkiv", "on Russian territory", "deep inside Russia", "in occupied Crimea",
         "in the Belgorod region", "only on Ukrainian territory", "in the occupied south")
OUTLETS = ("Northwire", "Baltic Ledger", "Daily Courier", "Continental Times", "Harbour Post")
PERMIT = (
    "{donor} will allow Ukraine to use its {weapon} against military targets {zone}, {official} said {when}.",
    "{donor} has quietly lifted its ban on Kyiv firing {weapon} {zone}, according to {official}.",
    "Ukraine may now strike {zone} with {weapon} supplied by {donor}, {official} confirmed {when}.",
)
RESTRICT = (
    "{donor} still forbids Kyiv from firing its {weapon} {zone}, {official} told reporters {when}.",
    "{official} said {donor} would not let Ukraine use the {weapon} {zone} for now.",
    "The {weapon} sent by {donor} must not be used {zone}, {official} insisted {when}.",
)
TRANSFER = (
    "{donor} pledged {n} more {weapon} to Ukraine {when}.",
    "{donor} delivered {n} {weapon} to Kyiv {when}, {official} said.",
    "{donor} refuses to send {weapon} to Ukraine, {official} repeated {when}.",
)
FILLER = (
    "Officials in Kyiv have asked for months for fewer limits on Western arms.",
    "Moscow warned that the decision risked a wider escalation of the conflict.",
    "Analysts said the move reflected pressure from front-line commanders.",
    "The announcement came ahead of a meeting of allied defence ministers.",
    "Russian forces have pressed an offensive in the north-east since the spring.",
    "Diplomats said several capitals were weighing similar steps.",
    "Air defence remains the most urgent request of Ukraine's military.",
)
WHEN = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month")


def generate_article(i: int, seed: int = 0) -> tuple[str, str]:
    """(file name, text) of article number `i`; the same (i, seed) always gives the same text."""
    rnd = random.Random(seed * 1_000_003 + i)
    published = date(2024, 1, 1) + timedelta(days=rnd.randrange(0, 300))
    outlet = rnd.choice(OUTLETS)
    lines = [f"{rnd.choice(('KYIV', 'BERLIN', 'BRUSSELS', 'WASHINGTON', 'LONDON'))}, "
             f"{published.strftime('%B')} {published.day}, {published.year} ({outlet}) - "]
    body: list[str] = []
    for _ in range(rnd.randint(3, 7)):
        pool = rnd.choice((PERMIT, RESTRICT, TRANSFER))
        body.append(rnd.choice(pool).format(
            donor=rnd.choice(DONORS), weapon=rnd.choice(WEAPONS), zone=rnd.choice(ZONES),
            official=rnd.choice(OFFICIALS), when=rnd.choice(WHEN), n=rnd.randint(2, 60)))
        body.append(rnd.choice(FILLER))
    body.append(f"Reference {seed}-{i} of the {outlet} archive.")
    sentences = [s[0].upper() + s[1:] for s in body]
    lines[0] += sentences[0]
    paragraphs = [lines[0]] + [" ".join(sentences[k:k + 2]) for k in range(1, len(sentences), 2)]
    return f"gen_{seed}_{i:06d}.txt", "\n\n".join(paragraphs) + "\n"


def generate(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` synthetic articles as (file name, text)."""
    return [generate_article(i, seed) for i in range(n)]


def write_corpus(directory: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write `n` synthetic articles as .txt files into `directory`; returns their paths."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        p = out / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
