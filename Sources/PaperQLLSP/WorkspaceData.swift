import Foundation
import PaperQL

/// Which data the server answers over: `initializationOptions.data`, else the `data` of a
/// `paperql.json` at the workspace root (paths relative to it), else the default corpus.
struct WorkspaceData: Sendable {
    /// The files to load; empty for the default corpus.
    let paths: [String]
    /// The configuration file the paths came from, if any.
    let configuration: String?

    static func resolve(initializationOptions: JSONValue?, rootPath: String?) -> WorkspaceData {
        if let list = initializationOptions?["data"]?.arrayValue {
            return WorkspaceData(paths: list.compactMap(\.stringValue).map { absolute($0, from: rootPath) }, configuration: nil)
        }
        if let rootPath {
            let file = (rootPath as NSString).appendingPathComponent("paperql.json")
            if let bytes = FileManager.default.contents(atPath: file),
                let json = try? JSONParser.parse(Array(bytes)),
                let list = json["data"]?.arrayValue
            {
                return WorkspaceData(paths: list.compactMap(\.stringValue).map { absolute($0, from: rootPath) }, configuration: file)
            }
        }
        return WorkspaceData(paths: [], configuration: nil)
    }

    private static func absolute(_ path: String, from root: String?) -> String {
        guard !path.hasPrefix("/"), let root else { return path }
        return (root as NSString).appendingPathComponent(path)
    }

    /// The graph, or the default corpus and why the files did not load.
    func load(defaultGraph: () -> PaperGraph = DefaultCorpus.load) -> (graph: PaperGraph, problem: String?) {
        guard !paths.isEmpty else { return (defaultGraph(), nil) }
        switch CorpusLoader.load(paths: paths) {
        case .success(let loaded):
            return (loaded.graph, nil)
        case .failure(let failure):
            let reasons = failure.errors.prefix(3).map { "\($0)" }.joined(separator: "; ")
            return (defaultGraph(), "PaperQL could not load \(paths.joined(separator: ", ")): \(reasons); using the default corpus")
        }
    }

    /// Whether a changed file is one the data comes from.
    func isSource(_ path: String) -> Bool {
        paths.contains(path) || configuration == path || path.hasSuffix("/paperql.json")
    }

    /// A file path from a `file://` URI.
    static func path(fromURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        return URL(string: uri)?.path ?? String(uri.dropFirst(7)).removingPercentEncoding
    }
}
