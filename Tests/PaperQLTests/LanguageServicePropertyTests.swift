@testable import PaperQL
import Testing

/// Completion comes from the parser: whatever it offers at a cursor, once inserted, leaves text
/// the parser accepts at that point (any error is past the inserted text, where more may follow).
@Suite("Language service: completions the parser accepts")
struct LanguageServicePropertyTests {
    let service = LanguageService(graph: serviceGraph)

    /// Random cursors in random valid scripts: at token boundaries (with or without a space
    /// after), and inside words and strings.
    static func cursors(seed: UInt64, count: Int) -> [(text: String, cursor: Int)] {
        var generator = QueryGenerator(graph: serviceGraph, seed: seed)
        var random = RandomSource(seed: seed &+ 1)
        var cursors: [(String, Int)] = []
        while cursors.count < count {
            let text = generator.script().description
            let source = SourceFile(name: "<query>", text: text)
            let tokens = Lexer.tokenize(source).tokens.filter { $0.kind != .endOfInput }
            guard !tokens.isEmpty else { continue }
            let token = random.pick(tokens)
            let cut: Int
            switch random.int(0...2) {
            case 0: cut = token.span.start
            case 1: cut = token.span.end
            default: cut = token.span.start + random.int(0...max(0, token.span.length - 1))
            }
            // Cut at a character boundary.
            var end = cut
            while end > 0, end < source.bytes.count, source.bytes[end] & 0xC0 == 0x80 { end -= 1 }
            var prefix = String(decoding: source.bytes[..<end], as: UTF8.self)
            if random.chance(0.3), prefix.last.map({ $0 != " " && $0 != "\n" }) == true { prefix += " " }
            cursors.append((prefix, prefix.utf8.count))
        }
        return cursors
    }

    @Test("every completion, once inserted, is accepted by the parser", arguments: [UInt64(1), 2, 3])
    func completionsParse(seed: UInt64) {
        var checked = 0
        var failures: [String] = []
        for (text, cursor) in Self.cursors(seed: seed, count: 150) {
            let list = service.completions(in: text, at: cursor, limit: 30)
            let bytes = Array(text.utf8)
            for item in list.items {
                let before = String(decoding: bytes[..<list.replacing.start], as: UTF8.self)
                let after = String(decoding: bytes[list.replacing.end..<cursor], as: UTF8.self)
                let inserted = before + item.insertText
                let edited = inserted + after
                let syntax = Parser.parse(upTo: edited.utf8.count, of: SourceFile(name: "<query>", text: edited))
                checked += 1
                if let error = syntax.diagnostics.first(where: { $0.span.start < inserted.utf8.count }), failures.count < 10 {
                    failures.append("\(text.debugDescription) + \(item.insertText): \(error.message)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(checked > 500)
    }

    /// The drift the backwards token reader had: it offered filters after `authors`, which the
    /// checker rejects (only papers can be filtered).
    @Test("no filter is offered on a set that is not papers")
    func noFilterOnAuthors() {
        #expect(service.completions(in: "authors s", at: 9).items.isEmpty)
        let afterCoauthors = service.completions(in: "coauthors of \"Jack Rae\" ", at: 24).items.map(\.label)
        #expect(!afterCoauthors.contains("since"))
        #expect(!afterCoauthors.contains("and"))
        #expect(afterCoauthors.contains("or"))
        #expect(afterCoauthors.contains("within"))
        let scoped = service.with(environment: ["team": .authors, "rae": .papers])
        #expect(!scoped.completions(in: "team ", at: 5).items.map(\.label).contains("since"))
        #expect(scoped.completions(in: "rae ", at: 4).items.map(\.label).contains("since"))
    }
}
