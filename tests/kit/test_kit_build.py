"""The whole kit of a small campaign: every promised file, readable and deterministic."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from kit_readers import STAMP, decode_png, decode_qr, needs_poppler, pdf_qr, pdf_text, svg_to_image
from PIL import Image, ImageStat
from support.campaigns import ACTION, DEFAULT, EVENT, OMIT, photo, write_campaign

from campaignkit.kit import Kit, build_kit, social_card_path
from campaignkit.kit.outputs.qr_codes import NO_SITE_URL
from campaignkit.problems import CampaignError
from campaignkit.validation import load_campaign, load_campaign_and_texts

SITE = "https://klimaat.zonnebeke.be/"
URLS = {
    "campagne": SITE,
    "actie-geveltuin": SITE + "acties/geveltuin/",
    "activiteit-straatfeest": SITE + "agenda/straatfeest/",
}
PHOTO_NAMES = ("web", "druk", "1080x1080", "1080x1350", "1080x1920", "1200x630")


def _zip(kit: Kit) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(kit.files["kit/zonnebeke-communicatiekit.zip"]))


def test_zip_holds_every_promised_file(kit: Kit) -> None:
    names = set(_zip(kit).namelist())
    expected = {"LEESMIJ.txt"}
    for slug in ("nieuwsbrief", "sociaal-1", "sociaal-2", "sociaal-3", "persbericht"):
        expected |= {f"teksten/{slug}.{ext}" for ext in ("txt", "md", "docx")}
    for stem in ("hero", "geveltuin"):
        ext = "jpg"
        expected |= {f"beelden/{stem}-{size}.{ext}" for size in PHOTO_NAMES}
    expected |= {
        f"beelden/logos/{stem}-{v}.png" for stem in ("logo", "partner") for v in ("web", "druk")
    }
    for kind, slug in (("action", "geveltuin"), ("event", "straatfeest"), ("campaign", "")):
        for size in ((1200, 630), (1080, 1080)):
            expected.add(social_card_path(kind, slug, size).removeprefix("kit/"))
    for name in URLS:
        expected |= {f"qr/{name}.svg", f"qr/{name}.png"}
    for name in ("campagne", "activiteit-straatfeest"):
        expected |= {f"affiches/{name}-a4.pdf", f"affiches/{name}-a3.pdf"}
    expected |= {f"planning/{name}" for name in ("planning.csv", "planning.ics")}
    expected.add("planning/planning-sprout-social.csv")
    missing = expected - names
    assert not missing
    assert {n.split("/")[0] for n in names} <= {
        "teksten",
        "beelden",
        "qr",
        "affiches",
        "agenda",
        "planning",
        "LEESMIJ.txt",
    }
    # The site gets the same files under kit/, plus the archive itself.
    assert {f"kit/{n}" for n in names} | {"kit/zonnebeke-communicatiekit.zip"} == set(kit.files)
    assert list(kit.files) == sorted(kit.files)


def test_zip_entries_are_fixed(kit: Kit) -> None:
    archive = _zip(kit)
    infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.external_attr >> 16 == 0o100644
        assert archive.read(info) == kit.files["kit/" + info.filename]


def test_every_qr_code_decodes_to_its_page(kit: Kit) -> None:
    for name, url in URLS.items():
        png = kit.files[f"kit/qr/{name}.png"]
        with Image.open(io.BytesIO(png)) as image:
            assert min(image.size) >= 1500
        assert decode_png(png) == [url]
        assert decode_qr(svg_to_image(kit.files[f"kit/qr/{name}.svg"])) == [url]


@needs_poppler
def test_posters_have_text_dates_and_a_working_qr_code(kit: Kit, tmp_path: Path) -> None:
    for paper in ("a4", "a3"):
        campaign = kit.files[f"kit/affiches/campagne-{paper}.pdf"]
        text = pdf_text(campaign, tmp_path)
        assert "Zonnebeke" in text
        assert "Klimaat in je straat" in text
        assert "Van 1 maart tot 30 juni 2027" in text
        assert pdf_qr(campaign, tmp_path) == [SITE]
        event = kit.files[f"kit/affiches/activiteit-straatfeest-{paper}.pdf"]
        text = pdf_text(event, tmp_path)
        assert "zaterdag 15 mei 2027, van 14:00 tot 17:00" in text
        assert "Kerkstraat 1, 8980 Zonnebeke" in text
        assert pdf_qr(event, tmp_path) == [URLS["activiteit-straatfeest"]]


def test_posters_are_pdf_with_embedded_font_and_paper_size(kit: Kit) -> None:
    a4 = kit.files["kit/affiches/campagne-a4.pdf"]
    a3 = kit.files["kit/affiches/campagne-a3.pdf"]
    assert a4.startswith(b"%PDF-")
    assert b"/FontFile2" in a4  # the TrueType font is embedded
    assert re.search(rb"/MediaBox \[\s*0 0 595\.27\d* 841\.88\d*", a4)
    assert re.search(rb"/MediaBox \[\s*0 0 841\.88\d* 1190\.5\d*", a3)


def test_word_documents_open_with_name_dates_links_and_logo(kit: Kit) -> None:
    for path, data in kit.files.items():
        if not path.endswith(".docx"):
            continue
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Zonnebeke" in text, path
        assert document.inline_shapes, path  # the logo
        assert document.core_properties.author == "Zonnebeke"
    newsletter = docx.Document(io.BytesIO(kit.files["kit/teksten/nieuwsbrief.docx"]))
    text = "\n".join(p.text for p in newsletter.paragraphs)
    assert "zaterdag 15 mei 2027" in text
    assert "Heading 1" in {p.style.name for p in newsletter.paragraphs}
    links = [
        rel.target_ref
        for rel in newsletter.part.rels.values()
        if rel.reltype.endswith("/hyperlink")
    ]
    assert SITE in links


def test_texts_are_utf8_and_markdown_free(kit: Kit) -> None:
    plain = kit.files["kit/teksten/nieuwsbrief.txt"].decode("utf-8")
    assert "**" not in plain
    assert "Zonnebeke" in plain
    assert kit.files["kit/teksten/nieuwsbrief.md"].decode("utf-8").startswith("# ")


def test_calendars(kit: Kit) -> None:
    icalendar = pytest.importorskip("icalendar")
    pytest.importorskip("campaignkit.calendar")
    event = icalendar.Calendar.from_ical(kit.files["kit/agenda/straatfeest.ics"])
    [vevent] = event.walk("VEVENT")
    assert "Klimaatwijkfeestcomit" in str(vevent["SUMMARY"])
    assert vevent.decoded("DTSTART").date().isoformat() == "2027-05-15"
    feed = icalendar.Calendar.from_ical(kit.files["kit/agenda/alle-activiteiten.ics"])
    assert len(feed.walk("VEVENT")) == 1


def test_image_sizes(kit: Kit) -> None:
    sizes = {}
    for path, data in kit.files.items():
        if path.endswith((".jpg", ".png")) and "/qr/" not in path:
            with Image.open(io.BytesIO(data)) as image:
                sizes[path] = image.size
    hero = "kit/beelden/hero"
    assert sizes[f"{hero}-web.jpg"] == (1600, 900)
    assert sizes[f"{hero}-druk.jpg"] == (1600, 900)  # never enlarged
    for name in PHOTO_NAMES[2:]:
        width, height = (int(v) for v in name.split("x"))
        assert sizes[f"{hero}-{name}.jpg"] == (width, height)
        assert sizes[f"kit/beelden/geveltuin-{name}.jpg"] == (width, height)
    assert sizes["kit/beelden/geveltuin-web.jpg"] == (900, 1200)
    for kind, slug in (("action", "geveltuin"), ("event", "straatfeest")):
        for size in ((1200, 630), (1080, 1080)):
            assert sizes[social_card_path(kind, slug, size)] == size


def test_print_size_is_a4_at_300_dpi_for_large_photos(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "campaigns", images={"images/hero.jpg": photo(3000, 2000)})
    kit = build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    with Image.open(io.BytesIO(kit.files["kit/beelden/hero-druk.jpg"])) as image:
        assert image.size == (2480, round(2000 * 2480 / 3000))
        assert image.info["dpi"] == pytest.approx((300, 300))


def test_no_output_carries_exif(kit: Kit) -> None:
    for path, data in kit.files.items():
        if path.endswith((".jpg", ".png")):
            with Image.open(io.BytesIO(data)) as image:
                assert not image.getexif(), path
                assert "exif" not in image.info, path
            assert b"Telefoonfabrikant" not in data, path
    assert not any(b"Telefoonfabrikant" in data for data in kit.files.values())


def test_story_keeps_the_photo_inside_the_safe_zone(kit: Kit) -> None:
    with Image.open(io.BytesIO(kit.files["kit/beelden/hero-1080x1920.jpg"])) as image:
        rgb = image.convert("RGB")
    # The top and bottom 250 px are a darkened, blurred copy: darker than the middle.
    top = ImageStat.Stat(rgb.crop((0, 0, 1080, 240)).convert("L")).mean[0]
    middle = ImageStat.Stat(rgb.crop((0, 250, 1080, 1670)).convert("L")).mean[0]
    assert top < middle


def test_two_builds_two_cache_dirs_same_bytes_and_warm_build_makes_nothing(
    campaign, tmp_path: Path
) -> None:
    first = build_kit(campaign, cache_dir=tmp_path / "one", stamp=STAMP)
    assert first.cache_misses > 0
    second = build_kit(campaign, cache_dir=tmp_path / "two", stamp=STAMP)
    warm = build_kit(campaign, cache_dir=tmp_path / "one", stamp=STAMP)
    assert warm.cache_misses == 0
    assert warm.cache_hits == first.cache_misses
    zip_path = "kit/zonnebeke-communicatiekit.zip"
    assert first.files[zip_path] == second.files[zip_path] == warm.files[zip_path]
    assert first.files == second.files == warm.files
    assert first.page_html == warm.page_html


def test_a_warm_build_reads_none_of_the_stored_outputs(
    campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = build_kit(campaign, cache_dir=tmp_path, stamp=STAMP)
    read: list[Path] = []
    original = Path.read_bytes

    def recording(path: Path) -> bytes:
        read.append(path)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", recording)
    warm = build_kit(campaign, cache_dir=tmp_path, stamp=STAMP)
    assert warm.cache_misses == 0
    kinds = {
        path.relative_to(tmp_path / "objects").parts[0]
        for path in read
        if path.is_relative_to(tmp_path / "objects")
    }
    # Images, cards, posters, Word files, QR codes and the ZIP are linked, never read; the
    # few small outputs a build reads are image sizes and calendars.
    assert kinds <= {"image-size", "calendar", "image"}, kinds
    big = [p for p in read if p.is_relative_to(tmp_path / "objects") and p.stat().st_size > 100_000]
    assert big == []
    # Each file is still there to read, and the same as the cold build's.
    assert warm.origins and set(warm.origins) < set(warm.files)
    assert warm.files == cold.files
    assert warm.archive == cold.archive == warm.files[warm.zip_path]


def test_kit_bytes_depend_on_neither_source_date_epoch_nor_the_cache(
    campaign, kit: Kit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CI build sets SOURCE_DATE_EPOCH to the commit's time; a cached poster made for an
    # earlier commit must be the one this commit would make.
    for number, epoch in enumerate(("1800000000", "1900000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        again = build_kit(campaign, cache_dir=tmp_path / str(number), stamp=STAMP)
        assert again.files == kit.files
    poster = kit.files["kit/affiches/campagne-a4.pdf"]
    # The campaign's first day, as in the Word files' properties.
    assert re.findall(rb"/CreationDate \(D:(\d{8})", poster) == [b"20270301"]


def test_another_process_builds_the_same_zip(campaign_folder: Path, kit: Kit, tmp_path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom datetime import datetime\n"
        "from campaignkit.kit import build_kit\nfrom campaignkit.validation import load_campaign\n"
        "kit = build_kit(load_campaign(Path(sys.argv[1])), cache_dir=Path(sys.argv[2]),"
        " stamp=datetime(2027, 2, 1, 9, 0))\n"
        "sys.stdout.buffer.write(kit.files['kit/zonnebeke-communicatiekit.zip'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(campaign_folder), str(tmp_path / "other")],
        capture_output=True,
        check=True,
    )
    assert result.stdout == kit.files["kit/zonnebeke-communicatiekit.zip"]


def test_changed_input_rebuilds_only_what_depends_on_it(tmp_path: Path) -> None:
    campaign_folder = write_campaign(tmp_path / "campaigns")
    cache = tmp_path / "cache"
    build_kit(load_campaign(campaign_folder), cache_dir=cache, stamp=STAMP)
    (campaign_folder / "images" / "geveltuin.jpg").write_bytes(photo(1000, 1300))
    again = build_kit(load_campaign(campaign_folder), cache_dir=cache, stamp=STAMP)
    # 6 photo variants, the action's 2 cards, and the ZIP that holds them (the photo's size
    # is read from its header, not kept). The event it links to shows the hero, not it.
    assert again.cache_misses == 9
    assert again.cache_hits > 0


def test_same_name_from_two_images_is_an_error_naming_both(tmp_path: Path) -> None:
    # The default action's photo is images/geveltuin.jpg.
    second = {
        "title": "Tweede",
        "summary": "Een tweede actie.",
        "theme": "water",
        "image": {"src": "images/b/Geveltuin.jpg", "alt": "Een regenton"},
    }
    folder = write_campaign(
        tmp_path / "campaigns",
        actions={"tweede": second},
        images={"images/b/Geveltuin.jpg": photo(800, 600)},
    )
    with pytest.raises(CampaignError) as caught:
        build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    [problem] = caught.value.problems
    assert "images/b/Geveltuin.jpg" in str(problem)
    assert "images/geveltuin.jpg" in str(problem)
    assert "dezelfde naam 'geveltuin'" in str(problem)


def test_event_named_like_the_feed_is_an_error_not_an_overwrite(tmp_path: Path) -> None:
    pytest.importorskip("campaignkit.calendar")
    folder = write_campaign(
        tmp_path / "campaigns",
        actions={ACTION: {"events": OMIT}},
        events={EVENT: OMIT, "alle-activiteiten": DEFAULT.events[EVENT]},
    )
    with pytest.raises(CampaignError) as caught:
        build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    assert "agenda/alle-activiteiten.ics" in str(caught.value)
    assert "events/alle-activiteiten.yml" in str(caught.value)


def test_without_site_url_no_qr_codes_and_it_says_so(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "campaigns", campaign={"site_url": OMIT})
    kit = build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    assert NO_SITE_URL in kit.warnings
    assert not any("/qr/" in path for path in kit.files)
    assert "geen website-adres" in kit.page_html
    assert "geen QR-codes" in kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert "None" not in kit.files["kit/teksten/nieuwsbrief.txt"].decode("utf-8")
    assert "kit/affiches/campagne-a4.pdf" in kit.files


PORTAL = "https://portal.example/asse/"


def test_without_site_url_the_callers_root_is_used(tmp_path: Path) -> None:
    """A portal member without a site_url of its own: everything points at its place in the
    portal, including texts that were checked (and filled in) without it."""
    folder = write_campaign(tmp_path / "campaigns", campaign={"site_url": OMIT})
    loaded, texts = load_campaign_and_texts(folder)
    assert all(text.root is None for text in texts)
    assert not any(PORTAL in text.plain for text in texts)
    kit = build_kit(loaded, cache_dir=tmp_path / "cache", stamp=STAMP, texts=texts, base_url=PORTAL)
    assert kit.warnings == ()
    targets = {
        "campagne": PORTAL,
        "actie-geveltuin": PORTAL + "acties/geveltuin/",
        "activiteit-straatfeest": PORTAL + "agenda/straatfeest/",
    }
    for name, url in targets.items():
        assert decode_png(kit.files[f"kit/qr/{name}.png"]) == [url]
        assert decode_qr(svg_to_image(kit.files[f"kit/qr/{name}.svg"])) == [url]
    newsletter = kit.files["kit/teksten/nieuwsbrief.txt"].decode("utf-8")
    assert PORTAL in newsletter
    assert all(text.root == PORTAL for text in kit.texts)
    post = next(text for text in kit.texts if text.url)
    assert post.url is not None and post.url.startswith(PORTAL)
    assert f"Website van de campagne: {PORTAL}" in kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    assert PORTAL.encode() + b"agenda/straatfeest/" in kit.files["kit/agenda/straatfeest.ics"]
    assert "geen website-adres" not in kit.page_html
    assert PORTAL + "agenda/straatfeest/" in kit.page_html  # the QR codes' addresses


@needs_poppler
def test_without_site_url_posters_point_at_the_callers_root(tmp_path: Path) -> None:
    folder = write_campaign(tmp_path / "campaigns", campaign={"site_url": OMIT})
    kit = build_kit(
        load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP, base_url=PORTAL
    )
    assert pdf_qr(kit.files["kit/affiches/campagne-a4.pdf"], tmp_path) == [PORTAL]
    poster = kit.files["kit/affiches/activiteit-straatfeest-a3.pdf"]
    assert pdf_qr(poster, tmp_path) == [PORTAL + "agenda/straatfeest/"]


def test_the_site_publishes_the_kits_calendar_files(campaign, kit: Kit) -> None:
    """Each calendar is made once: the site links the kit's files, it makes none itself."""
    from datetime import date

    from campaignkit.pages import build_site

    site = build_site(
        campaign, base_url=SITE, today=date(2027, 2, 1), stamp=STAMP, kit=kit, cache_dir=None
    )
    assert kit.calendars is not None
    event = site.asset("agenda/straatfeest.ics")
    assert event.origin is not None and event.origin == kit.origins["kit/agenda/straatfeest.ics"]
    feed = site.asset("agenda.ics")
    assert feed.origin == kit.origins["kit/agenda/alle-activiteiten.ics"]
    # Another root than the kit's: the site makes its own, pointing at its own pages.
    other = build_site(
        campaign, base_url="https://elders.be/", today=date(2027, 2, 1), stamp=STAMP, kit=kit
    )
    assert b"https://elders.be/agenda/straatfeest/" in other.asset("agenda/straatfeest.ics").data


