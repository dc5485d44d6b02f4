"""Load, validate, anchor and cross-check a whole archive folder.

One call, :func:`load_archive`, reads every file, collects *every* problem (not
only the first) and returns the archive only when there are no errors. It never
touches an engine: the MkDocs adapter and the command line both call it.
"""
from __future__ import annotations

import calendar
import gc
import hashlib
import multiprocessing
import os
import re
from dataclasses import dataclass
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable

from . import anchor as anchoring
from . import schemacheck
from .credibility import RUBRIC_BY_ID, shared_origins
from .ids import RESERVED, is_id
from .lexicon import load_lexicon
from .markup import nesting_problem
from .paths import outside_folder
from .model import Archive, Article, Briefing, Claim, Entity, Figure, Relation, Source, Warning
from .problems import Problem, did_you_mean
from .seeds import SeedError, canonical_text
from .yamlload import Positions, load_yaml

DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MAX_SEED_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class ArchiveConfig:
    """Where an archive lives. Paths are absolute; messages name files relative to ``root``."""

    root: Path
    seeds_dir: Path
    briefings_dir: Path
    max_yaml_bytes: int = 1_048_576
    lexicon: str = "phia"   # a built-in lexicon's name, or a YAML file's path relative to root
    publish_text: str = "full"   # "full" article text, or "excerpts" (annotated passages only)
    max_seed_bytes: int = MAX_SEED_BYTES
    check_pins: bool = True      # False only while `briefings pin` records new hashes
    reuse: bool = False          # keep each file's result for the next load (a long-running preview)

    @classmethod
    def at(cls, root: Path | str, seeds_dir: str = "seeds", briefings_dir: str = "briefings",
           max_yaml_bytes: int = 1_048_576, lexicon: str = "phia", publish_text: str = "full",
           max_seed_bytes: int = MAX_SEED_BYTES) -> "ArchiveConfig":
        """Resolve the plugin's relative settings against the folder of ``mkdocs.yml``."""
        root = Path(root).resolve()
        return cls(root, (root / seeds_dir).resolve(), (root / briefings_dir).resolve(), max_yaml_bytes, lexicon,
                   publish_text, max_seed_bytes)

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class _Doc:
    """One loaded YAML file with what is needed to point at its lines."""

    id: str
    path: str
    data: dict
    positions: Positions

    def problem(self, where: tuple, message: str, severity: str = "error") -> Problem:
        line, col = self.positions.of_value(where)
        return Problem(self.path, line, col, severity, message)  # type: ignore[arg-type]


Progress = Callable[[int, int], None]


def load_archive(config: ArchiveConfig, progress: Progress | None = None) -> tuple[Archive | None, list[Problem]]:
    """Read and check the whole archive; return it (None when any error) and all problems.

    ``progress(done, total)`` is called as YAML files are read, for long runs.
    """
    # Loading allocates millions of small objects that all stay alive: the cyclic garbage collector
    # would only re-scan them again and again (superlinear at thousands of briefings), so pause it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        archive, problems = _load(config, progress)
    finally:
        if enabled:
            gc.enable()
    # An article named by several briefings is read by each of them: report its problems once.
    return archive, list(dict.fromkeys(problems))


