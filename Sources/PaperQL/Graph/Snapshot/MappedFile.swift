#if canImport(Glibc)
import Glibc
#endif

/// A whole file mapped read-only into memory, unmapped when the last column viewing it is gone.
/// The snapshot writer replaces a file by renaming a new one over it, so a mapped snapshot is
/// never changed under a running session.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let length: Int

    /// Maps the file open at `descriptor`, `length` bytes long (at least one).
    init?(descriptor: Int32, length: Int) {
        guard length > 0, let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
            mapped != UnsafeMutableRawPointer(bitPattern: -1)
        else { return nil }
        base = UnsafeRawPointer(mapped)
        self.length = length
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: length) }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }
}
