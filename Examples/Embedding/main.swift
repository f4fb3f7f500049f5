// Embedding PaperQL in a Swift program: load a graph, run queries, read typed results and
// diagnostics as values. Built and run by the tests (its output is checked against
// Examples/Embedding/expected-output.txt).
import PaperQL

// The built-in corpus, or your own records through a GraphBuilder.
let graph = DefaultCorpus.load()
print("default corpus: \(graph.paperCount) papers, \(graph.authorCount) authors")

var session = QuerySession(graph: graph)
let outcome = session.run(#"papers by "Jack Rae" since 2020"#)
for statement in outcome.statements {
    if case .papers(let rows)? = statement.result {
        for paper in rows.papers {
            print("\(graph.year(of: paper) ?? 0)  \(graph.title(of: paper))  [\(graph.venue(of: paper) ?? "-")]")
        }
    }
}

// A name that matches nothing is a diagnostic with suggestions, not an empty answer.
let misspelt = session.run(#"coauthors of "Jack Ray""#)
for diagnostic in misspelt.diagnostics {
    print("\(diagnostic.severity) \(diagnostic.id): \(diagnostic.message)")
    for note in diagnostic.notes { print("  note: \(note.message)") }
}

// Your own data.
var builder = GraphBuilder()
builder.add(PaperRecord(id: "lovelace-1843", title: "Notes on the Analytical Engine",
                        authors: ["Ada Lovelace", "Charles Babbage"], year: 1843, venue: "Scientific Memoirs"))
builder.add(PaperRecord(id: "babbage-1832", title: "On the Economy of Machinery and Manufactures",
                        authors: ["Charles Babbage"], year: 1832))
var own = QuerySession(graph: builder.build())
if case .path(let path)? = own.run(#"path from "Ada Lovelace" to "Charles Babbage""#).statements.first?.result {
    print("path found: \(path.found), hops: \(path.length)")
}

// Any result renders in any format.
let formatter = ResultFormatter(format: .csv)
if let result = own.run("authors").statements.first?.result {
    print(formatter.render(result, graph: own.graph), terminator: "")
}

// A query run again and again (a server answering requests): prepare it once, run it many
// times, and read its rows in place (text as the graph's bytes, valid during the call).
if case .success(let prepared) = session.prepare(#"papers by "Jack Rae" since 2020 | show id, year"#),
    let result = try? session.run(prepared)
{
    let rows = ResultRows(result, graph: graph)
    for row in rows.indices {
        var line: [String] = []
        rows.withCells(ofRow: row) { _, cell in
            switch cell {
            case .text(let bytes): line.append(String(decoding: bytes, as: UTF8.self))
            case .integer(let number): line.append(String(number))
            default: line.append(cell.value.plain)
            }
        }
        print(line.joined(separator: "  "))
    }
}
