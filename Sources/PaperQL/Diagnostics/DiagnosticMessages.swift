/// Every diagnostic message of the language, with its stable id, in one place.
enum Messages {
    // MARK: lex

    static func unexpectedCharacter(_ text: String) -> DiagnosticMessage {
        .init("lex.unexpectedCharacter", "unexpected character `\(text)`")
    }

    static func unknownEscape(_ character: String) -> DiagnosticMessage {
        .init("lex.unknownEscape", "unknown escape `\\\(character)` in a string")
    }

    static let unterminatedString = DiagnosticMessage("lex.unterminatedString", "unterminated string")

    // MARK: parse

    static func expected(_ what: String, found: String) -> DiagnosticMessage {
        .init("parse.expected", "expected \(what), found \(found)")
    }

    static func expectedEndOfStatement(_ found: String) -> DiagnosticMessage {
        .init("parse.expectedEndOfStatement", "expected the end of the statement, found \(found)")
    }

    static let unmatchedClosingParenthesis = DiagnosticMessage(
        "parse.unmatchedParenthesis", "`)` without a matching `(`")

    static func keywordAsName(_ keyword: String) -> DiagnosticMessage {
        .init("parse.keywordAsName", "`\(keyword)` is a keyword and cannot be used as a name")
    }

    static func unknownStage(_ found: String) -> DiagnosticMessage {
        .init("parse.unknownStage", "expected a stage (count, sort, limit, show) after `|`, found \(found)")
    }

    static func numberTooLarge(_ text: String) -> DiagnosticMessage {
        .init("parse.numberTooLarge", "the number \(text) is too large")
    }

    static func nestingTooDeep(_ limit: Int) -> DiagnosticMessage {
        .init("parse.nestingTooDeep", "the query nests more than \(limit) levels deep")
    }

    // MARK: sema

    static func unknownName(_ name: String) -> DiagnosticMessage {
        .init("sema.unknownName", "no query or `let` name called `\(name)`")
    }

    static func bindingShadowsField(_ name: String) -> DiagnosticMessage {
        .init("sema.bindingShadowsField", "`\(name)` is also a field name; a different name reads more clearly")
    }

    static func unknownAuthor(_ name: String) -> DiagnosticMessage {
        .init("sema.unknownAuthor", "no author named \"\(name)\"")
    }

    static func ambiguousAuthor(_ name: String, count: Int) -> DiagnosticMessage {
        .init("sema.ambiguousAuthor", "\"\(name)\" matches \(count) authors; answering for all of them")
    }

    static func conjunctionOfAuthors(_ context: String) -> DiagnosticMessage {
        DiagnosticMessage("sema.conjunctionOfAuthors", "`and` between authors is not allowed in `\(context)`")
    }

    static func unknownVenue(_ name: String) -> DiagnosticMessage {
        .init("sema.unknownVenue", "no venue named \"\(name)\"")
    }

    static func unknownCategory(_ name: String) -> DiagnosticMessage {
        .init("sema.unknownCategory", "no category named \"\(name)\"")
    }

    static func unknownInstitution(_ name: String) -> DiagnosticMessage {
        .init("sema.unknownInstitution", "no institution named \"\(name)\"")
    }

    static func severalValues(_ name: String, count: Int) -> DiagnosticMessage {
        .init("sema.severalMatches", "\"\(name)\" matches \(count) names; answering for all of them")
    }

    static func unknownTitle(_ title: String) -> DiagnosticMessage {
        .init("sema.unknownTitle", "no paper titled \"\(title)\"")
    }

    static func unknownPaperID(_ id: String) -> DiagnosticMessage {
        .init("sema.unknownPaperID", "no paper with id \"\(id)\"")
    }

    static func unknownType(_ type: String) -> DiagnosticMessage {
        .init("sema.unknownType", "no paper type \"\(type)\"")
    }

    static func unknownWord(_ word: String) -> DiagnosticMessage {
        .init("sema.unknownWord", "no paper contains the word \"\(word)\"")
    }

    static func nothingContains(_ text: String) -> DiagnosticMessage {
        .init("sema.nothingContains", "no name contains \"\(text)\"")
    }

    static let emptySearch = DiagnosticMessage("sema.emptySearch", "`matching` needs at least one word")

    static func notAYear(_ text: String) -> DiagnosticMessage {
        .init("sema.notAYear", "\(text) is not a year")
    }

