#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The file `--out FILE` writes results to: created or emptied when opened, written as results
/// come, and closed with the process.
public final class OutputFile: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32
    /// Bytes written so far.
    public private(set) var bytesWritten = 0

    /// Opens (creating or emptying) the file; nil with the reason when it cannot be written.
    public init(path: String) throws(OutputFileError) {
        self.path = path
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw OutputFileError(message: "\(path): error: cannot write the output file: \(String(cString: strerror(errno)))")
        }
        descriptor = opened
    }

    deinit { close(descriptor) }

    public func write(_ text: String) {
        Terminal.writeAll(descriptor, text)
        bytesWritten += text.utf8.count
    }
}

public struct OutputFileError: Error, Sendable {
    public let message: String
}