def _load(config: ArchiveConfig, progress: Progress | None) -> tuple[Archive | None, list[Problem]]:
    problems: list[Problem] = []
    if not config.briefings_dir.is_dir():
        problems.append(Problem(config.display(config.briefings_dir), 1, 1, "error",
                                "the briefings folder does not exist; create it or fix `briefings_dir` in mkdocs.yml"))
        return None, problems
    if not config.seeds_dir.is_dir():
        problems.append(Problem(config.display(config.seeds_dir), 1, 1, "error",
                                "the seeds folder does not exist; create it or fix `seeds_dir` in mkdocs.yml"))
        return None, problems

    lexicon, lexicon_problems = load_lexicon(config.lexicon, config.root, config.max_yaml_bytes)
    problems.extend(lexicon_problems)
    counter = _Counter(config, progress)
    built: dict[str, Briefing | None] = {}
    docs = {kind: _load_kind(config, kind, problems, counter, built) for kind in schemacheck.KINDS}
    sources = {d.id: _source(d) for d in docs["source"]}
    for d in docs["source"]:
        line = RUBRIC_BY_ID.get(d.data.get("rubric"))
        if line is not None and line.letter != d.data["reliability"]:
            problems.append(d.problem(("reliability",), f"source '{d.id}' is graded {d.data['reliability']}, but its "
                                      f"rubric line '{line.id}' gives {line.letter}; use {line.letter}, or the rubric "
                                      "line that fits the source", "warning"))
    entities = {d.id: _entity(d) for d in docs["entity"]}
    briefings = [b for d in docs["briefing"] if (b := built.get(d.id)) is not None]

    # Only files whose own shape was valid reach here; now check every id they name.
    for d in docs["source"]:
        for i, dep in enumerate(d.data.get("depends_on") or ()):
            _ref(d, ("depends_on", i), dep, sources, "source", "briefings/sources", problems)
            if dep == d.id:
                problems.append(d.problem(("depends_on", i), f"source '{d.id}' depends on itself; remove it"))
    claims_of = {d.id: {c["id"] for c in d.data.get("claims") or ()} for d in docs["briefing"]}
    for d in docs["briefing"]:
        if d.data.get("publisher") is not None:
            _ref(d, ("publisher",), d.data["publisher"], sources, "source", "briefings/sources", problems)
        for ci, raw in enumerate(d.data.get("claims") or ()):
            claim_label = f"claim '{raw['id']}'"
            for li, link in enumerate(raw["sources"]):
                if isinstance(link, list):
                    if li != len(raw["sources"]) - 1:
                        problems.append(d.problem(("claims", ci, "sources", li),
                                                  f"{claim_label}: only the last element of `sources` (the originators "
                                                  "cited together) may be a list; move the list to the end of the chain"))
                    for si, sid in enumerate(link):
                        _ref(d, ("claims", ci, "sources", li, si), sid, sources, "source", "briefings/sources",
                             problems, claim_label)
                else:
                    _ref(d, ("claims", ci, "sources", li), link, sources, "source", "briefings/sources",
                         problems, claim_label)
            for ei, eid in enumerate(raw.get("entities") or ()):
                _ref(d, ("claims", ci, "entities", ei), eid, entities, "entity", "briefings/entities",
                     problems, claim_label)
            for ri, rel in enumerate(raw.get("relations") or ()):
                ((kind, target),) = rel.items()
                bid, cid = target.split("#", 1)
                where = ("claims", ci, "relations", ri, kind)
                if bid not in claims_of:
                    problems.append(d.problem(where, f"{claim_label}: relation target briefing '{bid}' does not exist"
                                                     f"{did_you_mean(bid, claims_of)}; name a file of briefings/ "
                                                     "without .yml"))
                elif cid not in claims_of[bid]:
                    problems.append(d.problem(where, f"{claim_label}: briefing '{bid}' has no claim '{cid}'"
                                                     f"{did_you_mean(cid, claims_of[bid])}; use one of its claim ids"))
                elif bid == d.id and cid == raw["id"]:
                    problems.append(d.problem(where, f"{claim_label} relates to itself; remove the relation"))
    if any(p.severity == "error" for p in problems) or lexicon is None:
        return None, problems
    briefings.sort(key=lambda b: b.id)
    archive = Archive(tuple(briefings), dict(sorted(sources.items())), dict(sorted(entities.items())), lexicon)
    problems.extend(_corroboration_problems(archive, docs_by_id={d.id: d for d in docs["briefing"]}))
    return archive, problems


def _corroboration_problems(archive: Archive, docs_by_id: dict[str, "_Doc"]) -> list[Problem]:
    """Circular reporting: corroboration between claims that are not independent, and 1s without any."""
    claims = {(b.id, c.id): c for b in archive.briefings for c in b.claims}
    independent_support: set[tuple[str, str]] = set()
    out = []
    for b in archive.briefings:
        for c in b.claims:
            for rel in c.relations:
                if rel.kind != "corroborates":
                    continue
                other = claims[(rel.briefing, rel.claim)]
                shared = shared_origins(c, other, archive.sources)
                if not shared:
                    independent_support |= {(b.id, c.id), (rel.briefing, rel.claim)}
                    continue
                names = ", ".join(archive.sources[s].name for s in sorted(shared))
                where = _relation_path(docs_by_id[b.id], c.id, rel)
                out.append(docs_by_id[b.id].problem(where, (
                    f"claim '{c.id}' corroborates {rel.target}, but the two are not independent: both rest on "
                    f"{names}; circular reporting is not corroboration: write `echoes` instead of `corroborates`"),
                    "warning"))
    for b in archive.briefings:
        for c in b.claims:
            if c.credibility == 1 and (b.id, c.id) not in independent_support:
                doc = docs_by_id[b.id]
                index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == c.id)
                out.append(doc.problem(("claims", index, "credibility"), (
                    f"claim '{c.id}' is graded 1 (confirmed by other sources) but no independent claim corroborates "
                    "it; add a `corroborates` relation to or from an independent claim, or grade it 2"), "warning"))
    return out


