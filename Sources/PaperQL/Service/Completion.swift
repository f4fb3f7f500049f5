/// One thing that can be inserted at the cursor.
public struct CompletionItem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case keyword
        case field
        case author
        case venue
        case category
        case institution
        case value
        case variable
    }

    /// What a list shows: `Jack Rae`, `since`, `title`.
    public let label: String
    /// What replaces the typed text: `"Jack Rae"` (quoted), `since`, `title`.
    public let insertText: String
    public let kind: Kind
    /// A short description: `6 papers, 2019–2023`, `field of papers`.
    public let detail: String?

    public init(label: String, insertText: String, kind: Kind, detail: String? = nil) {
        self.label = label
        self.insertText = insertText
        self.kind = kind
        self.detail = detail
    }
}

/// The completions at a cursor: items, and the text they replace.
public struct CompletionList: Sendable, Equatable {
    /// The UTF-8 byte range the chosen item's `insertText` replaces (the word or string being
    /// typed; empty at the cursor when nothing is typed yet).
    public let replacing: SourceSpan
    public let items: [CompletionItem]

    public init(replacing: SourceSpan, items: [CompletionItem]) {
        self.replacing = replacing
        self.items = items
    }

    /// The longest text every item's insertion starts with (for a shell's first Tab).
    public var commonPrefix: String {
        guard var prefix = items.first?.insertText else { return "" }
        for item in items.dropFirst() {
            while !item.insertText.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
