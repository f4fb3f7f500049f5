/// The limits every importer shares, in one place (the README's "Limits" table lists them and
/// what happens past each).
enum ImportLimits {
    /// Longest field value (bytes) any importer keeps: a BibTeX value after its macros are
    /// expanded, a CSV field, the text of an XML element, a JSON string.
    static let valueBytes = 1 << 20

    /// How a limit in bytes reads in messages ("1 MB", "4 MB", "300 bytes"): one wording for
    /// every importer.
    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}
