"""Break the code on purpose and see whether the tests notice (run by hand; see CONTRIBUTING.md).

Each mutation replaces one exact snippet in one file of a private copy of the repository and runs only
the test files that guard that behaviour; a mutation is *caught* when those tests fail. Every mutation
must be caught: one that survives means a test passes whatever the code does.

Usage: .venv/bin/python scripts/mutate.py [NAME ...]   (no name: all; --list: names only)
Prints a Markdown table; exit status 1 if any mutation survived or a snippet no longer matches.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    stage: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]  # pytest arguments: files and options


MUTATIONS = (
    Mutation("forked child's share reversed", "parallel", "generator/parallel/fanout.py",
             "pickle.dump(fn(part), out", "pickle.dump(fn(part)[::-1], out", ("tests/test_forked.py",)),
    Mutation("publish: delete the site, then copy", "publish", "generator/publish.py",
             "    elif _exchange(staged, out):\n",
             "    elif True:\n        import shutil\n        shutil.rmtree(out)\n        shutil.copytree(staged, out)\n"
             "    elif _exchange(staged, out):\n",
             ("tests/test_publish_atomic.py", "-k", "exchange or sigkill")),
    Mutation("estimator inputs without labels", "templates", "generator/templates/pages/estimator.md.j2",
             '<p class="gk-field"><label for="gk-{{ f.name }}">{{ f.label }}（{{ f.factor }}）</label>',
             '<p class="gk-field"><span>{{ f.label }}（{{ f.factor }}）</span>',
             ("tests/test_a11y.py", "-k", "axe and phone-normal")),
    Mutation("an article the law lacks is accepted", "resolve", "generator/rules/national.py",
             "        if expected is None:\n", "        if expected is None and False:\n",
             ("tests/test_national_laws.py",)),
    Mutation("a misquoted article is accepted", "resolve", "generator/rules/national.py",
             "        elif normalise(article.text) != expected:", "        elif False:",
             ("tests/test_diagnostics.py", "-k", "R321")),
    Mutation("basis: qualifier (不少于/以内) ignored", "rules", "generator/rules/basis.py",
             "    if any(a.qualifier == q.qualifier for a in same):", "    if same:", ("tests/test_basis.py",)),
    Mutation("basis: Chinese numerals not read", "rules", "generator/rules/basis.py",
             "    return total + section + digit if seen else None", "    return None", ("tests/test_basis.py",)),
    Mutation("basis: （本中心做法） not honoured", "rules", "generator/rules/basis.py",
             "    if any(m.group(1) for m in marks):\n        return\n", "", ("tests/test_basis.py",)),
    Mutation("legal review not tied to the text", "rules", "generator/rules/legal_review.py",
             "    if review.text_hash != fingerprint(item):", "    if False:",
             ("tests/test_basis.py", "-k", "legal_review")),
    Mutation("sample standard shown as 现行", "derive", "generator/pages/standard_pages.py",
             "    return SAMPLE_STATUS if s.sample else STATUS_LABELS[s.status]", "    return STATUS_LABELS[s.status]",
             ("tests/test_basis.py", "-k", "sample_standard")),
    Mutation("estimate rounds down instead of half up", "estimate", "generator/estimate/arithmetic.py",
             "    return (2 * product + scale) // (2 * scale)", "    return product // scale",
             ("tests/test_estimate.py",)),
    Mutation("working days count the start day", "rules", "generator/rules/workdays.py",
             "    day = start\n    left = count\n", "    day = start - ONE_DAY\n    left = count\n",
             ("tests/test_workdays.py",)),
    Mutation("ID numbers not detected", "model", "generator/model/privacy.py",
             r'_ID_RE = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5}[ ]?\d{8}[ ]?\d{3}[0-9Xx])(?![0-9A-Za-z])")',
             r'_ID_RE = re.compile(r"(?!x)x")', ("tests/test_privacy.py",)),
    Mutation("duplicate YAML keys accepted", "load", "generator/load/yamlsource.py",
             "        if key in container.entries:\n", "        if False:\n", ("tests/test_yamlsource.py",)),
    Mutation("search keys without bigrams", "post", "generator/post/search/tokens.py",
             "        if i + 1 < len(run):\n            yield run[i: i + 2]\n", "", ("tests/test_search.py", "-k",
                                                                               "not browser and not wechat")),
    Mutation("dangling references not reported", "resolve", "generator/rules/references.py",
             "        if ref not in known:\n", "        if False:\n", ("tests/test_diagnostics.py", "-k", "R303")),
    Mutation("HTML in editor text accepted", "model", "generator/model/fields.py",
             "    m = _HTML_RE.search(text) if _HTML_HINT_RE.search(text) else None\n", "    m = None\n",
             ("tests/test_diagnostics.py", "-k", "H401")),
)


def copy_repo(dest: Path) -> Path:
    """The tracked and untracked (not ignored) files of the repository, without .git and caches."""
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        source = ROOT / rel
        if source.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def run(copy: Path, m: Mutation) -> tuple[str, float]:
    target = copy / m.path
    original = target.read_text(encoding="utf-8")
    if m.old not in original:
        return "snippet not found", 0.0
    target.write_text(original.replace(m.old, m.new), encoding="utf-8")
    started = time.monotonic()
    try:
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *m.tests],
                                cwd=copy, capture_output=True, text=True)
    finally:
        target.write_text(original, encoding="utf-8")
    seconds = time.monotonic() - started
    if result.returncode == 1:
        return "caught", seconds
    if result.returncode == 0:
        return "SURVIVED", seconds
    return f"error (pytest exit {result.returncode})", seconds


def main(argv: list[str]) -> int:
    if argv == ["--list"]:
        print("\n".join(m.name for m in MUTATIONS))
        return 0
    chosen = [m for m in MUTATIONS if not argv or m.name in argv]
    rows = []
    with tempfile.TemporaryDirectory(prefix="gk-mutate-") as tmp:
        copy = copy_repo(Path(tmp) / "repo")
        for m in chosen:
            verdict, seconds = run(copy, m)
            rows.append((m, verdict, seconds))
            print(f"{verdict:>10}  {m.name}", file=sys.stderr, flush=True)
    print("| # | mutation | stage | file | tests run | result | s |")
    print("|---|---|---|---|---|---|---|")
    for i, (m, verdict, seconds) in enumerate(rows, 1):
        print(f"| {i} | {m.name} | {m.stage} | `{m.path}` | `{' '.join(m.tests)}` | {verdict} | {seconds:.0f} |")
    caught = sum(1 for _, v, _ in rows if v == "caught")
    print(f"\n{caught} of {len(rows)} mutations caught.")
    return 0 if caught == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
