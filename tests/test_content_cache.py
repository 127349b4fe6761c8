"""Analyse keeps each file's parse+validate result in the work folder: a warm run reports exactly what
a cold one does (codes, files, lines, columns, messages), re-checks only the files that changed, and
writes nothing outside the work folder. Missing files are checked on several cores through pipes."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project
from test_diagnostics import CASES, make_project

from generator import pipeline
from generator.load import content
from generator.load.content import SHARDS, STORE, key_of
from generator.parallel import fanout
from generator.parallel.work_cache import WorkCache

BROKEN = {  # several stages' diagnostics at once: load, schema, references, plain language
    "content/faq/dup.yml": "id: dup\nquestion: 重复的键？\nquestion: 又一次？\n",
    "content/faq/unknown.yml": "id: unknown-field\nquestion: 问？\nanswr: 拼错的字段\ntopic: 其他\nupdated: 2025-01-01\n",
    "content/faq/more.yml": ("- id: long-one\n  question: 很长的问题？\n  answer: " + "这是一句非常长的话" * 12 + "。\n"
                             "  topic: 其他\n  basis: [{document: no-such-document}]\n  updated: 2025-01-01\n"
                             "- id: bad-date\n  question: 日期？\n  answer: 好。\n  topic: 其他\n  updated: 2025-13-01\n"),
}


def cache_of(project: Path) -> Path:
    return project / pipeline.WORK_DIR / pipeline.CACHE_DIR


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every file parsed and validated (the fan-out finds the task by name, so this counts it)."""
    checked: list[str] = []
    real = content.check_source

    def check_source(source: content.Source) -> content.Checked:
        checked.append(source.path)
        return real(source)

    monkeypatch.setattr(content, "check_source", check_source)
    return checked


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    for rel, text in BROKEN.items():
        (project / rel).write_text(text, encoding="utf-8")
    return project


def test_a_warm_check_reports_exactly_what_a_cold_one_does_and_checks_no_file(broken: Path, counting: list[str]):
    cold = pipeline.check(broken)
    assert {"Y102", "S201", "R303", "S204", "D951"} <= {d.code for d in cold}
    assert len(counting) == len(list((broken / "content").rglob("*.yml"))) + 1
    counting.clear()
    warm = pipeline.check(broken)
    assert counting == []
    assert warm == cold and [d.format() for d in warm] == [d.format() for d in cold]


def test_after_one_edit_only_that_file_is_checked_again(broken: Path, tmp_path: Path, counting: list[str]):
    pipeline.check(broken)
    edited = broken / "content/faq/unknown.yml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("answr", "answer2"), encoding="utf-8")
    counting.clear()
    warm = pipeline.check(broken)
    assert counting == ["content/faq/unknown.yml"]
    fresh = copy_project(broken, tmp_path / "fresh")  # the same files, no cache
    assert warm == pipeline.check(fresh)
    assert any("answer2" in d.message for d in warm)


def test_items_from_the_cache_point_at_the_same_lines(tmp_path: Path):
    project = copy_project(FIXTURES / "mini", tmp_path / "project")
    cold, _ = pipeline.analyse(project)
    warm, _ = pipeline.analyse(project)
    assert cold is not None and warm is not None
    assert cold.located.keys() == warm.located.keys() and cold.located
    for key, located in cold.located.items():
        again = warm.located[key]
        assert again.item == located.item and again.node == located.node
        assert again.pos("id") == located.pos("id") and again.pos("id").line > 0


def test_every_load_schema_and_reference_fixture_reports_the_same_when_warm(tmp_path: Path):
    for case in sorted(p.name for p in CASES.iterdir() if p.name[0] in "YSHR"):
        project = make_project(case, tmp_path / case)
        production = (CASES / case / "PRODUCTION").exists()
        cold = pipeline.check(project, production=production)
        assert case in {d.code for d in cold}
        assert pipeline.check(project, production=production) == cold, case


def test_check_writes_nothing_outside_the_work_folder(broken: Path):
    before = files_of(broken)
    pipeline.check(broken)
    after = files_of(broken)
    new = sorted(set(after) - set(before))
    assert new and all(name.startswith(f"{pipeline.WORK_DIR}/{pipeline.CACHE_DIR}/content/") for name in new)
    assert {name: after[name] for name in before} == before


