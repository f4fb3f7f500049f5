import PaperQL

/// `initialize`: the position encoding, the data, and what the server can do.
extension LanguageServer {
    static let commands = ["paperql.run", "paperql.explain"]

    func initialize(_ params: JSONValue?) -> JSONValue {
        let offered = params?["capabilities", "general", "positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        let encoding = PositionEncoding.negotiate(offered)
        let rootURI = params?["rootUri"]?.stringValue ?? params?["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue
        let rootPath = rootURI.flatMap(WorkspaceData.path(fromURI:)) ?? params?["rootPath"]?.stringValue
        let data = WorkspaceData.resolve(initializationOptions: params?["initializationOptions"], rootPath: rootPath)
        let (graph, problem) = data.load(defaultGraph: defaultGraph)
        if let problem { Self.log(problem) }
        let watch = params?["capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration"]?.boolValue ?? false
        state.withLock {
            $0.watchesFiles = watch
            $0.initialized = true
            $0.encoding = encoding
            $0.data = data
            $0.initializationOptions = params?["initializationOptions"]
            $0.rootPath = rootPath
            $0.service = LanguageService(graph: graph)
        }
        if let problem {
            notify("window/showMessage", .object(["type": .int(1), "message": .string(problem)]))
        }
        return .object([
            "capabilities": capabilities(encoding),
            "serverInfo": .object(["name": .string("paperql"), "version": .string("0.1.0")]),
        ])
    }

    private func capabilities(_ encoding: PositionEncoding) -> JSONValue {
        .object([
            (key: "positionEncoding", value: .string(encoding.rawValue)),
            (key: "textDocumentSync", value: .object(["openClose": .bool(true), "change": .int(2)])),
            (key: "completionProvider", value: .object([
                "triggerCharacters": .array(["\"", "|", "("].map(JSONValue.string)),
                "resolveProvider": .bool(false),
            ])),
            (key: "hoverProvider", value: .bool(true)),
        ] + moreCapabilities())
    }

    /// After `initialized`: asks the client to report changes to the data files and to
    /// `paperql.json`, when it can watch files for a server.
    func registerFileWatchers() {
        let (watch, data) = state.withLock { ($0.watchesFiles, $0.data) }
        guard watch else { return }
        let patterns = ["**/paperql.json"] + data.paths
        writer.send(.object([
            "jsonrpc": .string("2.0"), "id": .string("paperql-watch"), "method": .string("client/registerCapability"),
            "params": .object(["registrations": .array([.object([
                "id": .string("paperql-data"),
                "method": .string("workspace/didChangeWatchedFiles"),
                "registerOptions": .object(["watchers": .array(patterns.map { .object(["globPattern": .string($0)]) })]),
            ])])]),
        ]))
    }

    /// Loads the data again when a file it comes from (or `paperql.json`) changed, and
    /// recomputes every open document's diagnostics.
    func didChangeWatchedFiles(_ params: JSONValue?) {
        let paths = params?["changes"]?.arrayValue?.compactMap { $0["uri"]?.stringValue.flatMap(WorkspaceData.path(fromURI:)) } ?? []
        let (data, options, rootPath) = state.withLock { ($0.data, $0.initializationOptions, $0.rootPath) }
        guard paths.contains(where: data.isSource) else { return }
        let fresh = WorkspaceData.resolve(initializationOptions: options, rootPath: rootPath)
        queue.async { [self] in
            let (graph, problem) = fresh.load(defaultGraph: defaultGraph)
            if let problem { Self.log(problem) }
            let uris = state.withLock { state -> [String] in
                state.data = fresh
                state.service = LanguageService(graph: graph)
                return Array(state.documents.keys)
            }
            for uri in uris { scheduleDiagnostics(uri) }
        }
    }
}
