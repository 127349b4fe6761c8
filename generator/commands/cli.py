"""Command line: `gongkai check | build | serve | ...`. The only place that prints and exits."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import pipeline
from ..diagnostics import has_errors, os_path, os_reason, printable
from . import (
    EXIT_BUG,
    EXIT_CODES_HELP,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_SYSTEM,
    EXIT_USAGE,
    links,
)
from .ci_format import print_diagnostics as _print_diagnostics
from .editing import _cmd_new, _cmd_schema
from .estimating import _cmd_estimate

FORMATS = ("text", "json", "github")
TODAY_HELP = "按哪一天判断复核期限和地价年限（YYYY-MM-DD），默认取 SOURCE_DATE_EPOCH，否则取今天"


def _date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应写成 YYYY-MM-DD") from None


def _today(args: argparse.Namespace) -> dt.date:
    """The day freshness is judged on: --today, else SOURCE_DATE_EPOCH, else the clock. Only here."""
    if args.today:
        return args.today  # type: ignore[no-any-return]
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _cmd_check(args: argparse.Namespace) -> int:
    result = pipeline.check(Path(args.root), production=args.production, today=_today(args),
                            previous=Path(args.previous) if args.previous else None)
    _print_diagnostics(result, args.format)
    if has_errors(result, strict=args.strict):
        return EXIT_INVALID
    if args.format == "text":
        print("检查通过。", file=sys.stderr)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    """Each text that needs a legal review: its file, its fingerprint (text_hash) and whether a review applies."""
    from ..rules.legal_review import reviewable

    site, diags = pipeline.analyse(Path(args.root))
    if site is None:
        _print_diagnostics(diags)
        return EXIT_INVALID
    for path, label, item_id, fingerprint, state in reviewable(site):
        print(f"{path}\t{label}\t{item_id}\ttext_hash: {fingerprint}\t法律顾问审核：{state}")
    return EXIT_OK


def _cmd_build(args: argparse.Namespace) -> int:
    root = Path(args.root)
    out = Path(args.out) if args.out else root / "site"
    result = pipeline.build(root, out, production=args.production, strict=args.strict, today=_today(args),
                            jobs=args.jobs, city_part=args.city_part,
                            previous=Path(args.previous) if args.previous else None)
    _print_diagnostics(result.diagnostics, args.format)
    if not result.published:
        print(f"构建失败，已发布的站点（{out}）保持不变。", file=sys.stderr)
        return EXIT_INVALID
    print(f"已构建 {result.page_count} 个页面，发布到 {out}", file=sys.stderr)
    return EXIT_OK


def _cmd_synth(args: argparse.Namespace) -> int:
    from ..synthetic.synthetic import write_project

    if args.city:
        from ..synthetic.synthetic import write_city

        write_city(Path(args.out), args.pages, seed=args.seed)
        print(f"已生成合成全市目录（示例数据）到 {args.out}", file=sys.stderr)
        return EXIT_OK
    plan = write_project(Path(args.out), args.pages, seed=args.seed)
    counts = "，".join(f"{key} {n}" for key, n in plan.counts.items())
    print(f"已生成合成站点项目（示例数据）到 {args.out}：{counts}", file=sys.stderr)
    return EXIT_OK


def _cmd_city(args: argparse.Namespace) -> int:
    from .city import build_city, merge_city

    root = Path(args.root)
    out = Path(args.out) if args.out else root / "site"
    if args.sites:
        published, diags = merge_city(root, out, Path(args.sites), strict=args.strict)
        _print_diagnostics(diags)
        print(f"全市合并{'完成，发布到 ' + str(out) if published else '失败，已发布的站点保持不变'}。", file=sys.stderr)
        return EXIT_OK if published else EXIT_INVALID
    result = build_city(root, out, jobs=args.jobs, production=args.production, strict=args.strict)
    _print_diagnostics(result.diagnostics)
    if not result.published:
        print(f"全市构建失败，已发布的站点（{out}）保持不变。", file=sys.stderr)
        return EXIT_INVALID
    pages = sum(d.page_count for d in result.districts)
    print(f"已构建 {len(result.districts)} 个区县、共 {pages} 个页面，发布到 {out}", file=sys.stderr)
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(Path(args.root), lambda line: print(line, file=sys.stderr), host=args.host, port=args.port)


def _cmd_urls(args: argparse.Namespace) -> int:
    from ..pages import derive_pages
    from ..post.redirects import LOCK_FILE, lock_text, plan_redirects

    root = Path(args.root)
    site, diags = pipeline.analyse(root)
    if site is None or has_errors(diags):
        _print_diagnostics(diags)
        return EXIT_INVALID
    pages = derive_pages(site)
    if not args.update:
        problems = pipeline.url_diagnostics(root, site, pages, production=True)
        _print_diagnostics(problems)
        return EXIT_INVALID if has_errors(problems) else EXIT_OK
    redirects, problems = plan_redirects(site, pages)
    if has_errors(problems):
        _print_diagnostics(problems)
        return EXIT_INVALID
    (root / LOCK_FILE).write_text(lock_text(root, pages, redirects), encoding="utf-8")
    print(f"已更新 {root / LOCK_FILE}，请随内容一起提交。", file=sys.stderr)
    return EXIT_OK


def _cmd_init(args: argparse.Namespace) -> int:
    from .init import init_project

    try:
        init_project(Path(args.dir), args.district, args.town, _today(args))
    except FileExistsError as exc:
        print(f"{exc.args[0]} 已存在：这里已经有一个站点，不会覆盖", file=sys.stderr)
        return EXIT_USAGE
    print(f"已在 {args.dir} 创建{args.district}的站点。下一步：cd {args.dir}，运行 gongkai check；"
          "照 docs/编辑手册.md 填写内容。", file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    import datetime as dt

    from ..rules.catalogue_report import as_json, as_text
    from ..rules.compliance import assess

    site, diags = pipeline.analyse(Path(args.root))
    if site is None or has_errors(diags):
        _print_diagnostics(diags)
        return EXIT_INVALID
    try:
        as_of = dt.date.today() if args.as_of == "today" else (dt.date.fromisoformat(args.as_of) if args.as_of else None)
    except ValueError:
        print(f"日期“{args.as_of}”格式不对，应写成 YYYY-MM-DD 或 today", file=sys.stderr)
        return EXIT_USAGE
    report = assess(site, as_of)
    print(as_json(report) if args.format == "json" else as_text(report), end="")
    if args.strict and report.failures:
        print(f"有 {report.failures} 项不达标（必选事项缺失或逾期、本地规范性文件缺解读）。", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


PREVIOUS_HELP = ("上次发布的站点（或至少它的 data/ 目录）：与它公开的金额比较，已公布的金额改了却没登记版本时报 B620。"
                 "CI 从头检出时没有 .gongkai-build/，要用它；不写时用本机 .gongkai-build/ 中上次发布的金额")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gongkai", description="征收信息公开站点生成器", epilog=EXIT_CODES_HELP)
    p.add_argument("--debug", action="store_true", help="出错时显示 Python 的出错细节（供维护人员排查）")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--root", default=".", help="站点项目目录（含 site_config.yml 和 content/），默认当前目录")

    c = sub.add_parser("check", help="检查全部内容，打印问题；有错误时退出码为 1")
    common(c)
    c.add_argument("--format", choices=FORMATS, default="text", help="输出格式（json、github 供 CI 使用）")
    c.add_argument("--strict", action="store_true", help="警告也视为失败")
    c.add_argument("--production", action="store_true", help="按正式发布标准检查（不允许示例数据）")
    c.add_argument("--today", type=_date_arg, default=None, help=TODAY_HELP)
    c.add_argument("--previous", default=None, metavar="DIR", help=PREVIOUS_HELP)
    c.set_defaults(func=_cmd_check)

    rv = sub.add_parser("review", help="列出需要法律顾问审核的内容、文字指纹（text_hash）和审核状态")
    rv.add_argument("--root", default=".", help="站点项目目录（含 site_config.yml 和 content/），默认当前目录")
    rv.set_defaults(func=_cmd_review)

    b = sub.add_parser("build", help="构建站点；全部检查通过后才替换已发布的站点")
    common(b)
    b.add_argument("--out", default=None, help="输出目录，默认 site/")
    b.add_argument("--production", action="store_true", help="正式发布：含示例数据时拒绝构建")
    b.add_argument("--strict", action="store_true", help="警告也视为失败")
    b.add_argument("--format", choices=FORMATS, default="text", help="问题的输出格式（json、github 供 CI 使用）")
    b.add_argument("--today", type=_date_arg, default=None, help=TODAY_HELP)
    b.add_argument("--jobs", type=int, default=None, help="渲染用的进程数，默认等于 CPU 核数")
    b.add_argument("--previous", default=None, metavar="DIR", help=PREVIOUS_HELP)
    b.add_argument("--city-part", action="store_true",
                   help="作为全市站点的一个区县构建：另外发布 city-part.json，供 gongkai city --sites 合并")
    b.set_defaults(func=_cmd_build)

    sy = sub.add_parser("synth", help="生成合成测试站点（用于测试和性能基准），约 N 个页面")
    sy.add_argument("--pages", type=int, required=True, help="大约多少个页面，如 100、1000、3000、10000")
    sy.add_argument("--out", required=True, help="写入的站点项目目录")
    sy.add_argument("--seed", type=int, default=0, help="随机种子；相同种子生成相同内容")
    sy.add_argument("--city", action="store_true", help="生成一个含三个区县的全市目录（每个区县约 N 个页面）")
    sy.set_defaults(func=_cmd_synth)

    ct = sub.add_parser("city", help="构建全市：各区县站点（用满全部 CPU 核）、全市首页和全市搜索")
    ct.add_argument("--root", default=".", help="全市目录（含 city.yml），默认当前目录")
    ct.add_argument("--out", default=None, help="输出目录，默认 site/")
    ct.add_argument("--jobs", type=int, default=None, help="进程数，默认等于 CPU 核数")
    ct.add_argument("--production", action="store_true", help="正式发布：含示例数据时拒绝构建")
    ct.add_argument("--strict", action="store_true", help="警告也视为失败")
    ct.add_argument("--sites", default=None,
                    help="只合并：各区县已分别构建（gongkai build --city-part）的站点所在目录，其下每个区县一个 <id>/")
    ct.set_defaults(func=_cmd_city)

    u = sub.add_parser("urls", help="检查已发布网址清单 urls.lock；--update 重新生成")
    common(u)
    u.add_argument("--update", action="store_true", help="按当前内容重写 urls.lock（保留标为 gone 的行）")
    u.set_defaults(func=_cmd_urls)

    sc = sub.add_parser("schema", help="导出 JSON Schema（供编辑器自动补全和校验）")
    sc.add_argument("--out", default="schemas", help="输出目录，默认 schemas/")
    sc.add_argument("--check", action="store_true", help="只检查是否过期；过期时退出码为 1")
    sc.set_defaults(func=_cmd_schema)

    i = sub.add_parser("init", help="为一个区县新建站点项目（站点设置、全国通用内容、空的内容目录）")
    i.add_argument("dir", help="新站点的目录")
    i.add_argument("--district", required=True, help="行政区全称，如 淮北市相山区")
    i.add_argument("--town", action="append", default=[],
                   help="镇街，可写多次；下辖村（社区）写在等号后、用逗号或顿号分开，如 相南街道=东湖社区,西湖社区")
    i.add_argument("--today", type=_date_arg, default=None, help=TODAY_HELP)
    i.set_defaults(func=_cmd_init)

    n = sub.add_parser("new", help="按内容模型生成一个新内容文件（待填写处为 TODO）")
    common(n)
    n.add_argument("type", help="内容类型，如 faq、compensation_standards；announcement 为项目新增一份公告")
    n.add_argument("id", nargs="?", default=None, help="新内容的标识（id），也是文件名；公告可不写（自动编号）")
    n.add_argument("--project", default=None, help="announcement：公告所属项目的标识")
    n.set_defaults(func=_cmd_new)

    s = sub.add_parser("serve", help="本地预览，内容改动后自动重建")
    common(s)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_cmd_serve)

    e = sub.add_parser("estimate", help="按补偿标准估算补偿（与网页上的估算完全一致），以 JSON 输出明细")
    common(e)
    e.add_argument("--standard", help="补偿标准的标识（id）")
    e.add_argument("--input", help="情形文件（YAML 或 JSON）：lines 各项数量、shared 共用数量")
    e.add_argument("--household", help="一户的情形文件（YAML 或 JSON）：regime 集体土地/国有土地、compensation_mode "
                   "货币补偿/产权调换（可不写）、standards 各标准的 lines 和 shared；输出各标准的明细和合计")
    e.set_defaults(func=_cmd_estimate)
    r = sub.add_parser("report", help="打印公开事项对照表（与网站上的对照表相同）；--strict 时必选事项缺失或逾期则失败")
    common(r)
    r.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    r.add_argument("--strict", action="store_true", help="必选事项缺失或逾期、本地规范性文件缺解读时退出码为 1")
    r.add_argument("--as-of", default=None,
                   help="按哪一天判断逾期：YYYY-MM-DD 或 today；默认为内容中最晚的更新日期（与网页一致）")
    r.set_defaults(func=_cmd_report)
    links.register(sub)
    for command in sub.choices.values():  # `gongkai build --debug` as well as `gongkai --debug build`
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="出错时显示 Python 的出错细节")
        command.epilog = EXIT_CODES_HELP
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever happens, it ends with a Chinese message and a documented exit code;
    a Python traceback appears only with --debug."""
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("已中断。已发布的站点不受影响。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        if args.debug:
            raise
        where = os_path(exc)
        print(f"系统错误：{os_reason(exc)}{f'（{printable(where)}）' if where else ''}。已发布的站点不受影响；"
              "请检查磁盘空间和目录权限后重试。", file=sys.stderr)
        return EXIT_SYSTEM
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for editors
        if args.debug:
            raise
        print(f"gongkai 内部错误（{type(exc).__name__}）。已发布的站点不受影响。请加 --debug 重新运行，"
              "把输出发给维护人员。", file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
