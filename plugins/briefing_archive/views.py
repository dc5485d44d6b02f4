"""Cross-archive pages: the figures ledger, the timeline, the relation network and the tags.

A mixin of the page renderer (:mod:`pages`), which provides the links, badges and
escaping helpers used here.
"""
from __future__ import annotations

import calendar
from collections import defaultdict

from . import urls
from .ledger import Metric, build_ledger
from .markup import esc, scroll_table
from .network import network_svg, node_palette
from .timeline import briefings_by_published, claim_groups

QUALIFIER = {"exact": "exactly", "about": "about", "at-least": "at least", "at-most": "at most"}
FIGURES, TIMELINE, RELATIONS, TAGS = "figures/index.md", "timeline/index.md", "relations/index.md", "tags/index.md"


PAGE_ROWS = 300   # beyond this many rows, the ledger and the timeline are split into pages


def month_label(key: str) -> str:
    return f"{key} (month not given)" if len(key) == 4 else f"{calendar.month_name[int(key[5:7])]} {key[:4]}"


def figure_value(f) -> str:
    return f"{f.value:,}" if isinstance(f.value, int) else f"{f.value:,g}"


def ledger_layout(metrics: tuple[Metric, ...]) -> dict[str, str]:
    """Which page shows each metric: all on ``figures/`` while the ledger is short, else a page each."""
    if sum(len(m.rows) for m in metrics) <= PAGE_ROWS:
        return {m.metric: FIGURES for m in metrics}
    return {m.metric: f"figures/{m.metric}.md" for m in metrics}