def _relation_path(doc: "_Doc", claim_id: str, rel: Relation) -> tuple:
    index = next(i for i, raw in enumerate(doc.data["claims"]) if raw["id"] == claim_id)
    r_index = next(i for i, raw in enumerate(doc.data["claims"][index].get("relations") or ())
                   if raw.get(rel.kind) == rel.target)
    return ("claims", index, "relations", r_index, rel.kind)


def _ref(doc: _Doc, where: tuple, ident: str, known: dict, kind: str, folder: str,
         problems: list[Problem], label: str = "") -> None:
    if ident not in known:
        who = f"{label}: " if label else ""
        problems.append(doc.problem(where, f"{who}unknown {kind} '{ident}'{did_you_mean(ident, known)}; "
                                           f"use an existing id or create {folder}/{ident}.yml"))


def _folder(config: ArchiveConfig, kind: str) -> Path:
    return {"briefing": config.briefings_dir, "source": config.briefings_dir / "sources",
            "entity": config.briefings_dir / "entities"}[kind]


class _Counter:
    """Counts YAML files read, for a progress display; free when nobody listens."""

    def __init__(self, config: ArchiveConfig, progress: Progress | None) -> None:
        self.progress = progress
        self.done = 0
        self.total = 0
        if progress is not None:
            self.total = sum(1 for kind in schemacheck.KINDS if _folder(config, kind).is_dir()
                             for p in _folder(config, kind).glob("*.yml"))

    def tick(self) -> None:
        if self.progress is not None:
            self.done += 1
            self.progress(self.done, self.total)


def _load_kind(config: ArchiveConfig, kind: str, problems: list[Problem], counter: _Counter,
               built: dict[str, Briefing | None]) -> list[_Doc]:
    """Load every file of one kind; for briefings, also read their articles and anchor them
    (``built``), all in worker processes when the archive is large."""
    folder = _folder(config, kind)
    if not folder.is_dir():
        return []
    docs = []
    wanted: list[tuple[Path, str]] = []
    for path in sorted(folder.iterdir()):
        shown = config.display(path)
        if path.name.startswith(".") or path.is_dir():
            if path.is_dir() and not (kind == "briefing" and path.name in ("sources", "entities")):
                problems.append(Problem(shown, 1, 1, "warning", "this folder is not part of the archive and is "
                                        "ignored; briefings go in briefings/, profiles in briefings/sources/ "
                                        "and briefings/entities/"))
            continue
        if path.suffix != ".yml":
            problems.append(Problem(shown, 1, 1, "warning" if path.suffix != ".yaml" else "error",
                                    f"only .yml files are read here; rename it to {path.stem}.yml"
                                    + ("" if path.suffix == ".yaml" else " or move it out of the archive")))
            continue
        if not is_id(path.stem):
            problems.append(Problem(shown, 1, 1, "error",
                                    f"file name '{path.stem}' is not a valid id; rename the file using only "
                                    "lower-case letters a-z, digits and '-' (at most 64 characters)"))
            continue
        if path.stem in RESERVED:
            problems.append(Problem(shown, 1, 1, "error", f"'{path.stem}' is reserved for the site's {kind} index "
                                    f"page; rename the file (e.g. {path.stem}-1.yml)"))
            continue
        outside = outside_folder(path, folder)
        if outside:
            problems.append(Problem(shown, 1, 1, "error", f"this file is a link to {outside}, outside "
                                    f"{config.display(folder)}/; only files of the archive are read: replace the "
                                    "link by the file itself"))
            continue
        wanted.append((path, shown))
    # A long-running process (mkdocs serve) re-checks only files whose bytes (or whose article) changed.
    cached: dict[int, tuple] = {}
    keys = []
    for i, (path, shown) in enumerate(wanted):
        key = (kind, str(path), config, _digest(path)) if config.reuse else None
        keys.append(key)
        hit = _CACHE.get(key) if config.reuse else None
        if hit is not None and (hit[3] is None or _digest(hit[3]) == hit[4]):
            cached[i] = hit[:3]
    jobs = [(path, shown, kind, config) for i, (path, shown) in enumerate(wanted) if i not in cached]
    if len(jobs) >= PARALLEL_AFTER and (os.cpu_count() or 1) > 1:
        # Parsing is the bulk of a large check and each file stands alone: use every core.
        workers = min(os.cpu_count() or 1, 4)
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_parse_file, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    else:
        results = [_parse_file(job) for job in jobs]
    fresh = iter(results)
    results = [cached[i] if i in cached else next(fresh) for i in range(len(wanted))]
    next_cache = {k: v for k, v in _CACHE.items() if k[0] != kind}
    for key, (doc, found, briefing) in zip(keys, results):
        if not found and config.reuse:
            seed = config.seeds_dir / briefing.article.file if briefing is not None else None
            next_cache[key] = (doc, found, briefing, seed, _digest(seed) if seed else None)
    if config.reuse:
        _CACHE.clear()
        _CACHE.update(next_cache)
    for doc, found, briefing in results:
        counter.tick()
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
            if kind == "briefing":   # ids of different kinds may coincide: a source never replaces a briefing
                built[doc.id] = briefing
    return docs


