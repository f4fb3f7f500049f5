/// Citation keys for BibTeX: the first author's family name, the year and the first word of
/// the title that is not an article or preposition, folded to ASCII letters and digits
/// (`hoffmann2022empirical`). Keys are unique within one output: the second paper with the same
/// key gets `b`, the third `c`, and so on. The same papers in the same order always get the same
/// keys.
struct BibTeXKeys {
    private var used = Set<String>()

    static let skippedTitleWords: Set<String> = ["a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "from",
                                                 "towards", "toward", "at", "by", "is", "are", "do", "does"]
    static let nameSuffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    mutating func key(for paper: PaperID, graph: PaperGraph) -> String {
        let base = Self.base(for: paper, graph: graph)
        var key = base
        var suffix = 1
        while used.contains(key) {
            suffix += 1
            key = base + Self.suffix(suffix)
        }
        used.insert(key)
        return key
    }

    /// `b` … `z`, then `z27`, `z28`, …: never a letter that could start a title word alone.
    static func suffix(_ number: Int) -> String {
        number <= 26 ? String(UnicodeScalar(UInt8(96 + number))) : "z\(number)"
    }

    static func base(for paper: PaperID, graph: PaperGraph) -> String {
        var family = "anon"
        if let first = graph.writtenAuthorNames(of: paper).first {
            // The last word as written ("García-López" is one word, `garcialopez`), past "Jr.".
            let words = first.split(whereSeparator: \.isWhitespace).map { ascii(TextFolding.fold(String($0))) }
                .filter { !$0.isEmpty }
            if let word = words.last(where: { !nameSuffixes.contains($0) }) ?? words.last { family = word }
        }
        // Words as written ("Q-Value" is one word, `qvalue`), folded to ASCII letters and digits.
        let titleWords = graph.title(of: paper).split(whereSeparator: \.isWhitespace)
            .map { ascii(TextFolding.fold(String($0))) }.filter { !$0.isEmpty }
        let word = titleWords.first { !skippedTitleWords.contains($0) } ?? titleWords.first ?? ""
        let key = family + (graph.year(of: paper).map(String.init) ?? "") + word
        return key.isEmpty ? "paper" : key
    }

    static func ascii<S: StringProtocol>(_ text: S) -> String {
        String(text.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }
}
