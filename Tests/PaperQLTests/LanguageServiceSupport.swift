import PaperQL
import Testing

/// The default corpus, built once for the language service tests.
let serviceGraph = DefaultCorpus.load()

/// Text with a cursor written as `‸`: the text without it, and the UTF-8 byte offset of it.
func cursorText(_ marked: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (text: String, offset: Int) {
    guard let range = marked.range(of: "‸") else {
        Issue.record("no ‸ cursor in \(marked)", sourceLocation: sourceLocation)
        return (marked, 0)
    }
    let offset = marked.utf8.distance(from: marked.utf8.startIndex, to: range.lowerBound)
    var text = marked
    text.removeSubrange(range)
    return (text, offset)
}
