"""Diagnostics as values: every problem found in content or in the build is a Diagnostic.

Stages never print or raise for content problems; they return diagnostics, the CLI prints them all
and decides the exit code. The catalogue of codes lives in `generator/codes.py`.
"""

from __future__ import annotations

import errno
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located as precisely as we can (1-based line and column; 0 = unknown)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """The text form, one line (plus the hint's): echoed values cannot start a line of their own or
        send terminal escapes (`printable`)."""
        where = printable(self.path)
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.severity.label} {self.code} {printable(self.message)}"
        if self.hint:
            text += f"\n    提示：{printable(self.hint)}"
        return text

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def error(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, column: int, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, line, column, code, message, hint, Severity.WARNING)


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Deterministic order: by file, position, then code; duplicates removed."""
    return sorted(set(diags), key=lambda d: (d.path, d.line, d.column, d.code, d.message))


def has_errors(diags: Iterable[Diagnostic], strict: bool = False) -> bool:
    return any(d.severity is Severity.ERROR or strict for d in diags)


def to_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_json() for d in diags], ensure_ascii=False, indent=2)


def mandatory_as_errors(diags: Iterable[Diagnostic], mandatory: Iterable[str]) -> list[Diagnostic]:
    """Warnings of rules the law makes mandatory, as errors (what `--production` publishes under)."""
    codes = set(mandatory)
    return [replace(d, severity=Severity.ERROR) if d.code in codes else d for d in diags]


_OS_REASONS = {
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOENT: "文件或目录不存在（可能是指向已删除文件的链接）",
    errno.ELOOP: "符号链接形成了循环", errno.EISDIR: "这是一个目录", errno.ENOTDIR: "路径中有一部分不是目录",
    errno.ENAMETOOLONG: "路径太长", errno.EIO: "磁盘读写错误", errno.ENOSPC: "磁盘空间已满", errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "文件系统是只读的", errno.EMFILE: "打开的文件太多", errno.EADDRINUSE: "端口已被占用",
    errno.EADDRNOTAVAIL: "这个地址不属于本机", errno.EEXIST: "已存在同名的文件或目录", errno.ENOTEMPTY: "目录不是空的",
    errno.EXDEV: "不能跨文件系统移动",
}


def os_reason(exc: OSError) -> str:
    """An OSError's cause in Chinese (shutil.Error's list of failures: the first one's)."""
    number = exc.errno
    if number is None and exc.args and isinstance(exc.args[0], list) and exc.args[0]:  # shutil.Error
        found = re.search(r"\[Errno (\d+)\]", str(exc.args[0][0][-1]))
        number = int(found.group(1)) if found else None
    return _OS_REASONS.get(number or 0) or (exc.strerror or type(exc).__name__)


def os_path(exc: OSError) -> str:
    """The path an OSError is about, if it says ("" otherwise)."""
    if exc.filename is not None:
        return str(exc.filename)
    if exc.args and isinstance(exc.args[0], list) and exc.args[0] and len(exc.args[0][0]) >= 2:  # shutil.Error
        return str(exc.args[0][0][1])
    return ""


# What a terminal or a CI log would act on instead of showing: C0/C1 controls (ESC starts colour and
# cursor sequences, CR and LF start fake lines), DEL, line/paragraph separators, bidi controls,
# zero-width characters and lone surrogates (which cannot even be encoded).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                          "\ufeff\ufff9-\ufffb\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every character a terminal would act on spelled out (`\\n`, `\\x1b`, `\\u202e`)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii")
                            if ord(m.group()) < 0xD800 or ord(m.group()) > 0xDFFF else f"\\u{ord(m.group()):04x}", text)
