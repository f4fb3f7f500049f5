/// The corpus built into the library, from the pages in `Corpus/pages/`
/// (see `Tools/build-default-corpus.py`).
public enum DefaultCorpus {
    /// The embedded records, in the native format.
    public static var records: [PaperRecord] {
        NativeJSONLines.read(text: DefaultCorpusData.jsonLines, name: "default corpus").records
    }

    /// Builds the default graph.
    public static func load() -> PaperGraph {
        var builder = GraphBuilder()
        builder.add(contentsOf: records)
        return builder.build()
    }
}
