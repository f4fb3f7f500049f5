import Foundation
import Testing
@testable import PaperQL

/// The importers read common text on bytes and fall back to characters otherwise: on random
/// text, each byte path gives what the character path (the plain reading) gives.
@Suite struct ByteFastPathTests {
    static func randomText(_ pieces: [String], count: ClosedRange<Int>, using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test(arguments: [
        ("https://arxiv.org/abs/1706.03762v5", "1706.03762v5"),
        ("https://ARXIV.org/PDF/2101.00001v2.PDF", "2101.00001v2"),
        ("  arXiv:hep-th/9608091, more", "hep-th/9608091"),
        ("10.48550/arXiv.2301.12345", "2301.12345"),
        ("https://example.org/abs/1234", nil),
        ("abs/2101.00006", "2101.00006"),
    ] as [(String, String?)])
    func arxivIDs(text: String, expected: String?) {
        #expect(ImportText.arxivID(text) == expected)
        #expect(ImportText.arxivIDByCharacters(text) == expected)
    }

    /// The pieces of links, ids and noise an arXiv id is looked for in.
    static let linkPieces = [
        "https://", "arxiv.org/abs/", "ARXIV.ORG/pdf/", "arxiv.org/", "10.48550/arXiv.", "arXiv:", "abs/", "ab", "s/",
        "2101", ".", "00001", "1234", "v2", "v", ".pdf", ".PDF", "hep-th", "/", "9608091", " ", "\t", "\n", ",", ";", "}",
        "x", "é", "\u{301}",
    ]

    @Test func arxivIDOnBytesAgreesWithCharacters() {
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<20_000 {
            // Half are shaped like links (noise, a marker, an id, noise), half are any pieces.
            let shaped = [
                Self.randomText(Self.linkPieces, count: 0...2, using: &generator),
                ["https://arxiv.org/abs/", "ARXIV.ORG/pdf/", "10.48550/arXiv.", "arXiv:", "abs/", ""].randomElement(using: &generator)!,
                ["2101.00001", "1234.5678", "hep-th/9608091", "2101.1234", "2101.00001v2", "x.1234"].randomElement(using: &generator)!,
                Self.randomText(Self.linkPieces, count: 0...2, using: &generator),
            ].joined()
            let text = Bool.random(using: &generator) ? shaped : Self.randomText(Self.linkPieces, count: 0...9, using: &generator)
            let expected = ImportText.arxivIDByCharacters(text)
            if expected != nil { found += 1 }
            #expect(ImportText.arxivID(text) == expected, "\(text.debugDescription)")
        }
        // The pieces make ids often enough for the comparison to mean something.
        #expect(found > 2_000)
    }

    /// DBLP's final period goes ("Title." → "Title"), but not from "..", and characters judge
    /// when the period may belong to a character begun before it (U+0600 is a prepended mark).
    static let titlePieces = ["Title", " ", "  ", "\n", ".", "..", "é", "e\u{301}", "\u{600}", "\u{301}", "中", "\u{A0}", "x"]

    @Test func dblpTitlesOnBytesAgreeWithCharacters() {
        var generator = SystemRandomNumberGenerator()
        var scratch: [UInt8] = []
        for _ in 0..<20_000 {
            let text = Self.randomText(Self.titlePieces, count: 0...6, using: &generator)
            var expected = ImportText.clean(text)
            if let title = expected, title.hasSuffix("."), !title.hasSuffix("..") { expected?.removeLast() }
            var bytes = text
            let title = bytes.withUTF8 { DBLPImporter.title($0, scratch: &scratch) }
            #expect(title == expected, "\(text.debugDescription)")
        }
    }

    @Test func collapsedBytesAgreeWithCollapsedStrings() {
        var generator = SystemRandomNumberGenerator()
        var scratch: [UInt8] = []
        for _ in 0..<5_000 {
            var text = Self.randomText(Self.titlePieces, count: 0...6, using: &generator)
            let bytes = text.withUTF8 { WhiteSpace.withCollapsed($0, scratch: &scratch) { String(decoding: $0, as: UTF8.self) } }
            #expect(bytes == WhiteSpace.collapsed(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [("Wei Wang 0001", 8), ("Wei Wang", nil), ("X 000x", nil), ("Jörg 0002", 5), ("0001", nil), (" 0001", nil)] as [(String, Int?)])
    func homonymNumbers(name: String, length: Int?) {
        var name = name
        #expect(name.withUTF8 { DBLPImporter.lengthWithoutHomonymNumber($0) } == length)
    }
}
