/// What the token under a cursor is.
public struct Hover: Sendable, Equatable {
    /// One author a typed name matched.
    public struct AuthorMatch: Sendable, Equatable {
        public let author: AuthorID
        public let name: String
        public let paperCount: Int
        public let activeYears: ClosedRange<Int>?
        /// Other ways the name was written.
        public let variants: [String]
        /// The people they wrote most papers with, and how many (at most three).
        public var topCoauthors: [(name: String, shared: Int)] = []
        /// The identifier a source gives the person (`acl:yang-liu-ict`), which picks them alone.
        public var identifier: String?

        public static func == (lhs: AuthorMatch, rhs: AuthorMatch) -> Bool {
            lhs.author == rhs.author && lhs.name == rhs.name && lhs.paperCount == rhs.paperCount
                && lhs.activeYears == rhs.activeYears && lhs.variants == rhs.variants
                && lhs.topCoauthors.map(\.name) == rhs.topCoauthors.map(\.name)
                && lhs.topCoauthors.map(\.shared) == rhs.topCoauthors.map(\.shared) && lhs.identifier == rhs.identifier
        }
    }

    /// A venue, category or institution a typed name matched.
    public struct ValueMatch: Sendable, Equatable {
        public let name: String
        public let papers: Int
    }

    public enum Subject: Sendable, Equatable {
        case keyword(Keyword)
        case field(Field)
        /// An author name and the authors it matched (empty: none; see `suggestions`).
        case authorName(typed: String, exactly: Bool, matches: [AuthorMatch], suggestions: [String])
        case venue(typed: String, matches: [ValueMatch])
        case category(typed: String, matches: [ValueMatch])
        case institution(typed: String, matches: [ValueMatch])
        case variable(name: String, kind: ResultKind?)
        case year(Int)
        case number(Int)
    }

    /// The UTF-8 byte range of the token.
    public let span: SourceSpan
    public let subject: Subject

    /// The hover as plain text lines, for a shell or an editor's tooltip.
    public var text: String {
        switch subject {
        case .keyword(let keyword):
            return "keyword `\(keyword.rawValue)`: \(KeywordDocs.summary(keyword))"
        case .field(let field):
            return "field `\(field.rawValue)`: \(KeywordDocs.summary(field))"
        case .authorName(let typed, let exactly, let matches, let suggestions):
            let how = exactly ? "exactly " : ""
            guard !matches.isEmpty else {
                let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
                return "author \(how)\"\(typed)\": no author matches\(hint)"
            }
            var lines = ["author \(how)\"\(typed)\": \(matches.count == 1 ? "1 author" : "\(matches.count) authors")"]
            for match in matches {
                let identifier = match.identifier.map { " [\($0)]" } ?? ""
                var line = "  \(match.name)\(identifier) — \(match.paperCount == 1 ? "1 paper" : "\(match.paperCount) papers")"
                if let years = match.activeYears {
                    line += years.lowerBound == years.upperBound ? ", \(years.lowerBound)" : ", \(years.lowerBound)–\(years.upperBound)"
                }
                if !match.variants.isEmpty { line += "; also written " + match.variants.joined(separator: ", ") }
                if !match.topCoauthors.isEmpty {
                    line += "; most with " + match.topCoauthors.map { "\($0.name) (\($0.shared))" }.joined(separator: ", ")
                }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        case .venue(let typed, let matches):
            return Self.facetText("venue", typed, matches)
        case .category(let typed, let matches):
            return Self.facetText("category", typed, matches)
        case .institution(let typed, let matches):
            return Self.facetText("institution", typed, matches)
        case .variable(let name, let kind):
            return kind.map { "`\(name)`: a `let` name holding \($0.article)" } ?? "`\(name)`: no `let` name by that name yet"
        case .year(let year):
            return "year \(year)"
        case .number(let number):
            return "number \(number)"
        }
    }

    private static func facetText(_ what: String, _ typed: String, _ matches: [ValueMatch]) -> String {
        guard !matches.isEmpty else { return "\(what) \"\(typed)\": no \(what) matches" }
        let list = matches.prefix(10).map { "  \($0.name) — \($0.papers == 1 ? "1 paper" : "\($0.papers) papers")" }
        return (["\(what) \"\(typed)\": \(matches.count == 1 ? "1 match" : "\(matches.count) matches")"] + list)
            .joined(separator: "\n")
    }
}
