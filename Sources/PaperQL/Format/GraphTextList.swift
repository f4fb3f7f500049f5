/// A list of texts a result shows (a paper's authors as written, its categories, an author's
/// name variants), read from the graph's lists of ids without copying: each element is looked
/// up when it is read.
public struct GraphTextList: Sendable, RandomAccessCollection, Equatable {
    enum Storage: Sendable {
        /// Ids into one of the graph's byte columns (written author names, paper keys).
        case column(IDList, StringColumn)
        /// Ids into a table of names the graph keeps as strings (categories, institutions, sources).
        case names(IDList, [String])
        /// Texts made for the result (an author's top venues and coauthors).
        case strings([String])
    }

    let storage: Storage

    init(_ storage: Storage) {
        self.storage = storage
    }

    /// A list of texts that are not stored in the graph.
    public init(_ strings: [String]) {
        storage = .strings(strings)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .column(let ids, _), .names(let ids, _): ids.count
        case .strings(let strings): strings.count
        }
    }

    public subscript(position: Int) -> GraphText {
        switch storage {
        case .column(let ids, let column): column.text(Int(ids[ids.startIndex + position]))
        case .names(let ids, let names): GraphText(names[Int(ids[ids.startIndex + position])])
        case .strings(let strings): GraphText(strings[position])
        }
    }

    /// The texts as strings.
    public var strings: [String] { map(\.string) }

    /// The texts joined by `separator`.
    public func joined(separator: String) -> String {
        var output = ""
        for (position, text) in enumerated() {
            if position > 0 { output += separator }
            output += text.string
        }
        return output
    }

    public static func == (lhs: GraphTextList, rhs: GraphTextList) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
