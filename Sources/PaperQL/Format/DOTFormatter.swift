/// Graphviz DOT (`--format dot`): a result's graph (`ResultGraph`) as `graph { … }` (a path:
/// `digraph`), ready for `dot -Tsvg`. Nodes carry `label`, `kind` and their numbers (`papers`,
/// `shared`, `distance`, `step`) as attributes; edges carry `weight` (shared papers) and, on a
/// path, the paper behind the step. Paths are laid out left to right by `dot`, other graphs by
/// `neato`. The people asked about are drawn as yellow double circles, topics as green boxes,
/// institutions as blue houses; an edge's pen grows with its weight.
enum DOTFormatter {
    static func render(_ result: QueryResult, graph: PaperGraph) -> String {
        guard let resultGraph = ResultGraph(result, graph: graph) else {
            return "// a \(result.kind.rawValue) result is not a graph: --format dot draws papers, authors, paths and profiles\n"
                + "graph paperql {\n}\n"
        }
        return render(resultGraph)
    }

    static func render(_ resultGraph: ResultGraph) -> String {
        let arrow = resultGraph.directed ? "->" : "--"
        var output = (resultGraph.directed ? "digraph" : "graph") + " paperql {\n"
        // A path reads left to right in layers; a web of coauthors spreads out (neato).
        output += resultGraph.directed ? "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
            : "  graph [layout=neato, overlap=false, splines=true, fontname=\"Helvetica\"];\n"
        output += "  node [shape=ellipse, fontname=\"Helvetica\"];\n"
        output += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for node in resultGraph.nodes {
            var attributes: [(String, String)] = [("label", quoted(node.label)), ("kind", quoted(node.kind))]
            switch node.kind {
            case "person": attributes += [("shape", "doublecircle"), ("style", "filled"), ("fillcolor", quoted("#ffe599"))]
            case "topic": attributes += [("shape", "box"), ("style", "filled"), ("fillcolor", quoted("#d9ead3"))]
            case "institution": attributes += [("shape", "house"), ("style", "filled"), ("fillcolor", quoted("#cfe2f3"))]
            default: break
            }
            attributes += node.attributes.map { ($0.0, value($0.1)) }
            output += "  \(quoted(node.id)) [\(list(attributes))];\n"
        }
        for edge in resultGraph.edges {
            var attributes: [(String, String)] = [("weight", String(edge.weight))]
            if resultGraph.directed {
                if case .text(let title)? = edge.attributes.first(where: { $0.0 == "paper" })?.1 {
                    attributes.append(("label", quoted(title)))
                }
            } else {
                attributes.append(("penwidth", String(min(8, edge.weight))))
                if edge.weight > 1 { attributes.append(("label", quoted(String(edge.weight)))) }
            }
            attributes += edge.attributes.map { ($0.0, value($0.1)) }
            output += "  \(quoted(edge.source)) \(arrow) \(quoted(edge.target)) [\(list(attributes))];\n"
        }
        return output + "}\n"
    }

    private static func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    private static func value(_ value: ResultGraph.Value) -> String {
        switch value {
        case .integer(let number): String(number)
        case .text(let text): quoted(text)
        }
    }

    /// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`, other
    /// control characters dropped (DOT has no escape for them).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            default:
                if TerminalText.isUnsafe(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
