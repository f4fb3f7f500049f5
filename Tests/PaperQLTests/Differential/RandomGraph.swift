import Foundation
import PaperQL

/// Random graphs with the quirks of real data: accented and punctuated names, middle names and
/// initials written differently on different papers, people who share a family name, missing
/// years, venues, types and abstracts, records listed twice, and hundred-author papers.
enum RandomGraph {
    static func make(seed: UInt64, papers paperCount: Int) -> PaperGraph {
        generate(seed: seed, papers: paperCount).graph
    }

    /// A graph, and the other identifiers its sources give people: an ORCID → the identifier
    /// its person is known by (what the reference evaluator and the query generator are told).
    struct Generated {
        let graph: PaperGraph
        let otherIdentifiers: [String: String]
    }

    static func generate(seed: UInt64, papers paperCount: Int) -> Generated {
        var random = RandomSource(seed: seed)
        let given = ["Scott", "Jack", "Łukasz", "José", "Zoë", "Jürgen", "Mary", "Wei", "Yang", "Ana", "Jean-Pierre",
                     "Oriol", "Samy", "Hui", "Karen", "Li", "Noam", "Chloé", "Søren", "Ivan"]
        let middle = ["E.", "J.", "Maria", "K.", "de", "A."]
        let family = ["Reed", "Rae", "Kaiser", "García", "Müller", "O'Brien", "Wang", "Liu", "Smith", "Bengio",
                      "Vinyals", "Simonyan", "Ng", "Schütze", "Dvořák", "Lee", "Kim", "Chen"]
        // People: a given name, sometimes a middle name, a family name; several spellings each.
        var people: [[String]] = []
        // Some people carry an identifier from their source, and some identified people share
        // a name with another (namesakes only the identifier tells apart).
        var identifiers: [String?] = []
        var orcids: [Int: String] = [:]
        for index in 0..<(paperCount / 4 + 10) {
            if index > 0, random.chance(0.05) {
                people.append(people[index - 1])
                identifiers.append("acl:person-\(index)")
                if identifiers[index - 1] == nil { identifiers[index - 1] = "acl:person-\(index - 1)" }
                continue
            }
            identifiers.append(random.chance(0.15) ? "openalex:A\(index)" : nil)
            // Some of them have an ORCID too, which some bylines give instead.
            if identifiers[index] != nil, random.chance(0.4) {
                orcids[index] = "orcid:0000-0000-\(String(format: "%04d", index / 10_000))-\(String(format: "%04d", index % 10_000))"
            }
            let first = random.pick(given)
            let last = random.pick(family)
            var spellings = ["\(first) \(last)"]
            if random.chance(0.3) {
                let full = "\(first) \(random.pick(middle)) \(last)"
                spellings = random.chance(0.5) ? [full] : [full, "\(first) \(last)"]
            }
            if random.chance(0.2), let initial = first.first { spellings.append("\(initial). \(last)") }
            if random.chance(0.1) { spellings.append(spellings[0].uppercased()) }
            people.append(spellings)
        }
        let words = ["neural", "memory", "attention", "sparse", "language", "model", "graph", "learning", "deep",
                     "translation", "machine", "network", "networks", "transformer", "reinforcement", "vision",
                     "données", "réseau", "generative", "adversarial", "training", "scaling", "laws", "search",
                     "retrieval", "image", "speech", "the", "of", "for", "a", "with", "and", "GANs", "self-attention",
                     "pre-training", "zero-shot", "BERT", "x86", "2019"]
        let venues = ["NeurIPS", "ICML", "ICLR", "ACL 2019", "Proc. of EMNLP", "arXiv", "Nature", "Journal of ML Research",
                      "NAACL-HLT", "Findings of ACL"]
        let categories = ["cs.LG", "cs.CL", "cs.CV", "stat.ML", "LG", "cs.AI", "q-bio.NC"]
        let institutions = ["DeepMind", "Google Research", "University of Oxford", "MIT", "Université de Montréal",
                            "Tsinghua University", "Allen Institute for AI"]
        var builder = GraphBuilder()
        // The source that gives the ORCIDs describes the people (an OpenAlex author with an ORCID).
        for (person, orcid) in orcids.sorted(by: { $0.key < $1.key }) {
            builder.names.add(NameTable.Person(identifier: identifiers[person]!, canonical: "", variants: [],
                                               otherIdentifiers: [orcid]))
        }
        for index in 0..<paperCount {
            var title = (0..<random.int(2...7)).map { _ in random.pick(words) }.joined(separator: " ")
            if random.chance(0.2) { title = title.prefix(1).uppercased() + title.dropFirst() + ": " + random.pick(words) }
            if random.chance(0.05) { title = "" }
            let authorCount = random.chance(0.02) ? 100 : random.int(0...6)
            var authors: [String] = []
            var authorIDs: [String] = []
            for _ in 0..<authorCount {
                let person = random.int(0...(people.count - 1))
                authors.append(random.pick(people[person]))
                if let orcid = orcids[person], random.chance(0.5) {
                    authorIDs.append(orcid)
                } else {
                    authorIDs.append(identifiers[person] ?? "")
                }
            }
            let year: Int? = random.chance(0.1) ? nil : random.int(2010...2023)
            var date: String?
            if let year, random.chance(0.4) {
                date = random.chance(0.5) ? "\(year)-0\(random.int(1...9))" : "\(year)-1\(random.int(0...2))-1\(random.int(0...9))"
            }
            let abstract = random.chance(0.6)
                ? (0..<random.int(5...30)).map { _ in random.pick(words) }.joined(separator: " ") + "." : nil
            let record = PaperRecord(
                id: random.chance(0.03) && index > 0 ? "p\(random.int(0...(index - 1)))" : "p\(index)",
                title: title, authors: authors, authorIDs: authorIDs, year: year, date: date,
                venue: random.chance(0.2) ? nil : random.pick(venues),
                type: random.chance(0.15) ? nil : random.pick(PaperType.allCases),
                categories: (0..<random.int(0...2)).map { _ in random.pick(categories) },
                institutions: (0..<random.int(0...2)).map { _ in random.pick(institutions) },
                abstract: abstract,
                doi: random.chance(0.3) ? "10.\(random.int(1000...9999))/X\(index)" : nil)
            builder.add(record)
        }
        let otherIdentifiers = Dictionary(uniqueKeysWithValues: orcids.map { ($0.value, identifiers[$0.key]!) })
        return Generated(graph: builder.build(), otherIdentifiers: otherIdentifiers)
    }
}
