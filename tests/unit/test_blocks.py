"""Texts cut into their units (sentences, list items, headings) and shortened by whole
units: what posters, calendar links and channel limits take of a text."""

from __future__ import annotations

from campaignkit.blocks import leading, parse, plain_text, plain_text_within, sentences, units

MARKET = (
    "Een hele dag ideeën opdoen. Op de klimaatmarkt vind je:\n\n"
    "- de stand van **Zonnig Asse**;\n- een deelauto om te testen.\n\n"
    "Voor kinderen is er een knutselhoek, bv. een fietsparcours. Om 15:00 stellen de "
    "straten hun plannen voor op https://klimaat.asse.be/agenda/klimaatmarkt/. "
    "De toegang is gratis!"
)


def test_sentences_end_where_a_new_one_starts() -> None:
    text = plain_text(parse(MARKET)).strip().split("\n\n")[-1]
    assert sentences(text) == [
        "Voor kinderen is er een knutselhoek, bv. een fietsparcours. ",
        "Om 15:00 stellen de straten hun plannen voor op "
        "https://klimaat.asse.be/agenda/klimaatmarkt/. ",
        "De toegang is gratis!",
    ]
    assert "".join(sentences(text)) == text
    assert sentences("Wat? «Ja.» Goed… Echt.") == ["Wat? ", "«Ja.» ", "Goed… ", "Echt."]


def test_units_are_sentences_items_and_headings() -> None:
    blocks = parse("# Kop\n\n" + MARKET)
    texts = ["".join(span.text for span in spans).strip() for _, spans in units(blocks)]
    assert texts == [
        "Kop",
        "Een hele dag ideeën opdoen.",
        "Op de klimaatmarkt vind je:",
        "de stand van Zonnig Asse;",
        "een deelauto om te testen.",
        "Voor kinderen is er een knutselhoek, bv. een fietsparcours.",
        "Om 15:00 stellen de straten hun plannen voor op "
        "https://klimaat.asse.be/agenda/klimaatmarkt/.",
        "De toegang is gratis!",
    ]
    # Bold and links survive the cut.
    item = units(blocks)[3][1]
    assert [(span.text, span.bold) for span in item] == [
        ("de stand van ", False),
        ("Zonnig Asse", True),
        (";", False),
    ]


def test_leading_takes_whole_units_and_never_ends_on_a_colon() -> None:
    blocks = parse(MARKET)
    two = leading(blocks, lambda chosen: len(units(chosen)) <= 2)
    # The second unit announces the list: without an item of it, it goes.
    assert plain_text(two) == "Een hele dag ideeën opdoen.\n"
    four = leading(blocks, lambda chosen: len(units(chosen)) <= 4)
    assert plain_text(four) == (
        "Een hele dag ideeën opdoen. Op de klimaatmarkt vind je:\n\n"
        "- de stand van Zonnig Asse;\n- een deelauto om te testen.\n"
    )
    assert leading(blocks, lambda chosen: False) == ()
    assert leading(blocks, lambda chosen: True) == blocks


def test_plain_text_within_a_limit() -> None:
    blocks = parse(MARKET)
    text = plain_text_within(blocks, 60)  # the sentence and the colon fit, no item
    assert text == "Een hele dag ideeën opdoen."
    assert plain_text_within(parse("woord " * 100), 50) == ("woord " * 8).strip() + "…"
    assert plain_text_within(blocks, 10_000) == plain_text(blocks).strip()
