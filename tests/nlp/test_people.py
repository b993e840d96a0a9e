"""People: names, spelling variants, surnames, role nouns by date, possessive roles, NER with
appositive roles, pronouns. All sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize("variant", ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi"])
def test_spelling_variants(run, variant, mention):
    m = mention(run(f"{variant} asked the allies for more air defence."), variant, "PERSON")
    assert m.canonical == "Volodymyr Zelenskyy"
    assert (m.attrs["role"], m.attrs["state"], m.attrs["via"]) == ("president", "Ukraine", "surname")


def test_full_name_role_and_state(run, mention):
    m = mention(run("Boris Pistorius said Germany would send more IRIS-T systems."), "Boris Pistorius")
    assert (m.canonical, m.attrs["role"], m.attrs["state"], m.attrs["via"]) == (
        "Boris Pistorius",
        "defense minister",
        "Germany",
        "name",
    )


def test_role_depends_on_document_date(run, mention):
    early = mention(run("Mark Rutte promised F-16s to Ukraine.", date(2023, 8, 20)), "Mark Rutte")
    late = mention(run("Mark Rutte urged allies to send air defence.", date(2024, 12, 1)), "Mark Rutte")
    assert (early.attrs["role"], early.attrs["state"]) == ("prime minister", "Netherlands")
    assert (late.attrs["role"], late.attrs["org"]) == ("secretary general", "NATO")


def test_secretary_of_state_by_date(run, mention):
    text = "The secretary of state said the decision on long-range missiles was final."
    assert mention(run(text, date(2024, 5, 31)), "secretary of state").canonical == "Antony Blinken"
    assert mention(run(text, date(2025, 6, 1)), "secretary of state").canonical == "Marco Rubio"


def test_state_from_adjective_before_role(run, mention):
    m = mention(run("The German chancellor refused to send the Taurus missiles."), "chancellor", "PERSON")
    assert m.canonical == "Olaf Scholz" and m.attrs["via"] == "role"
    m = mention(
        run("The British prime minister allowed strikes with Storm Shadow.", date(2024, 9, 1)),
        "prime minister",
        "PERSON",
    )
    assert m.canonical == "Keir Starmer"


def test_possessive_role(run, mention):
    p = run(
        "Olaf Scholz met Joe Biden. Scholz's spokesman said Berlin would not change its position on Taurus."
    )
    m = mention(p, "spokesman", "PERSON")
    assert m.canonical == "Steffen Hebestreit" and m.attrs["via"] == "possessive_role"


def test_government_spokesman_and_kremlin_spokesman(run, mention):
    p = run("The Kremlin spokesman warned that the strikes would escalate the war.")
    assert mention(p, "spokesman", "PERSON").canonical == "Dmitry Peskov"


def test_indefinite_role_is_nobody_in_particular(run, mention):
    p = run("A spokesman for the Pentagon said the rockets were delivered.")
    assert mention(p, "spokesman", "PERSON") is None


def test_ambiguous_surname_needs_full_name(run, mention):
    assert mention(run("Austin said the shipment of shells would arrive soon."), "Austin", "PERSON") is None
    p = run("Lloyd Austin met his counterparts. Austin said the shells would arrive soon.")
    assert mention(p, "Austin", "PERSON").canonical == "Lloyd Austin"


def test_other_first_name_is_other_person(run):
    p = run("Hunter Biden was not part of the talks on the weapons.")
    assert not [m for m in p.mentions if m.canonical == "Joe Biden"]


def test_unknown_person_with_appositive_role(run, mention):
    p = run(
        "Oleh Kovalenko, a sergeant in the Ukrainian army, said the shells arrived too late. "
        "Kovalenko added that the rockets were used near Kharkiv."
    )
    m = mention(p, "Oleh Kovalenko", "PERSON")
    assert (m.attrs["role"], m.attrs["state"], m.attrs["via"]) == ("sergeant", "Ukraine", "ner")
    later = mention(p, "Kovalenko", "PERSON")
    assert later.canonical == "Oleh Kovalenko" and later.attrs["via"] == "surname"


def test_unknown_person_of_known_organisation(run, mention):
    p = run(
        "Anna Richter of the Royal United Services Institute said the strikes on Russian soil were legal."
    )
    m = mention(p, "Anna Richter", "PERSON")
    assert (m.attrs["org"], m.attrs["state"]) == ("Royal United Services Institute", "United Kingdom")


def test_role_before_unknown_name(run, mention):
    p = run("Ukrainian military analyst Petro Bondar said the ban on strikes cost lives.")
    m = mention(p, "Petro Bondar", "PERSON")
    assert m.attrs.get("state") == "Ukraine" and "analyst" in m.attrs.get("role", "")


def test_pronouns_follow_gender_and_recency(run, mention):
    p = run(
        "Annalena Baerbock met Dmytro Kuleba in Kyiv. She said Berlin would send more air defence. "
        "He thanked her for the support."
    )
    assert mention(p, "She", "PERSON").canonical == "Annalena Baerbock"
    assert mention(p, "He", "PERSON").canonical == "Dmytro Kuleba"
    assert mention(p, "her", "PERSON").canonical == "Annalena Baerbock"


def test_pronoun_after_quote_takes_speaker_from_previous_paragraph(run, mention):
    p = run("Emmanuel Macron spoke to reporters.\n\n“We will allow strikes on bases,” he said.")
    he = mention(p, "he", "PERSON")
    assert he.canonical == "Emmanuel Macron" and he.attrs["via"] == "pronoun"


def test_pronoun_ignores_people_inside_quotes(run, mention):
    p = run("Kaja Kallas spoke first. “Putin will not stop,” she said.")
    assert mention(p, "she", "PERSON").canonical == "Kaja Kallas"


def test_pronoun_without_antecedent_is_dropped(run):
    p = run("He said the weapons would arrive soon.")
    assert not [m for m in p.mentions if m.label == "PERSON"]


def test_his_spokesman_is_the_last_persons_spokesman(run, mention):
    p = run("The chancellor has refused again, his spokesman said on Monday.", date(2024, 9, 1))
    assert mention(p, "chancellor", "PERSON").canonical == "Olaf Scholz"
    assert mention(p, "spokesman", "PERSON").canonical == "Steffen Hebestreit"


def test_spokesman_without_owner_or_state_is_dropped(run, mention):
    p = run("Dmitry Peskov spoke first. Later the spokesman said the strikes would be answered.")
    assert mention(p, "spokesman", "PERSON") is None


def test_title_before_unknown_name(run, mention):
    p = run("Estonian Foreign Minister Marta Kaskmaa said the allies should lift the restrictions.")
    m = mention(p, "Marta Kaskmaa", "PERSON")
    assert m is not None and (m.attrs.get("role"), m.attrs.get("state")) == ("foreign minister", "Estonia")


def test_government_spokesman_with_state_adjective(run, mention):
    p = run("The German government spokesman said the Taurus decision stands.", date(2024, 3, 1))
    assert mention(p, "spokesman", "PERSON").canonical == "Steffen Hebestreit"


def test_hyphenated_title_is_not_a_role_reference(run, mention):
    p = run(
        "Volodymyr Zelenskyy thanked the allies. Allies of President-elect Donald Trump objected to the strikes."
    )
    assert not [m for m in p.mentions if m.text.startswith("President") and m.label == "PERSON"]
    assert mention(p, "Donald Trump", "PERSON").canonical == "Donald Trump"


def test_possessive_role_of_a_president(run, mention):
    p = run("Volodymyr Zelenskyy's chief of staff said the ban on strikes must go.", date(2024, 6, 1))
    assert mention(p, "chief of staff", "PERSON").canonical == "Andriy Yermak"
    p = run("Ukraine's president asked again for permission to strike.", date(2024, 6, 1))
    assert mention(p, "president", "PERSON").canonical == "Volodymyr Zelenskyy"


@pytest.mark.parametrize(
    "text, published, who",
    [
        (
            "A State Department spokesman is not a name. The State Department spokesman said no.",
            date(2024, 6, 1),
            "Matthew Miller",
        ),
        ("General Syrskyi said the rockets were used near Kursk.", date(2024, 8, 20), "Oleksandr Syrskyi"),
        ("Finland's president said Helsinki would send more artillery.", date(2024, 6, 1), "Alexander Stubb"),
        ("Finland's president said Helsinki would send more artillery.", date(2023, 6, 1), "Sauli Niinistö"),
    ],
)
def test_more_officials(run, text, published, who):
    p = run(text, published)
    assert who in {m.canonical for m in p.mentions if m.label == "PERSON"}