def test_a_damaged_shard_or_an_unwritable_work_folder_only_costs_time(broken: Path, counting: list[str]):
    cold = pipeline.check(broken)
    shards = sorted((cache_of(broken) / "content").glob("*.pickle"))
    assert 0 < len(shards) <= SHARDS
    shards[0].write_bytes(b"not a pickle")
    counting.clear()
    assert pipeline.check(broken) == cold
    assert 0 < len(counting) < len(list((broken / "content").rglob("*.yml")))
    shutil.rmtree(broken / pipeline.WORK_DIR)
    (broken / pipeline.WORK_DIR).write_text("a file where the work folder should be", encoding="utf-8")
    assert pipeline.check(broken) == cold


def test_a_new_code_version_empties_the_store(tmp_path: Path):
    store = WorkCache(tmp_path, STORE, "v1", SHARDS)
    key = key_of("content/faq/a.yml", "faq", b"id: a\n")
    store.put(key, "checked")
    store.save()
    assert WorkCache(tmp_path, STORE, "v1", SHARDS).get(key) == "checked"
    assert WorkCache(tmp_path, STORE, "v2", SHARDS).get(key) is None
    assert key != key_of("content/faq/b.yml", "faq", b"id: a\n"), "diagnostics name the file: so does the key"
    data = pickle.loads((tmp_path / "content" / f"{key[0]}.pickle").read_bytes())
    assert data == {"version": "v1", "entries": {key: "checked"}}
    emptied = WorkCache(tmp_path, STORE, "v1", SHARDS)
    emptied.save()  # this run used nothing: the shard goes
    assert not (tmp_path / "content" / f"{key[0]}.pickle").exists()


def test_shares_give_this_process_more_and_workers_only_when_they_pay():
    assert fanout.shares([1.0] * 100, 0.001, 2) == [(0, 100)]  # 0.1 s of work: not worth a worker
    parts = fanout.shares([1.0] * 100, 0.02, 2)  # 2 s: one worker, which starts late
    assert len(parts) == 2 and parts[0] == (0, parts[1][0]) and parts[1][1] == 100
    assert parts[0][1] - parts[0][0] > parts[1][1] - parts[1][0]
    assert fanout.shares([1.0] * 100, 0.02, 1) == [(0, 100)]
    assert fanout.shares([], 1.0, 4) == [(0, 0)]


def test_content_checked_by_a_worker_equals_content_checked_here(broken: Path, monkeypatch: pytest.MonkeyPatch):
    alone, alone_diags = content.load_content(broken, jobs=1)
    monkeypatch.setattr(content, "SECONDS_PER_BYTE", 1.0)  # every file weighs seconds: a worker pays
    spawned: list[object] = []
    real_popen = fanout.subprocess.Popen

    def popen(*args: object, **kwargs: object) -> object:
        spawned.append(args)
        return real_popen(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(fanout.subprocess, "Popen", popen)
    shared, shared_diags = content.load_content(broken, jobs=2)
    assert len(spawned) == 1
    assert alone is not None and shared is not None
    assert shared_diags == alone_diags
    for key in alone.items:
        assert [(x.path, x.item, x.node) for x in shared.of(key)] == [(x.path, x.item, x.node) for x in alone.of(key)]


def test_a_file_changed_while_a_worker_read_it_is_checked_again_here(broken: Path, monkeypatch: pytest.MonkeyPatch):
    expected = content.load_content(broken)

    def stale(task: str, items: list[tuple[str, str, str]], *args: object, **kwargs: object) -> list[object]:
        return [("0" * 64, content.Checked((), ())) for _ in items]  # keys of other bytes

    monkeypatch.setattr(content, "fan_out", stale)
    assert content.load_content(broken) == expected


def test_a_worker_that_dies_has_its_share_done_here(monkeypatch: pytest.MonkeyPatch):
    sources, _ = content.read_sources(FIXTURES / "mini")
    files = [(str(FIXTURES / "mini" / s.path), s.path, s.type_key) for s in sources]
    monkeypatch.setattr(fanout.sys, "executable", "/bin/false")  # every worker exits at once, status 1
    answers = fanout.fan_out("generator.load.content:check_files", files, 2, work=fanout.Work.WRITES_NOTHING,
                             weights=[1.0] * len(files), seconds_per_weight=1.0)
    assert answers == content.check_files(files)
    assert [key for key, _ in answers] == [key_of(s.path, s.type_key, s.data) for s in sources]
