"""Residents' everyday words, the same in every district (issue 11, journey 5): what people type, mapped to
the words the documents use, and the site's own sections pinned for the intents every resident has.

Both are defaults the generator gives every site; a district's own words come from its content: glossary
aliases (俗称, synonyms.py) and editors' best bets (content/best_bets), which are listed first.
The browser reads both from meta.json (`syn`, `bets`): nothing here is repeated in gk-search.js.
"""

from __future__ import annotations

# word residents type -> the documents' words (search forms). Kept to words the documents do not use
# themselves and that mean the same in every district (赔 is 补 in a law's words; 庄稼 are 青苗).
# A query term is searched as typed, and also with such words replaced (gk-search.js `variants`).
EVERYDAY: dict[str, tuple[str, ...]] = {
    # money
    "赔偿": ("补偿",), "赔钱": ("补偿款",), "赔款": ("补偿款",), "赔": ("补偿",),
    "拆迁款": ("补偿款",), "拆迁费": ("补偿款",), "征收款": ("补偿款",), "征地款": ("补偿款",), "钱": ("补偿款",),
    # what is taken
    "拆迁": ("征收",), "房子": ("房屋",), "老房子": ("房屋",), "楼房": ("房屋",), "平房": ("房屋",),
    "庄稼": ("青苗",), "麦子": ("青苗",), "玉米": ("青苗",), "蔬菜": ("青苗",), "果树": ("树木",),
    "祖坟": ("坟墓",), "坟地": ("坟墓",), "迁坟": ("坟墓",), "坟": ("坟墓",),
    "没证": ("没有房产证",), "房本": ("房产证",), "门面房": ("门面",), "搬家": ("搬迁",), "回迁": ("安置",),
    "签字": ("签协议",), "社保": ("社会保障",), "停水": ("断水",), "停电": ("断电",),
    "几天": ("多久",), "几个月": ("多久",), "多长时间": ("多久",), "平米": ("平方米",), "占地": ("征地",),
    "租房补贴": ("临时安置费",), "租房费": ("临时安置费",), "房租补贴": ("临时安置费",),
    "被占": ("被征",), "强行拆": ("强拆",), "强制拆": ("强拆",), "硬拆": ("强拆",),
    # disagreeing
    "不满意": ("不服",), "不认可": ("不服",), "打官司": ("行政诉讼",), "告状": ("起诉",), "告政府": ("行政诉讼",),
    "上法院": ("起诉",), "上访": ("维权",), "信访": ("维权",),
}

# Slips a pinyin keyboard makes (same sound, other character) -> the word meant. synonyms.py also applies
# them to every word of the synonym table (过度费 -> 临时安置费 because 过渡费 -> 临时安置费).
SLIPS: dict[str, str] = {
    "过度": "过渡", "补尝": "补偿", "赔尝": "赔偿", "安至": "安置", "按置": "安置", "平估": "评估", "拆千": "拆迁",
    "拆钱": "拆迁", "搬钱": "搬迁", "征手": "征收", "强柴": "强拆", "青描": "青苗", "宅机地": "宅基地",
    "听政": "听证", "复意": "复议", "征收觉定": "征收决定", "补长": "补偿",
}

# The intents of the five journeys, pinned to sections every site has (pages/navigation.NAV); a section a
# site does not build is left out. Phrases are matched inside the whole query, as editors' best bets are.
SECTION_BETS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("多少钱", "补多少", "赔多少", "给多少", "能拿多少", "拿多少", "几个钱", "补偿多少", "赔偿多少", "怎么赔", "咋赔", "怎么补", "咋补", "怎么算",
      "咋算", "补偿标准", "赔偿标准", "款多少", "款有多少", "费多少", "费有多少"), ("estimate/",)),
    (("找谁", "问谁", "找哪个", "哪个部门", "联系方式", "电话", "办公地址", "在哪办", "热线"), ("contacts/",)),
    (("哪一步", "哪步", "到哪了", "进度", "什么时候拆", "啥时候拆", "几时拆", "什么时候征", "啥时候征"), ("projects/",)),
    (("不同意", "不服", "不满意", "不公平", "不认可", "维权", "告政府", "打官司", "上访", "信访", "投诉", "说法",
      "不想搬", "不愿搬", "不愿意搬", "不肯搬"), ("remedies/",)),
    (("什么时候给", "啥时候给", "几时给", "什么时候发", "啥时候发", "几时发", "什么时候到", "啥时候到", "到账",
      "到没到", "拖欠"), ("funds/",)),
    (("住哪", "住在哪", "没地方住", "安置房在哪", "回迁房在哪"), ("estates/",)),
)
