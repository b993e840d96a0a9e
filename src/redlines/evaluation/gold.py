"""Load and validate a gold set (docs/gold-format.md): one YAML file per article plus `asof.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from redlines.errors import UsageError
from redlines.model import Modality, PublishedHow, StatementType, WeaponRef, Zone

GOLD_VERSION = 1
ASOF_FILE = "asof.yaml"
NOTE_KEYS = frozenset({"note", "notes", "comment"})
DOC_KEYS = frozenset({"file", "text", "html", "given", "published", "published_how", "outlet",
                      "title_contains", "name"}) | NOTE_KEYS
TOP_KEYS = frozenset({"version", "document", "cleaning", "entities", "dates", "statements"}) | NOTE_KEYS
CLEANING_KEYS = frozenset({"must_keep", "must_remove"}) | NOTE_KEYS
ENTITY_KEYS = frozenset({"text", "canonical", "label", "role", "state", "nth"}) | NOTE_KEYS
DATE_KEYS = frozenset({"text", "start", "end", "precision", "nth"}) | NOTE_KEYS
TEXT_FIELDS = ("actor", "recipient", "action", "target_type", "speaker", "addressee", "place")
CONTAINS_FIELDS = ("quote", "topic")
STATEMENT_KEYS = frozenset({"type", "sentence", "weapon", "zones", "polarity", "modality", "valid",
                            "quantity", "money", *TEXT_FIELDS, *CONTAINS_FIELDS}) | NOTE_KEYS
ASOF_KEYS = frozenset({"donor", "weapon", "zone", "date", "status"}) | NOTE_KEYS
STATUSES = ("permitted", "restricted", "not_supplied", "contested", "unknown")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    text: str
    canonical: str | None = None
    label: str | None = None
    role: str | None = None
    state: str | None = None
    nth: int = 1


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    nth: int = 1


@dataclass(frozen=True, slots=True)
class GoldStatement:
    """Expected statement: `fields` holds only what the annotator wrote (what is not written is not scored)."""

    type: str
    sentence: str | None
    fields: dict[str, Any]
    index: int = 0


@dataclass(slots=True)
class GoldDoc:
    """One gold article: where its input is, and what each stage should produce."""

    path: Path
    name: str
    input_path: Path | None = None
    text: str | None = None
    html: str | None = None
    given: dict[str, Any] = field(default_factory=dict)
    published: tuple[date, date] | None = None
    published_how: str | None = None
    outlet: str | None = None
    title_contains: str | None = None
    must_keep: list[str] = field(default_factory=list)
    must_remove: list[str] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    statements: list[GoldStatement] = field(default_factory=list)
    annotated_types: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class AsofQuestion:
    donor: str
    weapon: str
    zone: str
    date: date
    status: str


@dataclass(slots=True)
class GoldSet:
    root: Path
    docs: list[GoldDoc]
    questions: list[AsofQuestion]


class _GoldLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so a bad date is reported with its key."""


_GoldLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_GoldLoader)  # noqa: S506 - a SafeLoader subclass


