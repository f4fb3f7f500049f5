#!/usr/bin/env python3
"""Build PaperQL's embedded default corpus from the saved pages in Corpus/pages/.

Usage:  python3 Tools/build-default-corpus.py      (from anywhere; paths are relative
                                                    to the repository root)

Reads   Corpus/pages/*.txt   (text dumps of five pages of a research-paper site)
Writes  Corpus/default-corpus.jsonl
        Sources/PaperQL/DefaultCorpus/DefaultCorpusData.swift

Standard library only.  The output is deterministic: running the script twice
produces identical bytes.

Page formats (detected from the content, not from the file name)
----------------------------------------------------------------
* author-name cluster page ("Author name cluster", the name on the next line):
  "<Venue> Conference <year> Conference Paper" line, title, "  • Name" bullets,
  abstract.  The site shows at most eight bullets, so a list of eight names is
  treated as cut short (authors_truncated).
* researcher profile ("Researcher profile", the name on the next line):
  "preprint2022arXiv" line (= type, year, venue glued together), title,
  abstract.  No author list is shown at all, so the only known author is the
  profile owner and the list is marked authors_truncated.
* bare abstracts: every line is "Abstract:<text>", no title, no authors.
* simple listing: first line is the owner's name, then repeating
  title / "A, B, C" author line / abstract.  No venue or year is shown.
* arXiv-style listing: "<CAT><Mon> <d>, <yyyy>" line (category glued to the
  date), then the title immediately followed by the author list
  ("Title" + "First Author, Second, Third et al. · inst1, inst2"), then the
  abstract.  The listing is arXiv's, so these records get venue "arXiv" and
  type "preprint"; categories and the full date are kept as shown.

Rules applied
-------------
1. Duplicates.  Two listings are the same paper when their titles are equal after
   normalisation (case, punctuation and whitespace ignored) and their venue/type
   do not conflict (a listing that shows no venue, like the simple listing,
   never conflicts).  They become one record: the author list is the union,
   starting from the longest shown ordering and appending names it lacks; name
   variants of one person ("Scott Reed" / "Scott E. Reed", "Jonathan hunt" /
   "Jonathan J. Hunt": same first and last name, case-insensitive) are kept once,
   in the fullest form (longest; then most capitalised).  The longest abstract is
   kept; `sources` lists every page.
2. Page owner.  The owner of a cluster page, profile or owner listing is an
   author of every paper on that page; if the shown list lacks them they are
   appended at the end.
3. Truncation.  A listing is cut when it shows eight cluster-page bullets,
   ends in "et al.", or shows no author list at all.  A merged record is
   authors_truncated only if *every* listing of it was cut: a listing that shows
   the list uncut (e.g. the simple listing showing all ten authors of
   "Relational recurrent neural networks") completes it.
4. Bare abstracts.  Each "Abstract:" line is compared with the abstracts of the
   titled records after normalising both sides: `$...$` math removed, LaTeX
   macros (`\\chinchilla`, `\\nummodels`, ...) removed, `\\%` -> `%`, lower-cased,
   reduced to alphanumeric word tokens; the words a macro stood for ("Chinchilla",
   "400") then simply show up as a few unmatched tokens on the titled side.
   An abstract matches a record when
     (a) difflib.SequenceMatcher similarity of the two token lists >= 0.90, or
     (b) one token list is a prefix of the other and the shorter has >= 25 tokens
         (a cut-off variant of the same abstract).
   It is merged into the single best-matching record (highest similarity; ties
   go to the record listed first), which gains the page in `sources` and keeps
   its own abstract text.  Unrelated abstracts score far below 0.90 (the
   script prints the closest non-match score).  The Chinchilla abstract (with
   \\chinchilla, \\nummodels) matches both the NeurIPS paper (0.97) and the arXiv
   preprint (0.98); it joins the preprint, whose wording ("more more data",
   "greater than a 7% improvement") it shares.  An abstract with no match
   becomes an untitled record: title "", no authors (authors_truncated true,
   since the page shows none), no year/venue/type, the abstract as shown.
5. Versions.  Two titled records with different venue or type are versions of
   one work (a preprint and its conference paper) when their normalised titles
   are equal or their abstracts match by rule 4.  They stay two records, linked
   in `versions` in both directions.  Here: the NeurIPS 2022 paper "An empirical
   analysis of compute-optimal large language model training" and the arXiv
   2022 preprint "Training Compute-Optimal Large Language Models".
6. Nothing is invented: keys the pages do not show (date without a full date,
   doi, arxiv_id, year/venue of untitled abstracts) are omitted.  List-valued
   keys are always written (possibly empty).

Order: titled records appear in page order of their first listing (page 000
first); the untitled records follow, in the order of the bare-abstract page.
Ids are slugs "<venue>-<year>-<first four significant title words>"
("untitled-<first four abstract words>" for untitled records), with a numeric
suffix if ever needed.
"""

