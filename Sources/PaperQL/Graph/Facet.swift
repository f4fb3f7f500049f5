/// A kind of label papers carry (venue, category, institution): its values, each with the
/// papers that carry it, and a folded-name lookup.
struct Facet: Sendable {
    let names: [String]
    /// For each value, its papers in ascending id order.
    let papers: AdjacencyLists
    /// Folded name → value.
    let byFoldedName: StringIndex

    init(names: [String], papers: AdjacencyLists, byFoldedName: StringIndex) {
        self.names = names
        self.papers = papers
        self.byFoldedName = byFoldedName
    }

    init(names: [String], papers: AdjacencyLists) {
        self.init(names: names, papers: papers,
                  byFoldedName: StringIndex(names.enumerated().map { (key: TextFolding.fold($1), value: UInt32($0)) }))
    }

    var count: Int { names.count }
}
