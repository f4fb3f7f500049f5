#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Decides, before libedit touches it, whether a history file may be read and written: libedit
/// would block forever opening a FIFO, read `/dev/full` until memory runs out, and silently
/// overwrite a file that is not its own.
enum HistoryFile {
    /// Largest history file read (1000 entries of up to `maximumEntryLength` bytes, escaped).
    static let maximumBytes = 4 << 20
    /// Longer statements are run but not kept in the history.
    static let maximumEntryLength = 4096
    /// The first line of libedit's history format.
    static let header = Array("_HiStOrY_V2_".utf8)

    /// Nil when the file may be used (it may not exist yet); otherwise why not.
    static func problem(with path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? nil : "cannot use the history file \(path): \(String(cString: strerror(errno)))"
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return "the history file \(path) is not a regular file; history is not kept"
        }
        guard Int(info.st_size) <= maximumBytes else {
            return "the history file \(path) is over \(maximumBytes >> 20) MB; it is left as it is and history is not kept"
        }
        guard info.st_size > 0 else { return nil }
        // Opened without blocking, in case it was swapped for a FIFO since the check.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return "cannot read the history file \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: header.count)
        let got = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard got == header.count, head == header else {
            return "the history file \(path) is not in libedit's format (it does not start with _HiStOrY_V2_); it is left as it is and history is not kept"
        }
        return nil
    }
}
