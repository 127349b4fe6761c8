"""`gongkai estimate`: one standard (`--standard ID --input FILE`) or one household (`--household FILE`),
printed as JSON; problems in the file as Chinese diagnostics at file:line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .. import pipeline
from ..diagnostics import error, has_errors
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .ci_format import print_diagnostics as _print_diagnostics

if TYPE_CHECKING:
    from ..rules.references import Site


def _cmd_estimate(args: argparse.Namespace) -> int:
    from ..estimate.request import estimate_file

    site, diags = pipeline.analyse(Path(args.root))
    if site is None or has_errors(diags):
        _print_diagnostics(diags)
        return EXIT_INVALID
    if args.household:
        return _estimate_household(site, Path(args.household))
    if not args.standard or not args.input:
        print("请写 --standard 和 --input（按一个标准估算），或 --household（按一户估算）", file=sys.stderr)
        return EXIT_USAGE
    source = Path(args.input)
    if not source.is_file():
        return _missing(source)
    breakdown, problems = estimate_file(site, args.standard, str(source), source.read_bytes())
    if breakdown is None:
        _print_diagnostics(problems)
        return EXIT_INVALID
    print(json.dumps(breakdown.as_json(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _estimate_household(site: Site, source: Path) -> int:
    from ..estimate.household import household_file

    if not source.is_file():
        return _missing(source)
    result, problems = household_file(site, str(source), source.read_bytes())
    if result is None:
        _print_diagnostics(problems)
        return EXIT_INVALID
    print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _missing(source: Path) -> int:
    """The input file is not there: a diagnostic at its path, printed like every other (exit 2: the command line
    named it)."""
    _print_diagnostics([error(str(source), 0, 0, "Y111", f"找不到输入文件 {source}",
                              "检查文件名和所在目录；输入文件的写法见 gongkai estimate --help。")])
    return EXIT_USAGE
