/// A kind of label papers carry (venue, category, institution): its values, each with the
/// papers that carry it, and a folded-name lookup.
struct Facet: Sendable {
    let names: [String]
    /// For each value, its papers in ascending id order.
    let papers: AdjacencyLists
    /// Folded name → value.
    let byFoldedName: [String: UInt32]

    init(names: [String], papers: AdjacencyLists) {
        self.names = names
        self.papers = papers
        var index: [String: UInt32] = [:]
        index.reserveCapacity(names.count)
        for (value, name) in names.enumerated() {
            let key = TextFolding.fold(name)
            if index[key] == nil { index[key] = UInt32(value) }
        }
        self.byFoldedName = index
    }

    var count: Int { names.count }
}
