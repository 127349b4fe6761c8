"""PyYAML's syntax errors explained in Chinese for editors (the load stage's Y101 messages)."""

from __future__ import annotations

import re

_PROBLEMS = {
    "could not find expected ':'": "缺少冒号“:”",
    "mapping values are not allowed here": "这里不能出现冒号（值中含有冒号时请加引号）",
    "found character '\\t' that cannot start any token": "含有制表符（Tab）",
    "found undefined alias": "使用了未定义的别名",
    "did not find expected key": "缩进不一致，找不到预期的字段",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "did not find expected node content": "缺少内容",
    "found unexpected ':'": "出现了多余的冒号",
    "mapping values are not allowed": "这里不能出现冒号（值中含有冒号时请加引号）",
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合，或各项之间缺少英文逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合，或各项之间缺少英文逗号",
    "found unknown escape character": "双引号里的反斜杠“\\”不是有效的转义（请改用单引号，或去掉反斜杠）",
}
_KEY_SLIP_RE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_-]*)(：|:(?=\S))")


def colon_slip(text: str, line: int) -> tuple[int, int, str] | None:
    """The line, column and explanation of a key written `key：value` or `key:value` just above `line`."""
    lines = text.splitlines()
    for n in range(min(line, len(lines)), max(line - 3, 0), -1):
        m = _KEY_SLIP_RE.match(lines[n - 1])
        if m:
            what = "后面用了中文冒号“：”" if m.group(2) == "：" else "的冒号后面缺少空格"
            return n, len(m.group(1)) + 1, f"字段“{m.group(1).strip(' -')}”{what}"
    return None


def explain(problem: str) -> str:
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return f"{chinese}（{problem}）"
    return problem or "无法解析"