PARALLEL_AFTER = 300   # files of one kind; below this a process pool costs more than it saves
_CACHE: dict[tuple, tuple] = {}   # last run's results by (kind, path, config, bytes digest)


def _digest(path: Path) -> bytes | None:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def _parse_file(job: tuple[Path, str, str, ArchiveConfig]) -> tuple[_Doc | None, list[Problem], Briefing | None]:
    """Read, parse and check one YAML file; a briefing is also anchored in its article.

    Runs in a worker process for large archives, so it depends on nothing but its arguments.
    """
    path, shown, kind, config = job
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(shown, 1, 1, "error", f"cannot read the file ({exc.strerror}); "
                                                    "check its permissions")], None
    loaded, found = load_yaml(raw, shown, config.max_yaml_bytes)
    if loaded is None:
        return None, found, None
    found = schemacheck.check(kind, loaded.data, loaded.positions, shown)
    if found:
        return None, found, None
    doc = _Doc(path.stem, shown, loaded.data, loaded.positions)
    found = _check_values(kind, doc)
    briefing = _briefing(doc, config, {}, found) if kind == "briefing" and not found else None
    return doc, found, briefing


#: The Markdown fields of each kind of file, as paths with ``*`` for every item of a list.
MARKDOWN_FIELDS = {"briefing": (("summary",), ("claims", "*", "note"), ("warnings", "*", "note")),
                   "source": (("note",),), "entity": (("note",),)}


def _values(data: Any, pattern: tuple) -> list[tuple[tuple, Any]]:
    """Every (path, value) of ``data`` that ``pattern`` names (``*``: each item of a list)."""
    found: list[tuple[tuple, Any]] = [((), data)]
    for step in pattern:
        nxt = []
        for where, value in found:
            if step == "*":
                nxt += [(where + (i,), v) for i, v in enumerate(value)] if isinstance(value, list) else []
            elif isinstance(value, dict) and value.get(step) is not None:
                nxt.append((where + (step,), value[step]))
        found = nxt
    return found


def _check_values(kind: str, doc: _Doc) -> list[Problem]:
    """What the schema's shapes cannot say: real dates, ids the site map keeps, Markdown that renders."""
    out = _check_dates(doc) if kind == "briefing" else []
    if kind == "briefing":
        for where, value in _values(doc.data, ("tags", "*")) + _values(doc.data, ("claims", "*", "figures", "*",
                                                                                  "metric")):
            if value in RESERVED:
                what = "tag" if where[0] == "tags" else "metric"
                out.append(doc.problem(where, f"'{value}' is reserved for the site's {what} index page; "
                                              f"use another {what} id"))
    for pattern in MARKDOWN_FIELDS.get(kind, ()):
        for where, value in _values(doc.data, pattern):
            why = nesting_problem(value) if isinstance(value, str) else None
            if why is not None:
                out.append(doc.problem(where, f"`{where[-1]}`: {why}"))
    return out