class _Ctx:
    """Error context: the file and the key path, so every message names both."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, reason: str) -> UsageError:
        return UsageError(f"malformed gold file {self.path}: {key}: {reason}", code="E210")


def _mapping(ctx: _Ctx, value: Any, key: str, allowed: frozenset[str]) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ctx.fail(key, f"expected a mapping, got {type(value).__name__}")
    unknown = sorted(str(k) for k in value if k not in allowed)
    if unknown:
        raise ctx.fail(f"{key}.{unknown[0]}" if key else unknown[0], "unknown key")
    return value


def _list(ctx: _Ctx, value: Any, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ctx.fail(key, f"expected a list, got {type(value).__name__}")
    return value


def _str(ctx: _Ctx, value: Any, key: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise ctx.fail(key, "missing")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ctx.fail(key, f"expected text, got {type(value).__name__}")
    text = str(value)
    if required and not text.strip():
        raise ctx.fail(key, "empty")
    return text


def _date(ctx: _Ctx, value: Any, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ctx.fail(key, f"expected a date YYYY-MM-DD, got {value!r}")


def _enum(ctx: _Ctx, value: Any, key: str, allowed: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    text = str(value)
    if text not in allowed:
        raise ctx.fail(key, f"{text!r} is not one of {', '.join(allowed)}")
    return text


def _int(ctx: _Ctx, value: Any, key: str, default: int | None = None) -> int | None:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise ctx.fail(key, f"expected an integer, got {value!r}")
    return value


def _published(ctx: _Ctx, value: Any) -> tuple[date, date] | None:
    if value is None:
        return None
    if isinstance(value, list):
        if len(value) != 2:
            raise ctx.fail("document.published", "a range is a list of two dates")
        lo, hi = _date(ctx, value[0], "document.published[0]"), _date(ctx, value[1], "document.published[1]")
        if lo is None or hi is None or lo > hi:
            raise ctx.fail("document.published", "range must be [earliest, latest]")
        return lo, hi
    day = _date(ctx, value, "document.published")
    return (day, day) if day else None


def _weapon(ctx: _Ctx, value: Any, key: str) -> WeaponRef:
    if isinstance(value, str) and value.strip():
        return WeaponRef("system", value.strip())
    if isinstance(value, dict):
        _mapping(ctx, value, key, frozenset({"kind", "id"}))
        kind = _enum(ctx, value.get("kind", "system"), f"{key}.kind", ("system", "class", "origin", "any"))
        wid = _str(ctx, value.get("id"), f"{key}.id", required=True)
        return WeaponRef(kind or "system", wid or "")
    raise ctx.fail(key, "expected a system id or {kind, id}")


def _statement(ctx: _Ctx, raw: Any, i: int) -> GoldStatement:
    key = f"statements[{i}]"
    data = _mapping(ctx, raw, key, STATEMENT_KEYS)
    stype = _enum(ctx, data.get("type"), f"{key}.type", tuple(t.value for t in StatementType))
    if stype is None:
        raise ctx.fail(f"{key}.type", "missing")
    fields: dict[str, Any] = {}
    for name in TEXT_FIELDS + CONTAINS_FIELDS:
        if name in data:
            fields[name] = _str(ctx, data[name], f"{key}.{name}", required=True)
    if "weapon" in data:
        fields["weapon"] = _weapon(ctx, data["weapon"], f"{key}.weapon")
    if "zones" in data:
        zones = data["zones"] if isinstance(data["zones"], list) else [data["zones"]]
        fields["zones"] = frozenset(
            _enum(ctx, z, f"{key}.zones", tuple(z.value for z in Zone)) for z in zones)
    if "polarity" in data:
        if not isinstance(data["polarity"], bool):
            raise ctx.fail(f"{key}.polarity", "expected true or false")
        fields["polarity"] = data["polarity"]
    if "modality" in data:
        fields["modality"] = _enum(ctx, data["modality"], f"{key}.modality", tuple(m.value for m in Modality))
    if "valid" in data:
        v = _mapping(ctx, data["valid"], f"{key}.valid", frozenset({"start", "end"}))
        lo, hi = _date(ctx, v.get("start"), f"{key}.valid.start"), _date(ctx, v.get("end"), f"{key}.valid.end")
        if lo is None and hi is None:
            raise ctx.fail(f"{key}.valid", "needs start or end")
        if lo and hi and lo > hi:
            raise ctx.fail(f"{key}.valid", "start after end")
        fields["valid"] = (lo, hi)
    if "quantity" in data:
        fields["quantity"] = _int(ctx, data["quantity"], f"{key}.quantity")
    if "money" in data:
        m = _mapping(ctx, data["money"], f"{key}.money", frozenset({"amount", "currency"}))
        amount = m.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            raise ctx.fail(f"{key}.money.amount", f"expected a number, got {amount!r}")
        currency = _str(ctx, m.get("currency"), f"{key}.money.currency", required=True)
        fields["money"] = (float(amount), (currency or "").upper())
    sentence = _str(ctx, data.get("sentence"), f"{key}.sentence")
    return GoldStatement(stype, sentence, fields, i)


def load_gold_file(path: str | Path) -> GoldDoc:
    """Parse and validate one article's gold file; UsageError names the file and the key."""
    path = Path(path)
    ctx = _Ctx(path)
    try:
        raw = _read_yaml(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "yaml"
        raise ctx.fail(where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ctx.fail("file", f"cannot read ({exc})") from None
    data = _mapping(ctx, raw, "", TOP_KEYS)
    if not data:
        raise ctx.fail("document", "empty gold file")
    version = data.get("version", GOLD_VERSION)
    if version != GOLD_VERSION:
        raise ctx.fail("version", f"unsupported version {version!r} (expected {GOLD_VERSION})")
    d = _mapping(ctx, data.get("document"), "document", DOC_KEYS)
    sources = [k for k in ("file", "text", "html") if d.get(k) is not None]
    if len(sources) != 1:
        raise ctx.fail("document", "needs exactly one of file, text, html")
    doc = GoldDoc(path=path, name=_str(ctx, d.get("name"), "document.name") or path.stem)
    if "file" in sources:
        rel = _str(ctx, d["file"], "document.file", required=True) or ""
        doc.input_path = (path.parent / rel).resolve()
        if not doc.input_path.is_file():
            raise ctx.fail("document.file", f"no such file {doc.input_path}")
    doc.text = _str(ctx, d.get("text"), "document.text")
    doc.html = _str(ctx, d.get("html"), "document.html")
    given = d.get("given") or {}
    if not isinstance(given, dict):
        raise ctx.fail("document.given", "expected a mapping")
    doc.given = {str(k): (v.isoformat() if isinstance(v, date) else v) for k, v in given.items()}
    doc.published = _published(ctx, d.get("published"))
    doc.published_how = _enum(ctx, d.get("published_how"), "document.published_how",
                              tuple(h.value for h in PublishedHow))
    doc.outlet = _str(ctx, d.get("outlet"), "document.outlet")
    doc.title_contains = _str(ctx, d.get("title_contains"), "document.title_contains")
    c = _mapping(ctx, data.get("cleaning"), "cleaning", CLEANING_KEYS)
    doc.must_keep = [_str(ctx, s, "cleaning.must_keep", required=True) or ""
                     for s in _list(ctx, c.get("must_keep"), "cleaning.must_keep")]
    doc.must_remove = [_str(ctx, s, "cleaning.must_remove", required=True) or ""
                       for s in _list(ctx, c.get("must_remove"), "cleaning.must_remove")]
    for i, e in enumerate(_list(ctx, data.get("entities"), "entities")):
        e = _mapping(ctx, e, f"entities[{i}]", ENTITY_KEYS)
        doc.entities.append(GoldEntity(
            text=_str(ctx, e.get("text"), f"entities[{i}].text", required=True) or "",
            canonical=_str(ctx, e.get("canonical"), f"entities[{i}].canonical"),
            label=_str(ctx, e.get("label"), f"entities[{i}].label"),
            role=_str(ctx, e.get("role"), f"entities[{i}].role"),
            state=_str(ctx, e.get("state"), f"entities[{i}].state"),
            nth=_int(ctx, e.get("nth"), f"entities[{i}].nth", 1) or 1,
        ))
    for i, t in enumerate(_list(ctx, data.get("dates"), "dates")):
        t = _mapping(ctx, t, f"dates[{i}]", DATE_KEYS)
        gd = GoldDate(
            text=_str(ctx, t.get("text"), f"dates[{i}].text", required=True) or "",
            start=_date(ctx, t.get("start"), f"dates[{i}].start"),
            end=_date(ctx, t.get("end"), f"dates[{i}].end"),
            precision=_str(ctx, t.get("precision"), f"dates[{i}].precision"),
            nth=_int(ctx, t.get("nth"), f"dates[{i}].nth", 1) or 1,
        )
        if gd.start is None and gd.end is None:
            raise ctx.fail(f"dates[{i}]", "needs start or end")
        doc.dates.append(gd)
    doc.statements = [_statement(ctx, s, i) for i, s in enumerate(_list(ctx, data.get("statements"), "statements"))]
    doc.annotated_types = frozenset(s.type for s in doc.statements)
    return doc


def load_asof(path: str | Path) -> list[AsofQuestion]:
    """Parse and validate `asof.yaml`."""
    path = Path(path)
    ctx = _Ctx(path)
    try:
        raw = _read_yaml(path)
    except yaml.YAMLError as exc:
        raise ctx.fail("yaml", f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ctx.fail("file", f"cannot read ({exc})") from None
    data = _mapping(ctx, raw, "", frozenset({"version", "questions"}) | NOTE_KEYS)
    out = []
    for i, q in enumerate(_list(ctx, data.get("questions"), "questions")):
        key = f"questions[{i}]"
        q = _mapping(ctx, q, key, ASOF_KEYS)
        day = _date(ctx, q.get("date"), f"{key}.date")
        if day is None:
            raise ctx.fail(f"{key}.date", "missing")
        out.append(AsofQuestion(
            donor=_str(ctx, q.get("donor"), f"{key}.donor", required=True) or "",
            weapon=_str(ctx, q.get("weapon"), f"{key}.weapon", required=True) or "",
            zone=_enum(ctx, q.get("zone"), f"{key}.zone", tuple(z.value for z in Zone)) or "",
            date=day,
            status=_enum(ctx, q.get("status"), f"{key}.status", STATUSES) or "",
        ))
    return out


def load_gold_dir(root: str | Path) -> GoldSet:
    """Every `*.yaml` of a directory (sorted) except `asof.yaml`, plus the as-of questions."""
    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"gold directory not found: {root}")
    files = sorted(p for p in root.glob("*.y*ml") if p.name not in (ASOF_FILE, "asof.yml"))
    if not files:
        raise UsageError(f"no gold *.yaml files in {root}")
    docs = [load_gold_file(p) for p in files]
    asof = next((root / n for n in (ASOF_FILE, "asof.yml") if (root / n).is_file()), None)
    return GoldSet(root, docs, load_asof(asof) if asof else [])
