/// GraphML (`--format graphml`): a result's graph (`ResultGraph`) as the XML that networkx,
/// Gephi, yEd and Cytoscape read. Every attribute is declared once as a `<key>` with its type:
/// nodes have `label`, `kind` and the numbers of their row; edges have `weight` and, on a path,
/// the paper behind the step (`paper`, `id`, `year`).
enum GraphMLFormatter {
    static func render(_ result: QueryResult, graph: PaperGraph) -> String {
        guard let resultGraph = ResultGraph(result, graph: graph) else {
            return header + "  <!-- a \(result.kind.rawValue) result is not a graph: --format graphml draws papers, authors, paths and profiles -->\n"
                + "  <graph id=\"paperql\" edgedefault=\"undirected\"/>\n</graphml>\n"
        }
        return render(resultGraph)
    }

    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """

    static func render(_ resultGraph: ResultGraph) -> String {
        let nodeKeys = keys(["label": .text(""), "kind": .text("")], resultGraph.nodes.flatMap(\.attributes))
        let edgeKeys = keys(["weight": .integer(0)], resultGraph.edges.flatMap(\.attributes))
        var output = header
        for (name, type) in nodeKeys {
            output += "  <key id=\"n_\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (name, type) in edgeKeys {
            output += "  <key id=\"e_\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        output += "  <graph id=\"paperql\" edgedefault=\"\(resultGraph.directed ? "directed" : "undirected")\">\n"
        for node in resultGraph.nodes {
            output += "    <node id=\"\(escaped(node.id))\">"
            output += data("n_label", .text(node.label)) + data("n_kind", .text(node.kind))
            for (name, value) in node.attributes { output += data("n_\(name)", value) }
            output += "</node>\n"
        }
        for (index, edge) in resultGraph.edges.enumerated() {
            output += "    <edge id=\"e\(index)\" source=\"\(escaped(edge.source))\" target=\"\(escaped(edge.target))\">"
            output += data("e_weight", .integer(edge.weight))
            for (name, value) in edge.attributes { output += data("e_\(name)", value) }
            output += "</edge>\n"
        }
        return output + "  </graph>\n</graphml>\n"
    }

    /// Attribute names in first-seen order (the fixed ones first) with their GraphML types.
    private static func keys(_ fixed: KeyValuePairs<String, ResultGraph.Value>, _ attributes: [(String, ResultGraph.Value)]) -> [(String, String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for (name, value) in Array(fixed) + attributes where seen.insert(name).inserted {
            if case .integer = value { result.append((name, "long")) } else { result.append((name, "string")) }
        }
        return result
    }

    private static func data(_ key: String, _ value: ResultGraph.Value) -> String {
        switch value {
        case .integer(let number): "<data key=\"\(key)\">\(number)</data>"
        case .text(let text): "<data key=\"\(key)\">\(escaped(text))</data>"
        }
    }

    /// XML text: markup characters as entities; characters XML 1.0 cannot hold (C0 controls but
    /// tab and line breaks, lone surrogates, U+FFFE/U+FFFF) dropped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "\r": result += "&#13;"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
