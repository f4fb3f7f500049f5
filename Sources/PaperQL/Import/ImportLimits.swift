/// The limits every importer shares, in one place (the README's "Limits" table lists them and
/// what happens past each).
enum ImportLimits {
    /// Longest field value (bytes) any importer keeps: a BibTeX value after its macros are
    /// expanded, a CSV field, the text of an XML element, a JSON string.
    static let valueBytes = 1 << 20

    /// How the value limit reads in messages ("1 MB").
    static var valueDescription: String { "\(valueBytes >> 20) MB" }
}