class CrossArchiveViews:
    # -- figures ledger ----------------------------------------------------------------------
    LEDGER_INTRO = ("<p>Every number a claim states, by metric, side by side and sorted by date (undated figures "
                    "last). Two figures of one metric, unit and period <strong>disagree</strong> when the ranges "
                    "their qualifiers give do not overlap: exactly = [v, v], about = [0.8v, 1.2v], at least = "
                    "[v, \u221e), at most = [0, v]. Figures whose period is not known are listed but not "
                    "compared.</p>\n\n")

    def ledger_pages(self) -> dict[str, str]:
        """The ledger: one page while short; beyond PAGE_ROWS rows, an index and a page per metric."""
        metrics = build_ledger(self.archive)
        layout = ledger_layout(metrics)
        out = [self.front_matter("Figures ledger", searchable=False), self.LEDGER_INTRO]
        if not metrics:
            out.append("<p>No claim states a figure yet.</p>\n")
        pages: dict[str, str] = {}
        for m in metrics:
            page = layout[m.metric]
            if page == FIGURES:
                out.append(self.metric_section(FIGURES, m))
            else:
                out.append(f'<p><a href="{self.href(FIGURES, page)}">{esc(m.metric)}</a>: {len(m.rows)} figures, '
                           f"{m.pairs} disagreeing pair(s).</p>\n\n")
                pages[page] = (self.front_matter(f"Figures: {m.metric}", searchable=False) + self.LEDGER_INTRO
                               + self.metric_section(page, m))
        pages[FIGURES] = "".join(out)
        return pages

    def metric_section(self, here: str, m: Metric) -> str:
        clash_rows = m.disagreeing
        rows = []
        for r in m.rows:
            flag = ' <strong class="bx-disagree">disagrees</strong>' if r.anchor in clash_rows else ""
            rows.append(
                f'<tr id="{esc(r.anchor)}"><td>{esc(QUALIFIER[r.figure.qualifier])} <strong>'
                f"{esc(figure_value(r.figure))}</strong>{flag}</td><td>{esc(r.figure.unit)}</td>"
                f"<td>{'approximate' if r.figure.qualifier != 'exact' else 'exact'}</td>"
                f"<td>{esc(r.period) if r.period else '<em>not recorded</em>'}</td>"
                f"<td>{self.briefing_link(here, r.briefing)}</td>"
                f"<td>{self.chain_html(here, r.claim)}</td>"
                f"<td>{self.badge_html(r.claim)} "
                f"{self.claim_link(here, self.links.claims[f'{r.briefing.id}#{r.claim.id}'], 'claim')}</td></tr>")
        if m.disagreements:
            items = "".join(
                f"<li>{esc(figure_value(d.a.figure))} {esc(d.a.figure.unit)} ({esc(d.a.briefing.title)}) and "
                f"{esc(figure_value(d.b.figure))} {esc(d.b.figure.unit)} ({esc(d.b.briefing.title)}), period "
                f"{esc(d.a.period)}</li>" for d in m.disagreements)
            more = (f"<p>\u2026 and {m.pairs - len(m.disagreements)} more pairs (rows marked "
                    "<em>disagrees</em>).</p>" if m.pairs > len(m.disagreements) else "")
            verdict = (f'<div class="admonition danger"><p class="admonition-title">These figures disagree</p>'
                       f"<ul>{items}</ul>{more}</div>")
        else:
            verdict = "<p>No two figures of this metric disagree.</p>"
        return (self.heading(2, m.metric, f"_metric-{m.metric}")  # metric ids are slugs: safe in Markdown
                + scroll_table('<table class="bx-ledger"><thead><tr><th>Value</th><th>Unit</th><th>Approximate</th>'
                               "<th>Period</th><th>Briefing</th><th>Rests on</th><th>Claim</th></tr></thead>"
                               f"<tbody>{''.join(rows)}</tbody></table>") + f"\n{verdict}\n\n")

    # -- timeline ----------------------------------------------------------------------------
    def timeline_pages(self) -> dict[str, str]:
        """The timeline: one page while short; beyond PAGE_ROWS dated claims, a page per month."""
        groups = claim_groups(self.archive)
        if sum(len(g.entries) for g in groups) <= PAGE_ROWS:
            return {TIMELINE: self.timeline(groups, TIMELINE)}
        pages = {}
        months = []
        for g in groups:
            page = f"timeline/{g.key}.md"
            pages[page] = self.timeline((g,), page, with_briefings=False)
            months.append(f'<li><a href="{self.href(TIMELINE, page)}">{esc(month_label(g.key))}</a>: '
                          f"{len(g.entries)} claims</li>")
        pages[TIMELINE] = self.timeline((), TIMELINE, months="".join(months))
        return pages

    def timeline(self, groups, here: str, with_briefings: bool = True, months: str = "") -> str:
        out = [self.front_matter("Timeline", searchable=False),
               "<p>Every claim that says when its event happened, in order, grouped by month. Dates have three "
               "precisions (YYYY, YYYY-MM, YYYY-MM-DD); a partial date sorts <strong>before</strong> the full "
               "dates of its period (2025-01 comes before 2025-01-05), and a year-only date before that year's "
               "months. The dates are the articles' own; none is inferred.</p>\n\n",
               self.heading(2, "Claims by date", "_claims")]
        if months:
            out.append(f'<ul class="bx-months">{months}</ul>\n\n')
        elif not groups:
            out.append("<p>No claim is dated yet.</p>\n\n")
        for g in groups:
            items = "".join(
                f"<li><time>{esc(ref.claim.date)}</time> {self.badge_html(ref.claim)} {self.claim_link(here, ref)}"
                f" <small>in {self.briefing_link(here, ref.briefing)}</small></li>" for ref in g.entries)
            out.append(self.heading(3, month_label(g.key), f"_month-{g.key}")
                       + f'<ul class="bx-timeline">{items}</ul>\n\n')
        if not with_briefings:
            return "".join(out)
        dated, undated = briefings_by_published(self.archive)
        out.append(self.heading(2, "Briefings by publication date", "_published"))
        items = "".join(f"<li><time>{esc(b.published)}</time> {self.briefing_link(here, b)}</li>" for b in dated)
        out.append(f"<ul>{items}</ul>\n" if dated else "<p>No briefing has a recorded publication date.</p>\n")
        if undated:
            out.append("<p>Publication date not recorded: "
                       + ", ".join(self.briefing_link(here, b) for b in undated) + ".</p>\n")
        return "".join(out)

    # -- relations ---------------------------------------------------------------------------
    def relations_page(self) -> str:
        here = RELATIONS
        hrefs = {f"{b.id}#{c.id}": urls.link(here, urls.briefing_page(b.id), self.directory_urls, c.id)
                 for b in self.archive.briefings for c in b.claims}
        rows = []
        for b in self.archive.briefings:
            for c in b.claims:
                for rel in c.relations:
                    other = self.links.claims[rel.target]
                    independence = self.independence(c, other.claim, rel.kind).strip() or "\u2014"
                    rows.append(f"<tr><td>{self.claim_link(here, self.links.claims[f'{b.id}#{c.id}'])}</td>"
                                f"<td>{esc(rel.kind)}</td><td>{self.claim_link(here, other)}</td>"
                                f"<td>{independence}</td></tr>")
        svg = network_svg(self.archive, hrefs)
        palette = node_palette(self.archive)
        legend = "".join(f'<li><span class="bx-swatch bx-node-{palette[b.id]}" aria-hidden="true"></span> '
                         f"{self.briefing_link(here, b)}</li>" for b in self.archive.briefings
                         if any(f"{b.id}#{c.id}" in self.links.relations for c in b.claims))
        return "".join([
            self.front_matter("Relations", searchable=False),
            "<p>How the archive's claims relate across briefings: <em>corroborates</em> (independent "
            "confirmation), <em>echoes</em> (says the same, but not independently: circular reporting), "
            "<em>contradicts</em> and <em>updates</em>. Each relation is shown on both claims.</p>\n\n",
            f'<figure class="bx-network-figure">{svg}<figcaption>Claims that have relations (dots, one colour per '
            "briefing; each leads to its claim) and the relations between them (lines: solid corroborates, "
            "dashed echoes, red contradicts, dotted updates). The table below lists the same relations."
            f'<ul class="bx-legend">{legend}</ul></figcaption></figure>\n\n' if svg else
            (f"<p>{len(rows)} relations: too many claims to draw legibly; the table lists them all.</p>\n\n"
             if rows else "<p>No relations yet.</p>\n\n"),
            self.heading(2, f"All relations ({len(rows)})", "_all"),
            scroll_table('<table class="bx-index bx-sortable"><thead><tr><th>Claim</th><th>Relation</th>'
                         f"<th>Other claim</th><th>Independence</th></tr></thead><tbody>{''.join(rows)}</tbody>"
                         "</table>") + "\n" if rows else "",
        ])

    # -- tags --------------------------------------------------------------------------------
    def tag_index(self) -> tuple[str, dict[str, str]]:
        tagged: dict[str, list] = defaultdict(list)
        for b in self.archive.briefings:
            for t in b.tags:
                tagged[t].append(b)
        pages = {}
        items = []
        for tag in sorted(tagged):
            page = f"tags/{tag}.md"
            briefings = "".join(f"<li>{self.briefing_link(page, b)}</li>" for b in tagged[tag])
            pages[page] = (self.front_matter(f"Tag: {tag}", searchable=False)
                           + f"<p>{len(tagged[tag])} briefing(s) tagged <code>{esc(tag)}</code>.</p>\n\n"
                           + f"<ul>{briefings}</ul>\n")
            items.append(f'<li id="_tag-{esc(tag)}"><a href="{self.href(TAGS, page)}"><code>{esc(tag)}</code></a> '
                         f"({len(tagged[tag])}): "
                         + ", ".join(self.briefing_link(TAGS, b) for b in tagged[tag]) + "</li>")
        index = (self.front_matter("Tags", searchable=False) + "<p>Every tag, with the briefings that carry it.</p>\n\n"
                 + (f"<ul class=\"bx-tags\">{''.join(items)}</ul>\n" if items else "<p>No tags yet.</p>\n"))
        return index, pages
