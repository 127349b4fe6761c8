"""Best bets (搜索推荐): pages an editor pins to the top of the search results for the phrases residents
type (the way GOV.UK search does), e.g. 多少钱 → the estimator and the standards."""

from __future__ import annotations

from .fields import Id, Reviewed, Text, describe


class BestBet(Reviewed):
    """Pages shown first when a search contains one of the phrases."""

    id: Id = describe("标识", "英文标识，如 how-much")
    phrases: list[Text] = describe(
        "说法", "群众会输入的说法（至少两个字），搜索内容含其中任何一个时，下面的页面排在最前，如 多少钱、拆迁款", min_length=1)
    pages: list[Text] = describe(
        "置顶页面", "按顺序列出站内页面的网址（不含站点地址），如 estimate/、faq/how-long-transition-fee/", min_length=1)
