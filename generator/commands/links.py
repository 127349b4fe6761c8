"""`gongkai links`: the nightly check of external links (reliability matrix row 24). Never run by a build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diagnostics import Severity
from ..post.external_links import check
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .ci_format import print_diagnostics


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sp = sub.add_parser("links", help="检查内容中的外部链接是否还能打开（供每晚定时任务运行，不影响发布）")
    sp.add_argument("--root", default=".", help="站点项目目录（含 site_config.yml 和 content/），默认当前目录")
    sp.add_argument("--timeout", type=float, default=10.0, help="每个链接最多等多少秒，默认 10")
    sp.add_argument("--jobs", type=int, default=8, help="同时检查几个链接，默认 8")
    sp.add_argument("--format", choices=("text", "json", "github"), default="text", help="输出格式")
    sp.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:

    if args.timeout <= 0 or args.jobs < 1:
        print("--timeout 必须大于 0，--jobs 至少为 1。", file=sys.stderr)
        return EXIT_USAGE
    root = Path(args.root)
    diags = check(root, timeout=args.timeout, jobs=args.jobs)
    print_diagnostics(diags, args.format)
    if any(d.code == "B608" for d in diags) or any(d.severity is Severity.ERROR for d in diags):
        return EXIT_INVALID
    if args.format == "text":
        print("外部链接都能打开。", file=sys.stderr)
    return EXIT_OK
