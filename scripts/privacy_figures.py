"""Precision and recall of the personal-data detector (generator/model/privacy.py).

Precision: every text of the bundled site (all content types, all fields) holds no personal data, so
each finding there is a false alarm. Recall: generated phrasings of one household's data (a name with
a role word or standing alone, near an amount written in digits, 万元, 人民币 or capital numerals, and
ID numbers with any check character) must all be found; generated look-alike sentences without a
person in them must not be.

Usage: .venv/bin/python scripts/privacy_figures.py [PROJECT]   (default: the bundled site)
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from generator.load.content import load_content
from generator.model.privacy import COMPOUND_SURNAMES, personal_data

GIVEN = ("建国", "秀英", "伟", "芳", "志强", "丽华", "小明", "德胜", "桂兰", "文博", "娜娜", "某某", "某", "国庆", "玉梅")
SURNAMES = ("张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭", "林", "何", "高")
ROLES = ("被征收人", "户主", "村民", "被征地农户", "产权人", "承租人", "业主", "被征收人（户主）")
AMOUNTS = ("386500.00元", "386500元", "386,500元", "38.65万元", "人民币386500元", "¥386500", "叁拾捌万陆仟伍佰元整",
           "12000元", "5000.5元")
POSITIVE = (
    "{role}{name}的房屋补偿金额为{amount}", "{role}{name}，补偿金额{amount}", "{role}{name}补偿款{amount}",
    "{role}：{name}，货币补偿{amount}", "{role}{name}应得补偿款{amount}", "{name}户补偿款{amount}",
    "{role}{name}已签订协议，领取补偿{amount}", "向{role}{name}支付搬迁费{amount}", "给{name}发放奖励{amount}",
    "{name} {amount}", "{name}：{amount}", "| {name} | {amount} |", "{role}{name}（东湖村）补偿{amount}",
)
NEGATIVE = (
    "{role}应当在签约期限内签约的，给予奖励{amount}", "{role}选择货币补偿的，另给予搬迁费{amount}",
    "{role}对补偿决定不服的，可以申请行政复议；搬迁费每户{amount}", "{place}补偿款共计{amount}",
    "{role}可在公示期内提出异议，临时安置费每月{amount}", "每户{role}可领取过渡费{amount}",
    "{place}村民小组集体土地补偿费{amount}", "{role}按期搬迁的，奖励{amount}",
)
PLACES = ("高岳街道", "段园镇", "东湖村", "石台镇", "朔里镇", "王家村", "张楼村", "李庄")


def texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key)
            yield from texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)


def bundled_texts(root: Path) -> list[tuple[str, str]]:
    content, _ = load_content(root)
    if content is None:
        raise SystemExit(f"{root}: 站点设置无效，无法读取")
    found = [(content.config.path, t) for t in texts(content.config.item)]
    for located in (loc for items in content.items.values() for loc in items):
        found += [(located.path, t) for t in texts(located.item)]
    return found


def random_id(rng: random.Random) -> str:
    birth = f"{rng.randint(1930, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return f"340602{birth}{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


def phrasings(rng: random.Random, templates: tuple[str, ...], count: int) -> list[str]:
    surnames = SURNAMES + COMPOUND_SURNAMES[:6]
    out = []
    for i in range(count):
        name = rng.choice(surnames) + rng.choice(GIVEN)
        out.append(templates[i % len(templates)].format(role=rng.choice(ROLES), name=name,
                                                        amount=rng.choice(AMOUNTS), place=rng.choice(PLACES)))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    site = bundled_texts(root)
    alarms = [(path, text, f) for path, text in site for f in personal_data(text)]
    print(f"precision on the site {root.name}: {len(site)} texts, {len(alarms)} false alarms")
    for path, _, f in alarms:
        print(f"  false alarm: {path}: {f.kind} {f.text}")
    rng = random.Random(13)
    positives = phrasings(rng, POSITIVE, 260) + [f"身份证号{random_id(rng)}" for _ in range(60)]
    missed = [p for p in positives if not personal_data(p)]
    print(f"recall on generated phrasings: {len(positives) - len(missed)}/{len(positives)} found "
          f"({100 * (len(positives) - len(missed)) / len(positives):.1f} %)")
    for text in missed[:10]:
        print(f"  missed: {text}")
    negatives = phrasings(rng, NEGATIVE, 200)
    flagged = [n for n in negatives if personal_data(n)]
    print(f"generated sentences without a person: {len(flagged)}/{len(negatives)} flagged")
    for text in flagged[:10]:
        print(f"  flagged: {text}")
    return 1 if alarms or missed or flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
