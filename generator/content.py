"""Load + validate stages: a site project on disk -> `Content` (typed items with their positions).

A project is `site_config.yml` plus `content/<type>/*.yml`, where `<type>` is a key of
`model.CONTENT_TYPES`. A file holds one item (a mapping) or a list of items.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, error, has_errors
from .model import CONTENT_TYPES, TYPES_BY_KEY, SiteConfig
from .validation import Located, items_of, validate_node
from .yamlsource import Node, parse

CONFIG_FILE = "site_config.yml"
CONTENT_DIR = "content"
MAX_TOTAL_BYTES = 50_000_000


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

    def of(self, key: str) -> tuple[Located, ...]:
        return self.items.get(key, ())


def read_sources(root: Path) -> tuple[list[Source], list[Diagnostic]]:
    """Read every content file (bytes only; no parsing). Sorted, so output never depends on the disk."""
    diags: list[Diagnostic] = []
    sources: list[Source] = []
    config = root / CONFIG_FILE
    if not config.is_file():
        return [], [error(CONFIG_FILE, 0, 0, "Y100", f"找不到站点设置文件 {CONFIG_FILE}",
                          "请在站点目录中运行，或用 --root 指定站点目录。")]
    sources.append(Source(CONFIG_FILE, "site_config", config.read_bytes()))
    content_dir = root / CONTENT_DIR
    if not content_dir.is_dir():
        return sources, [error(CONTENT_DIR, 0, 0, "Y100", "找不到 content 目录", "请创建 content/ 并按类型放置 YAML 文件。")]
    total = 0
    for entry in sorted(content_dir.iterdir()):
        rel = f"{CONTENT_DIR}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.name not in TYPES_BY_KEY or not entry.is_dir():
            allowed = "、".join(t.key for t in CONTENT_TYPES)
            diags.append(error(rel, 0, 0, "S213", f"content 下有无法识别的“{entry.name}”",
                               f"content 下只能是这些文件夹：{allowed}"))
            continue
        for file in sorted(entry.rglob("*")):
            if file.is_dir() or file.name.startswith("."):
                continue
            frel = file.relative_to(root).as_posix()
            if file.suffix not in (".yml", ".yaml"):
                diags.append(error(frel, 0, 0, "S213", "内容文件必须以 .yml 结尾", "请改名为 .yml，或移出 content 目录。"))
                continue
            data = file.read_bytes()
            total += len(data)
            sources.append(Source(frel, entry.name, data))
    if total > MAX_TOTAL_BYTES:
        diags.append(error(CONTENT_DIR, 0, 0, "Y107", f"内容总量过大（{total} 字节）", "请检查是否误放了大文件。"))
    return sources, diags


def validate_sources(sources: list[Source]) -> tuple[Content | None, list[Diagnostic]]:
    """Parse and validate every file; collect all diagnostics; Content only if the config is valid."""
    diags: list[Diagnostic] = []
    config: Located[SiteConfig] | None = None
    items: dict[str, list[Located]] = {t.key: [] for t in CONTENT_TYPES}
    for source in sources:
        root, parse_diags = parse(source.path, source.data)
        diags.extend(parse_diags)
        if root is None or has_errors(parse_diags):
            continue  # the file's text is not trustworthy; validating it would only add noise
        if source.type_key == "site_config":
            config, found = validate_node(SiteConfig, source.path, root)
            diags.extend(found)
            continue
        model = TYPES_BY_KEY[source.type_key].model
        node: Node
        for node in items_of(root):
            located, found = validate_node(model, source.path, node)
            diags.extend(found)
            if located is not None:
                items[source.type_key].append(located)
    if config is None:
        return None, diags
    return Content(config, {k: tuple(v) for k, v in items.items()}), diags


def load_content(root: Path) -> tuple[Content | None, list[Diagnostic]]:
    sources, diags = read_sources(root)
    content, more = validate_sources(sources)
    return content, diags + more
