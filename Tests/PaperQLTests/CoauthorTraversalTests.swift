import PaperQL
import Testing

/// Coauthors, distances and paths agree with a plain computation from the records, on random
/// graphs that include large collaborations (papers over the coauthor index's author limit).
@Suite struct CoauthorTraversalTests {
    /// A random corpus: 60 authors, 120 papers of 1–5 authors, and a few 80-author papers.
    static func randomCorpus(seed: UInt64) -> [PaperRecord] {
        var generator = SplitMix(seed: seed)
        let names = (0..<150).map { "Author \(String(UnicodeScalar(65 + $0 % 26)!)) Number\($0)" }
        var records: [PaperRecord] = []
        for index in 0..<120 {
            let size = 1 + Int(generator.next() % 5)
            var authors: [String] = []
            while authors.count < size {
                let name = names[Int(generator.next() % 60)]
                if !authors.contains(name) { authors.append(name) }
            }
            records.append(PaperRecord(id: "p\(index)", title: "Paper \(index)", authors: authors, year: 2000 + index % 20))
        }
        for index in 0..<3 {
            var authors: [String] = []
            while authors.count < 80 {
                let name = names[Int(generator.next() % 150)]
                if !authors.contains(name) { authors.append(name) }
            }
            records.append(PaperRecord(id: "big\(index)", title: "Collaboration \(index)", authors: authors, year: 2010))
        }
        return records
    }

    /// Reference: author name → (coauthor name → shared papers), straight from the records.
    static func reference(_ records: [PaperRecord]) -> [String: [String: Int]] {
        var shared: [String: [String: Int]] = [:]
        for record in records {
            for a in record.authors {
                for b in record.authors where b != a { shared[a, default: [:]][b, default: 0] += 1 }
            }
        }
        return shared
    }

    static func distances(from start: String, in shared: [String: [String: Int]]) -> [String: Int] {
        var distance = [start: 0]
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [String] = []
            for author in frontier {
                for coauthor in shared[author, default: [:]].keys where distance[coauthor] == nil {
                    distance[coauthor] = distance[author]! + 1
                    next.append(coauthor)
                }
            }
            frontier = next
        }
        return distance
    }

    @Test(arguments: 0..<4)
    func traversalsMatchAPlainComputation(seed: UInt64) throws {
        let records = Self.randomCorpus(seed: seed)
        var builder = GraphBuilder()
        builder.add(contentsOf: records)
        let graph = builder.build()
        let shared = Self.reference(records)
        var session = QuerySession(graph: graph)
        for author in ["Author A Number0", "Author B Number1", "Author Z Number25"] where shared[author] != nil {
            // coauthors with shared counts
            let direct = session.run("coauthors of exactly \"\(author)\"").statements.first?.result
            guard case .authors(let rows)? = direct else {
                Issue.record("no coauthors for \(author)")
                continue
            }
            let got = Dictionary(uniqueKeysWithValues: rows.rows.map { (graph.name(of: $0.author), $0.shared ?? -1) })
            #expect(got == shared[author], "coauthors of \(author), seed \(seed)")
            // distances within 3
            let expected = Self.distances(from: author, in: shared).filter { $0.value >= 1 && $0.value <= 3 }
            guard case .authors(let within)? = session.run("coauthors of exactly \"\(author)\" within 3").statements.first?.result
            else {
                Issue.record("no result for within")
                continue
            }
            let gotDistances = Dictionary(uniqueKeysWithValues: within.rows.map { (graph.name(of: $0.author), $0.distance ?? -1) })
            #expect(gotDistances == expected, "within 3 of \(author), seed \(seed)")
            // counting without rows gives the same number
            guard case .count(let count)? = session.run("coauthors of exactly \"\(author)\" within 3 | count").statements.first?.result
            else {
                Issue.record("no count")
                continue
            }
            #expect(count == expected.count, "count within 3 of \(author), seed \(seed)")
            // shortest paths have the right length, and each hop's paper has both authors
            let all = Self.distances(from: author, in: shared)
            for target in ["Author C Number2", "Author Q Number120", "Author K Number10"] where target != author {
                guard case .path(let path)? = session.run("path from exactly \"\(author)\" to exactly \"\(target)\"").statements.first?.result
                else { continue }
                #expect(path.found == (all[target] != nil), "path \(author) → \(target)")
                if let length = all[target] { #expect(path.length == length, "path length \(author) → \(target)") }
                for (previous, step) in zip(path.steps, path.steps.dropFirst()) {
                    let via = try #require(step.via)
                    #expect(graph.authors(of: via).contains(previous.author) && graph.authors(of: via).contains(step.author))
                }
            }
        }
    }
}
