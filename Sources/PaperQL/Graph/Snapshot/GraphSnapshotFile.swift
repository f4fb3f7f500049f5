import Foundation

/// Recognizes snapshot files: by the `.pqg` extension, or by the magic bytes at the start.
public enum GraphSnapshotFile {
    public static let fileExtension = "pqg"

    public static func isSnapshot(path: String) -> Bool {
        if path.lowercased().hasSuffix(".\(fileExtension)") { return true }
        // Never opened when it is not a regular file (a FIFO would block).
        guard InputFileKind.of(path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        return Array(head) == SnapshotWriter.magic
    }
}
