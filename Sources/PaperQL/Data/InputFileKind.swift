import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What kind of file a data path names, asked with `stat` before anything opens it: opening a
/// FIFO blocks until a writer comes, and a device such as `/dev/zero` never ends. Only regular
/// files and directories are read, and standard input (`/dev/stdin`, `/dev/fd/0`, `-`), which
/// is copied once to a temporary file so that format detection and the import read the same
/// bytes.
enum InputFileKind: Equatable {
    case regular
    case directory
    case missing
    /// A FIFO, socket, character or block device: what it is, for the message.
    case special(String)

    static func of(_ path: String) -> InputFileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFCHR: return .special(isatty(STDIN_FILENO) == 1 && isStandardInput(path) ? "a terminal" : "a character device")
        case S_IFBLK: return .special("a block device")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }

    static func isStandardInput(_ path: String) -> Bool {
        ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"].contains(path)
    }

    /// An issue when the path names a special file (which is never opened); nil otherwise.
    static func refusal(_ path: String) -> ImportIssue? {
        guard case .special(let what) = of(path) else { return nil }
        return ImportIssue(
            .fileUnreadable, file: path,
            message: "\(what), not a regular file; data is read from regular files, directories and standard input (`--data /dev/stdin < FILE`)")
    }

    /// Copies standard input to a temporary file once; returns its path. The caller removes it.
    static func copyStandardInput() -> Result<String, ImportIssue> {
        if isatty(STDIN_FILENO) == 1 {
            return .failure(ImportIssue(.fileUnreadable, file: "/dev/stdin", message: "standard input is a terminal; pipe or redirect the data into it"))
        }
        // A file named `stdin` in a folder of its own: records take their source name from it.
        var folder = Array(FileManager.default.temporaryDirectory.appendingPathComponent("paperql-XXXXXX").path.utf8CString)
        guard folder.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            return .failure(ImportIssue(.fileUnreadable, file: "/dev/stdin", message: "cannot create a temporary folder for standard input: \(String(cString: strerror(errno)))"))
        }
        let path = String(decoding: folder.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/stdin"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            return .failure(ImportIssue(.fileUnreadable, file: "/dev/stdin", message: "cannot create a temporary file for standard input: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                remove(copy: path)
                return .failure(ImportIssue(.fileUnreadable, file: "/dev/stdin", message: "cannot read standard input: \(String(cString: strerror(errno)))"))
            }
            if got == 0 { break }
            var written = 0
            while written < got {
                let done = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, got - written) }
                if done < 0, errno == EINTR { continue }
                guard done > 0 else {
                    remove(copy: path)
                    return .failure(ImportIssue(.fileUnreadable, file: "/dev/stdin", message: "cannot copy standard input: \(String(cString: strerror(errno)))"))
                }
                written += done
            }
        }
        return .success(path)
    }

    /// Removes the copy of standard input and its folder.
    static func remove(copy path: String) {
        unlink(path)
        rmdir(String(path.dropLast("/stdin".count)))
    }
}