import difflib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES_DIR = os.path.join(ROOT, "Corpus", "pages")
JSONL_PATH = os.path.join(ROOT, "Corpus", "default-corpus.jsonl")
SWIFT_PATH = os.path.join(ROOT, "Sources", "PaperQL", "DefaultCorpus", "DefaultCorpusData.swift")

CLUSTER_CUT = 8            # the cluster page shows at most this many author bullets
ABSTRACT_SIMILARITY = 0.90  # rule 4(a)
ABSTRACT_PREFIX_TOKENS = 25  # rule 4(b)

MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}


# ---------------------------------------------------------------------------
# Normalisation helpers
# ---------------------------------------------------------------------------

def norm_title(title):
    return " ".join(re.findall(r"[0-9a-z]+", title.lower()))


def abstract_tokens(text):
    """Rule 4 normalisation: drop $...$ math and LaTeX macros, keep word tokens."""
    t = re.sub(r"\$[^$]*\$", " ", text)
    t = t.replace("\\%", "%")
    t = re.sub(r"\\[A-Za-z]+", " ", t)
    t = t.replace("\\", " ")
    return re.findall(r"[0-9a-z]+", t.lower())


def abstract_match(a, b):
    """Similarity score of two abstracts under rule 4, or None when they do not match."""
    ta, tb = abstract_tokens(a), abstract_tokens(b)
    if not ta or not tb:
        return None
    ratio = difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    prefix = len(short) >= ABSTRACT_PREFIX_TOKENS and long_[: len(short)] == short
    if ratio >= ABSTRACT_SIMILARITY or prefix:
        return max(ratio, 0.999 if prefix else 0.0)
    return None


def abstract_ratio(a, b):
    ta, tb = abstract_tokens(a), abstract_tokens(b)
    return difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()


def name_key(name):
    """Same person: same first and last name token, case-insensitive."""
    toks = re.findall(r"[^\W\d_]+", name.lower())
    if not toks:
        return name.lower()
    return toks[0] + " " + toks[-1]


def fuller(a, b):
    """Pick the fuller of two variants of one name (longest, then most capitalised)."""
    def score(n):
        caps = sum(1 for w in n.split() if w[:1].isupper())
        return (len(n), caps)
    return b if score(b) > score(a) else a


def slug_words(text, n=4):
    stop = {"a", "an", "the", "of", "for", "with", "by", "from", "and", "to", "in",
            "on", "is", "are", "we", "our", "this"}
    words = [w for w in re.findall(r"[0-9a-z]+", text.lower().replace("'", "")) if w not in stop]
    return "-".join(words[:n])


# ---------------------------------------------------------------------------
# Page parsers.  Each returns (owner or None, [listing dicts]) or, for the bare
# abstract page, (None, [abstract strings]) flagged by kind.
# A listing: title, authors, cut (bool), year, date, venue, type, categories,
# institutions, abstract, shows_authors (bool).
# ---------------------------------------------------------------------------

def nonempty(lines):
    return [l.rstrip() for l in lines if l.strip()]


