"""Reading inputs (files, directories, JSON/JSONL, stdin) into RawArticles; the only I/O of ingest.

Bad input never raises: it becomes a `Rejection(source, reason)` with a one-line reason.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from redlines import settings
from redlines.errors import UsageError

TEXT_EXTS = (".txt", ".text")
HTML_EXTS = (".html", ".htm")
JSON_EXTS = (".json", ".jsonl", ".ndjson")
META_FIELDS = ("url", "title", "outlet", "published")


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input article before cleaning: text or HTML plus metadata; `given` names user-given fields."""

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    given: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read, with a one-line reason."""

    source: str
    reason: str


def parse_date(value: object) -> date:
    """A user-given publication date (YYYY-MM-DD, ISO datetime, or a plain date phrase) -> date."""
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        raise UsageError("empty date")
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise UsageError(f"cannot read date {text!r} (use YYYY-MM-DD)")
    return parsed.date()


def decode_bytes(data: bytes) -> str | None:
    """UTF-8 first, then charset-normalizer's best guess; None when the bytes are not text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if _control_ratio(text) > 0.05:
        return None
    return text


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and ctrl / len(head) > 0.1


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text[:8192] if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)
    return bad / min(len(text), 8192)


def read_inputs(paths: list[str], overrides: dict) -> Iterator[RawArticle | Rejection]:
    """Yield one RawArticle per readable article and a Rejection per unreadable input."""
    overrides = {k: v for k, v in (overrides or {}).items() if k in META_FIELDS and v not in (None, "")}
    if "published" in overrides:
        overrides["published"] = parse_date(overrides["published"])
    for p in paths:
        if p == "-":
            yield from _read_stdin(overrides)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not _hidden(f, path))
            if not files:
                yield Rejection(p, "empty directory")
            for f in files:
                yield from _read_file(f, overrides)
        elif path.is_file():
            yield from _read_file(path, overrides)
        else:
            yield Rejection(p, "no such file or directory")


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def _read_stdin(overrides: dict) -> Iterator[RawArticle | Rejection]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    text, reason = _decode_checked(data)
    if text is None:
        yield Rejection("<stdin>", reason)
        return
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        yield from _read_json_text(text, "<stdin>", overrides)
    elif stripped[:1] == "<":
        yield _article("<stdin>", {"html": text}, overrides)
    else:
        yield _article("<stdin>", {"text": text}, overrides)


def _decode_checked(data: bytes) -> tuple[str | None, str]:
    limit = int(settings.get("max_bytes"))  # type: ignore[arg-type]
    if not data.strip():
        return None, "empty input"
    if len(data) > limit:
        return None, f"too large ({len(data)} bytes > limit {limit}; set REDLINES_MAX_BYTES)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        try:
            return data.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n"), ""
        except UnicodeDecodeError:
            return None, "undecodable bytes (bad UTF-16)"
    if looks_binary(data):
        return None, "binary content, not text"
    text = decode_bytes(data)
    if text is None:
        return None, "undecodable bytes (not UTF-8 and no reliable encoding found)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), ""


def _read_file(path: Path, overrides: dict) -> Iterator[RawArticle | Rejection]:
    src = str(path)
    ext = path.suffix.lower()
    if ext not in TEXT_EXTS + HTML_EXTS + JSON_EXTS:
        yield Rejection(src, f"unsupported file type {ext or '(none)'!r} (use .txt, .html, .json, .jsonl)")
        return
    try:
        size = path.stat().st_size
        limit = int(settings.get("max_bytes"))  # type: ignore[arg-type]
        if size > limit:
            yield Rejection(src, f"too large ({size} bytes > limit {limit}; set REDLINES_MAX_BYTES)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(src, f"cannot read file: {exc.strerror or exc}")
        return
    text, reason = _decode_checked(data)
    if text is None:
        yield Rejection(src, reason)
        return
    if ext in JSON_EXTS:
        yield from _read_json_text(text, src, overrides, jsonl=ext != ".json")
    elif looks_html(text) or (ext in HTML_EXTS and re.search(r"<[a-zA-Z!/]", text)):
        yield _article(src, {"html": text}, overrides)
    else:
        yield _article(src, {"text": text}, overrides)


def looks_html(text: str) -> bool:
    """A page of markup (doctype, <html>, or several block tags), whatever the file is called."""
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return (
        len(re.findall(r"<(p|div|article|body|head|br|h[1-6]|span|a)[\s>/]", text[:20000], re.IGNORECASE))
        >= 3
    )


def _read_json_text(
    text: str, src: str, overrides: dict, jsonl: bool | None = None
) -> Iterator[RawArticle | Rejection]:
    """A JSON object or list, or JSON Lines; a malformed line rejects that line only."""
    if jsonl is None or not jsonl:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            if jsonl is None:
                obj = None
            else:
                yield Rejection(src, f"malformed JSON: {exc.msg} at line {exc.lineno}")
                return
        if obj is not None:
            items = obj if isinstance(obj, list) else [obj]
            for i, item in enumerate(items, 1):
                yield _json_item(item, f"{src}#{i}" if len(items) > 1 else src, overrides)
            return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(f"{src}:{lineno}", f"malformed JSON line: {exc.msg}")
            continue
        yield _json_item(item, f"{src}:{lineno}", overrides)


def _json_item(item: object, src: str, overrides: dict) -> RawArticle | Rejection:
    if not isinstance(item, dict):
        return Rejection(src, "JSON item is not an object")
    body = {k: item.get(k) for k in ("text", "html") if isinstance(item.get(k), str) and item.get(k).strip()}
    if not body:
        return Rejection(src, "JSON object has no non-empty 'text' or 'html'")
    meta: dict = {}
    for k in META_FIELDS:
        v = item.get(k)
        if v in (None, ""):
            continue
        if k == "published":
            try:
                v = parse_date(v)
            except UsageError as exc:
                return Rejection(src, f"bad 'published' value: {exc.message}")
        elif not isinstance(v, str):
            return Rejection(src, f"bad {k!r} value (expected a string)")
        meta[k] = v
    return _article(src, {**body, **meta}, overrides, given=set(meta))


def _article(src: str, fields: dict, overrides: dict, given: set[str] | None = None) -> RawArticle:
    merged = {**fields, **overrides}
    return RawArticle(
        source=src,
        text=merged.get("text"),
        html=merged.get("html"),
        url=merged.get("url"),
        title=merged.get("title"),
        outlet=merged.get("outlet"),
        published=merged.get("published"),
        given=frozenset((given or set()) | set(overrides)),
    )
