"""The news: its list, newest first and paged when long, and one page per item."""

from __future__ import annotations

from dataclasses import dataclass

from campaignkit.model import NewsItem
from campaignkit.pages.context import SiteContext
from campaignkit.pages.render import page_spec
from campaignkit.pages.site import PageSpec
from campaignkit.urls import NEWS_FEED, news_list_src, news_src, page_url

#: Items on one page of the news list.
NEWS_PER_PAGE = 10


@dataclass(frozen=True)
class ListPage:
    """One page of the news list, for its pagination links."""

    number: int
    url: str


def news_list(context: SiteContext) -> list[PageSpec]:
    """``/nieuws/`` and, past :data:`NEWS_PER_PAGE` items, ``/nieuws/pagina/2/`` and on.
    The list is there before anything is published: the feed and its address are too."""
    items = context.news
    chunks = [items[i : i + NEWS_PER_PAGE] for i in range(0, len(items), NEWS_PER_PAGE)] or [()]
    pages = tuple(ListPage(n, page_url(news_list_src(n))) for n in range(1, len(chunks) + 1))
    words = context.words
    specs = []
    for page, chunk in zip(pages, chunks, strict=True):
        src = news_list_src(page.number)
        title = words["news"]
        if len(pages) > 1:
            title = words["news_page_title"].format(number=page.number, total=len(pages))
        html = context.render(
            "news.html",
            src,
            title=title,
            items=chunk,
            page=page,
            list_pages=pages if len(pages) > 1 else (),
            feed=NEWS_FEED if context.addresses.root else None,
        )
        specs.append(
            page_spec(
                src,
                title,
                context.about("news_description"),
                html,
                # In the menu once there is news to read.
                in_nav=page.number == 1 and bool(items),
                nav_title=words["news"],
                hide=("navigation", "toc"),
                preview=context.preview(None),
            )
        )
    return specs


def news_page(context: SiteContext, item: NewsItem) -> PageSpec:
    src = news_src(item.slug)
    picture = context.pictures.news.get(item.slug)
    campaign = context.campaign
    html = context.render(
        "news_item.html",
        src,
        item=item,
        picture=picture,
        actions=[campaign.action(slug) for slug in item.actions],
        events=[event for event in context.events if event.slug in item.events],
    )
    return page_spec(
        src,
        item.title,
        item.summary,
        html,
        hide=("navigation",),
        preview=context.preview(picture, ("news", item.slug)),
    )
