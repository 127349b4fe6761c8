"""Load + validate stages: a site project on disk -> `Content` (typed items with their positions).

A project is `site_config.yml` plus `content/<type>/*.yml`, where `<type>` is a key of
`model.CONTENT_TYPES`. A file holds one item (a mapping) or a list of items.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
import yaml
from pydantic import ValidationError

from .. import diagnostics
from ..diagnostics import Diagnostic, error, has_errors
from ..model import CONTENT_TYPES, TYPES_BY_KEY, SiteConfig, privacy
from ..parallel.fanout import Work, fan_out
from ..parallel.work_cache import WorkCache, code_version
from . import layers, validation, yamlerrors, yamlplain, yamlrecover, yamlsource
from . import parts as project_parts
from .parts import ANNOUNCEMENTS, PART_MODELS, PROJECTS, merge_parts, part_type
from .reader import files_below, os_problem, read_file, skipped
from .validation import Located, Reparse, items_of, validate_node
from .yamlplain import NEEDS_TREE, plain_values
from .yamlsource import MAX_FILE_BYTES, Node, decode, parse

CONFIG_FILE = "site_config.yml"
ATTACHMENT_FOLDER = "files"  # content/projects/<id>/files/: a project's attachments, not content files
CONTENT_DIR = "content"
MAX_TOTAL_BYTES = 50_000_000
SECONDS_PER_BYTE = 5e-8  # parsing and validating, measured on the synthetic project (≈ 0.05 s per MB)
STORE = "content"  # each file's check in the work cache, by key_of (16 files: an edit rewrites one or two)
SHARDS = 16


def key_of(path: str, type_key: str, data: bytes) -> str:
    """What a file's check depends on besides the code: its path (diagnostics name it), type and bytes."""
    h = hashlib.sha256(f"{path}\0{type_key}\0".encode())
    h.update(data)
    return h.hexdigest()


@dataclass(frozen=True)
class Source:
    """One YAML file read from disk: its project-relative path, type key and raw bytes."""

    path: str
    type_key: str
    data: bytes


@dataclass(frozen=True)
class Content:
    config: Located[SiteConfig]
    items: dict[str, tuple[Located, ...]]  # type key -> items in file order
    # type key -> ids of items written in a file that failed to load: a reference to one of them is not
    # "does not exist" (the file's own error already says what is wrong)
    unread: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)

    def of(self, key: str) -> tuple[Located, ...]:
        return self.items.get(key, ())


def read_sources(root: Path) -> tuple[list[Source], list[Diagnostic]]:
    """Read every content file (bytes only; no parsing; `reader.py` decides what may be read). Sorted, so
    output never depends on the disk."""
    real = root.resolve()
    if not os.path.lexists(root / CONFIG_FILE):
        return [], [error(CONFIG_FILE, 0, 0, "Y100", f"找不到站点设置文件 {CONFIG_FILE}",
                          "请在站点目录中运行，或用 --root 指定站点目录。")]
    data, diags = read_file(real, str(root / CONFIG_FILE), CONFIG_FILE, MAX_FILE_BYTES)
    if data is None:
        return [], diags
    sources = [Source(CONFIG_FILE, "site_config", data)]
    if layers.wanted(data):
        sources += [Source(*file) for file in layers.layer_files(set(TYPES_BY_KEY))]
    content_dir = root / CONTENT_DIR
    if not content_dir.is_dir() or content_dir.is_symlink():
        return sources, diags + [error(CONTENT_DIR, 0, 0, "Y100", "找不到 content 目录（它必须是站点项目里的真实目录）",
                                       "请创建 content/ 并按类型放置 YAML 文件。")]
    try:
        entries = sorted(os.scandir(content_dir), key=lambda e: e.name)
    except OSError as exc:
        return sources, diags + [os_problem(CONTENT_DIR, exc)]
    for entry in entries:
        diags += _read_type_folder(real, entry, sources)
    total = sum(len(s.data) for s in sources)
    if total > MAX_TOTAL_BYTES:
        diags.append(error(CONTENT_DIR, 0, 0, "Y107", f"内容总量过大（{total} 字节）", "请检查是否误放了大文件。"))
    return sources, diags