def parse_cluster(lines):
    lines = nonempty(lines)
    owner = lines[lines.index("Author name cluster") + 1].strip()
    head = re.compile(r"^(.+?) (Conference|Journal) (\d{4}) (Conference Paper|Journal Article)$")
    listings = []
    i = 0
    while i < len(lines):
        m = head.match(lines[i].strip())
        if not m:
            i += 1
            continue
        venue, year, kind = m.group(1), int(m.group(3)), m.group(4)
        ptype = {"Conference Paper": "conference", "Journal Article": "journal"}[kind]
        title = lines[i + 1].strip()
        j = i + 2
        authors = []
        while j < len(lines) and lines[j].strip().startswith("•"):
            authors.append(lines[j].strip().lstrip("•").strip())
            j += 1
        abstract_lines = []
        while j < len(lines) and not head.match(lines[j].strip()):
            abstract_lines.append(lines[j].strip())
            j += 1
        listings.append(dict(title=title, authors=authors, cut=len(authors) >= CLUSTER_CUT,
                             year=year, venue=venue, type=ptype,
                             abstract=" ".join(abstract_lines), shows_authors=True))
        i = j
    return owner, listings


def parse_profile(lines):
    lines = nonempty(lines)
    owner = lines[lines.index("Researcher profile") + 1].strip()
    head = re.compile(r"^(preprint|conference|journal)(\d{4})(\S.*)$")
    listings = []
    i = 0
    while i < len(lines):
        m = head.match(lines[i].strip())
        if not m:
            i += 1
            continue
        title = lines[i + 1].strip()
        j = i + 2
        abstract_lines = []
        while j < len(lines) and not head.match(lines[j].strip()):
            abstract_lines.append(lines[j].strip())
            j += 1
        listings.append(dict(title=title, authors=[], cut=True, year=int(m.group(2)),
                             venue=m.group(3), type=m.group(1),
                             abstract=" ".join(abstract_lines), shows_authors=False))
        i = j
    return owner, listings


def split_authors(text):
    """'A, B, C et al. · inst1, inst2' -> (names, cut, institutions)."""
    institutions = []
    if " · " in text:
        text, inst = text.split(" · ", 1)
        institutions = [s.strip() for s in inst.split(",") if s.strip()]
    text = text.strip()
    cut = False
    m = re.search(r"\s*\bet al\.?$", text)
    if m:
        cut = True
        text = text[: m.start()]
    names = [n.strip() for n in text.split(",") if n.strip()]
    return names, cut, institutions


NAME_RE = r"[^\W\d_][\w.'\-]*(?: [\w.'\-]+)*"
AUTHORS_RE = re.compile(r"^" + NAME_RE + r"(?:, " + NAME_RE + r")*(?: et al\.)?(?: · .+)?$")


def split_title_authors(line):
    """The arXiv listing glues the title to the first author: 'Image TransformerNiki Parmar, ...'.
    Split at the earliest place where a non-space character is directly followed by an
    upper-case letter and the rest parses as an author list."""
    for k in range(1, len(line)):
        if line[k].isupper() and not line[k - 1].isspace() and not line[k - 1].isupper() \
                and not line[k - 1].isdigit() and AUTHORS_RE.match(line[k:]):
            return line[:k], line[k:]
    raise ValueError("cannot split title/authors: %r" % line)


def parse_arxiv(lines):
    lines = nonempty(lines)
    head = re.compile(r"^([A-Z]{2})(%s) (\d{1,2}), (\d{4})$" % "|".join(MONTHS))
    listings = []
    i = 0
    while i < len(lines):
        m = head.match(lines[i].strip())
        if not m:
            i += 1
            continue
        cat, mon, day, year = m.group(1), MONTHS[m.group(2)], int(m.group(3)), int(m.group(4))
        title, author_text = split_title_authors(lines[i + 1].strip())
        names, cut, institutions = split_authors(author_text)
        j = i + 2
        abstract_lines = []
        while j < len(lines) and not head.match(lines[j].strip()):
            abstract_lines.append(lines[j].strip())
            j += 1
        listings.append(dict(title=title.strip(), authors=names, cut=cut, year=year,
                             date="%04d-%02d-%02d" % (year, mon, day), venue="arXiv",
                             type="preprint", categories=[cat], institutions=institutions,
                             abstract=" ".join(abstract_lines), shows_authors=True))
        i = j
    return None, listings


