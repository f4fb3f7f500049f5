extension ResultFormatter {
    /// Renders a result in pieces of at most `rowsPerPiece` rows, handing each piece and the
    /// number of rows rendered so far to `write`: a front end writing a large result to a file
    /// shows progress between pieces. The pieces joined are exactly `render(_:graph:)`.
    ///
    /// Papers and authors in CSV, JSON Lines, Markdown and BibTeX come in pieces; other results
    /// and formats (a JSON document, a table, a graph) in one.
    public func render(_ result: QueryResult, graph: PaperGraph, rowsPerPiece: Int, write: (String, Int) -> Void) {
        let pieceable: Bool =
            switch format {
            case .csv, .jsonl, .markdown: true
            case .bibtex: result.kind == .papers
            case .table, .json, .dot, .graphml, .svg: false
            }
        guard pieceable, rowsPerPiece > 0, result.rowCount > rowsPerPiece,
            !BarChart.applies(to: result, format: format, options: options)
        else {
            write(render(result, graph: graph), result.rowCount)
            return
        }
        // Header lines every piece repeats, written with the first piece only.
        let headerLines = format == .csv ? 1 : format == .markdown ? 2 : 0
        var keys = BibTeXKeys()
        var done = 0
        while done < result.rowCount {
            let end = min(result.rowCount, done + rowsPerPiece)
            var piece: String
            switch result {
            case .papers(var rows) where format == .bibtex:
                rows.papers = Array(rows.papers[done..<end])
                piece = BibTeXFormatter.render(rows.papers, graph: graph, accents: options.accents, keys: &keys)
                if options.escapesControlCharacters { piece = TerminalText.escaped(piece) }
            case .papers(var rows):
                rows.papers = Array(rows.papers[done..<end])
                piece = render(.papers(rows), graph: graph)
            case .authors(var rows):
                rows.rows = Array(rows.rows[done..<end])
                piece = render(.authors(rows), graph: graph)
            default:
                write(render(result, graph: graph), result.rowCount)
                return
            }
            if done > 0, headerLines > 0 {
                var lines = 0
                var start = piece.startIndex
                while lines < headerLines, let newline = piece.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    start = piece.utf8.index(after: newline)
                    lines += 1
                }
                piece = String(piece[start...])
            }
            done = end
            write(piece, done)
        }
    }
}
