/// Why a snapshot file was refused.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(String)
    case notASnapshot
    case unsupportedVersion(found: UInt32, supported: UInt32)
    case truncated(expectedBytes: UInt64, foundBytes: UInt64)
    case checksumMismatch
    case corrupt(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotOpen(let reason):
            "cannot open the snapshot: \(reason)"
        case .notASnapshot:
            "not a PaperQL snapshot (the file does not start with the PAPERQLG magic bytes)"
        case .unsupportedVersion(let found, let supported):
            "this snapshot has format version \(found); this paperql reads version \(supported): re-create it with `paperql import … -o FILE.pqg`"
        case .truncated(let expected, let found):
            "the snapshot is truncated: \(expected) bytes expected, \(found) found; re-create it"
        case .checksumMismatch:
            "the snapshot is corrupted (its checksum does not match its contents); re-create it"
        case .corrupt(let section):
            "the snapshot is corrupted (\(section)); re-create it"
        case .cannotWrite(let reason):
            "cannot write the snapshot: \(reason)"
        }
    }
}
