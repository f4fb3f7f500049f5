/// What the syntax tree says each name in a script is: `let` definitions and the uses that
/// refer to them, fields, values, author names; and where the comments are (the gaps between
/// tokens that start with `#`). Built by walking the parser's tree, never by re-reading tokens.
struct SyntaxIndex: Sendable {
    struct Definition: Sendable, Equatable {
        let name: String
        let nameSpan: SourceSpan
        let statement: Int
        let statementSpan: SourceSpan
    }

    struct Reference: Sendable, Equatable {
        let name: String
        let span: SourceSpan
        let statement: Int
    }

    let script: Script
    private(set) var definitions: [Definition] = []
    private(set) var references: [Reference] = []
    private(set) var fields: [SourceSpan] = []
    /// Venues, categories, institutions and comparison values written as words or strings.
    private(set) var values: [SourceSpan] = []
    private(set) var authorNames: [SourceSpan] = []
    /// `since 2020`, `between … and …`, `within 2`.
    private(set) var numbers: [SourceSpan] = []
    private(set) var comments: [SourceSpan] = []

    init(_ source: SourceFile) {
        let parsed = Parser.parse(source)
        script = parsed.script
        for (index, statement) in parsed.script.statements.enumerated() {
            switch statement {
            case .binding(let name, let value, let span):
                walk(value, statement: index)
                definitions.append(Definition(name: name.text, nameSpan: name.span, statement: index, statementSpan: span))
            case .query(let pipeline):
                walk(pipeline, statement: index)
            case .invalid:
                break
            }
        }
        comments = Self.comments(in: source)
    }

    /// The definition a use refers to: the latest `let` of that name in an earlier statement.
    func definition(of reference: Reference) -> Definition? {
        definitions.last { $0.name == reference.name && $0.statement < reference.statement }
    }

    /// The definition at an offset, directly (its name) or through a use of it; and the name.
    func symbol(at offset: Int) -> (name: String, definition: Definition?)? {
        if let definition = definitions.first(where: { $0.nameSpan.start <= offset && offset <= $0.nameSpan.end }) {
            return (definition.name, definition)
        }
        if let reference = references.first(where: { $0.span.start <= offset && offset <= $0.span.end }) {
            return (reference.name, definition(of: reference))
        }
        return nil
    }

    /// The definition's name and every use that refers to it, in order.
    func occurrences(of definition: Definition) -> [SourceSpan] {
        [definition.nameSpan] + references.filter { $0.name == definition.name && self.definition(of: $0) == definition }.map(\.span)
    }

    // MARK: - Walking the tree

    private mutating func walk(_ pipeline: Pipeline, statement: Int) {
        walk(pipeline.source, statement: statement)
        for stage in pipeline.stages {
            switch stage {
            case .count(let by, _): if let by { fields.append(by.span) }
            case .sort(let keys, _): fields += keys.map(\.field.span)
            case .show(let shown, _): fields += shown.map(\.span)
            case .limit, .invalid: break
            }
        }
    }

    private mutating func walk(_ set: SetExpression, statement: Int) {
        switch set {
        case .papers(_, let filter):
            if let filter { walk(filter, statement: statement) }
        case .authors(_, let of), .venues(_, let of):
            if let of { walk(of, statement: statement) }
        case .authorsNamed(_, let name, _):
            authorNames.append(name.span)
        case .coauthors(_, let of, let within):
            walk(of, statement: statement)
            if let within { numbers.append(within.span) }
        case .path(_, let from, let to):
            walk(from, statement: statement)
            walk(to, statement: statement)
        case .profile(_, let of):
            walk(of, statement: statement)
        case .variable(let name):
            references.append(Reference(name: name.text, span: name.span, statement: statement))
        case .parenthesized(let pipeline, _):
            walk(pipeline, statement: statement)
        case .filtered(let base, let filter):
            walk(base, statement: statement)
            walk(filter, statement: statement)
        case .invalid:
            break
        }
    }

    private mutating func walk(_ reference: AuthorReference, statement: Int) {
        switch reference {
        case .name(let literal, _, _): authorNames.append(literal.span)
        case .all(let parts), .any(let parts): for part in parts { walk(part, statement: statement) }
        case .set(let set): walk(set, statement: statement)
        }
    }

    private mutating func walk(_ filter: Filter, statement: Int) {
        switch filter {
        case .and(let parts), .or(let parts): for part in parts { walk(part, statement: statement) }
        case .not(let inner, _), .group(let inner, _): walk(inner, statement: statement)
        case .by(let reference, _): walk(reference, statement: statement)
        case .at(let value, _), .category(let value, _), .institution(let value, _): values.append(value.span)
        case .years(let bound, _, _):
            switch bound {
            case .since(let year), .before(let year), .until(let year), .during(let year): numbers.append(year.span)
            case .between(let first, let second): numbers += [first.span, second.span]
            }
        case .matching, .titled, .invalid: break
        case .comparison(let field, _, _, let value):
            fields.append(field.span)
            values.append(value.span)
        }
    }

    /// Comments: a `#` between tokens (strings are tokens) runs to the end of its line.
    static func comments(in source: SourceFile) -> [SourceSpan] {
        let tokens = Lexer.tokenize(source).tokens
        var comments: [SourceSpan] = []
        var gapStart = 0
        for token in tokens {
            var index = gapStart
            while index < token.span.start {
                if source.bytes[index] == UInt8(ascii: "#") {
                    var end = index
                    while end < token.span.start, source.bytes[end] != 10, source.bytes[end] != 13 { end += 1 }
                    comments.append(SourceSpan(start: index, end: end))
                    index = end
                } else {
                    index += 1
                }
            }
            gapStart = max(gapStart, token.span.end)
        }
        return comments
    }
}