def _check_dates(doc: _Doc) -> list[Problem]:
    """Dates pass the schema's shape; here they must also exist on the calendar."""
    out = []

    def check(where: tuple, value: Any) -> None:
        if value is None or isinstance(value, int):
            return
        shape = DATE_RE.fullmatch(value)
        if shape is None:   # the schema has refused it already
            return
        year, month, day = shape.groups()
        if int(year) == 0:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} is in the year 0, which no calendar has; "
                                          "use the year from 0001 on that the article gives"))
        elif month and not 1 <= int(month) <= 12:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} has no month {month}; use a month from 01 to 12"))
        elif day and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            out.append(doc.problem(where, f"`{where[-1]}` {value!r} is not a day of the calendar; "
                                          f"{calendar.month_name[int(month)]} {year} has "
                                          f"{calendar.monthrange(int(year), int(month))[1]} days"))

    check(("published",), doc.data.get("published"))
    for ci, claim in enumerate(doc.data.get("claims") or ()):
        check(("claims", ci, "date"), claim.get("date"))
        for fi, fig in enumerate(claim.get("figures") or ()):
            check(("claims", ci, "figures", fi, "period"), fig.get("period"))
    return out


def _date(value: Any) -> str | None:
    return f"{value:04d}" if isinstance(value, int) else value


def _line(value: Any) -> Any:
    """A one-line field without the line break a YAML ``>`` block adds (the schema allows only that one)."""
    return value.strip() if isinstance(value, str) else value


def _source(d: _Doc) -> Source:
    g = d.data.get
    return Source(d.id, _line(g("name")), g("kind"), g("reliability"), g("note"), _line(g("party")), g("url"),
                  tuple(g("depends_on") or ()), g("rubric"))


def _entity(d: _Doc) -> Entity:
    g = d.data.get
    return Entity(d.id, _line(g("name")), g("kind"), tuple(_line(a) for a in g("aliases") or ()), g("note"))


def _article(name: str, config: ArchiveConfig, seeds: dict[str, Article | None],
             problem: Callable[[str], Problem], problems: list[Problem]) -> Article | None:
    if name in seeds:
        return seeds[name]
    path = config.seeds_dir / name
    article = None
    outside = outside_folder(path, config.seeds_dir) if path.is_file() else None
    if name in (".", "..") or not path.is_file():
        near = did_you_mean(name, (p.name for p in config.seeds_dir.iterdir() if p.is_file()))
        problems.append(problem(f"article '{name}' is not a file in {config.display(config.seeds_dir)}/{near}; "
                                "put the article there or fix the file name"))
    elif outside:
        problems.append(Problem(config.display(path), 1, 1, "error", f"the article is a link to {outside}, outside "
                                f"{config.display(config.seeds_dir)}/; only files of the archive are read: put "
                                "the article's text itself in the file"))
    elif path.stat().st_size > config.max_seed_bytes:
        problems.append(Problem(config.display(path), 1, 1, "error", f"the article is {path.stat().st_size} bytes, "
                                f"over the limit of {config.max_seed_bytes} bytes; split it into several articles "
                                "or raise the plugin's `max_seed_bytes` setting"))
    else:
        try:
            raw = path.read_bytes()
            article = Article(name, canonical_text(raw), hashlib.sha256(raw).hexdigest())
        except SeedError as exc:
            problems.append(Problem(config.display(path), exc.line, exc.col, "error", str(exc)))
        except OSError as exc:
            problems.append(Problem(config.display(path), 1, 1, "error", f"cannot read the article "
                                    f"({exc.strerror}); check its permissions"))
    seeds[name] = article
    return article


