import PaperQL

/// A JSON-RPC error answer.
struct ResponseError: Error, Sendable {
    let code: Int
    let message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestCancelled = -32800

    static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: invalidParams, message: message)
    }

    static func unknownDocument(_ uri: String) -> ResponseError {
        ResponseError(code: invalidParams, message: "unknown document \(uri): open it first (textDocument/didOpen)")
    }

    var json: JSONValue {
        .object(["code": .int(code), "message": .string(message)])
    }
}