def _read_type_folder(root: Path, entry: os.DirEntry[str], sources: list[Source]) -> list[Diagnostic]:
    """Append the files of one `content/<type>` folder to `sources`; what could not be read, as diagnostics."""
    rel = f"{CONTENT_DIR}/{entry.name}"
    if entry.name.startswith("."):
        return [skipped(rel, "隐藏的文件或目录")]
    if entry.name in TYPES_BY_KEY and entry.is_symlink():
        return [error(rel, 0, 0, "Y112", "这是符号链接，不会读取", "内容类型目录必须是 content 下的真实目录，不能链接到别处。")]
    if entry.name not in TYPES_BY_KEY or not entry.is_dir(follow_symlinks=False):
        allowed = "、".join(t.key for t in CONTENT_TYPES)
        return [error(rel, 0, 0, "S213", "content 下有无法识别的文件或目录", f"content 下只能是这些文件夹：{allowed}")]
    files, diags = files_below(entry.path, rel)
    for parts, file in files:
        frel = "/".join((rel, *parts))
        if entry.name == "projects" and len(parts) >= 3 and parts[1] == ATTACHMENT_FOLDER:
            continue  # announcement attachments (PDF, JPG, PNG): read by load/attachments.py when named
        if not parts[-1].endswith((".yml", ".yaml")):
            diags.append(error(frel, 0, 0, "S213", "内容文件必须以 .yml 结尾", "请改名为 .yml，或移出 content 目录。"))
            continue
        data, problems = read_file(root, file, frel, MAX_FILE_BYTES)
        diags += problems
        if data is not None:
            sources.append(Source(frel, part_type(entry.name, parts), data))
    return diags


@dataclass(frozen=True)
class Checked:
    """One file parsed and validated: its valid items (place among the file's items, model) and its
    diagnostics. A function of the file's path, type and bytes only, so it is kept between runs."""

    items: tuple[tuple[int, Any], ...]
    diags: tuple[Diagnostic, ...]


def _model_of(type_key: str) -> Any:
    if type_key == "site_config":
        return SiteConfig
    return PART_MODELS[type_key] if type_key in PART_MODELS else TYPES_BY_KEY[type_key].model


def check_source(source: Source) -> Checked:
    return _check_plain(source) or _check_tree(source)


def _check_plain(source: Source) -> Checked | None:
    """The fast path: plain values, no positions; None when anything needs reporting (the tree's path
    then finds it, at its line)."""
    text, decode_diags = decode(source.path, source.data)
    value = plain_values(text) if text is not None else NEEDS_TREE
    config = source.type_key == "site_config"
    values = [value] if config or type(value) is dict else value if type(value) is list else [NEEDS_TREE]
    model = _model_of(source.type_key)
    items = []
    for index, item in enumerate(values):
        if type(item) is not dict:
            return None
        try:
            items.append((index, model.model_validate(item)))
        except ValidationError:
            return None
    return Checked(tuple(items), tuple(decode_diags))


def _check_tree(source: Source) -> Checked:
    root, parse_diags = parse(source.path, source.data)
    blanked: frozenset[int] = frozenset()
    if root is None or has_errors(parse_diags):
        recovered = yamlrecover.recover(source.path, source.data, parse_diags)
        if recovered is None:
            return Checked((), tuple(parse_diags))  # the text is not trustworthy; validating it would add noise
        root, blanked = recovered.root, recovered.blanked
    config = source.type_key == "site_config"
    model = _model_of(source.type_key)
    diags, items = list(parse_diags), []
    node: Node
    for index, node in enumerate([root] if config else items_of(root)):
        located, found = validate_node(model, source.path, node)
        if blanked:  # fields on the broken lines are missing: saying so would only repeat the Y101
            found = [d for d in found if d.code not in ("S202", "S203") and d.line not in blanked]
        diags.extend(found)
        if located is not None:
            items.append((index, located.item))
    return Checked(tuple(items), tuple(diags))


def check_sources(sources: list[Source]) -> list[Checked]:
    return [check_source(source) for source in sources]


def check_files(files: list[tuple[str, str, str]]) -> list[tuple[str, Checked | None]]:
    """Fan-out task, given names rather than bytes: (file on disk, project path, type key) -> (key of the
    bytes read, the checked file); the caller checks again any file whose key is not the one it read."""
    answers: list[tuple[str, Checked | None]] = []
    for file, path, type_key in files:
        data, _ = read_file(Path(file).parent.resolve(), file, path, MAX_FILE_BYTES)  # the caller checked where it leads
        if data is None:
            answers.append(("", None))
            continue
        answers.append((key_of(path, type_key, data), check_source(Source(path, type_key, data))))
    return answers


