"""Quotes: speaker attribution (named, inverted, pronoun, continued), split quotes, dates, supported claims."""

from __future__ import annotations

from extract_testkit import of_type


def test_named_and_inverted_speakers(run):
    text = ('"We will not change course," Scholz told reporters on Monday.\n\n'
            '"The decision is final," said Blinken.')
    q = of_type(run(text, {"on Monday": ("2024-05-27", "2024-05-27", "day")}), "quote")
    assert [(s.speaker, s.actor) for s in q] == [("Olaf Scholz", "Germany"), ("Antony Blinken", "United States")]
    assert q[0].quote == "We will not change course," and q[0].valid.start.isoformat() == "2024-05-27"
    assert q[1].valid.precision.value == "unknown"  # no date in the text: publication date


def test_pronoun_and_continued_quote(run):
    text = ("On Tuesday, Putin warned the West again. “Such strikes would be a grave mistake,” he said. "
            "“Europe should think about what it is playing with.”")
    q = of_type(run(text, {"On Tuesday": ("2024-05-28", "2024-05-28", "day")}), "quote")
    assert [s.speaker for s in q] == ["Vladimir Putin", "Vladimir Putin"]
    assert all(s.valid.start.isoformat() == "2024-05-28" for s in q)


def test_split_quote_is_one_statement(run):
    text = "“The risk is real,” Macron added, “but we must act.”"
    q = of_type(run(text), "quote")
    assert len(q) == 1 and q[0].speaker == "Emmanuel Macron"
    assert "The risk is real" in q[0].quote and "we must act" in q[0].quote
    assert q[0].evidence.start_char == 0 and q[0].evidence.end_char == len(text)


def test_unknown_speaker_by_name_and_verb(run):
    q = of_type(run('"This is a half measure," notes Anna Kowalska, an analyst in Warsaw.'), "quote")
    assert q[0].speaker == "Anna Kowalska"


def test_quote_supports_claim_of_same_sentence(run):
    text = '"Our F-16s are meant to be used only on Ukrainian territory," Rutte told reporters.'
    out = run(text)
    q = of_type(out, "quote")[0]
    assert q.supports is not None and out[q.supports].type.value == "use_permission"
    assert out[q.supports].actor == "Netherlands"


def test_quote_left_open_runs_to_paragraph_end_and_he_added_looks_back(run):
    text = ('Scholz spoke to reporters in Berlin. "Germany will not change its course. That decision stands.\n\n'
            '"We have explained our reasons many times," he added.')
    q = of_type(run(text), "quote")
    assert [s.speaker for s in q] == ["Olaf Scholz", "Olaf Scholz"]
    assert q[0].quote.startswith("Germany will not change") and q[0].quote.endswith("stands.")


def test_institution_as_speaker(run):
    q = of_type(run('"We will respond to any such attack," a Kremlin spokesman said.'), "quote")[0]
    assert q.actor == "Russia" and q.speaker is None


def test_colon_introduced_quote(run):
    q = of_type(run('Zelensky said on Friday: "We need more air defence systems now."',
                    {"on Friday": ("2024-05-31", "2024-05-31", "day")}), "quote")[0]
    assert q.speaker == "Volodymyr Zelensky" and q.valid.start.isoformat() == "2024-05-31"


def test_subject_speaker_beats_a_nearer_object(run):
    text = 'Rutte called the plan "a serious mistake" and urged Scholz to reconsider.'
    assert of_type(run(text), "quote")[0].speaker == "Mark Rutte"


def test_he_said_after_a_sentence_with_a_subject(run):
    text = ('Cameron, who travelled with Sunak, rejected the reports. "Nothing has been decided," he told the BBC.')
    assert of_type(run(text), "quote")[0].speaker == "David Cameron"
