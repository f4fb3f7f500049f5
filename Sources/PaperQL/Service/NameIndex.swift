import Synchronization

/// Folded author names (and every written variant), sorted for prefix search; built on first use.
final class NameIndex: Sendable {
    struct Entry: Sendable {
        let folded: String
        let author: AuthorID
    }

    private let graph: PaperGraph
    private let entries = Mutex<[Entry]?>(nil)

    init(graph: PaperGraph) {
        self.graph = graph
    }

    /// Authors whose name (or a variant) starts with the folded text, or has a later word that
    /// does; prefix matches first, then by paper count. `typedEndsWord` keeps "Jack " from
    /// matching "Jackson".
    func authors(startingWith folded: String, typedEndsWord: Bool, limit: Int) -> [AuthorID] {
        let all = sortedEntries()
        let wanted = typedEndsWord && !folded.isEmpty ? folded + " " : folded
        var prefixMatches = Set<UInt32>()
        var low = 0
        var high = all.count
        while low < high {
            let middle = (low + high) / 2
            if all[middle].folded < wanted { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < all.count, all[index].folded.hasPrefix(wanted) || (typedEndsWord && all[index].folded == folded) {
            prefixMatches.insert(all[index].author.rawValue)
            index += 1
        }
        var ranked = prefixMatches.map(AuthorID.init).sorted(by: graph.byPaperCountThenName)
        guard ranked.count < limit, !wanted.isEmpty else { return Array(ranked.prefix(limit)) }
        var wordMatches = Set<UInt32>()
        let needle = " " + wanted
        for entry in all where !prefixMatches.contains(entry.author.rawValue) && entry.folded.contains(needle) {
            wordMatches.insert(entry.author.rawValue)
        }
        ranked += wordMatches.map(AuthorID.init).sorted(by: graph.byPaperCountThenName)
        return Array(ranked.prefix(limit))
    }

    private func sortedEntries() -> [Entry] {
        entries.withLock { cached in
            if let cached { return cached }
            var built: [Entry] = []
            built.reserveCapacity(graph.authorCount * 2)
            for author in graph.allAuthors {
                var seen = Set<String>()
                for name in [graph.name(of: author)] + graph.variants(of: author) {
                    let folded = TextFolding.fold(name)
                    if seen.insert(folded).inserted { built.append(Entry(folded: folded, author: author)) }
                }
            }
            built.sort { $0.folded < $1.folded }
            cached = built
            return built
        }
    }
}
