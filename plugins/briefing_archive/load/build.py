"""Turn checked documents into the model: sources, entities, and briefings anchored in their articles.

Each quote is anchored in its article's canonical text; a quote that does not anchor, a
duplicate claim id or a changed pinned article is a problem, and that briefing is not built. A
briefing with values of the wrong shape is not built either, but its usable quotes are anchored.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from typing import Any

from ..core.config import ArchiveConfig
from ..core.ids import split_claim_key
from ..core.model import Article, Briefing, Caution, Claim, Entity, Figure, Relation, Source, Span
from ..core.positions import line_col
from ..core.problems import Problem, did_you_mean
from . import anchor as anchoring
from .documents import Document
from .guard import Refused, read_bytes, refusal
from .seeds import SeedError, canonical_text
from .yamlfile import KeyPath

#: At most this many claims of a briefing are ``key: true``: the bottom line opens with them (v1.2).
MAX_KEY_CLAIMS = 5


def _date(value: Any) -> str | None:
    return f"{value:04d}" if isinstance(value, int) else value


def _line(value: Any) -> Any:
    """A one-line field without the line break a YAML ``>`` block adds (the schema allows only that one)."""
    return value.strip() if isinstance(value, str) else value


def source_of(d: Document) -> Source:
    data, g = d.data, d.data.get   # required keys are there: the schema checked them
    depends = g("depends_on") or ()
    return Source(d.id, _line(data["name"]), data["kind"], data["reliability"], data["note"], _line(g("party")),
                  g("url"), tuple(dep_id(dep) for dep in depends), g("rubric"), g("role"),
                  g("identified", data["kind"] != "unattributed"),   # v1.2: unattributed unless it says so
                  g("background"), tuple((dep["source"], dep["note"]) for dep in depends if isinstance(dep, dict)))


def dep_id(dep: str | dict[str, str]) -> str:
    """The source id of a ``depends_on`` entry (an id, or ``{source, basis: background, note}``)."""
    return dep["source"] if isinstance(dep, dict) else dep


def entity_of(d: Document) -> Entity:
    data, g = d.data, d.data.get
    return Entity(d.id, _line(data["name"]), data["kind"], tuple(_line(a) for a in g("aliases") or ()), g("note"),
                  g("background"))


def _article(name: str, config: ArchiveConfig, seeds: dict[str, Article | None],
             problem: Callable[[str], Problem], problems: list[Problem]) -> Article | None:
    if name in seeds:
        return seeds[name]
    path = config.seeds_dir / name
    article = None
    refused = refusal(path, config.seeds_dir, config.display) if name not in (".", "..") else None
    if refused and (path.is_file() or path.is_symlink()):
        problems.append(Problem(config.display(path), 1, 1, "error", refused))
    elif name in (".", "..") or not path.is_file():
        near = did_you_mean(name, (p.name for p in config.seeds_dir.iterdir() if p.is_file()))
        problems.append(problem(f"article '{name}' is not a file in {config.display(config.seeds_dir)}/{near}; "
                                "put the article there or fix the file name"))
    elif path.stat().st_size > config.max_seed_bytes:
        problems.append(Problem(config.display(path), 1, 1, "error", f"the article is {path.stat().st_size} bytes, "
                                f"over the limit of {config.max_seed_bytes} bytes; split it into several articles "
                                "or raise the plugin's `max_seed_bytes` setting"))
    else:
        try:
            raw = read_bytes(path, config.seeds_dir, config.display)
            article = Article(name, canonical_text(raw), hashlib.sha256(raw).hexdigest())
        except SeedError as exc:
            problems.append(Problem(config.display(path), exc.line, exc.col, "error", str(exc)))
        except Refused as exc:
            problems.append(Problem(config.display(path), 1, 1, "error", str(exc)))
        except OSError as exc:
            problems.append(Problem(config.display(path), 1, 1, "error", f"cannot read the article "
                                    f"({exc.strerror}); check its permissions"))
    seeds[name] = article
    return article


def briefing_of(d: Document, config: ArchiveConfig, seeds: dict[str, Article | None],
              problems: list[Problem]) -> Briefing | None:
    """The briefing, its quotes anchored in its article; None when something is wrong (said in ``problems``).

    A document with faults (values of the wrong shape, reported already) is never built, but what can
    be checked still is: its article read, each quote whose fields are usable anchored, its claim ids
    compared, so that one run reports all of the file's problems.
    """
    name = d.get(("article",), str)
    if name is None:
        return None
    article = _article(name, config, seeds, lambda m: d.problem(("article",), m), problems)
    if article is None:
        return None
    expected = d.get(("article_sha256",), str)
    changed = bool(config.check_pins and expected and expected.lower() != article.sha256)
    failed = bool(d.faults)
    broken: list[str] = []
    anchor = partial(_anchor, d, anchoring.FoldedText(article.text), article, config, problems, broken)
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    keys: list[str] = []
    for ci, where, raw in d.items(("claims",)):
        if not isinstance(raw, dict):
            continue
        if raw.get("key") is True:
            keys.append(str(raw.get("id", f"#{ci + 1}")))
            if len(keys) == MAX_KEY_CLAIMS + 1:
                problems.append(_too_many_keys(d, where, keys))
        cid = d.get(where + ("id",), str)
        if cid is not None and cid in seen:
            failed = True
            problems.append(d.problem(where + ("id",), f"claim id '{cid}' is used twice in this briefing "
                                                        f"(first at line {seen[cid]}); give each claim its own id"))
            continue
        if cid is not None:
            seen[cid] = d.positions.of_value(where + ("id",))[0]
        span = anchor(where, raw, f"claim '{cid}'" if cid is not None else f"claim #{ci + 1}")
        failed = failed or span is None
        if span is None or failed:
            continue
        claims.append(_claim(raw, span))
    warnings = []
    for wi, where, raw in d.items(("warnings",)):
        if not isinstance(raw, dict):
            continue
        span = anchor(where, raw, f"warning #{wi + 1}")
        failed = failed or span is None
        if span is not None:
            warnings.append(Caution(raw["quote"], span, raw.get("note"), raw.get("prefix"), raw.get("suffix")))
    if changed:
        # Never re-anchor silently against a changed article: say so, and which quotes broke.
        problems.append(_changed_since_pinned(d, config, article, broken))
        return None
    if failed:
        return None
    data = d.data
    return Briefing(d.id, _line(data["title"]), article, data["summary"], data.get("publisher"),
                    _date(data.get("published")), tuple(data.get("tags") or ()), tuple(warnings), tuple(claims))


def _anchor(d: Document, folded: anchoring.FoldedText, article: Article, config: ArchiveConfig,
            problems: list[Problem], broken: list[str], where: KeyPath, raw: dict[str, Any], label: str) -> Span | None:
    """Where the quote at ``where`` sits in the article; None when it does not anchor (a broken one is said in
    ``problems`` and named in ``broken``)."""
    quote, prefix, suffix = (d.get(where + (key,), str) for key in ("quote", "prefix", "suffix"))
    if quote is None or (prefix is None and raw.get("prefix") is not None) or \
            (suffix is None and raw.get("suffix") is not None):
        return None   # a field the quote needs is missing or bad, and says so itself
    result = anchoring.anchor(folded, quote, prefix, suffix)
    if isinstance(result, anchoring.Anchored):
        return result.span
    broken.append(label)
    problems.append(d.problem(where + ("quote",), _anchor_message(result, label, article, config)))
    return None


def _too_many_keys(d: Document, where: KeyPath, keys: list[str]) -> Problem:
    return d.problem(where + ("key",), (
        f"claim '{keys[-1]}' is the {MAX_KEY_CLAIMS + 1}th claim marked `key: true` in this briefing "
        f"(after {', '.join(keys[:-1])}), but a briefing has at most {MAX_KEY_CLAIMS} key claims; "
        "keep `key: true` on the claims the summary rests on and remove it from the others"))


def _claim(raw: dict[str, Any], span: Span) -> Claim:
    """The claim of a checked entry whose quote anchored at ``span``."""
    return Claim(
        id=raw["id"], quote=raw["quote"], span=span,
        chain=tuple(tuple(link) if isinstance(link, list) else (link,) for link in raw["sources"]),
        credibility=raw["credibility"], note=raw.get("note"), prefix=raw.get("prefix"),
        suffix=raw.get("suffix"), entities=tuple(raw.get("entities") or ()), date=_date(raw.get("date")),
        relations=tuple(Relation(k, *split_claim_key(v)) for rel in raw.get("relations") or () for k, v in rel.items()),
        figures=tuple(Figure(f["metric"], f["value"], _line(f["unit"]), f.get("qualifier", "exact"),
                             _date(f.get("period")))
                      for f in raw.get("figures") or ()),
        basis=tuple(raw.get("basis") or ()), background=raw.get("background"), key=raw.get("key") is True,
        renamed_from=raw.get("renamed_from"), regraded=_line(raw.get("regraded")),
    )


def _changed_since_pinned(d: Document, config: ArchiveConfig, article: Article, broken: list[str]) -> Problem:
    lost = f"{len(broken)} quote(s) no longer anchor: {', '.join(broken)}" if broken else \
        "every quote still anchors, but may now mean something else"
    return d.problem(("article_sha256",), (
        f"briefing '{d.id}': the article {config.display(config.seeds_dir / article.file)} changed since it "
        f"was pinned (its SHA-256 is now {article.sha256}); {lost}; re-check the quotes, then run "
        "`briefings pin` to record the new text"))


def _anchor_message(result: object, label: str, article: Article, config: ArchiveConfig) -> str:
    seed = config.display(config.seeds_dir / article.file)
    if isinstance(result, anchoring.Empty):
        return f"{label}: the quote is empty; copy the exact words of the article into `quote`"
    if isinstance(result, anchoring.Ambiguous):
        places = ", ".join("line {} col {}".format(*line_col(article.text, s.start)) for s in result.spans)
        times = f"more than {len(result.spans)} times" if result.more else f"{len(result.spans)} times"
        if result.more:
            places = "first at " + places + ", and more"
        return (f"{label}: the quote occurs {times} in {seed} ({places}); "
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
    line, col = line_col(article.text, result.closest.start)
    return (f"{label}: the quote is not in {seed}; the closest passage (line {line} col {col}) is "
            f"\"{' '.join(closest.split())}\"; copy the exact words of the article")