def parse_owner_listing(lines):
    lines = nonempty(lines)
    owner = lines[0].strip()
    rest = lines[1:]
    if len(rest) % 3 != 0:
        raise ValueError("owner listing: expected title/authors/abstract triples")
    listings = []
    for k in range(0, len(rest), 3):
        names, cut, institutions = split_authors(rest[k + 1])
        listings.append(dict(title=rest[k].strip(), authors=names, cut=cut,
                             institutions=institutions, abstract=rest[k + 2].strip(),
                             shows_authors=True))
    return owner, listings


def parse_page(text):
    lines = text.split("\n")
    ne = nonempty(lines)
    if "Author name cluster" in ne:
        return "listings", parse_cluster(lines)
    if "Researcher profile" in ne:
        return "listings", parse_profile(lines)
    if ne and all(l.startswith("Abstract:") for l in ne):
        return "abstracts", [l[len("Abstract:"):].strip() for l in ne]
    if any(re.match(r"^[A-Z]{2}(%s) \d{1,2}, \d{4}$" % "|".join(MONTHS), l) for l in ne):
        return "listings", parse_arxiv(lines)
    return "listings", parse_owner_listing(lines)


# ---------------------------------------------------------------------------
# Merging
# ---------------------------------------------------------------------------

def union_authors(lists):
    """Rule 1: start from the longest shown ordering, append missing names, fullest variants."""
    lists = [l for l in lists if l]
    if not lists:
        return []
    base = max(lists, key=len)  # max() keeps the first of equal lengths
    order, best = [], {}
    for lst in [base] + [l for l in lists if l is not base]:
        for n in lst:
            k = name_key(n)
            if k not in best:
                order.append(k)
                best[k] = n
            else:
                best[k] = fuller(best[k], n)
    return [best[k] for k in order]


def compatible(rec, lst):
    for f in ("venue", "type", "year"):
        if rec.get(f) is not None and lst.get(f) is not None and rec[f] != lst[f]:
            return False
    return True


def build(pages):
    records = []          # in order of first listing
    merged_duplicates = 0
    bare_abstracts = []   # (page, text)
    for name, text in pages:
        kind, payload = parse_page(text)
        if kind == "abstracts":
            bare_abstracts.extend((name, a) for a in payload)
            continue
        owner, listings = payload
        for lst in listings:
            authors = list(lst["authors"])
            if owner and name_key(owner) not in {name_key(a) for a in authors}:
                authors.append(owner)          # rule 2
            lst = dict(lst, authors=authors, page=name)
            target = None
            for rec in records:
                if norm_title(rec["title"]) == norm_title(lst["title"]) and compatible(rec, lst):
                    target = rec
                    break
            if target is None:
                records.append(dict(title=lst["title"], listings=[lst]))
            else:
                target["listings"].append(lst)
                merged_duplicates += 1

    # Collapse listings into record fields.
    for rec in records:
        ls = rec["listings"]
        rec["authors"] = union_authors([l["authors"] for l in ls])
        rec["authors_truncated"] = all(l["cut"] for l in ls)  # rule 3
        for f in ("year", "date", "venue", "type"):
            vals = [l[f] for l in ls if l.get(f) is not None]
            if vals:
                rec[f] = vals[0]
        for f in ("categories", "institutions"):
            seen = []
            for l in ls:
                for v in l.get(f, []):
                    if v not in seen:
                        seen.append(v)
            rec[f] = seen
        abstracts = [l["abstract"] for l in ls if l["abstract"]]
        if abstracts:
            rec["abstract"] = max(abstracts, key=len)  # first of equal length
        rec["sources"] = []
        for l in ls:
            if l["page"] not in rec["sources"]:
                rec["sources"].append(l["page"])

    # Rule 4: bare abstracts.
    merged_abstracts = 0
    untitled = []
    closest_nonmatch = 0.0
    for page, text in bare_abstracts:
        best, best_score = None, None
        for rec in records:
            if not rec.get("abstract"):
                continue
            s = abstract_match(text, rec["abstract"])
            if s is None:
                closest_nonmatch = max(closest_nonmatch, abstract_ratio(text, rec["abstract"]))
            elif best_score is None or s > best_score:
                best, best_score = rec, s
        if best is not None:
            if page not in best["sources"]:
                best["sources"].append(page)
            merged_abstracts += 1
        else:
            untitled.append(dict(title="", authors=[], authors_truncated=True,
                                 categories=[], institutions=[], abstract=text,
                                 sources=[page], listings=[]))

    # Ids.
    used = set()
    for rec in records + untitled:
        if rec["title"]:
            base = "%s-%s-%s" % ((rec.get("venue") or "paper").lower(),
                                 rec.get("year", "undated"), slug_words(rec["title"]))
        else:
            base = "untitled-" + slug_words(rec["abstract"])
        base = re.sub(r"[^0-9a-z-]+", "-", base.lower()).strip("-")
        rid, n = base, 2
        while rid in used:
            rid, n = "%s-%d" % (base, n), n + 1
        used.add(rid)
        rec["id"] = rid
        rec["versions"] = []

    # Rule 5: versions.
    version_links = 0
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if (a.get("venue"), a.get("type")) == (b.get("venue"), b.get("type")):
                continue
            same = norm_title(a["title"]) == norm_title(b["title"])
            if not same and a.get("abstract") and b.get("abstract"):
                same = abstract_match(a["abstract"], b["abstract"]) is not None
            if same:
                a["versions"].append(b["id"])
                b["versions"].append(a["id"])
                version_links += 1

    stats = dict(records=len(records) + len(untitled), titled=len(records),
                 merged_duplicates=merged_duplicates, merged_abstracts=merged_abstracts,
                 untitled=len(untitled), version_links=version_links,
                 closest_nonmatch=closest_nonmatch)
    return records + untitled, stats


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

