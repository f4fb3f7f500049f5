/// A statement whose names are resolved to graph ids and whose kinds are known.
public struct CheckedStatement: Sendable {
    /// `let NAME = …` binds; otherwise nil.
    public let binding: String?
    public let pipeline: CheckedPipeline
    public let span: SourceSpan
}

public struct CheckedPipeline: Sendable {
    public let source: CheckedSet
    public let stages: [CheckedStage]
    /// The kind of the value after all stages.
    public let kind: ResultKind
}

/// A set with every name resolved.
public indirect enum CheckedSet: Sendable {
    /// Papers from a base, kept when they pass a filter.
    case papers(base: PaperBase, filter: CheckedFilter?)
    /// Authors of papers (every author when nil), with their paper counts in that set.
    case authors(of: CheckedPipeline?)
    /// `authors named "NAME"`: the people the name means.
    case authorsNamed(ResolvedAuthorName)
    case venues(of: CheckedPipeline?)
    case coauthors(of: AuthorSelection, within: Int?)
    case path(from: AuthorSelection, to: AuthorSelection)
    /// `profile AUTHORS`: the page of the people (any of them).
    case profile(of: AuthorSelection)
    /// A `let` name whose value is not papers, or a parenthesized query.
    case variable(String, ResultKind)
    case nested(CheckedPipeline)
}

/// Where a paper set starts before its filters.
public indirect enum PaperBase: Sendable {
    case all
    case variable(String)
    case nested(CheckedPipeline)
}

/// Authors chosen by name or by a query.
public indirect enum AuthorSelection: Sendable {
    case named(ResolvedAuthorName)
    /// Every one of them (in `by`).
    case all([AuthorSelection])
    /// Any of them.
    case any([AuthorSelection])
    /// A query whose value is a set of authors.
    case query(CheckedPipeline)
    case variable(String)
}

/// A typed author name and the authors it matched.
public struct ResolvedAuthorName: Sendable {
    public let typed: String
    public let exactly: Bool
    public let span: SourceSpan
    public let authors: [AuthorID]
}

/// A paper filter over graph ids.
public indirect enum CheckedFilter: Sendable {
    case and([CheckedFilter])
    case or([CheckedFilter])
    case not(CheckedFilter)
    case authoredBy(AuthorSelection)
    case venue([UInt32], label: String)
    case category([UInt32], label: String)
    case institution([UInt32], label: String)
    /// Papers whose year is known and inside the range.
    case years(YearRange)
    /// Papers containing every word; `phrase` when the words must be adjacent, in order.
    case words([UInt32], phrase: [String]?, label: String)
    case papers([UInt32], label: String)
    /// A test on each candidate paper.
    case predicate(RowPredicate)
    /// Papers that have a value for the field (a non-empty list for list fields). `F != v`
    /// is "F has a value, and not F = v": a comparison with a missing value is never true.
    case hasValue(Field)
    /// Matches nothing (an unknown word; the checker has warned).
    case nothing(label: String)
}

/// A condition tested paper by paper.
public enum RowPredicate: Sendable, Equatable {
    /// The folded field contains the folded text (`~`); the text is folded already.
    case textContains(Field, String)
    /// The field, lower-cased, equals the text (lower-cased already).
    case textEquals(Field, String)
    /// Some way some author of the paper was written, folded, contains the (folded) text.
    case authorNameContains(String)
    case type(Set<PaperType>)
    /// The paper's date (its year when it has no date), cut to the length of the bound, compared
    /// as text with the bound. False when the paper has neither.
    case date(OrderComparison, String)
    /// The field has a value (see `CheckedFilter.hasValue`).
    case hasValue(Field)

    var label: String {
        switch self {
        case .textContains(let field, let text): "\(field.rawValue) ~ \"\(text)\""
        case .textEquals(let field, let text): "\(field.rawValue) = \"\(text)\""
        case .authorNameContains(let text): "authors ~ \"\(text)\""
        case .type(let types): "type in \(types.map(\.rawValue).sorted().joined(separator: ", "))"
        case .date(let op, let text): "date \(op.symbol) \"\(text)\""
        case .hasValue(let field): "\(field.rawValue) has a value"
        }
    }
}

/// An order comparison, as the checker understood it (the lexer's operator does not reach the plan).
public enum OrderComparison: Sendable, Equatable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    var symbol: String {
        switch self {
        case .equal: "="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }

    /// Whether `left OP right` holds.
    func holds<T: Comparable>(_ left: T, _ right: T) -> Bool {
        switch self {
        case .equal: left == right
        case .notEqual: left != right
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        }
    }
}

/// Inclusive year bounds; nil is open. Only papers with a known year are ever inside.
public struct YearRange: Sendable, Equatable {
    public let low: Int?
    public let high: Int?

    public init(low: Int?, high: Int?) {
        self.low = low
        self.high = high
    }

    /// Every paper with a known year.
    public static let known = YearRange(low: nil, high: nil)

    public func contains(_ year: Int) -> Bool {
        (low.map { year >= $0 } ?? true) && (high.map { year <= $0 } ?? true)
    }

    /// `2018`, `2016–2018`, `2020 on`, `up to 2018`, `any known year`.
    public var description: String {
        switch (low, high) {
        case (let low?, let high?): low == high ? "\(low)" : "\(low)–\(high)"
        case (let low?, nil): "\(low) on"
        case (nil, let high?): "up to \(high)"
        case (nil, nil): "any known year"
        }
    }
}

/// A checked pipeline stage.
public enum CheckedStage: Sendable {
    case count
    case countBy(Field)
    case sort([(field: Field, descending: Bool)])
    case limit(Int)
    case show([Field])
}
