/// Picks "did you mean" candidates by edit distance.
enum Suggestions {
    /// Candidates within a distance that grows with the length of what was typed, best first.
    static func closest(
        to typed: String, among candidates: some Sequence<String>, limit: Int = 3,
        key: (String) -> String = { $0.lowercased() }
    ) -> [String] {
        let typedKey = Array(key(typed).unicodeScalars)
        let budget = max(1, min(4, typedKey.count / 3 + 1))
        var scored: [(distance: Int, candidate: String)] = []
        var seen = Set<String>()
        for candidate in candidates where !seen.contains(candidate) {
            seen.insert(candidate)
            let candidateKey = Array(key(candidate).unicodeScalars)
            if abs(candidateKey.count - typedKey.count) > budget { continue }
            let distance = editDistance(typedKey, candidateKey, bound: budget)
            if distance <= budget { scored.append((distance, candidate)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        return scored.prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance, giving up (returning `bound + 1`) once every path exceeds `bound`.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T], bound: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
