"""Deterministic generator of realistic-length red-lines news articles for benchmarks.

`generate(n, seed)` returns dicts with `text` (plain articles) or `html` (web pages) plus
`plain` (the article body as text), `outlet`, `published`, `title`, `style`, `words`.
CLI: `python bench/corpus.py N [--seed S] (--out DIR | --jsonl FILE)`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta
from html import escape
from pathlib import Path

DONORS = [
    # actor, adjective, capital, officials (name, title), systems
    ("United States", "American", "Washington", [("Lloyd Austin", "Defense Secretary"), ("Antony Blinken", "Secretary of State"),
     ("John Kirby", "national security spokesman")], ["ATACMS", "HIMARS", "GMLRS", "Patriot", "Abrams tanks", "F-16 munitions"]),
    ("Britain", "British", "London", [("John Healey", "Defence Secretary"), ("David Lammy", "Foreign Secretary"),
     ("Grant Shapps", "then defence secretary")], ["Storm Shadow", "Challenger 2 tanks", "Brimstone missiles", "AS-90 howitzers"]),
    ("France", "French", "Paris", [("Sebastien Lecornu", "Armed Forces Minister"), ("Stephane Sejourne", "Foreign Minister")],
     ["SCALP", "Caesar howitzers", "AMX-10 RC vehicles", "Mirage 2000 jets"]),
    ("Germany", "German", "Berlin", [("Boris Pistorius", "Defence Minister"), ("Steffen Hebestreit", "government spokesman"),
     ("Annalena Baerbock", "Foreign Minister")], ["Taurus", "IRIS-T", "PzH 2000", "MARS II", "Leopard 2 tanks", "Gepard"]),
    ("the Netherlands", "Dutch", "The Hague", [("Ruben Brekelmans", "Defence Minister"), ("Kajsa Ollongren", "then defence minister")],
     ["F-16", "PzH 2000", "Patriot launchers"]),
    ("Belgium", "Belgian", "Brussels", [("Alexander De Croo", "Prime Minister"), ("Ludivine Dedonder", "Defence Minister")],
     ["F-16", "NASAMS", "Leopard 1 tanks"]),
    ("Denmark", "Danish", "Copenhagen", [("Troels Lund Poulsen", "Defence Minister"), ("Mette Frederiksen", "Prime Minister")],
     ["F-16", "Caesar howitzers", "CV90 vehicles"]),
    ("Norway", "Norwegian", "Oslo", [("Bjorn Arild Gram", "Defence Minister")], ["NASAMS", "F-16", "M270 launchers"]),
    ("Sweden", "Swedish", "Stockholm", [("Pal Jonson", "Defence Minister"), ("Ulf Kristersson", "Prime Minister")],
     ["ASC 890 aircraft", "CV90 vehicles", "Archer howitzers", "Gripen jets"]),
    ("Poland", "Polish", "Warsaw", [("Wladyslaw Kosiniak-Kamysz", "Defence Minister"), ("Radoslaw Sikorski", "Foreign Minister")],
     ["Krab howitzers", "T-72 tanks", "Piorun launchers"]),
    ("Italy", "Italian", "Rome", [("Guido Crosetto", "Defence Minister"), ("Antonio Tajani", "Foreign Minister")],
     ["SAMP/T", "Storm Shadow", "FH70 howitzers"]),
    ("Canada", "Canadian", "Ottawa", [("Bill Blair", "Defence Minister")], ["NASAMS", "drones", "armoured vehicles"]),
]
CURRENCIES = [("$", "", 1e6, "million"), ("EUR ", "", 1e6, "million"), ("", " euros", 1e6, "million"),
              ("\u00a3", "", 1e6, "million"), ("", " Swedish crowns", 1e9, "billion"), ("", " Danish kroner", 1e9, "billion"),
              ("", " Norwegian kroner", 1e9, "billion"), ("C$", "", 1e6, "million")]
RU_BORDER = ["the Belgorod region", "the Kursk region", "the Bryansk region", "Belgorod", "the border areas near Kharkiv",
             "Russian territory just across the border from Kharkiv"]
RU_DEEP = ["Moscow", "airfields deep inside Russia", "the Engels air base", "the Morozovsk airfield", "Russian oil refineries",
           "targets hundreds of kilometres inside Russia"]
UA_HELD = ["Kharkiv", "Sumy", "Zaporizhzhia", "Odesa", "Dnipro", "Kyiv", "Chernihiv", "Mykolaiv", "Kramatorsk"]
UA_OCC = ["Crimea", "Sevastopol", "Melitopol", "Donetsk city", "Mariupol", "the occupied south", "Dzhankoi"]
OUTLETS = [
    ("Reuters", "wire"), ("Agence France-Presse", "wire"), ("Associated Press", "ap"), ("The Guardian", "broadsheet"),
    ("The Daily Telegraph", "broadsheet"), ("The Kyiv Independent", "regional"), ("Politico Europe", "html"),
    ("Deutsche Welle", "german"), ("Der Spiegel", "german"), ("Atlantic Policy Forum", "thinktank"),
    ("The Irish Times", "broadsheet"), ("Financial Review", "html"), ("Defence Wire Daily", "html"),
    ("Prairie Ledger", "regional"), ("Baltic Morning Post", "regional"), ("Ukraine Live Desk", "liveblog"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ALLOW = [
    "{donor} has given Ukraine permission to use {adj} {weapon} against military targets in {ru}, {official} said {when}.",
    "{capital} will allow Kyiv to fire {weapon} at Russian positions in {ru}, according to {source}.",
    "Ukraine may now strike {ru} with {adj}-supplied {weapon}, {official} confirmed {when}, though only against military sites.",
    "{official} told reporters {when} that {donor} had lifted its objection to the use of {weapon} in {ru}.",
    "Under the new guidance, {adj} weapons including {weapon} can be used to hit forces massing in {ru}, {source} said.",
    "{donor} quietly authorised strikes with {weapon} on {ru} {when}, {source} said.",
]
RESTRICT = [
    "{donor} still does not allow Ukraine to use {weapon} against targets in {deep}, {source} said.",
    "{official} ruled out {when} any use of {adj} {weapon} against {deep}.",
    "The ban on firing {weapon} into {deep} remains in place, {official} said.",
    "{capital} has refused to let Kyiv use {weapon} beyond {ru}, citing the risk of escalation.",
    "{official} stressed that {adj} {weapon} may be used only on Ukrainian territory, including {occ}.",
    "There are no plans to change the rules on {weapon}, {official} said {when}.",
]
HEDGE = [
    "{donor} is considering whether to allow {weapon} strikes on {deep}, {source} said, adding that no decision had been made.",
    "{official} said {donor} could revisit the limits on {weapon} if Russia widened its offensive.",
    "Officials in {capital} denied a report that {weapon} had already been cleared for use in {deep}.",
    "It was not clear whether the permission would also cover {weapon}, and {official} declined to say.",
    "{source} said any change on {weapon} would be discussed at the next NATO meeting.",
    "{donor} would consider easing the restrictions only in coordination with its allies, {official} suggested.",
]
TRANSFER = [
    "{donor} announced {when} a new military aid package worth {money}, including {weapon}.",
    "{official} said {donor} would deliver {qty} more {weapon} to Ukraine by the end of {month}.",
    "The latest {adj} package, worth {money}, brings the country's total support to {money2}.",
    "{donor} pledged {money} in additional military assistance, with deliveries of {weapon} expected within weeks.",
    "The first {weapon} from {donor} arrived in Ukraine in {month}, {source} said.",
    "{donor} has so far refused to send {weapon}, saying its own stocks were too low.",
]
ATTACK = [
    "Russian forces struck {ua} overnight with glide bombs and drones, killing {qty} people, regional officials said.",
    "Ukraine said it had hit an air defence battery in {ru} {when}, using {adj}-made {weapon}.",
    "A missile attack on {ua} {when} damaged power lines and a hospital, the regional governor said.",
    "Ukrainian drones targeted an ammunition depot in {ru}, Russia's defence ministry said, claiming it had shot most of them down.",
    "At least {qty} people were wounded when Russian artillery shelled residential areas of {ua}.",
    "Kyiv's forces used {weapon} against a Russian command post in {occ}, according to Ukrainian military sources.",
]
POSITION = [
    "The Kremlin warned {when} that strikes on Russian soil with {adj} weapons would be treated as direct involvement in the war.",
    "Kremlin spokesman Dmitry Peskov said {capital} was playing with fire by loosening the rules.",
    "NATO Secretary General Jens Stoltenberg urged {donor} and other allies {when} to reconsider the limits on {weapon}.",
    "Hungary's government again opposed {when} any step that it said could drag NATO into the conflict over {ua}.",
    "Volodymyr Zelenskyy has repeatedly asked {donor} to lift the restrictions on {weapon}.",
    "Opposition lawmakers in {capital} urged the government to go further and send {weapon} without conditions.",
]
QUOTE = [
    '"{q}," {official} said.', '"{q}," {official} told reporters {when}. "{q2}," {pron} added.',
    '{official} put it bluntly: "{q}"', '"{q}," said {official}, speaking in {capital}.',
    'Asked about {weapon}, {official} said: "{q}"',
]
QUOTES = ["Ukraine has every right to defend itself", "We will not tie Ukraine's hands", "This is not an escalation",
          "We must not become a party to this war", "Our position has not changed", "Every decision is taken together with our allies",
          "The rules are clear and they are being respected", "We are not going to discuss operational details",
          "Russia alone is responsible for this war", "Time matters, and every week counts"]
FILLER = [
    "The war, now in its {nth} year, has settled into a grinding contest of artillery and drones along a front line more than {qty}00 kilometres long.",
    "Ukraine's economy shrank sharply after the invasion, and the government in Kyiv relies on {adj} and other foreign aid to pay pensions.",
    "Analysts say the shortage of interceptors has forced Kyiv to choose between protecting {ua} and protecting power plants.",
    "European defence companies have struggled to expand production fast enough, despite new orders placed in {month}.",
    "Air raid sirens sounded across much of the country for several hours, and residents of {ua} spent the night in metro stations.",
    "Humanitarian groups said the strikes on {ua} had left thousands of families without heating as temperatures fell.",
    "Diplomats said the issue would dominate discussions at the Ukraine Defence Contact Group meeting in {month}.",
    "The European Union agreed in {month} to use windfall profits from frozen Russian assets to buy weapons for Ukraine.",
    "Military experts noted that Russia has moved many of its aircraft out of range of the {weapon} Ukraine has received.",
    "Recruitment remains a problem for Ukraine, which lowered its mobilisation age to 25 and is still short of troops near {ua}.",
    "The grain corridor through the Black Sea has kept operating despite repeated attacks on the ports near {ua}.",
    "Polls in {donor} show public support for Ukraine remains high, though fatigue is growing.",
    "Power cuts lasting up to {qty} hours a day have become routine in {ua} since the latest wave of strikes.",
    "Officials in {capital} said training of Ukrainian crews on {weapon} was continuing at bases abroad.",
    "Russia now controls roughly a fifth of Ukraine's territory, including most of the areas it seized in 2022 around {occ}.",
    "The front near {ua} has barely moved for weeks, according to maps published by independent analysts.",
    "Budget debates in {capital} have been complicated by disputes over how long support for Kyiv can last.",
    "Ukrainian commanders near {ua} say shells remain scarce, with Russian guns firing {qty} times as many rounds on some days.",
    "Talks on reconstruction, held in {month}, produced pledges from {donor} and a dozen other governments.",
    "Independent monitors have recorded more than {qty} attacks on energy infrastructure since the start of the year.",
    "The {adj} parliament approved the latest defence budget after a long debate, {source} said.",
    "Satellite images reviewed by analysts showed new fortifications being dug near {occ}.",
]
CHROME = ["Subscribe to our newsletter", "Sign up for breaking news alerts", "Advertisement", "Most read",
          "Share this article", "Read more: related coverage", "Accept all cookies", "Continue reading with a subscription",
          "Jetzt abonnieren und weiterlesen", "Nous utilisons des cookies", "Related topics: Ukraine, Russia, NATO",
          "Copyright 2024. All rights reserved.", "Follow us on social media"]
TITLES = ["{donor} lets Ukraine use {weapon} against targets in Russia", "{donor} keeps limits on {weapon} despite Kyiv's pleas",
          "Allies divided over Ukrainian strikes inside Russia", "{official} defends {adj} stance on {weapon}",
          "New {adj} aid package includes {weapon}", "Kremlin warns West over long-range strikes",
          "What the new rules on Western weapons mean for Ukraine", "Ukraine presses {donor} to drop restrictions"]


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")


class _Article:
    """One article's random choices: donor, weapons, places, dates; fills the templates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.donor = rng.choice(DONORS)
        self.pub = date(2024, 1, 1) + timedelta(days=rng.randrange(366))

    def when(self) -> str:
        r = self.rng.random()
        back = self.rng.randrange(1, 6)
        day = self.pub - timedelta(days=back)
        if r < 0.5:
            return f"on {WEEKDAYS[day.weekday()]}"
        if r < 0.8:
            return f"on {MONTHS[day.month - 1]} {day.day}"
        return self.rng.choice(["last week", "earlier this month", "this week", "on Monday evening"])

    def slots(self) -> dict[str, str]:
        rng = self.rng
        actor, adj, capital, officials, weapons = self.donor
        if rng.random() < 0.25:  # another donor now and then
            actor, adj, capital, officials, weapons = rng.choice(DONORS)
        name, title = rng.choice(officials)
        cur = rng.choice(CURRENCIES)
        amount = rng.choice([1.2, 2.5, 3.4, 6.5, 13.3] if cur[3] == "billion" else [12, 35, 60, 125, 250, 400, 500])
        money = f"{cur[0]}{amount:g} {cur[3]}{cur[1]}"
        return {
            "donor": actor, "Donor": actor[0].upper() + actor[1:], "adj": adj, "capital": capital,
            "official": rng.choice([f"{title} {name}", f"the {adj} {title.lower()}, {name}", name]),
            "pron": rng.choice(["he", "she"]), "weapon": rng.choice(weapons),
            "ru": rng.choice(RU_BORDER), "deep": rng.choice(RU_DEEP), "ua": rng.choice(UA_HELD), "occ": rng.choice(UA_OCC),
            "source": rng.choice(["two officials familiar with the decision", "a government spokesperson",
                                  "people briefed on the talks", "a senior diplomat", "local media"]),
            "when": self.when(), "money": money, "money2": f"{cur[0]}{rng.choice([2, 4.5, 7, 10])} billion{cur[1]}",
            "qty": str(rng.choice([3, 4, 6, 12, 18, 24, 30, 40, 100])), "month": rng.choice(MONTHS),
            **dict(zip(("q", "q2"), rng.sample(QUOTES, 2))), "nth": _ordinal(3 if self.pub.month > 2 else 2),
        }

    def sentence(self, pool: list[str]) -> str:
        for _ in range(6):  # avoid repeating a template within one article
            template = self.rng.choice(pool)
            if template not in self.used:
                break
        self.used.add(template)
        s = template.format(**self.slots())
        return s[0].upper() + s[1:]

    def paragraph(self) -> str:
        rng = self.rng
        kinds = [ALLOW, RESTRICT, HEDGE, TRANSFER, ATTACK, POSITION, QUOTE, FILLER, FILLER]
        first = rng.choice(kinds)
        sents = [self.sentence(first)] + [self.sentence(rng.choice(kinds)) for _ in range(rng.randrange(1, 4))]
        return " ".join(sents)

    def title(self) -> str:
        t = self.rng.choice(TITLES).format(**self.slots())
        return t[0].upper() + t[1:]


