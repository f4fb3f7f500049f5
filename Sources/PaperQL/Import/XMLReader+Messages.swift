/// What `XMLReader` says when it refuses a file, in one place (the importers prefix
/// "malformed XML: " and the place).
enum XMLReaderMessage {
    static let unclosedRoot = "the file ends before its root element is closed (truncated?)"
    static let noRootElement = "no root element (an empty document?)"
    static let beforeRoot = "text before the root element"
    static let afterRoot = "text or markup after the root element closed"
    static let strayAngle = "a stray `<` (write `&lt;` for the character)"
    static let strayAmpersand = "a stray `&` (write `&amp;` for the character; a reference ends with `;`)"
    static let tagTooLong = "a tag longer than \(ImportLimits.describe(bytes: XMLReader.maximumTagBytes))"
    static let endTagWithoutName = "an end tag without a name"
    static let misplacedDoctype = "a DOCTYPE is only allowed once, before the root element"
    static let unknownDeclaration = "`<!` starts neither a comment, a CDATA section nor a DOCTYPE"
    static let endsInsideCharacter = "invalid UTF-8: the file ends inside a character"
    static let readError = "the file could not be read on (an I/O error)"

    static func endsInside(_ what: String, rootOpen: Bool) -> String {
        rootOpen ? "the file ends inside \(what) before its root element is closed (truncated?)" : "the file ends inside \(what) (truncated?)"
    }

    static func endTagNotClosed(_ name: String) -> String { "the end tag </\(name)> is not closed by `>`" }
    static func endTagWithoutStart(_ name: String) -> String { "the end tag </\(name)> closes no element" }
    static func mismatchedEndTag(_ name: String, open: String) -> String {
        "mismatched end tag: </\(name)> where </\(open)> closes the open <\(open)>"
    }
    static func slashWithoutAngle(_ element: String) -> String { "`/` not followed by `>` in the tag <\(element)>" }
    static func badInTag(_ element: String) -> String { "an attribute name or `>` expected in the tag <\(element)>" }
    static func attributesNotSeparated(_ element: String) -> String { "attributes not separated by white space in the tag <\(element)>" }
    static func attributeWithoutValue(_ attribute: String, element: String) -> String {
        "the attribute \(attribute) of <\(element)> has no value (`=` expected)"
    }
    static func unquotedAttribute(_ attribute: String, element: String) -> String {
        "the value of the attribute \(attribute) of <\(element)> is not in quotes"
    }
    static func duplicateAttribute(_ attribute: String, element: String) -> String {
        "the attribute \(attribute) appears twice in the tag <\(element)>"
    }
    static func angleInAttribute(_ attribute: String, element: String) -> String {
        "a `<` in the value of the attribute \(attribute) of <\(element)> (write `&lt;`)"
    }
    static func badCharacterReference(_ text: String) -> String {
        "the character reference &\(text); is not a character XML allows"
    }
    static func unsupportedEncoding(_ name: String) -> String {
        "the file declares the encoding \"\(name)\"; only UTF-8 and ISO-8859-1 are read"
    }
    static func controlCharacter(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "a control character (U+00\(hex.count == 1 ? "0" + hex : hex)) is not allowed in XML; the file is not read past it"
    }
    static func invalidUTF8(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); the file is not read past it"
    }
    static func nonCharacter(_ hex: String) -> String {
        "the character U+\(hex) is not allowed in XML; the file is not read past it"
    }
}
