import Foundation

/// Writes one table as CSV per RFC 4180: a header line, CRLF line ends, fields quoted when they
/// hold a comma, a quote, CR or LF (quotes doubled). A missing value is an empty unquoted field,
/// which PostgreSQL, DuckDB and Spark all read as NULL; the export never writes an empty text
/// (a missing text is missing), so no engine has to tell `""` from NULL.
///
/// Rows are buffered and written in blocks: the export streams, its memory is one block.
final class CSVTableWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var rows = 0
    private static let blockSize = 1 << 20

    init(path: String, columns: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ExportError.cannotWrite(path)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ExportError.cannotWrite(path) }
        self.handle = handle
        buffer.reserveCapacity(Self.blockSize + 4096)
        appendRow(columns.map(Optional.some))
    }

    /// One value of a row: text, a number, or missing.
    enum Value {
        case text(String?)
        case int(Int?)
    }

    func write(_ values: [Value]) throws {
        appendRow(values.map { value in
            switch value {
            case .text(let text): text.flatMap { $0.isEmpty ? nil : $0 }
            case .int(let number): number.map(String.init)
            }
        })
        rows += 1
        if buffer.count >= Self.blockSize { try flush() }
    }

    private func appendRow(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            guard let field else { continue }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                buffer.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                    buffer.append(byte)
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: utf8)
            }
        }
        buffer.append(13)
        buffer.append(10)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ExportError.writeFailed(error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}

/// Why an export stopped.
public enum ExportError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(String)
    case writeFailed(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        case .writeFailed(let reason): "writing the export failed: \(reason)"
        }
    }
}
