/// The reserved words of the language. Keywords are matched case-insensitively.
public enum Keyword: String, Sendable, CaseIterable {
    // sets
    case papers, authors, venues, coauthors, path, profile
    // filters
    case by, at, since, before, until, `in`, between, matching, titled, `where`, exactly, category, from
    // connectives
    case and, or, not
    // set arguments
    case of, to, within, named
    // statements and stages
    case `let`, count, sort, limit, show, asc, desc
}
