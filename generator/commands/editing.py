"""Commands that write editors' files: `gongkai schema` (JSON Schemas for editors' tools) and `gongkai new`
(a content file laid out from the model, placeholders to fill)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema_export import stale_schemas, write_schemas

    out = Path(args.out)
    if args.check:
        stale = stale_schemas(out)
        for name in stale:
            print(f"{out / name}：已过期，请运行 gongkai schema --out {out} 并提交", file=sys.stderr)
        return EXIT_INVALID if stale else EXIT_OK
    changed = write_schemas(out)
    print(f"已写入 {out}（{len(changed)} 个文件有变化）", file=sys.stderr)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from ..model import TYPES_BY_KEY
    from ..model.fields import ID_RE
    from .scaffold import new_file

    if args.type in ("announcement", "announcements"):
        return _new_announcement(args)
    if args.type not in TYPES_BY_KEY or not args.id or not ID_RE.match(args.id):
        print(f"用法：gongkai new 类型 标识；类型可选：{'、'.join(TYPES_BY_KEY)}；"
              "标识只能用小写英文字母、数字和连字符", file=sys.stderr)
        return EXIT_USAGE
    return _created(lambda: new_file(Path(args.root), args.type, args.id), "真实内容")


def _new_announcement(args: argparse.Namespace) -> int:
    from ..model.fields import ID_RE
    from .scaffold import new_announcement

    if not args.project or (args.id and not ID_RE.match(args.id)):
        print("用法：gongkai new announcement --project 项目标识 [公告标识]", file=sys.stderr)
        return EXIT_USAGE
    return _created(lambda: new_announcement(Path(args.root), args.project, args.id), "公告上的内容",
                    "--project 要写项目的标识（id）")


def _created(make: Callable[[], Path], content: str, missing_hint: str | None = None) -> int:
    """Write a new file with `make`, and tell the editor what to do next, or why it was not written."""
    try:
        target = make()
    except FileNotFoundError as exc:
        if missing_hint is None:
            raise
        print(f"找不到项目文件 {exc.args[0]}：{missing_hint}", file=sys.stderr)
        return EXIT_USAGE
    except FileExistsError as exc:
        print(f"{exc.args[0]} 已存在，不会覆盖", file=sys.stderr)
        return EXIT_USAGE
    print(f"已创建 {target}：请把其中的 TODO 换成{content}，再运行 gongkai check", file=sys.stderr)
    return EXIT_OK
