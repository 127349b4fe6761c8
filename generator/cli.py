"""Command line: `gongkai check | build | serve | ...`. The only place that prints and exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import pipeline
from .diagnostics import Severity, has_errors, sort_diagnostics, to_json

EXIT_OK = 0
EXIT_INVALID = 1  # content or build problems; diagnostics printed
EXIT_USAGE = 2  # bad command line


def _print_diagnostics(diags: Sequence, fmt: str = "text") -> None:
    ordered = sort_diagnostics(diags)
    if fmt == "json":
        print(to_json(ordered))
        return
    for d in ordered:
        print(d.format(), file=sys.stderr)
    errors = sum(1 for d in ordered if d.severity is Severity.ERROR)
    warnings = len(ordered) - errors
    if ordered:
        print(f"共 {errors} 个错误，{warnings} 个警告。", file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    result = pipeline.check(Path(args.root), production=args.production)
    _print_diagnostics(result, args.format)
    if has_errors(result, strict=args.strict):
        return EXIT_INVALID
    if args.format == "text":
        print("检查通过。", file=sys.stderr)
    return EXIT_OK


def _cmd_build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    out = Path(args.out) if args.out else root / "site"
    result = pipeline.build(root, out, production=args.production, strict=args.strict)
    _print_diagnostics(result.diagnostics)
    if not result.published:
        print(f"构建失败，已发布的站点（{out}）保持不变。", file=sys.stderr)
        return EXIT_INVALID
    print(f"已构建 {result.page_count} 个页面，发布到 {out}", file=sys.stderr)
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(Path(args.root), host=args.host, port=args.port)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gongkai", description="征收信息公开站点生成器")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--root", default=".", help="站点项目目录（含 site_config.yml 和 content/），默认当前目录")

    c = sub.add_parser("check", help="检查全部内容，打印问题；有错误时退出码为 1")
    common(c)
    c.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（json 供 CI 使用）")
    c.add_argument("--strict", action="store_true", help="警告也视为失败")
    c.add_argument("--production", action="store_true", help="按正式发布标准检查（不允许示例数据）")
    c.set_defaults(func=_cmd_check)

    b = sub.add_parser("build", help="构建站点；全部检查通过后才替换已发布的站点")
    common(b)
    b.add_argument("--out", default=None, help="输出目录，默认 site/")
    b.add_argument("--production", action="store_true", help="正式发布：含示例数据时拒绝构建")
    b.add_argument("--strict", action="store_true", help="警告也视为失败")
    b.set_defaults(func=_cmd_build)

    s = sub.add_parser("serve", help="本地预览，内容改动后自动重建")
    common(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
