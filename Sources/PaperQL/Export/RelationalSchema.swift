/// The tables of a relational export and their columns, in file order: what `paperql export
/// --relational` writes, what `load-<dialect>.sql` creates, and what `SQLCompiler` queries.
/// Ids are the graph's own (stable for one loaded graph): `papers.id` ascends with (year, title
/// descending), so `ORDER BY id DESC` is PaperQL's default order of papers.
public enum RelationalSchema {
    public enum ColumnType: Sendable {
        case integer, text
    }

    public struct Column: Sendable {
        public let name: String
        public let type: ColumnType
    }

    public struct Table: Sendable {
        public let name: String
        public let columns: [Column]
        public let about: String
        public var file: String { "\(name).csv" }
    }

    private static func int(_ name: String) -> Column { Column(name: name, type: .integer) }
    private static func text(_ name: String) -> Column { Column(name: name, type: .text) }

    public static let papers = Table(name: "papers", columns: [
        int("id"), text("key"), text("title"), text("title_lower"), text("title_fold"), text("abstract"),
        text("abstract_fold"), int("year"), text("date"), text("date_or_year"), int("venue_id"), text("venue"),
        text("type"), text("doi"), text("doi_lower"), text("doi_fold"), text("key_fold"), text("arxiv_id"),
        int("author_count"), int("truncated"),
    ], about: "one row per paper; *_fold columns are TextFolding.fold of the text, *_lower Swift's lowercased()")

    public static let people = Table(name: "people", columns: [
        int("id"), text("name"), text("identifier"), text("identifier_lower"), int("paper_count"),
    ], about: "one row per person (author): display name and the identifier the sources give, if any")

    public static let authorNames = Table(name: "author_names", columns: [
        int("person_id"), text("name"), text("folded"), text("name_key"),
    ], about: "every written form of every person's name; folded = TextFolding.fold, name_key = TextFolding.foldName")

    public static let authorships = Table(name: "authorships", columns: [
        int("paper_id"), int("person_id"), int("position"), text("written_name"),
    ], about: "paper → person, byline position from 1, and the name as that paper wrote it")

    public static let venues = Table(name: "venues", columns: [
        int("id"), text("name"), text("folded"), int("paper_count"),
    ], about: "venues; papers.venue_id points here")

    public static let categories = Table(name: "categories", columns: [int("id"), text("name"), text("folded")],
                                         about: "categories (cs.LG, …)")
    public static let paperCategories = Table(name: "paper_categories", columns: [
        int("paper_id"), int("category_id"), int("position"),
    ], about: "paper → category")
    public static let institutions = Table(name: "institutions", columns: [int("id"), text("name"), text("folded")],
                                           about: "institutions")
    public static let paperInstitutions = Table(name: "paper_institutions", columns: [
        int("paper_id"), int("institution_id"), int("position"),
    ], about: "paper → institution")
    public static let sources = Table(name: "sources", columns: [int("id"), text("name")],
                                      about: "the files or pages papers were read from")
    public static let paperSources = Table(name: "paper_sources", columns: [int("paper_id"), int("source_id")],
                                           about: "paper → source")
    public static let versions = Table(name: "versions", columns: [int("paper_id"), int("version_id")],
                                       about: "paper → another version of the same work")
    public static let words = Table(name: "words", columns: [int("id"), text("word")],
                                    about: "the folded words of titles and abstracts")
    public static let paperWords = Table(name: "paper_words", columns: [int("word_id"), int("paper_id")],
                                         about: "word → papers whose title or abstract has it (the word index)")
    public static let tokens = Table(name: "tokens", columns: [
        int("paper_id"), int("field"), int("position"), int("word_id"),
    ], about: "the words of each title (field 0) and abstract (field 1) in order, for phrases")

    public static let tables: [Table] = [
        papers, people, authorNames, authorships, venues, categories, paperCategories, institutions,
        paperInstitutions, sources, paperSources, versions, words, paperWords, tokens,
    ]
}
