import Foundation
import Testing
@testable import PaperQL

/// A `Column` reads like the array it was made from, copies on write like one, and a column
/// over a mapped file is copied into memory of its own before it is appended to.
@Suite struct ColumnTests {
    @Test func readsLikeItsArray() {
        let values: [UInt32] = [3, 1, 4, 1, 5, 9, 2, 6]
        let column = Column(values)
        #expect(Array(column) == values)
        #expect(column.count == values.count)
        #expect(column[5] == 9)
        #expect(column[2..<4].elementsEqual([4, 1]))
        #expect(column.withUnsafeBufferPointer { Array($0) } == values)
        #expect(Column<UInt32>().isEmpty)
    }

    @Test func appendingToACopyLeavesTheOriginal() {
        var original = Column<Int>()
        for value in 0..<100 { original.append(value) }
        var copy = original
        copy.append(100)
        copy.append(contentsOf: [101, 102])
        #expect(Array(original) == Array(0..<100))
        #expect(Array(copy) == Array(0...102))
    }

    @Test func aMappedColumnIsCopiedBeforeItGrows() throws {
        let path = PaperQLTests.temporaryPath("column.bin").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let values: [UInt32] = [7, 8, 9, 10]
        try values.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        let file = try #require(MappedFile(descriptor: descriptor, length: 16))
        close(descriptor)
        let mapped = Column<UInt32>(mapped: file, byteOffset: 4, count: 3)
        #expect(mapped.isMapped)
        #expect(Array(mapped) == [8, 9, 10])
        var grown = mapped
        grown.append(11)
        #expect(!grown.isMapped)
        #expect(Array(grown) == [8, 9, 10, 11])
        #expect(Array(mapped) == [8, 9, 10])
    }

    @Test func stringColumnsShareNothingAfterACopy() {
        var names = StringColumn(["Ada", "Grace"])
        let before = names
        names.append("Barbara")
        #expect((0..<before.count).map { before[$0] } == ["Ada", "Grace"])
        #expect((0..<names.count).map { names[$0] } == ["Ada", "Grace", "Barbara"])
    }
}
