import Dispatch

/// A value that one task of a `DispatchQueue.concurrentPerform` writes and the caller reads
/// after all tasks finish. Each slot must be written by one task only; that is what makes the
/// unchecked `Sendable` sound.
final class TaskSlot<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// Runs two pieces of work, one per core, and returns both results.
func inParallel<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    let a = TaskSlot<First?>(nil)
    let b = TaskSlot<Second?>(nil)
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let work = TaskSlot((first, second))
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 { a.value = work.value.0() } else { b.value = work.value.1() }
            }
        }
    }
    guard let firstResult = a.value, let secondResult = b.value else {
        preconditionFailure("concurrentPerform returned before both tasks ran")
    }
    return (firstResult, secondResult)
}