def content_from(sources: list[Source], checked: list[Checked]) -> tuple[Content | None, list[Diagnostic]]:
    """The checked files, in order, as Content; None if the site settings are not valid."""
    diags: list[Diagnostic] = []
    config: Located[SiteConfig] | None = None
    items: dict[str, list[Located]] = {key: [] for key in [*(t.key for t in CONTENT_TYPES), *PART_MODELS]}
    unread: dict[str, set[str]] = {}
    for source, result in zip(sources, checked, strict=True):
        diags.extend(result.diags)
        if has_errors(list(result.diags)):
            unread.setdefault(source.type_key, set()).update(_unread_ids(source, result))
        if not result.items:
            continue
        tree = Reparse(source.path, source.data)
        for index, item in result.items:
            located = Located(item, source.path, functools.partial(tree.item, index))
            if source.type_key == "site_config":
                config = located
            else:
                items[source.type_key].append(located)
    if config is None:
        return None, diags
    layers.drop_overridden(items)
    layers.apply_reviews(items, config.item.national_reviews)
    diags += merge_parts(items[PROJECTS], items.pop(ANNOUNCEMENTS), unread.get(PROJECTS, set()))
    return Content(config, {k: tuple(v) for k, v in items.items()},
                   {k: frozenset(v) for k, v in unread.items() if v}), diags


_ITEM_ID = re.compile(r"""^(?:-[ ]+)?id:[ ]*["']?([A-Za-z0-9][A-Za-z0-9_.-]*)""", re.MULTILINE)


def _unread_ids(source: Source, result: Checked) -> set[str]:
    """The ids a file with errors names at the top level of its items, less those that loaded anyway (and
    for a project file, its file name: its announcement files' folder)."""
    text = source.data.decode("utf-8", "replace")
    ids = set(_ITEM_ID.findall(text))
    if source.type_key == PROJECTS and source.path.count("/") == 2:
        ids.add(source.path.rsplit("/", 1)[1].rsplit(".", 1)[0])
    return ids - {str(getattr(item, "id", "")) for _, item in result.items}


def validate_sources(sources: list[Source]) -> tuple[Content | None, list[Diagnostic]]:
    """Parse and validate every file; collect all diagnostics; Content only if the config is valid."""
    return content_from(sources, check_sources(sources))


def load_content(root: Path, cache: Path | None = None,
                 jobs: int | None = None) -> tuple[Content | None, list[Diagnostic]]:
    """Read, parse and validate a project. With `cache` (a folder in the work folder), files checked
    before are taken from it; the others are checked on every core (`jobs`, default all)."""
    with gc_paused():
        sources, diags = read_sources(root)
        store = WorkCache(cache, STORE, store_version(), shards=SHARDS)
        keys = [key_of(s.path, s.type_key, s.data) for s in sources]
        checked = [store.get(key) for key in keys]
        missing = [i for i, found in enumerate(checked) if found is None]
        files = [(str(layers.on_disk(root, sources[i].path)), sources[i].path, sources[i].type_key) for i in missing]
        answers = fan_out("generator.load.content:check_files", files, jobs, work=Work.WRITES_NOTHING,
                          weights=[len(sources[i].data) for i in missing], seconds_per_weight=SECONDS_PER_BYTE)
        for i, (key, result) in zip(missing, answers, strict=True):
            if key != keys[i] or result is None:  # the file changed on disk since it was read here
                result = check_source(sources[i])
            checked[i] = result
            store.put(keys[i], result)
        store.save()
        content, more = content_from(sources, checked)  # type: ignore[arg-type]
    return content, diags + more


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Loading allocates millions of objects and frees few: the collector, run on every few hundred
    allocations, would walk the growing heap again and again (a third of the load's time) for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def store_version() -> str:
    """The code and library versions a checked file depends on."""
    model_dir = Path(__file__).resolve().parent.parent / "model"
    model_code = "".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(model_dir.glob("*.py")))
    libraries = f"{yaml.__version__}|{yaml.__with_libyaml__}|{pydantic.VERSION}|{pydantic_core.__version__}"
    return code_version(sys.modules[__name__], yamlsource, yamlerrors, yamlplain, yamlrecover, validation, project_parts, privacy, diagnostics,
                        extra=f"{libraries}|{model_code}")
