"""The catalogue of bad inputs: one mutation of the fixture archive per case.

Each case names its category, the file and line the message must point at, and
words the message must contain. The fixture archive is ``conftest.archive``.
"""
from __future__ import annotations

import re

from conftest import BRIEFING, SEED

B = "briefings/a-test.yml"
LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+; .+)$")


def replace(old: str, new: str, rel: str = B):
    def mutate(archive) -> None:
        path = archive.root / rel
        text = path.read_text("utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return mutate


def write(rel: str, text: str | bytes):
    return lambda archive: archive.write(rel, text)


def link(rel: str, target: str, secret: str = "repositoryformatversion = 0\n"):
    """Replace ``rel`` by a symbolic link to ``target`` (relative to the link), written with ``secret``."""
    def mutate(archive) -> None:
        path = archive.root / rel
        real = (path.parent / target).resolve()
        real.parent.mkdir(parents=True, exist_ok=True)
        real.write_text(secret, encoding="utf-8")
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)
    return mutate


def link_folder(rel: str, target: str):
    """Replace the folder ``rel`` by a symbolic link to ``target`` (relative to the link's folder): what the
    folder held moves there; a new folder gets a secret file."""
    def mutate(archive) -> None:
        path = archive.root / rel
        real = (path.parent / target).resolve()
        real.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            path.rename(real)
        else:
            real.mkdir(parents=True, exist_ok=True)
            (real / "secret.txt").write_text("repositoryformatversion = 0\n", encoding="utf-8")
        path.symlink_to(target, target_is_directory=True)
    return mutate


def move(rel: str, new: str):
    return lambda archive: (archive.root / rel).rename(archive.root / new)


def both(*mutations):
    def mutate(archive) -> None:
        for m in mutations:
            m(archive)
    return mutate



A = "briefings/sources/agency.yml"
#: A second briefing that relates to (and links to) claims of the fixture's briefing: a broken
#: a-test must give no message here.
OTHER = """\
article: a.txt
title: Another briefing
summary: Like [](a-test#twice).
claims:
  - id: night
    quote: over the region on Friday night
    sources: [ministry]
    credibility: 3
    entities: [region]
    note: As in [the drones claim](a-test#drones).
    relations:
      - echoes: a-test#drones
      - corroborates: a-test#twice
"""
with_other = write("briefings/b-test.yml", OTHER)
#: Six claims marked key, one more than a briefing may have: the sixth's `key` (line 34) is named.
SIX_KEYS = "article: a.txt\ntitle: Keys\nsummary: Six keys.\nclaims:\n" + "".join(
    f"  - id: k{i}\n    quote: {q}\n    sources: [ministry]\n    credibility: 3\n    key: true\n"
    for i, q in enumerate(("Heading of the piece", "40 drones were shot down", "over the region on Friday night",
                           "according to the agency", "A line with", "not a markdown heading"), 1))
E = "briefings/entities/region.yml"
MINISTRY = "briefings/sources/ministry.yml"
ATTR_LIST = "[UK MOD](https://www.gov.uk/){: autofocus tabindex=0 onfocus=alert(document.domain) }"
DEEP_LIST = "\n".join("  " + "  " * i + "- x" for i in range(300))
LONG_QUOTE = " ".join(SEED.split()) + " " + " ".join(SEED.split())