def _dateline(style: str, outlet: str, pub: date, rng: random.Random, capital: str) -> str:
    city = capital.upper() if style != "german" else capital
    if style == "wire":
        return f"{city}, {MONTHS[pub.month - 1][:3]} {pub.day} ({outlet}) - "
    if style == "ap":
        return f"{city} (AP) \u2014 "
    return ""


def _html(title: str, paras: list[str], outlet: str, pub: date | None, chrome: list[str]) -> str:
    meta = f'<meta property="article:published_time" content="{pub.isoformat()}T09:30:00+00:00">' if pub else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    junk = "".join(f"<li><a href='/x{i}'>{escape(c)}</a></li>" for i, c in enumerate(chrome))
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)} | {escape(outlet)}</title>"
            f"<meta property='og:site_name' content='{escape(outlet)}'>{meta}</head><body>"
            f"<div class='cookie'>{escape(chrome[0]) if chrome else ''}</div>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>{junk}</ul></nav>"
            f"<main><article><h1>{escape(title)}</h1><p class='byline'>By Staff Reporter</p>\n{body}\n</article></main>"
            f"<footer><p>\u00a9 2024 {escape(outlet)}</p><a href='/privacy'>Privacy</a></footer></body></html>")


def make_article(rng: random.Random, index: int) -> dict:
    """One article: a random outlet style, 400-900 words of varied paragraphs, chrome in some."""
    art = _Article(rng)
    outlet, style = rng.choice(OUTLETS)
    target = rng.randrange(400, 901)
    paras: list[str] = []
    words = 0
    while words < target:
        p = art.paragraph()
        paras.append(p)
        words += len(p.split())
    title = art.title()
    dated = style in ("wire", "broadsheet", "liveblog") or rng.random() < 0.4
    pub = art.pub if dated else None
    paras[0] = _dateline(style, outlet, art.pub, rng, art.donor[2]) + paras[0]
    if style == "broadsheet" and pub:
        paras.insert(0, f"{WEEKDAYS[pub.weekday()][:3]} {pub.day} {MONTHS[pub.month - 1][:3]} {pub.year} 07.00 BST")
    if style == "liveblog":
        paras = [f"{rng.randrange(7, 22):02d}.{rng.randrange(60):02d} BST\n\n{p}" for p in paras]
    if style == "german":
        paras.insert(0, "This article was translated from German.")
    chrome = rng.sample(CHROME, rng.randrange(2, 5)) if style == "html" or rng.random() < 0.35 else []
    plain = "\n\n".join([title] + paras)
    item = {"id": f"bench-{index:06d}", "outlet": outlet, "style": style, "title": title,
            "published": pub.isoformat() if pub else None, "plain": plain, "words": len(plain.split())}
    if style == "html":
        item["html"] = _html(title, paras, outlet, pub, chrome)
    else:
        item["text"] = "\n\n".join([*chrome[:1], title, *paras, *chrome[1:]])
    return item


def generate(n: int, seed: int = 0) -> list[dict]:
    """`n` articles, identical for the same (n, seed); each article depends only on (seed, index)."""
    return [make_article(random.Random(f"{seed}:{i}"), i) for i in range(n)]


def write_dir(items: list[dict], out: Path) -> list[Path]:
    """One .txt or .html file per article."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for it in items:
        p = out / f"{it['id']}.{'html' if 'html' in it else 'txt'}"
        p.write_text(it.get("html") or it["text"], encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=0)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--out", type=Path, help="directory to write one file per article")
    g.add_argument("--jsonl", type=Path, help="JSONL file (fields text|html, outlet, published, title)")
    args = ap.parse_args(argv)
    items = generate(args.n, args.seed)
    if args.out:
        write_dir(items, args.out)
    else:
        with args.jsonl.open("w", encoding="utf-8") as fh:
            for it in items:
                fh.write(json.dumps({k: v for k, v in it.items() if k != "plain"}, ensure_ascii=False) + "\n")
    words = sum(it["words"] for it in items)
    print(f"wrote {len(items)} articles, {words} words ({words / max(len(items), 1):.0f} per article)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
