/// A column of a result, used by `show`, `sort by`, `count by` and `where`.
public enum Field: String, Sendable, Equatable, CaseIterable {
    // papers
    case id, title, year, venue, authors, type, date, categories, institutions, abstract, sources, versions, doi
    case truncated
    // authors and venues
    case name, papers, shared, distance, variants
    // authors: what tells people with one name apart
    case identifier, years, venues, coauthors
    // groups
    case key, count

    /// Singular spellings accepted for list fields.
    static let aliases: [String: Field] = [
        "author": .authors, "category": .categories, "institution": .institutions, "source": .sources,
        "version": .versions, "paper": .papers,
    ]

    init?(typed: String) {
        let lowered = typed.lowercased()
        if let field = Field(rawValue: lowered) ?? Self.aliases[lowered] { self = field } else { return nil }
    }

    /// Fields `show` can display for each kind of result.
    static func shown(for kind: ResultKind) -> [Field] {
        switch kind {
        case .papers:
            [.id, .title, .year, .venue, .authors, .type, .date, .categories, .institutions, .abstract, .sources,
             .versions, .doi, .truncated]
        case .authors: [.name, .papers, .shared, .distance, .variants, .identifier, .years, .venues, .coauthors]
        case .venues: [.name, .papers]
        case .groups: [.key, .count]
        case .count, .path, .profile: []
        }
    }

    /// Fields `sort by` can order by.
    static func sortable(for kind: ResultKind) -> [Field] {
        switch kind {
        case .papers: [.title, .year, .venue, .date, .id, .type, .authors]
        case .authors: [.name, .papers, .shared, .distance]
        case .venues: [.name, .papers]
        case .groups: [.key, .count]
        case .count, .path, .profile: []
        }
    }

    /// Fields papers can be grouped by.
    static let groupable: [Field] = [.year, .venue, .authors, .categories, .institutions, .type, .sources]

    /// Fields a `where` comparison can test.
    static let comparable: [Field] = [.id, .title, .year, .venue, .authors, .type, .date, .categories, .institutions,
                                      .abstract, .doi]

    /// The natural direction of a sort when neither `asc` nor `desc` is written.
    var sortsDescendingByDefault: Bool {
        switch self {
        case .year, .date, .papers, .shared, .count, .authors: true
        default: false
        }
    }
}