# (category, case id, mutation, file named, line named, words the message must contain)
CASES = [
    # YAML syntax
    ("yaml", "unclosed-flow", replace("tags: [test]", "tags: [test"), B, 5, "YAML syntax error"),
    ("yaml", "unclosed-quote", replace("title: A test briefing", 'title: "A test briefing'), B, 19,
     "is the quote opened on line 2 unclosed?"),
    ("yaml", "mapping-in-value", replace("title: A test briefing", "title: A test: briefing"), B, 2, "mapping values are not allowed"),
    ("yaml", "bad-indent", replace("    credibility: 2", "   credibility: 2"), B, 9, "YAML syntax error"),
    ("yaml", "tab-indent", replace("    credibility: 3", "\tcredibility: 3"), B, 21, "indent with spaces, not tabs"),
    ("yaml", "duplicate-key", replace("title: A test briefing\n", "title: A test briefing\ntitle: Again\n"), B, 3, "duplicate key 'title' (first at line 2)"),
    ("yaml", "anchor-alias", replace("summary: A *small* briefing.", "summary: &s A small briefing.\nx: *s"), B, 3, "anchors (&name) and aliases"),
    ("yaml", "deep-nesting", replace("summary: A *small* briefing.", "summary: " + "[" * 40 + "]" * 40), B, 3, "nested more than 32 levels"),
    ("yaml", "too-large", replace("  - briefings\n", "  - briefings:\n      max_yaml_bytes: 200\n", "mkdocs.yml"), B, 1, "over the limit of 200 bytes"),
    ("yaml", "python-tag", replace("summary: A *small* briefing.", "summary: !!python/object:os.system x"), B, 3, "is not allowed; remove it"),
    # shape: empty files, lists, scalars
    ("shape", "empty-yaml", write(B, ""), B, 1, "file is empty"),
    ("shape", "comments-only", write(B, "# nothing yet\n"), B, 1, "file is empty"),
    ("shape", "list-at-top", write(B, "- a\n- b\n"), B, 1, "holds a list"),
    ("shape", "scalar-at-top", write(B, "just some words\n"), B, 1, "holds a single value"),
    # keys
    ("keys", "unknown-claim-key", replace("    quote: 40 drones", "    quot: 40 drones"), B, 7, "unknown key 'quot' in claim 'drones' (did you mean 'quote'?)"),
    ("keys", "misspelt-top-key", replace("summary: A", "sumary: A"), B, 3, "unknown key 'sumary' in the file (did you mean 'summary'?)"),
    ("keys", "misspelt-entity-key", replace("aliases: [the region]", "alias: [the region]", "briefings/entities/region.yml"), "briefings/entities/region.yml", 3, "(did you mean 'aliases'?)"),
    ("keys", "missing-claim-key", replace("    credibility: 3\n", ""), B, 17, "claim 'twice' lacks the required key 'credibility'"),
    ("keys", "missing-title", replace("title: A test briefing\n", ""), B, 1, "the file lacks the required key 'title'"),
    ("keys", "missing-source-note", replace("note: A wire service.\n", "", A), A, 1, "lacks the required key 'note'"),
    # types
    ("types", "credibility-string", replace("credibility: 2", "credibility: '2'"), B, 9, "`credibility` must be a whole number, not '2'"),
    ("types", "credibility-zero", replace("credibility: 2", "credibility: 0"), B, 9, "`credibility` is 0, out of range"),
    ("types", "credibility-seven", replace("credibility: 2", "credibility: 7"), B, 9, "claim 'drones' `credibility` is 7, out of range"),
    ("types", "title-list", replace("title: A test briefing", "title: [A, test]"), B, 2, "`title` must be text, not a list"),
    ("types", "tags-string", replace("tags: [test]", "tags: test"), B, 4, "`tags` must be a list, not 'test'"),
    ("types", "summary-number", replace("summary: A *small* briefing.", "summary: 42"), B, 3, "must be text, not the number 42; put the value in quotes"),
    ("types", "figure-value-text", replace("value: 40", "value: forty"), B, 15, "must be a number, not 'forty'"),
    ("types", "reliability-letter", replace("reliability: B", "reliability: G", A), A, 3, "'G', which is not allowed"),
    ("types", "reliability-lowercase", replace("reliability: B", "reliability: b", A), A, 3, "'b', which is not allowed (did you mean 'B'?)"),
    ("types", "entity-kind", replace("kind: place", "kind: city", "briefings/entities/region.yml"), "briefings/entities/region.yml", 2, "use one of person, organisation, place, unit, event"),
    # ids
    ("ids", "id-uppercase", replace("  - id: drones", "  - id: Drones"), B, 6, "an id uses only lower-case letters"),
    ("ids", "id-spaces", replace("  - id: drones", "  - id: Drones Down"), B, 6, "an id uses only lower-case letters"),
    ("ids", "id-unicode", replace("  - id: drones", "  - id: dr\u00f6nes"), B, 6, "an id uses only lower-case letters"),
    ("ids", "id-too-long", replace("  - id: drones", "  - id: " + "d" * 65), B, 6, "at most 64 characters"),
    ("ids", "file-name-id", write("briefings/Bad_Name.yml", BRIEFING), "briefings/Bad_Name.yml", 1, "is not a valid id"),
    ("ids", "duplicate-claim-id", replace("  - id: twice", "  - id: drones"), B, 17, "claim id 'drones' is used twice"),
    # dates
    ("dates", "impossible-month", replace("date: 2025-01", "date: 2025-13"), B, 12, "has no month 13"),
    ("dates", "impossible-day", replace("date: 2025-01", "date: 2025-02-30"), B, 12, "February 2025 has 28 days"),
    ("dates", "malformed-date", replace("date: 2025-01", "date: 2025-1-5"), B, 12, "write a date as YYYY, YYYY-MM or YYYY-MM-DD"),
    # URLs
    ("urls", "javascript-url", replace("note: A wire service.", "note: A wire service.\nurl: 'javascript:alert(1)'", A), A, 5, "only http:// and https:// addresses are allowed"),
    ("urls", "data-url", replace("note: A wire service.", "note: A wire service.\nurl: 'data:text/html,x'", A), A, 5, "only http:// and https:// addresses are allowed"),
    ("urls", "file-url", replace("note: A wire service.", "note: A wire service.\nurl: 'file:///etc/passwd'", A), A, 5, "only http:// and https:// addresses are allowed"),
    # seeds named by a briefing
    ("seeds", "missing-seed", replace("article: a.txt", "article: b.txt"), B, 1, "article 'b.txt' is not a file in seeds/ (did you mean 'a.txt'?)"),
    ("seeds", "seed-in-subfolder", replace("article: a.txt", "article: sub/a.txt"), B, 1, "without folders"),
    ("seeds", "seed-parent", replace("article: a.txt", "article: ../a.txt"), B, 1, "without folders"),
    ("seeds", "seed-absolute", replace("article: a.txt", "article: /etc/passwd"), B, 1, "without folders"),
    ("seeds", "seed-not-utf8", write("seeds/a.txt", b"caf\xe9 40 drones were shot down\n"), "seeds/a.txt", 1, "not UTF-8"),
    ("seeds", "seed-empty", write("seeds/a.txt", ""), "seeds/a.txt", 1, "the article is empty"),
    ("seeds", "seed-binary", write("seeds/a.txt", b"\x00\x01\x02PNG 40 drones were shot down"), "seeds/a.txt", 1, "looks like a binary file"),
    ("seeds", "seed-changed", replace("article: a.txt", "article: a.txt\narticle_sha256: '" + "0" * 64 + "'"), B, 2, "changed since it was pinned"),
    # quotes
    ("quotes", "quote-not-found", replace("quote: 40 drones were shot down", "quote: 40 drones were shot dead"), B, 7,
     "the quote is not in seeds/a.txt; the closest passage (line 2 col 24) is \"40 drones were shot down\""),
    ("quotes", "quote-ambiguous", replace("quote: officials said it twice\n    suffix: \", according\"", "quote: said it twice"), B, 18,
     "occurs 2 times in seeds/a.txt (line 3 col 11, line 3 col 40)"),
    ("quotes", "quote-in-many-places", replace("quote: officials said it twice\n    suffix: \", according\"", "quote: e"), B, 18,
     "occurs more than 10 times in seeds/a.txt (first at line 1 col 2, line 1 col 14, line 1 col 18,"),
    ("quotes", "quote-empty", replace("quote: 40 drones were shot down", 'quote: ""'), B, 7, "`quote` is empty"),
    ("quotes", "quote-whitespace", replace("quote: 40 drones were shot down", 'quote: "   "'), B, 7, "write some text"),
    ("quotes", "quote-longer-than-article", replace("quote: 40 drones were shot down", "quote: '" + LONG_QUOTE.replace("'", "''") + "'"), B, 7, "the quote is not in seeds/a.txt"),
    ("quotes", "prefix-rules-out", replace("quote: 40 drones were shot down", "quote: 40 drones were shot down\n    prefix: nobody"), B, 7, "never with the given `prefix`/`suffix`"),
    # references
    ("references", "unknown-source", replace("sources: [agency, ministry]", "sources: [agency, ministy]"), B, 8, "unknown source 'ministy' (did you mean 'ministry'?)"),
    ("references", "unknown-entity", replace("entities: [region]", "entities: [regoin]"), B, 11, "unknown entity 'regoin' (did you mean 'region'?)"),
    ("references", "unknown-publisher", replace("title: A test briefing", "title: A test briefing\npublisher: agncy"), B, 3, "unknown source 'agncy' (did you mean 'agency'?)"),
    ("references", "unknown-relation-claim", replace("corroborates: a-test#drones", "corroborates: a-test#drone"), B, 23, "briefing 'a-test' has no claim 'drone' (did you mean 'drones'?)"),
    ("references", "unknown-relation-briefing", replace("corroborates: a-test#drones", "corroborates: a-tset#drones"), B, 23, "relation target briefing 'a-tset' does not exist; name a file"),  # never the referring file itself
    ("references", "malformed-relation", replace("corroborates: a-test#drones", "corroborates: drones"), B, 23, "write a relation target as <briefing-id>#<claim-id>"),
    ("references", "list-not-last", replace("sources: [agency, ministry]", "sources: [[agency, ministry], agency]"), B, 8, "only the last element of `sources`"),
    # references from notes and summaries to briefings and claims: [](<briefing-id>#<claim-id>)
    ("references", "note-unknown-briefing", replace("see [the ministry](../../sources/ministry/)", "see [](a-tset#drones)"), B, 10,
     "claim 'drones': `note` refers to an unknown briefing 'a-tset'; write"),  # never the referring file itself
    ("references", "note-unknown-claim", replace("see [the ministry](../../sources/ministry/)", "see [the other](a-test#twise)"), B, 10,
     "`note` refers to a-test#twise, but briefing 'a-test' has no claim 'twise' (did you mean 'twice'?)"),
    ("references", "summary-unknown-briefing", replace("summary: A *small* briefing.", "summary: Like [](b-test)."), B, 3,
     "`summary` refers to an unknown briefing 'b-test'; write"),
    ("references", "warning-note-unknown-claim", replace("tags: [test]\n", "tags: [test]\nwarnings:\n  - quote: Heading of the piece\n    note: Compare [](a-test#drone).\n"), B, 7,
     "warning #1: `note` refers to a-test#drone, but briefing 'a-test' has no claim 'drone' (did you mean 'drones'?)"),
    ("references", "source-note-unknown-briefing", replace("note: A wire service.", "note: A wire service; see [its report](a-tests).", A), A, 4,
     "`note` refers to an unknown briefing 'a-tests' (did you mean 'a-test'?)"),
    ("references", "entity-note-unknown-briefing", replace("aliases: [the region]", "aliases: [the region]\nnote: As in [](index).", E), E, 4,
     "`note` refers to an unknown briefing 'index'"),
    ("references", "unknown-depends-on", replace("note: A wire service.", "note: A wire service.\ndepends_on: [ministri]", A), A, 5, "unknown source 'ministri' (did you mean 'ministry'?)"),
    # one-line fields: a line break would end the generated HTML around them (issue 11)
    ("lines", "name-block-with-blank-line", replace("name: The Agency", f"name: |\n  The Agency\n\n  {ATTR_LIST}", A), A, 1, "`name` is on several lines, but it is one line of text"),
    ("lines", "title-two-lines", replace("title: A test briefing", 'title: "A test\\nbriefing"'), B, 2, "`title` is on several lines"),
    ("lines", "party-block", replace("party: Ruritania", "party: |\n  Ruritania\n\n  <b onclick=x>", MINISTRY), MINISTRY, 3, "`party` is on several lines"),
    ("lines", "alias-two-lines", replace("aliases: [the region]", 'aliases: ["the\\n\\nregion"]', E), E, 3, "`aliases` is on several lines"),
    ("lines", "unit-two-lines", replace("unit: drones", 'unit: "drones\\n\\n    indented code"'), B, 16, "`unit` is on several lines"),
    ("lines", "title-blank", replace("title: A test briefing", 'title: "\\n"'), B, 2, "which has no text"),
    # characters that are not text, written with YAML escapes
    ("characters", "control-in-title", replace("title: A test briefing", 'title: "A test\\x01 briefing"'), B, 2, "U+0001, which is not text"),
    ("characters", "nonchar-in-note", replace("    note: Probably true; see [the ministry](../../sources/ministry/).", '    note: "Probably \\uFFFE true"'), B, 10, "U+FFFE, which is not text"),
    ("characters", "form-feed-in-summary", replace("summary: A *small* briefing.", 'summary: "A \\x0c small briefing."'), B, 3, "U+000C, which is not text"),
    ("characters", "nul-in-quote", replace("quote: 40 drones were shot down", 'quote: "40 drones\\0 were shot down"'), B, 7, "U+0000, which is not text"),
    ("characters", "bidi-in-title", replace("title: A test briefing", 'title: "Drones \\u202e04 devomer"'), B, 2, "direction control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("characters", "bidi-in-source-name", replace("name: The Agency", 'name: "The \\u2067Agency"', A), A, 1, "direction control U+2067"),
    ("characters", "bidi-in-url", replace("note: A wire service.", 'note: A wire service.\nurl: "https://example.test/\\u202eevil"', A), A, 5, "without spaces or invisible direction controls"),
    ("characters", "key-with-control", replace("title: A test briefing", '"ti\\x01tle": A test briefing'), B, 2, "U+0001, which is not text"),
    # what a reviewer sees is what the build reads: no line break an editor does not show, no character that
    # is not text, anywhere in a YAML file (issue 22, R5)
    ("unseen", "hidden-key-behind-comment", replace("tags: [test]\n", "# reviewed\u2028tags: [hidden]\n"), B, 4,
     "the character U+2028 (LINE SEPARATOR) is a line break to YAML, but editors, grep and diffs show none"),
    ("unseen", "next-line-in-value", replace("title: A test briefing", "title: A test\x85briefing"), B, 2, "U+0085 (NEXT LINE)"),
    ("unseen", "paragraph-separator-in-source", replace("note: A wire service.", "note: A wire\u2029service.", A), A, 4, "U+2029"),
    ("unseen", "control-in-comment", replace("tags: [test]", "tags: [test]  # \x01"), B, 4, "may stand nowhere in a YAML file, comments included"),
    ("unseen", "after-cr-line-ends", both(replace("tags: [test]", "tags: [test]  # \u2028"),
                                         lambda a: (a.root / B).write_bytes((a.root / B).read_bytes().replace(b"\n", b"\r"))),
     B, 4, "U+2028"),
    # numbers
    ("numbers", "nan", replace("value: 40", "value: .nan"), B, 15, "claim 'drones' `value`: '.nan' is not a finite number"),
    ("numbers", "inf", replace("value: 40", "value: -.inf"), B, 15, "claim 'drones' `value`: '-.inf' is not a finite number"),
    ("numbers", "inf-before-the-claim-id", both(replace("  - id: twice\n", "  - credibility: .inf\n"),
                                                replace("    credibility: 3\n", "    id: twice\n")),
     B, 17, "claim 'twice' `credibility`: '.inf' is not a finite number"),
    ("numbers", "huge", replace("value: 40", "value: 1e300"), B, 15, "out of range; use a number from -1e+15 to 1e+15"),
    # dates
    ("dates", "year-zero-published", replace("title: A test briefing", "title: A test briefing\npublished: '0000-01-01'"), B, 3, "the year 0, which no calendar has"),
    ("dates", "year-zero-claim", replace("date: 2025-01", "date: 0000-05"), B, 12, "the year 0"),
    ("dates", "date-trailing-newline", replace("date: 2025-01", 'date: "2025-01\\n"'), B, 12, "remove the line break at its end"),
    # Markdown that would nest beyond the renderer's limit
    ("markdown", "summary-list-300-deep", replace("summary: A *small* briefing.", "summary: |\n" + DEEP_LIST), B, 3, "nests lists or quotes inside each other too deeply"),
    ("markdown", "note-quote-300-deep", replace("    note: Probably true; see [the ministry](../../sources/ministry/).", "    note: '" + "> " * 300 + "x'"), B, 10, "too deeply"),
    ("markdown", "source-note-deep", replace("note: A wire service.", "note: |\n" + DEEP_LIST, A), A, 4, "too deeply"),
    # ids must be the whole value, and not a page the site map needs
    ("ids", "claim-id-trailing-newline", replace("  - id: drones", '  - id: "drones\\n"'), B, 6, "remove the line break at its end"),
    ("ids", "tag-trailing-newline", replace("tags: [test]", 'tags: ["test\\n"]'), B, 4, "remove the line break at its end"),
    ("ids", "metric-trailing-newline", replace("metric: drones-downed", 'metric: "drones-downed\\n"'), B, 14, "remove the line break at its end"),
    ("ids", "briefing-named-index", write("briefings/index.yml", BRIEFING), "briefings/index.yml", 1, "'index' is reserved for the site's briefing index page"),
    ("ids", "source-named-index", write("briefings/sources/index.yml", "name: I\nkind: other\nreliability: F\nnote: n\n"), "briefings/sources/index.yml", 1, "'index' is reserved"),
    ("ids", "entity-named-index", write("briefings/entities/index.yml", "name: I\nkind: place\n"), "briefings/entities/index.yml", 1, "'index' is reserved"),
    ("ids", "tag-named-index", replace("tags: [test]", "tags: [index]"), B, 4, "'index' is reserved for the site's tag index page"),
    ("ids", "metric-named-index", replace("metric: drones-downed", "metric: index"), B, 14, "'index' is reserved for the site's metric index page"),
    # only .txt files of seeds/ are articles, and only files inside the archive are read
    ("seeds", "seed-html", both(write("seeds/evil.html", "<script>alert(1)</script> 40 drones were shot down\n"), replace("article: a.txt", "article: evil.html")), B, 1, "an article is a plain-text file"),
    ("seeds", "seed-markdown", both(write("seeds/evil.md", "<b onclick=x>40 drones were shot down</b>\n"), replace("article: a.txt", "article: evil.md")), B, 1, "an article is a plain-text file"),
    ("seeds", "seed-hidden", both(write("seeds/.a.txt", SEED), replace("article: a.txt", "article: .a.txt")), B, 1, "not a hidden file"),
    ("seeds", "seed-link-outside", both(link("seeds/cfg.txt", "../.git/config"), replace("article: a.txt", "article: cfg.txt")), "seeds/cfg.txt", 1, "this file is a link to"),
    ("seeds", "seed-too-large", replace("  - briefings\n", "  - briefings:\n      max_seed_bytes: 50\n", "mkdocs.yml"), "seeds/a.txt", 1, "over the limit of 50 bytes"),
    ("seeds", "yaml-link-outside", link(A, "../../../outside/agency.yml", "name: Secret\nkind: other\nreliability: F\nnote: n\n"), A, 1, "this file is a link to"),
    # format v1.2: a file, and every folder above it, resolves inside the folder it is read from, never from a
    # hidden folder; the folder itself lies inside the project (docs/ included: both engines publish it)
    ("links", "docs-file-link-outside", link("docs/leak.txt", "../.git/config"), "docs/leak.txt", 1, "this file is a link to"),
    ("links", "docs-folder-link-outside", link_folder("docs/git", "../.git"), "docs/git", 1, "the folder docs/git is a link to"),
    ("links", "docs-link-into-hidden", link("docs/notes.txt", ".private/notes.txt"), "docs/notes.txt", 1, "a link into the hidden folder .private"),
    ("links", "docs-folder-link-loop", link_folder("docs/loop", "."), "docs/loop", 1, "a link to a folder above it"),
    ("links", "seeds-folder-link-outside", link_folder("seeds", "../outside-seeds"), "seeds", 1, "outside the project folder"),
    ("links", "briefings-folder-link-outside", link_folder("briefings", "../outside-briefings"), "briefings", 1, "outside the project folder"),
    ("links", "sources-folder-link-outside", link_folder("briefings/sources", "../../outside-sources"), "briefings/sources", 1, "the folder briefings/sources is a link to"),
    ("links", "entities-folder-link-into-hidden", link_folder("briefings/entities", ".entities"), "briefings/entities", 1, "a link into the hidden folder .entities"),
    # a hand-written page where the plugin generates one: an error naming it (the preview keeps serving)
    ("generated", "hand-written-claims-page", write("docs/claims/index.md", "# Mine\n"), "docs/claims/index.md", 1, "is written by hand, but the briefings plugin generates that page"),
    ("generated", "hand-written-briefing-page", write("docs/briefings/a-test/index.md", "# Mine\n"), "docs/briefings/a-test/index.md", 1, "is written by hand"),
    # v1.1 fields, and independence a relation claims
    ("v1.1", "basis-unknown", replace("    credibility: 2\n", "    credibility: 2\n    basis: [hearsay]\n"), B, 10, "`basis` is 'hearsay', which is not allowed; use one of against-interest"),
    ("v1.1", "role-unknown", replace("note: A wire service.", "note: A wire service.\nrole: ally", A), A, 5, "`role` is 'ally', which is not allowed; use one of belligerent, backer, neutral, unknown"),
    ("v1.1", "identified-not-boolean", replace("note: A wire service.", "note: A wire service.\nidentified: 'no'", A), A, 5, "`identified` must be true or false, not 'no'"),
    ("v1.1", "background-a-list", replace("note: A wire service.", "note: A wire service.\nbackground: [a, b]", A), A, 5, "`background` must be text, not a list"),
    ("v1.1", "assumed-dependence-without-note", replace("note: A wire service.", "note: A wire service.\ndepends_on: [{source: ministry, basis: background}]", A), A, 5, "`depends_on` lacks the required key 'note'"),
    ("v1.1", "corroborates-not-independent", replace("note: A wire service.", "note: A wire service.\ndepends_on: [ministry]", A), B, 23, "circular reporting is not corroboration"),
    ("v1.1", "corroborates-cannot-be-established", replace("note: A wire service.", "note: A wire service.\nidentified: false", A), B, 23, "independence cannot be established: one of them rests only on unidentified sources; corroboration needs claims shown to be independent"),
    ("v1.2", "six-key-claims", write("briefings/keys.yml", SIX_KEYS), "briefings/keys.yml", 34,
     "claim 'k6' is the 6th claim marked `key: true` in this briefing (after k1, k2, k3, k4, k5), but a briefing has at most 5"),
    # one cause, one message: a broken file is still known by its id, and nothing elsewhere is reported
    # because of it (test_errors checks that each of these gives exactly one message)
    ("cascade", "broken-source-referred", replace("reliability: B", "reliability: G", A), A, 3, "'G', which is not allowed"),
    ("cascade", "broken-source-depended-on", both(replace("note: A wire service.", "note: A wire service.\ndepends_on: [ministry]", A), replace("reliability: C", "reliability: G", MINISTRY)), MINISTRY, 4, "'G', which is not allowed"),
    ("cascade", "broken-briefing-related", both(with_other, replace("credibility: 2", "credibility: 9")), B, 9, "`credibility` is 9, out of range"),
    ("cascade", "unparsable-briefing-related", both(with_other, replace("tags: [test]", "tags: [test")), B, 5, "YAML syntax error"),
    ("cascade", "broken-entity-referred", both(with_other, replace("kind: place", "kind: city", E)), E, 2, "use one of person"),
    ("cascade", "source-yaml-suffix-referred", move(A, "briefings/sources/agency.yaml"), "briefings/sources/agency.yaml", 1, "rename it to agency.yml"),
    # a scaffold's placeholders left in place (`briefings new`): a draft must not publish
    ("drafts", "todo-title", replace("title: A test briefing", "title: \"TODO: the briefing's title\""), B, 2,
     "`title` is still the scaffold's placeholder 'TODO: the briefing's title'; write the article's headline"),
    ("drafts", "todo-summary", replace("summary: A *small* briefing.", "summary: >\n  TODO: one paragraph: what the article reports."), B, 3,
     "`summary` is still the scaffold's placeholder 'TODO: one paragraph: what the article reports.'; write one paragraph"),
]