KEY_ORDER = ["id", "title", "authors", "authors_truncated", "year", "date", "venue", "type",
             "categories", "institutions", "abstract", "sources", "versions", "doi", "arxiv_id"]


def to_json(rec):
    out = {}
    for k in KEY_ORDER:
        v = rec.get(k)
        if v is None:
            continue
        out[k] = v
    return json.dumps(out, ensure_ascii=False)


def main():
    names = sorted(n for n in os.listdir(PAGES_DIR) if n.endswith(".txt"))
    pages = []
    for n in names:
        with open(os.path.join(PAGES_DIR, n), encoding="utf-8") as f:
            pages.append((n, f.read()))
    records, stats = build(pages)

    lines = [to_json(r) for r in records]
    for l in lines:
        if '"""#' in l or "\\#" in l:
            sys.exit("error: a JSON line contains a sequence that would end or escape the Swift raw string")
        if "\n" in l or "\r" in l:
            sys.exit("error: a JSON line contains a raw line break")
    jsonl = "".join(l + "\n" for l in lines)

    swift = (
        "// Generated by Tools/build-default-corpus.py from Corpus/pages/. Do not edit.\n"
        "enum DefaultCorpusData {\n"
        "    static let jsonLines: String = #\"\"\"\n"
        + jsonl +
        "\"\"\"#\n"
        "}\n"
    )

    os.makedirs(os.path.dirname(SWIFT_PATH), exist_ok=True)
    with open(JSONL_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(jsonl)
    with open(SWIFT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(swift)

    print("default corpus: %d records (%d titled, %d untitled)"
          % (stats["records"], stats["titled"], stats["untitled"]))
    print("  merged duplicate listings: %d" % stats["merged_duplicates"])
    print("  bare abstracts merged into titled records: %d" % stats["merged_abstracts"])
    print("  untitled abstract-only records: %d" % stats["untitled"])
    print("  version links (pairs): %d" % stats["version_links"])
    print("  closest non-matching abstract similarity: %.2f (threshold %.2f)"
          % (stats["closest_nonmatch"], ABSTRACT_SIMILARITY))
    print("  wrote %s and %s" % (os.path.relpath(JSONL_PATH, ROOT), os.path.relpath(SWIFT_PATH, ROOT)))


if __name__ == "__main__":
    main()