def test_readme_credits_every_image(kit: Kit) -> None:
    readme = kit.files["kit/LEESMIJ.txt"].decode("utf-8")
    for expected in (
        "Foto: Jan Peeters",
        "Gemeente Zonnebeke",
        "images/partner.png",
        "teksten/",
        "affiches/",
        "qr/",
        "Een straat met bomen",
    ):
        assert expected in readme
    # A licence is given for the action's photo only: said there, and nowhere else.
    block = readme.split("(bron: images/geveltuin.jpg)")[1].split("\n- ")[0]
    assert "  Licentie: CC BY 4.0" in block
    assert readme.count("Licentie:") == 1
    assert "Gemeente Zonnebeke, CC BY 4.0" in kit.page_html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.downloads: list[str] = []
        self.headings: list[int] = []
        self.images: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.copy_targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])  # type: ignore[arg-type]
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])  # type: ignore[arg-type]
            if "download" in values:
                self.downloads.append(values["href"])  # type: ignore[arg-type]
        if tag == "img":
            self.images.append(values)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "button":
            assert values.get("type") == "button"
            self.copy_targets.append(values["data-copy-target"])  # type: ignore[arg-type]


def test_kit_page_links_images_headings_and_copy_buttons(kit: Kit) -> None:
    page = _Page()
    page.feed(kit.page_html)
    for href in page.links:
        if href.startswith("#"):
            assert href[1:] in page.ids
    for href in page.downloads:
        assert not href.startswith(("/", "http")), href  # relative to the kit page
        assert f"kit/{href}" in kit.files, href
    for image in page.images:
        assert f"kit/{image['src']}" in kit.files
        # Its box is known before it loads: nothing on the page moves (CLS, keyboard focus).
        width, height = int(image.get("width") or 0), int(image.get("height") or 0)
        with Image.open(io.BytesIO(kit.files[f"kit/{image['src']}"])) as shown:
            assert width and width * shown.height == height * shown.width, image
    linked = {f"kit/{href}" for href in page.downloads}
    assert set(kit.files) - linked <= {"kit/LEESMIJ.txt"}
    assert page.headings[0] == 2
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))
    assert page.images and all(image.get("alt") for image in page.images)
    assert len(page.copy_targets) == 9
    assert set(page.copy_targets) <= page.ids


def test_kit_page_escapes_campaign_text(tmp_path: Path) -> None:
    folder = write_campaign(
        tmp_path / "campaigns",
        texts={
            "x.md": "---\ntitle: <b>Vet</b>\nchannel: email\n---\n<img src=x onerror=alert(1)>\n"
        },
    )
    kit = build_kit(load_campaign(folder), cache_dir=tmp_path / "cache", stamp=STAMP)
    assert "<img src=x" not in kit.page_html
    assert "<b>Vet</b>" not in kit.page_html
    assert "&lt;b&gt;Vet&lt;/b&gt;" in kit.page_html
