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

    /// Tells the kernel the bytes from `offset` will be read soon (read ahead, in the background).
    func willRead(from offset: Int, count: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset / page * page
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), offset + count - start, Int32(MADV_WILLNEED))
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: length) }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }
}
