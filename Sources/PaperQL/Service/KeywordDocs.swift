/// One-line descriptions of keywords and fields, for completion details and hover.
enum KeywordDocs {
    static func summary(_ keyword: Keyword) -> String {
        switch keyword {
        case .papers: "every paper, or the papers passing the filters after it"
        case .authors: "authors, with their paper counts; `authors of SET` for a set's authors"
        case .venues: "venues, with their paper counts; `venues of SET` for a set's venues"
        case .coauthors: "`coauthors of AUTHOR [within N]`: people who wrote papers with an author"
        case .path: "`path from A to B`: the shortest chain of coauthors between two authors"
        case .by: "papers by authors: `by \"A\"`, `by \"A\" and \"B\"` (both), `by \"A\" or \"B\"`"
        case .at: "papers at a venue: `at NeurIPS`"
        case .since: "papers from a year on: `since 2020`"
        case .before: "papers before a year: `before 2020`"
        case .until: "papers up to and including a year: `until 2020`"
        case .in: "papers in a year (`in 2021`) or a category (`in category LG`)"
        case .between: "papers in a range of years: `between 2016 and 2018`"
        case .matching: "papers whose title or abstract has the words: `matching \"scaling laws\"`"
        case .titled: "papers with a title: `titled \"Attention Is All You Need\"`"
        case .where: "a comparison on a field: `where year >= 2020`"
        case .exactly: "an author name matched in full: `exactly \"Scott E. Reed\"`"
        case .category: "`in category NAME`: papers in an arXiv-style category"
        case .from: "papers from an institution (`from DeepMind`), or `path from A to B`"
        case .and: "both conditions (or every author: `by \"A\" and \"B\"`)"
        case .or: "either condition (or any author)"
        case .not: "papers failing a filter: `not at arXiv`"
        case .of: "the set an `authors`, `venues` or `coauthors` query is about"
        case .to: "the second author of `path from A to B`"
        case .within: "`coauthors of A within N`: coauthors up to N hops away"
        case .let: "`let NAME = QUERY`: name a result for later statements"
        case .count: "`| count`: the number of rows; `| count by FIELD`: rows per value"
        case .sort: "`| sort by FIELD [asc|desc], …`: order the rows"
        case .limit: "`| limit N`: keep the first N rows"
        case .show: "`| show FIELD, …`: choose the columns"
        case .asc: "ascending order"
        case .desc: "descending order"
        }
    }

    static func summary(_ field: Field) -> String {
        switch field {
        case .id: "the paper's id in the data"
        case .title: "the paper's title"
        case .year: "the year of publication"
        case .venue: "where the paper appeared"
        case .authors: "the authors, in byline order"
        case .type: "conference, journal, preprint, book, thesis or other"
        case .date: "the publication date as written (YYYY-MM-DD)"
        case .categories: "arXiv-style categories"
        case .institutions: "the authors' institutions"
        case .abstract: "the abstract"
        case .sources: "the files or pages the record came from"
        case .versions: "other versions of the same work"
        case .doi: "the DOI"
        case .truncated: "whether the author list was cut short in the source"
        case .name: "the author's or venue's name"
        case .papers: "the number of papers"
        case .shared: "papers shared with the authors asked about"
        case .distance: "coauthor hops from the authors asked about"
        case .variants: "every way the author's name was written"
        case .key: "the value rows were counted by"
        case .count: "how many rows have the value"
        }
    }
}
