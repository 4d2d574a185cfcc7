"""A core Site handed to MkDocs, fed with data: a Site object and a real MkDocs config."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from campaignkit.mkdocs.site import (
    GeneratedPages,
    LinkedFile,
    add_files,
    apply_site,
    page_meta,
    page_toc,
    site_files,
    toc_tokens,
)
from campaignkit.pages import Asset, Heading, Link, PageSpec, Site

HOSTILE = '"><script>alert(1)</script>'

HOME = PageSpec(
    src_uri="index.md",
    title=f"Tom & Jerry {HOSTILE}",
    description="Samen <sterk>",
    html="<h1 id='welkom'>Welkom</h1>",
    in_nav=True,
    nav_title="Start",
    og_image="assets/campaignkit/social.jpg",
    og_image_alt="Een straat & groen",
    headings=(
        Heading(1, "welkom", "Welkom & <hallo>", (Heading(2, "deel", "Deel"),)),
        Heading(2, "meer", "Meer"),
    ),
    hide=("toc",),
)
KIT = PageSpec(
    src_uri="kit/index.md",
    title="Kit",
    description="Voor de communicatiedienst",
    html="<p>kit</p>",
    template="kit.html",
    searchable=False,
)
ACTIONS = PageSpec(src_uri="acties/index.md", title="Acties", description="", html="", in_nav=True)


def _site(tmp_path: Path) -> Site:
    stored = tmp_path / "cache" / "objects" / "qr" / "code.png"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"\x89PNG stored")
    return Site(
        language="fr",
        title=f"Tom & Jerry {HOSTILE}",
        description="Samen <sterk>",
        pages=(HOME, ACTIONS, KIT),
        assets=(
            Asset("assets/campaignkit/branding.css", b":root{}"),
            Asset("kit/qr/campagne.png", b"", stored),
            Asset("kit/teksten/nieuwsbrief.md", b"# Nieuwsbrief\n"),
        ),
        stylesheets=("assets/campaignkit/campaignkit.css", "assets/campaignkit/branding.css"),
        scripts=("assets/campaignkit/campaignkit.js",),
        logo="assets/campaignkit/logo.png",
        favicon="assets/campaignkit/favicon.png",
        footer_links=(Link("Privacy & cookies", "privacy/"),),
        footer_label="Over <deze> site",
        organiser="Gemeente & co",
        organiser_url="https://www.asse.be",
        contact_email="klimaat@asse.be",
    )


def _config(tmp_path: Path, extra: str = "") -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Voorlopig\n"
        "use_directory_urls: true\n"
        "theme:\n  name: material\n"
        "plugins: []\n"
        "extra_css: [assets/campaignkit/branding.css, own.css]\n" + extra,
        "utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins._current_plugin = "campaignkit"  # as while the plugin's hooks run
    return config


def test_apply_site_names_the_site_escaped_and_sets_theme_styles_and_nav(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    apply_site(config, _site(tmp_path), site_url="https://klimaat.asse.be")
    assert config.site_name == "Tom &amp; Jerry &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert config.site_description == "Samen &lt;sterk&gt;"
    assert config.site_url == "https://klimaat.asse.be/"
    theme = config.theme
    assert (theme["language"], theme["font"]) == ("fr", False)
    assert theme["logo"] == "assets/campaignkit/logo.png"
    assert theme["favicon"] == "assets/campaignkit/favicon.png"
    # The project's own stylesheet stays; the site's are added once.
    assert config.extra_css == [
        "assets/campaignkit/branding.css",
        "own.css",
        "assets/campaignkit/campaignkit.css",
    ]
    assert [str(script) for script in config.extra_javascript] == [
        "assets/campaignkit/campaignkit.js"
    ]
    assert config.nav == [{"Start": "index.md"}, {"Acties": "acties/index.md"}]
    assert config.extra["campaignkit"] == {
        "organiser": "Gemeente &amp; co",
        "organiser_url": "https://www.asse.be",
        "contact_email": "klimaat@asse.be",
        "links": [{"title": "Privacy &amp; cookies", "url": "privacy/"}],
        "footer_label": "Over &lt;deze&gt; site",
    }


def test_apply_site_keeps_the_projects_nav_and_site_url_when_it_has_none(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path, "site_url: https://portaal.example.org/\nnav: [index.md]\n")
    apply_site(config, _site(tmp_path), site_url=None)
    assert config.site_url == "https://portaal.example.org/"
    assert config.nav == ["index.md"]


def test_site_files_generate_pages_link_cached_files_and_keep_texts_as_downloads(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    site = _site(tmp_path)
    files = {file.dest_uri: file for file in site_files(config, site)}
    assert sorted(files) == [
        "acties/index.html",
        "assets/campaignkit/branding.css",
        "index.html",
        "kit/index.html",
        "kit/qr/campagne.png",
        "kit/teksten/nieuwsbrief.md",
    ]
    assert files["index.html"].content_string == ""
    assert files["index.html"].is_documentation_page()
    assert files["assets/campaignkit/branding.css"].content_bytes == b":root{}"
    linked = files["kit/qr/campagne.png"]
    assert isinstance(linked, LinkedFile)
    assert linked.abs_src_path == str(site.asset("kit/qr/campagne.png").origin)
    # A kit text is a file to download, not a page to render.
    text = files["kit/teksten/nieuwsbrief.md"]
    assert text.src_uri == "kit/teksten/nieuwsbrief.md.download"
    assert not text.is_documentation_page()
    assert text.content_bytes == b"# Nieuwsbrief\n"


def test_the_campaigns_page_replaces_one_in_docs_dir_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = _config(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("# Eigen pagina\n", "utf-8")
    (tmp_path / "docs" / "over.md").write_text("# Over\n", "utf-8")
    own = File("index.md", str(tmp_path / "docs"), config.site_dir, True)
    other = File("over.md", str(tmp_path / "docs"), config.site_dir, True)
    files = Files([own, other])
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.campaignkit"):
        add_files(files, site_files(config, _site(tmp_path)))
    assert "'index.md' in docs_dir is replaced by the campaign's own." in caplog.text
    index = files.get_file_from_path("index.md")
    assert index is not None and index is not own and index.generated_by is not None
    assert files.get_file_from_path("over.md") is other


def test_page_meta_is_escaped_and_says_what_the_theme_and_search_need() -> None:
    assert page_meta(HOME) == {
        "title": "Tom &amp; Jerry &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "description": "Samen &lt;sterk&gt;",
        "og_image": "assets/campaignkit/social.jpg",
        "og_image_alt": "Een straat &amp; groen",
        "hide": ["toc"],
    }
    assert page_meta(KIT) == {
        "title": "Kit",
        "description": "Voor de communicatiedienst",
        "template": "kit.html",
        "search": {"exclude": True},
    }


def test_toc_tokens_escape_names_and_the_page_toc_holds_only_the_title() -> None:
    assert toc_tokens(HOME.headings)[0] == {
        "level": 1,
        "id": "welkom",
        "name": "Welkom &amp; &lt;hallo&gt;",
        "children": [{"level": 2, "id": "deel", "name": "Deel", "children": []}],
    }
    assert page_toc(HOME) == [
        {"level": 1, "id": "welkom", "name": "Welkom &amp; &lt;hallo&gt;", "children": []}
    ]


def test_generated_pages_get_meta_then_body_and_toc_other_pages_are_left_alone(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    pages = GeneratedPages(_site(tmp_path))
    page = Page(None, File.generated(config, "index.md", content=""), config)
    assert pages.markdown(page) == ""
    assert page.meta["title"] == page_meta(HOME)["title"]
    assert pages.content(page) == HOME.html
    assert [(item.title, item.id, len(item.children)) for item in page.toc] == [
        ("Welkom &amp; &lt;hallo&gt;", "welkom", 0)
    ]
    own = Page(None, File.generated(config, "over.md", content="# Over"), config)
    assert pages.markdown(own) is None
    assert pages.content(own) is None
    assert own.meta == {}
