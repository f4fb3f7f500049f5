import Testing
@testable import PaperQL

/// Rows sort by name in `String`'s order (Unicode scalars after NFC normalization); `NameOrder`
/// compares bytes where that gives the same answer. Random names over an alphabet that mixes
/// ASCII, precomposed and decomposed accents, combining marks alone, Hangul and emoji must sort
/// as `String`s do, and equal names by the tie each was added with.
@Suite struct NameOrderTests {
    static let alphabet: [String] = [
        "a", "b", "Z", " ", "-", "é", "e\u{301}", "\u{301}", "\u{327}", "ç", "c\u{327}", "Å", "A\u{30A}", "\u{212B}",
        "ł", "ǅ", "ʼ", "\u{2FF}", "\u{300}", "가", "\u{1100}\u{1161}", "😀", "ﬁ", "ß", "ı",
    ]

    @Test(arguments: 0..<20)
    func namesSortAsStringsDo(seed: UInt64) throws {
        var generator = SplitMix(seed: seed)
        var names: [String] = []
        for _ in 0..<200 {
            var name = ""
            for _ in 0..<(1 + Int(generator.next() % 5)) { name += Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] }
            names.append(name)
        }
        try Self.expectSortedAsStrings(names, seed: seed)
    }

    /// Names sharing long beginnings, with control bytes (NUL sorts before the end of a shorter
    /// name's padding would): compared by their first eight bytes first, then in full.
    static let prefixAlphabet: [String] = ["Wang ", "Wang", "W", " ", "a", "\u{0}", "\u{1}", "é", "~", "Wei"]

    @Test(arguments: 0..<20)
    func namesWithSharedBeginningsSortAsStringsDo(seed: UInt64) throws {
        var generator = SplitMix(seed: seed &+ 1000)
        var names: [String] = []
        for _ in 0..<300 {
            var name = ""
            for _ in 0..<(Int(generator.next() % 7)) { name += Self.prefixAlphabet[Int(generator.next() % UInt64(Self.prefixAlphabet.count))] }
            names.append(name)
        }
        try Self.expectSortedAsStrings(names, seed: seed)
    }

    static func expectSortedAsStrings(_ names: [String], seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        // Equal names (canonically equivalent ones too) order by their tie: here the reverse of
        // the order they were added in, which a stable sort alone would not give.
        var order = NameOrder(capacity: names.count)
        for (index, name) in names.enumerated() { order.append(name, tie: names.count - index) }
        var indices = Array(names.indices)
        try order.withComparison { (precedes) throws(EvaluationError) in indices.sort(by: precedes) }
        let expected = names.indices.sorted { names[$0] != names[$1] ? names[$0] < names[$1] : $0 > $1 }
        #expect(indices == expected, "seed \(seed)", sourceLocation: sourceLocation)
    }
}