def _briefing(d: _Doc, config: ArchiveConfig, seeds: dict[str, Article | None],
              problems: list[Problem]) -> Briefing | None:
    data = d.data
    article = _article(data["article"], config, seeds, lambda m: d.problem(("article",), m), problems)
    if article is None:
        return None
    expected = data.get("article_sha256")
    changed = bool(config.check_pins and expected and expected.lower() != article.sha256)
    folded = anchoring.FoldedText(article.text)
    failed = False
    broken: list[str] = []

    def anchor(where: tuple, raw: dict, label: str) -> anchoring.Span | None:
        nonlocal failed
        result = anchoring.anchor(folded, raw["quote"], raw.get("prefix"), raw.get("suffix"))
        if isinstance(result, anchoring.Anchored):
            return result.span
        failed = True
        broken.append(label)
        problems.append(d.problem(where + ("quote",), _anchor_message(result, label, raw, article, config)))
        return None

    claims, seen = [], {}
    for ci, raw in enumerate(data.get("claims") or ()):
        cid = raw["id"]
        if cid in seen:
            failed = True
            problems.append(d.problem(("claims", ci, "id"), f"claim id '{cid}' is used twice in this briefing "
                                                            f"(first at line {seen[cid]}); give each claim its own id"))
            continue
        seen[cid] = d.positions.of_value(("claims", ci, "id"))[0]
        span = anchor(("claims", ci), raw, f"claim '{cid}'")
        if span is None:
            continue
        claims.append(Claim(
            id=cid, quote=raw["quote"], span=span,
            chain=tuple(tuple(link) if isinstance(link, list) else (link,) for link in raw["sources"]),
            credibility=raw["credibility"], note=raw.get("note"), prefix=raw.get("prefix"),
            suffix=raw.get("suffix"), entities=tuple(raw.get("entities") or ()), date=_date(raw.get("date")),
            relations=tuple(Relation(k, *v.split("#", 1)) for rel in raw.get("relations") or () for k, v in rel.items()),
            figures=tuple(Figure(f["metric"], f["value"], _line(f["unit"]), f.get("qualifier", "exact"),
                                 _date(f.get("period")))
                          for f in raw.get("figures") or ()),
        ))
    warnings = []
    for wi, raw in enumerate(data.get("warnings") or ()):
        span = anchor(("warnings", wi), raw, f"warning #{wi + 1}")
        if span is not None:
            warnings.append(Warning(raw["quote"], span, raw.get("note"), raw.get("prefix"), raw.get("suffix")))
    if changed:
        # Never re-anchor silently against a changed article: say so, and which quotes broke.
        lost = f"{len(broken)} quote(s) no longer anchor: {', '.join(broken)}" if broken else \
            "every quote still anchors, but may now mean something else"
        problems.append(d.problem(("article_sha256",), (
            f"briefing '{d.id}': the article {config.display(config.seeds_dir / article.file)} changed since it "
            f"was pinned (its SHA-256 is now {article.sha256}); {lost}; re-check the quotes, then run "
            "`briefings pin` to record the new text")))
        return None
    if failed:
        return None
    return Briefing(d.id, _line(data["title"]), article, data["summary"], data.get("publisher"),
                    _date(data.get("published")), tuple(data.get("tags") or ()), tuple(warnings), tuple(claims))


MAX_PLACES = 10   # places an ambiguous quote's message lists (each costs a scan of the text)


def _anchor_message(result: object, label: str, raw: dict, article: Article, config: ArchiveConfig) -> str:
    seed = config.display(config.seeds_dir / article.file)
    if isinstance(result, anchoring.Empty):
        return f"{label}: the quote is empty; copy the exact words of the article into `quote`"
    if isinstance(result, anchoring.Ambiguous):
        shown = result.spans[:MAX_PLACES]
        places = ", ".join("line %d col %d" % anchoring.line_col(article.text, s.start) for s in shown)
        if len(result.spans) > len(shown):
            places += f", and {len(result.spans) - len(shown)} more"
        return (f"{label}: the quote occurs {len(result.spans)} times in {seed} ({places}); "
                "add `prefix` (words just before) or `suffix` (words just after) to pick one")
    assert isinstance(result, anchoring.NotFound)
    if result.with_context:
        return (f"{label}: the quote occurs in {seed}, but never with the given `prefix`/`suffix`; "
                "fix them to the words just before/after the quote, or remove them")
    if result.closest is None:
        return f"{label}: the quote is not in {seed}; copy the exact words of the article"
    closest = article.text[result.closest.start:result.closest.end]
    if len(closest) > 160:
        closest = closest[:157] + "..."
    line, col = anchoring.line_col(article.text, result.closest.start)
    return (f"{label}: the quote is not in {seed}; the closest passage (line {line} col {col}) is "
            f"\"{' '.join(closest.split())}\"; copy the exact words of the article")
