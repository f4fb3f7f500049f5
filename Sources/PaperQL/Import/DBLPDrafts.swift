/// DBLP records as read, before they are converted: a batch keeps the texts of all its
/// records' fields in one byte buffer, so reading makes no `String` per field and a batch is
/// freed in a few blocks.
extension DBLPImporter {
    /// The publication records DBLP writes (`person` and `data` records are not papers).
    enum RecordElement: UInt8 {
        case article, inproceedings, proceedings, book, incollection, phdthesis, mastersthesis

        init?(_ name: String) {
            switch name {
            case "article": self = .article
            case "inproceedings": self = .inproceedings
            case "proceedings": self = .proceedings
            case "book": self = .book
            case "incollection": self = .incollection
            case "phdthesis": self = .phdthesis
            case "mastersthesis": self = .mastersthesis
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .article: "article"
            case .inproceedings: "inproceedings"
            case .proceedings: "proceedings"
            case .book: "book"
            case .incollection: "incollection"
            case .phdthesis: "phdthesis"
            case .mastersthesis: "mastersthesis"
            }
        }
    }

    /// The fields of a record that are read; the others are skipped.
    enum Field: UInt8 {
        case author, editor, title, booktitle, year, journal, ee, volume, school, month
        /// A person record's links (an ORCID among them); a paper's are not read.
        case url

        init?(_ name: String) {
            switch name {
            case "author": self = .author
            case "editor": self = .editor
            case "title": self = .title
            case "booktitle": self = .booktitle
            case "year": self = .year
            case "journal": self = .journal
            case "ee": self = .ee
            case "volume": self = .volume
            case "school": self = .school
            case "month": self = .month
            default: return nil
            }
        }
    }

    /// A record (or a person record, whose `element` is nil) read: its fields are
    /// `fields` of its batch's `fields`.
    struct Draft {
        var element: RecordElement?
        var key: String?
        var publtype: String?
        var line: Int
        var fields: Range<Int>
    }

    /// Drafts read and not yet converted, in the file's order with the problems found among them.
    struct DraftBatch {
        /// A field's text, as a range of `bytes`; an author's `orcid` attribute too.
        struct FieldText {
            var field: Field
            var text: Range<Int>
            var orcid: Range<Int>?
        }

        enum Item {
            case record(Draft)
            case person(Draft)
            case warning(ImportIssue)
        }

        var bytes: [UInt8] = []
        var fields: [FieldText] = []
        var items: [Item] = []

        mutating func append(_ field: Field, text: UnsafeBufferPointer<UInt8>, orcid: Range<Int>?) {
            let start = bytes.count
            bytes.append(contentsOf: text)
            fields.append(FieldText(field: field, text: start..<bytes.count, orcid: orcid))
        }

        /// Keeps `text` in `bytes`.
        mutating func store(_ text: String) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            return start..<bytes.count
        }

        /// Calls `body` with the batch's fields over its bytes.
        func withFields<Result>(_ body: (Fields) -> Result) -> Result {
            bytes.withUnsafeBufferPointer { bytes in
                fields.withUnsafeBufferPointer { fields in body(Fields(bytes: bytes, fields: fields)) }
            }
        }
    }

    /// A batch's fields and their texts, valid during `DraftBatch.withFields`.
    struct Fields {
        let bytes: UnsafeBufferPointer<UInt8>
        let fields: UnsafeBufferPointer<DraftBatch.FieldText>

        func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[range])
        }

        /// The text of the draft's first `field`.
        func first(_ field: Field, of draft: Draft) -> UnsafeBufferPointer<UInt8>? {
            for index in draft.fields where fields[index].field == field { return text(fields[index].text) }
            return nil
        }

        /// The draft's `field`s, in order.
        func all(_ field: Field, of draft: Draft) -> some Sequence<DraftBatch.FieldText> {
            draft.fields.lazy.map { fields[$0] }.filter { $0.field == field }
        }
    }
}
