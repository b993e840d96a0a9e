"""End to end on the three seeds (read at run time): ingest -> nlp.annotate -> RuleExtractor.

Asserts the key statements of tests/gold/seeds and that every gold quote gets its gold speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from extract_testkit import load_article, of_type

from redlines.model import Modality, WeaponRef, Zone

GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds"
RU = {Zone.RU_BORDER, Zone.RU_DEEP}
PUBLISHED = ("2024-05-28", "2024-05-31", "2024-06-01")  # used only when ingest is unavailable
OUTLETS = ("Bloomberg", "Courthouse News Service", "EL PAÍS")


@pytest.fixture(scope="module")
def seeds(nlp, seeds_dir):
    """{'000': (ParsedDocument, statements), ...} from the real language layer."""
    from redlines.extract import RuleExtractor
    from redlines.nlp import Gazetteer, annotate

    paths = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    docs = [load_article(p, day, outlet) for p, day, outlet in zip(paths, PUBLISHED, OUTLETS)]
    gaz = Gazetteer.load([])
    out = {}
    for path, parsed in zip(paths, annotate(docs, nlp, gaz)):
        out[Path(path).name[:3]] = (parsed, RuleExtractor(gaz).extract(parsed))
    return out


def find(statements, type_, words, **fields):
    """Statements of `type_` whose evidence holds `words` and whose fields equal `fields`."""
    hits = []
    for s in of_type(statements, type_):
        if words.lower() not in " ".join(s.evidence.sentence.split()).lower():
            continue
        if all((set(getattr(s, k)) == set(v)) if k == "zones" else getattr(s, k) == v for k, v in fields.items()):
            hits.append(s)
    return hits


def test_us_permission_near_kharkiv(seeds):
    _, st = seeds["001"]
    us = find(st, "use_permission", "Washington and Berlin on Friday", actor="United States", action="allow",
              zones={Zone.RU_BORDER}, modality=Modality.CONFIRMED)
    assert us and us[0].valid.start.isoformat() == "2024-05-31"
    _, st2 = seeds["002"]
    himars = find(st2, "use_permission", "given authorization", actor="United States",
                  weapon=WeaponRef("system", "HIMARS"), zones={Zone.RU_BORDER}, target_type="military")
    assert himars and himars[0].modality == Modality.REPORTED


def test_germany_permission(seeds):
    _, st = seeds["001"]
    de = find(st, "use_permission", "Germany also said it would allow", actor="Germany", action="allow",
              weapon=WeaponRef("origin", "Germany"), modality=Modality.CONFIRMED)
    assert de and set(de[0].zones) == RU and de[0].valid.start.isoformat() == "2024-05-31"


def test_atacms_restriction_holds(seeds):
    for key, words in (("001", "not ready to allow"), ("002", "continues to prohibit")):
        _, st = seeds[key]
        hits = find(st, "use_permission", words, actor="United States", weapon=WeaponRef("system", "ATACMS"),
                    action="restrict", polarity=True)
        assert hits and set(hits[0].zones) == RU


def test_belgium_restricts_f16_to_ukraine(seeds):
    _, st = seeds["000"]
    hits = find(st, "use_permission", "The weapons we deliver", actor="Belgium", weapon=WeaponRef("system", "F-16"),
                action="restrict", speaker="Alexander De Croo")
    assert hits and set(hits[0].zones) == RU


def test_taurus_withheld_everywhere(seeds):
    for key, words, action in (("000", "holding back", "withhold"), ("001", "refused to send", "refuse"),
                               ("002", "rule out sending", "refuse")):
        assert find(seeds[key][1], "transfer", words, actor="Germany", weapon=WeaponRef("system", "Taurus"),
                    action=action), key


def test_pledges_with_money_and_horizon(seeds):
    _, st = seeds["000"]
    f16 = find(st, "transfer", "pledged to deliver", actor="Belgium", action="pledge", quantity=30)
    assert f16 and f16[0].valid.end.year == 2028
    pt = find(st, "transfer", "Portuguese government", actor="Portugal", action="pledge")
    assert pt and pt[0].money.eur == 126e6 and pt[0].money.usd == 137e6
    be = find(st, "transfer", "also delivering", actor="Belgium")
    assert be and be[0].money.amount == 977e6 and be[0].money.usd is not None


def test_past_decisions_keep_their_dates(seeds):
    _, st = seeds["002"]
    leo = find(st, "transfer", "given by Berlin", actor="Germany", weapon=WeaponRef("system", "Leopard 2"),
               action="approve")
    assert leo and (leo[0].valid.start.year, leo[0].valid.start.month) == (2023, 1)
    f16 = find(st, "transfer", "gave his approval", actor="United States", weapon=WeaponRef("system", "F-16"))
    assert f16 and (f16[0].valid.start.year, f16[0].valid.start.month) == (2023, 8)
    crimea = find(st, "use_permission", "similarly opposed", actor="United States", action="allow",
                  zones={Zone.UA_OCCUPIED})
    assert crimea and (crimea[0].valid.start.year, crimea[0].valid.start.month) == (2022, 8)


def test_putin_warnings_dated_by_each_outlet(seeds):
    w1 = find(seeds["001"][1], "position", "Putin charged", actor="Russia", action="warn")
    w2 = find(seeds["002"][1], "position", "Putin warned", actor="Russia", action="warn")
    assert w1[0].valid.start.isoformat() == "2024-05-28" and w2[0].valid.start.isoformat() == "2024-05-29"


@pytest.mark.parametrize("key", ["000", "001", "002"])
def test_every_gold_quote_has_its_speaker(seeds, key):
    gold = yaml.safe_load((GOLD / f"{key}.yaml").read_text("utf-8"))
    quotes = of_type(seeds[key][1], "quote")
    for g in (x for x in gold["statements"] if x["type"] == "quote"):
        hits = [q for q in quotes if g["sentence"].lower() in " ".join(q.evidence.sentence.split()).lower()]
        assert hits, g["sentence"]
        assert g["speaker"] in {q.speaker for q in hits}, (g, [q.speaker for q in hits])


def test_evidence_offsets_point_into_the_text(seeds):
    for parsed, st in seeds.values():
        for s in st:
            text = parsed.document.text[s.evidence.start_char:s.evidence.end_char]
            if s.type.value == "quote":
                assert s.quote.split(" … ")[0][:20] in text
            else:
                assert text == s.evidence.sentence
