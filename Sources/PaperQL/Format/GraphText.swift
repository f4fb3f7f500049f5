/// Text a result shows, read from the graph without copying: a view of the bytes the graph
/// stores (a title, a key, a name), made into a `String` only when asked for one (`string`,
/// `description`, `plain` of `ResultValue`).
///
/// A `GraphText` keeps the storage it views alive, so it stays valid after the result and the
/// graph it came from are gone. Reading the bytes (`withUTF8`, `utf8Count`) allocates nothing.
///
/// ```swift
/// if case .text(let title) = row[1] {
///     title.withUTF8 { bytes in out.append(contentsOf: bytes) }
/// }
/// ```
public struct GraphText: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline enum Storage: Sendable {
        /// A stretch of one of the graph's byte columns (`StringColumn`).
        case bytes(Slice<Column<UInt8>>)
        /// A string the graph keeps as a `String` (venue and category names) or one made for the
        /// result (an author's active years, a chart's bar).
        case string(String)
    }

    @usableFromInline let storage: Storage

    init(bytes: Slice<Column<UInt8>>) {
        storage = .bytes(bytes)
    }

    /// Text that is not stored in the graph's byte columns.
    public init(_ string: String) {
        storage = .string(string)
    }

    /// The text as a `String` (one allocation for text longer than 15 bytes).
    public var string: String {
        switch storage {
        case .bytes(let bytes): bytes.base.withUnsafeBufferPointer { String(decoding: $0[bytes.startIndex..<bytes.endIndex], as: UTF8.self) }
        case .string(let string): string
        }
    }

    public var description: String { string }

    /// The length in UTF-8 bytes.
    @inlinable public var utf8Count: Int {
        switch storage {
        case .bytes(let bytes): bytes.count
        case .string(let string): string.utf8.count
        }
    }

    public var isEmpty: Bool { utf8Count == 0 }

    /// Calls `body` with the text's UTF-8 bytes, valid only during the call.
    @inlinable public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .bytes(let bytes):
            return try bytes.base.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[bytes.startIndex..<bytes.endIndex])) }
        case .string(let string):
            var string = string
            return try string.withUTF8(body)
        }
    }

    public static func == (lhs: GraphText, rhs: GraphText) -> Bool {
        lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension StringColumn {
    /// Entry `index` as a view of the column's bytes.
    func text(_ index: Int) -> GraphText {
        GraphText(bytes: bytes[range(index)])
    }

    /// Entry `index`, or nil when it is empty (a paper without a DOI).
    func optionalText(_ index: Int) -> GraphText? {
        let range = range(index)
        return range.isEmpty ? nil : GraphText(bytes: bytes[range])
    }
}
