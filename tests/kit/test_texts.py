"""Texts: defaults, overrides, placeholders, located errors, channel limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.campaigns import write_campaign

from campaignkit.blocks import parse, plain_text, to_html
from campaignkit.problems import CampaignError
from campaignkit.texts import LIMITS, load_texts
from campaignkit.texts.front_matter import CHANNELS
from campaignkit.validation import load_campaign

DEFAULT_SLUGS = {
    "nieuwsbrief",
    "sociaal-1",
    "sociaal-2",
    "sociaal-3",
    "persbericht",
    "brief",
    "affiche",
    "whatsapp",
    "email",
}


def _problems(tmp_path: Path, texts: dict[str, str]) -> list[str]:
    folder = write_campaign(tmp_path / "campaigns", texts=texts)
    with pytest.raises(CampaignError) as caught:
        load_texts(load_campaign(folder))
    return [str(p) for p in caught.value.problems]


def test_defaults_cover_every_channel_filled_in(campaign) -> None:
    texts = {t.slug: t for t in load_texts(campaign)}
    assert set(texts) == DEFAULT_SLUGS
    assert {t.channel for t in texts.values()} == set(CHANNELS)
    assert [t.slug for t in texts.values() if t.channel == "social"] == [
        "sociaal-1",
        "sociaal-2",
        "sociaal-3",
    ]
    for text in texts.values():
        assert text.default
        assert "{{" not in text.markdown and "{%" not in text.markdown
        assert "None" not in text.plain
        assert "Zonnebeke" in text.plain, text.slug
        limit = LIMITS.get(text.channel)
        if limit:
            assert len(text.plain.strip()) <= limit
    newsletter = texts["nieuwsbrief"]
    assert "van 1 maart tot 30 juni 2027" in newsletter.plain
    assert "https://klimaat.zonnebeke.be/" in newsletter.plain
    assert "Een geveltuin langs je gevel" in newsletter.plain
    assert "zaterdag 15 mei 2027" in newsletter.plain
    assert "**" not in newsletter.plain and "#" not in newsletter.plain


@pytest.mark.parametrize("language", ["fr", "en"])
def test_defaults_in_other_languages(tmp_path: Path, language: str) -> None:
    folder = write_campaign(tmp_path / "campaigns", campaign={"language": language})
    texts = load_texts(load_campaign(folder))
    assert {t.slug for t in texts} == DEFAULT_SLUGS
    assert all("Zonnebeke" in t.plain for t in texts)


def test_campaign_text_replaces_default_and_links_to_its_event(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        texts={
            "sociaal-1.md": """\
                ---
                title: Oproep voor het feest
                channel: social
                event: straatfeest
                ---
                Kom naar {{ event.title }} op {{ event.start }}! {{ url }}
                """,
        },
    )
    texts = {t.slug: t for t in load_texts(load_campaign(folder))}
    post = texts["sociaal-1"]
    assert not post.default
    assert post.title == "Oproep voor het feest"
    assert post.url == "https://klimaat.zonnebeke.be/agenda/straatfeest/"
    assert "zaterdag 15 mei 2027 om 14:00" in post.plain
    assert post.plain.strip().endswith("https://klimaat.zonnebeke.be/agenda/straatfeest/")
    assert post.source.endswith("texts/sociaal-1.md")


def test_unknown_placeholder_is_located(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "oproep.md": """\
                ---
                title: Oproep
                channel: newsletter
                ---
                Beste buren,

                Kom naar {{ municipality.naam }}!
                """
        },
    )
    assert len(problems) == 1
    assert "texts/oproep.md:7:10:" in problems[0]
    assert "'naam'" in problems[0]
    assert "Bedoel je 'name'?" in problems[0]


def test_placeholder_syntax_error_is_located(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "oproep.md": """\
                ---
                title: Oproep
                channel: email
                ---
                Hallo,
                Welkom in {{ municipality.name }
                """
        },
    )
    assert len(problems) == 1
    assert "texts/oproep.md:6:" in problems[0]
    assert "niet goed geschreven" in problems[0]


def test_event_placeholder_without_event_says_how_to_fix(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {"x.md": "---\ntitle: X\nchannel: social\n---\nOp {{ event.start }}\n"},
    )
    assert "texts/x.md:5:4:" in problems[0]
    assert "event: <naam>" in problems[0]


def test_front_matter_problems_are_located(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "a.md": "---\ntitle: A\nchanel: social\n---\nTekst\n",
            "b.md": "---\ntitle: B\nchannel: fax\naction: gevel-tuin\n---\nTekst\n",
            "c.md": "---\ntitle: [C\nchannel: social\n---\nTekst\n",
            "d.md": "Geen blok bovenaan\n",
            "Foute Naam.md": "---\ntitle: F\nchannel: social\n---\nTekst\n",
        },
    )
    text = "\n".join(problems)
    assert "texts/a.md:3:1: 'chanel' is hier geen geldige naam." in text
    assert "Bedoel je 'channel'?" in text
    # The model's own words for a choice that is not one (as in campaign files).
    assert "texts/b.md:3:10: 'fax' is hier geen geldige keuze." in text
    assert "Kies uit: newsletter, social" in text and "of whatsapp." in text
    assert "texts/b.md:4:9: Er is geen actie 'gevel-tuin'." in text
    assert "Bedoel je 'geveltuin'?" in text
    assert "texts/c.md:3:" in text  # the unclosed bracket, counted in the whole file
    assert "texts/d.md:1:1:" in text
    assert "Foute Naam.md:1:1:" in text


def test_front_matter_is_checked_by_the_model(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "e.md": "---\nchannel: social\naudience: [inwoners, fout]\n---\nTekst\n",
            "f.md": '---\ntitle: ""\nchannel: [a, b]\naudience: fout\nevent: feest\n---\nT\n',
            "g.md": "---\ntitle: |\n  Twee\n  regels\nchannel: social\n---\nTekst\n",
            "h.md": f"---\ntitle: {'x' * 121}\nchannel: social\n---\nTekst\n",
        },
    )
    text = "\n".join(problems)
    # A missing key is reported at the block's first line.
    assert "texts/e.md:2:1: 'title' ontbreekt." in text
    assert "texts/e.md:3:22: 'fout' is hier geen geldige keuze." in text
    assert "texts/f.md:2:8: Deze tekst is leeg." in text
    assert "texts/f.md:3:10: '['a', 'b']' is hier geen geldige keuze." in text
    assert "texts/f.md:4:11: 'fout' is hier geen geldige keuze." in text  # one, not a list
    assert "texts/f.md:5:8: Er is geen activiteit 'feest'." in text
    assert "texts/g.md:2:8: Deze tekst moet op één regel staan." in text
    assert "texts/h.md:2:8: Deze tekst is te lang (hooguit 120 tekens)." in text
    assert len(problems) == 8


def test_one_audience_may_be_written_without_a_list(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        texts={"x.md": "---\ntitle: X\nchannel: email\naudience: scholen\n---\nTekst\n"},
    )
    texts = {t.slug: t for t in load_texts(load_campaign(folder))}
    assert texts["x"].audience == ("scholen",)


def test_social_post_over_the_limit_names_its_length(tmp_path: Path) -> None:
    body = "Doe mee! " * 40
    problems = _problems(tmp_path, {"lang.md": f"---\ntitle: L\nchannel: social\n---\n{body}\n"})
    assert len(problems) == 1
    assert "texts/lang.md:5:1:" in problems[0]
    assert f"{len(body.strip())} tekens lang" in problems[0]
    assert "hooguit 280" in problems[0]


def test_default_that_grows_too_long_is_shortened_by_whole_sentences(tmp_path: Path) -> None:
    # One that cannot be shortened enough is reported (test_default_texts.py).
    long_name = "Sint-" + "Lievens-" * 7 + "Houtem"
    title = " ".join(["Klimaat in je straat en je wijk"] * 3)
    folder = write_campaign(
        tmp_path / "campaigns", campaign={"municipality": {"name": long_name}, "title": title}
    )
    post = {t.slug: t for t in load_texts(load_campaign(folder))}["sociaal-1"]
    assert len(post.plain.strip()) <= 280
    assert post.plain.strip() == "🌱 Doe mee met je straat! 👉 https://klimaat.zonnebeke.be/"


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {"x.md": "---\ntitle: X\nchannel: email\n---\n{{ ''.__class__.__mro__ }}\n"},
    )
    assert len(problems) == 1
    assert "texts/x.md:5:1:" in problems[0]


def test_all_problems_of_all_texts_at_once(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "a.md": "---\ntitle: A\nchannel: social\n---\n{{ nope }}\n",
            "b.md": "---\ntitle: B\nchannel: social\n---\n{{ ook_niet }}\n",
        },
    )
    assert len(problems) == 2


def test_markdown_to_plain_text_and_preview() -> None:
    blocks = parse(
        "# Kop\n\nTekst met **vet** en [een link](https://x.be/a) en https://y.be/b.\n"
        "Zelfde alinea.\n\n- een\n- twee\n\n<script>alert(1)</script>\n\n"
        "[gevaarlijk](javascript:alert(1))\n"
    )
    plain = plain_text(blocks)
    assert plain == (
        "Kop\n\nTekst met vet en een link (https://x.be/a) en https://y.be/b. Zelfde alinea."
        "\n\n- een\n- twee\n\n<script>alert(1)</script>\n\ngevaarlijk\n"
    )
    html = to_html(blocks)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert '<a href="https://y.be/b">https://y.be/b</a>' in html
