import Foundation
import PaperQL

/// Completion and hover, from the library's `LanguageService`.
extension LanguageServer {
    func completion(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        let list = snapshot.service.completions(in: document.text, at: offset)
        let range = document.range(of: list.replacing, encoding: snapshot.encoding)
        let items = list.items.enumerated().map { index, item -> JSONValue in
            .compact([
                "label": .string(item.label),
                "kind": .int(Self.completionKind(item.kind)),
                "detail": item.detail.map(JSONValue.string),
                "sortText": .string(format6(index)),
                // The replaced text may start with a quote: filter on what is inserted.
                "filterText": .string(item.insertText),
                "textEdit": .object(["range": range, "newText": .string(item.insertText)]),
            ])
        }
        // Names match accent- and case-insensitively, which a client's own filter does not:
        // ask again as the user types.
        return .object(["isIncomplete": .bool(true), "items": .array(items)])
    }

    private func format6(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// LSP `CompletionItemKind`s.
    static func completionKind(_ kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .keyword: 14
        case .field: 5
        case .author: 18
        case .venue, .category, .institution: 20
        case .value: 12
        case .variable: 6
        }
    }

    func hover(_ params: JSONValue?, _ snapshot: Snapshot) throws(ResponseError) -> JSONValue {
        let document = try snapshot.document(params)
        let offset = try snapshot.offset(params, in: document)
        guard let hover = snapshot.service.hover(in: document.text, at: offset) else { return .null }
        var markdown = hover.markdown
        // A `let` name's size, from the last run of this version of the document.
        if case .variable(let name, _?) = hover.subject, let (version, analysis) = snapshot.analyses[document.uri],
            version == document.version,
            let result = analysis.results.last(where: { $0.binding == name && $0.span.end <= hover.span.start })
        {
            markdown += "\n\n" + Self.size(result)
        }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(markdown)]),
            "range": document.range(of: hover.span, encoding: snapshot.encoding),
        ])
    }
}

extension Hover {
    /// The hover's text for an editor: the first line as a heading line, the rest as a list.
    var markdown: String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return "" }
        let rest = lines.dropFirst().map { "- " + $0.trimmingCharacters(in: .whitespaces) }
        return ([String(first)] + (rest.isEmpty ? [] : [""] + rest)).joined(separator: "\n")
    }
}
