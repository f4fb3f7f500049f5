/// Prints a script in one canonical layout from its syntax tree: one statement per line, single
/// spaces, lowercase keywords, `|` between stages with a space each side, strings in double
/// quotes. Comments are kept: a comment line before a statement stays before it, a comment after
/// a statement stays after it, and a statement with a comment inside it is kept as written.
/// Formatting the output again changes nothing. Text with syntax errors is not formatted.
public enum ScriptFormatter {
    /// The formatted text, or nil when the text has syntax errors.
    public static func format(_ text: String) -> String? {
        let source = SourceFile(name: "<query>", text: text)
        let parsed = Parser.parse(source)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let comments = SyntaxIndex.comments(in: source)
        var lines: [String] = []
        var commentIndex = 0
        var previousEnd = 0
        func blankLineBefore(_ offset: Int) -> Bool {
            guard !lines.isEmpty else { return false }
            let between = source.bytes[previousEnd..<offset]
            return between.split(separator: 10, omittingEmptySubsequences: false).count > 2
        }
        for statement in parsed.script.statements {
            let span = statement.span
            // Comments before the statement, each on its own line.
            while commentIndex < comments.count, comments[commentIndex].end <= span.start {
                let comment = comments[commentIndex]
                if blankLineBefore(comment.start) { lines.append("") }
                if isAfterCode(comment, in: source), !lines.isEmpty, source.line(of: comment.start) == source.line(of: previousEnd) {
                    lines[lines.count - 1] += "  " + source.text(of: comment)
                } else {
                    lines.append(source.text(of: comment))
                }
                previousEnd = comment.end
                commentIndex += 1
            }
            if blankLineBefore(span.start) { lines.append("") }
            let inside = comments[commentIndex...].prefix { $0.start < span.end }
            if !inside.isEmpty {
                lines.append(source.text(of: SourceSpan(start: span.start, end: max(span.end, inside.last?.end ?? span.end))))
                previousEnd = max(span.end, inside.last?.end ?? span.end)
                commentIndex += inside.count
            } else {
                lines.append(print(statement))
                previousEnd = span.end
            }
        }
        for comment in comments[commentIndex...] {
            if blankLineBefore(comment.start) { lines.append("") }
            if !lines.isEmpty, source.line(of: comment.start) == source.line(of: previousEnd), isAfterCode(comment, in: source) {
                lines[lines.count - 1] += "  " + source.text(of: comment)
            } else {
                lines.append(source.text(of: comment))
            }
            previousEnd = comment.end
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// For range formatting: each statement that meets the byte range, with its canonical text
    /// (statements with a comment inside are left alone). Nil when the text has syntax errors.
    public static func formatStatements(_ text: String, in range: Range<Int>) -> [(span: SourceSpan, text: String)]? {
        let source = SourceFile(name: "<query>", text: text)
        let parsed = Parser.parse(source)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let comments = SyntaxIndex.comments(in: source)
        return parsed.script.statements.compactMap { statement in
            let span = statement.span
            guard span.start <= range.upperBound, range.lowerBound <= span.end,
                !comments.contains(where: { span.start < $0.start && $0.start < span.end }) else { return nil }
            let printed = print(statement)
            return printed == source.text(of: span) ? nil : (span, printed)
        }
    }

    /// Whether something other than blanks precedes the comment on its line.
    private static func isAfterCode(_ comment: SourceSpan, in source: SourceFile) -> Bool {
        var index = comment.start
        while index > 0, source.bytes[index - 1] != 10, source.bytes[index - 1] != 13 {
            index -= 1
            if source.bytes[index] != 32, source.bytes[index] != 9 { return true }
        }
        return false
    }

    // MARK: - Printing the tree

    static func print(_ statement: Statement) -> String {
        switch statement {
        case .binding(let name, let value, _): "let \(name.text) = \(print(value))"
        case .query(let pipeline): print(pipeline)
        case .invalid: ""
        }
    }

    static func print(_ pipeline: Pipeline) -> String {
        ([print(pipeline.source)] + pipeline.stages.map(print)).joined(separator: " | ")
    }

    static func print(_ stage: Stage) -> String {
        switch stage {
        case .count(let by, _): by.map { "count by \($0.text)" } ?? "count"
        case .sort(let keys, _):
            "sort by " + keys.map { key in
                key.field.text + (key.descending.map { $0 ? " desc" : " asc" } ?? "")
            }.joined(separator: ", ")
        case .limit(let count, _): "limit \(count)"
        case .show(let fields, _): "show " + fields.map(\.text).joined(separator: ", ")
        case .invalid: ""
        }
    }

    static func print(_ set: SetExpression) -> String {
        switch set {
        case .papers(_, let filter): filter.map { "papers " + print($0) } ?? "papers"
        case .authors(_, let of): of.map { "authors of " + print($0) } ?? "authors"
        case .authorsNamed(_, let name, let exactly): "authors named " + (exactly ? "exactly " : "") + quoted(name.text)
        case .venues(_, let of): of.map { "venues of " + print($0) } ?? "venues"
        case .coauthors(_, let of, let within):
            "coauthors of " + print(of) + (within.map { " within \($0.text)" } ?? "")
        case .path(_, let from, let to): "path from \(print(from)) to \(print(to))"
        case .profile(_, let of): "profile " + print(of)
        case .variable(let name): name.text
        case .parenthesized(let pipeline, _): "(" + print(pipeline) + ")"
        case .filtered(let base, let filter): print(base) + " " + print(filter)
        case .invalid: ""
        }
    }

    static func print(_ reference: AuthorReference) -> String {
        switch reference {
        case .name(let literal, let exactly, _): (exactly ? "exactly " : "") + quoted(literal.text)
        case .all(let parts): parts.map(print).joined(separator: " and ")
        case .any(let parts): parts.map(print).joined(separator: " or ")
        case .set(let set): print(set)
        }
    }

    /// Filters side by side stand for `and`; a run of comparisons reads `where A and B`.
    static func print(_ filter: Filter) -> String {
        switch filter {
        case .and(let parts):
            var text = ""
            var previousWasComparison = false
            for part in parts {
                let isComparison = if case .comparison = part { true } else { false }
                if !text.isEmpty { text += isComparison && previousWasComparison ? " and " : " " }
                text += isComparison && previousWasComparison ? printComparison(part) : print(part)
                previousWasComparison = isComparison
            }
            return text
        case .or(let parts): return parts.map(print).joined(separator: " or ")
        case .not(let inner, _): return "not " + print(inner)
        case .group(let inner, _): return "(" + print(inner) + ")"
        case .by(let reference, _): return "by " + print(reference)
        case .at(let value, _): return "at " + print(value)
        case .years(let bound, _, _):
            switch bound {
            case .since(let year): return "since \(year.text)"
            case .before(let year): return "before \(year.text)"
            case .until(let year): return "until \(year.text)"
            case .during(let year): return "in \(year.text)"
            case .between(let first, let second): return "between \(first.text) and \(second.text)"
            }
        case .category(let value, _): return "in category " + print(value)
        case .institution(let value, _): return "from " + print(value)
        case .matching(let words, _): return "matching " + quoted(words.text)
        case .titled(let title, _): return "titled " + quoted(title.text)
        case .comparison: return "where " + printComparison(filter)
        case .invalid: return ""
        }
    }

    private static func printComparison(_ filter: Filter) -> String {
        guard case .comparison(let field, let op, _, let value) = filter else { return print(filter) }
        return "\(field.text) \(op.rawValue) \(print(value))"
    }

    static func print(_ literal: Literal) -> String {
        switch literal.kind {
        case .string: quoted(literal.text)
        case .word, .integer: literal.text
        }
    }

    /// A string in double quotes with `\`, `"`, newlines and tabs escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

extension SourceFile {
    /// The line (from 0) of a byte offset, counting `\n`.
    func line(of offset: Int) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(0) { $1 == 10 ? $0 + 1 : $0 }
    }
}