    static func emptyYearRange(_ low: Int, _ high: Int) -> DiagnosticMessage {
        .init("sema.emptyYearRange", "between \(low) and \(high) is empty: the first year is after the second")
    }

    static let withinAtLeastOne = DiagnosticMessage("sema.withinAtLeastOne", "`within` needs at least 1 hop")

    static func unknownField(_ name: String, context: String) -> DiagnosticMessage {
        .init("sema.unknownField", "`\(context)` has no field `\(name)` here")
    }

    static func operatorNotAllowed(_ op: String, field: String) -> DiagnosticMessage {
        .init("sema.operatorNotAllowed", "`\(op)` cannot compare `\(field)`")
    }

    static func filterNeedsPapers(_ found: String) -> DiagnosticMessage {
        .init("sema.filterNeedsPapers", "filters apply to papers, but this is \(found)")
    }

    static func countByNeedsPapers(_ found: String) -> DiagnosticMessage {
        .init("sema.countByNeedsPapers", "`count by` groups papers, but this is \(found)")
    }

    static func stageAfterScalar(_ stage: String, _ found: String) -> DiagnosticMessage {
        .init("sema.stageAfterScalar", "`\(stage)` cannot follow \(found)")
    }

    static func expectedKind(_ expected: String, context: String, found: String) -> DiagnosticMessage {
        .init("sema.wrongKind", "\(context) expects \(expected), but this is \(found)")
    }

    // MARK: evaluate

    static let cancelled = DiagnosticMessage("eval.cancelled", "query cancelled")

    // MARK: prepare

    static let prepareNothing = DiagnosticMessage("prepare.empty", "there is no statement to prepare")
    static let prepareOneStatement = DiagnosticMessage(
        "prepare.oneStatement", "a prepared query is one statement; run a script with `run`, or prepare each statement")

    // MARK: - Empty answers

    static func emptyFilter(_ filter: String) -> DiagnosticMessage {
        .init("sema.emptyResult", "no paper matches `\(filter)`")
    }

    static func emptyConjunction(_ filter: String, after earlier: String, matching count: Int) -> DiagnosticMessage {
        .init("sema.emptyResult",
              "none of the \(count == 1 ? "1 paper" : "\(count) papers") matching `\(earlier)` also matches `\(filter)`")
    }

    static func emptyBase(_ set: String) -> DiagnosticMessage {
        .init("sema.emptyResult", "`\(set)` is empty, so no paper can match the filters after it")
    }

    // MARK: format

    static func notAGraph(_ format: String, kind: String) -> DiagnosticMessage {
        .init("format.notAGraph", "--format \(format) draws papers, authors, paths and profiles as graphs; this statement gives \(kind)")
    }

    static func noPapersToCite(kind: String) -> DiagnosticMessage {
        .init("format.noPapersToCite", "--format bibtex writes papers and profiles; this statement gives \(kind)")
    }

    // MARK: notes

    static func papers(_ count: Int) -> String { count == 1 ? "1 paper" : "\(count) papers" }

    /// `did you mean "Jack Rae" (6 papers)?`, or for a name several people bear, `did you mean
    /// "Jing Hu" (6 people, 41 papers)?`.
    static func didYouMeanAuthor(_ suggestion: AuthorSuggestion) -> String {
        let people = suggestion.people == 1 ? "" : "\(suggestion.people) people, "
        return "did you mean \"\(suggestion.name)\" (\(people)\(papers(suggestion.papers)))?"
    }

    static func didYouMeanWithPapers(_ name: String, papers count: Int) -> String {
        "did you mean \"\(name)\" (\(papers(count)))?"
    }

    static func didYouMean(_ candidate: String) -> String { "did you mean `\(candidate)`?" }

    // MARK: - Keyword suggestions

    /// A misspelt keyword, suggested from what the grammar allows at that point: "did you mean
    /// `since`?", or with several equally close, "did you mean `and`, `at` or `in`?"
    static func didYouMeanKeyword(_ keywords: [Keyword]) -> String {
        let quoted = keywords.map { "`\($0.rawValue)`" }
        guard quoted.count > 1, let last = quoted.last else { return "did you mean \(quoted.joined())?" }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \(last)?"
    }

    /// `sort year`: the field is there, only `by` is missing.
    static func writeSortBy(_ field: String) -> String { "write: sort by \(field)" }
}
