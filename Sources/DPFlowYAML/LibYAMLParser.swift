import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DPFlowDiagnostics

/// The one Swift owner of a libyaml parser: initialised in `init`, deleted and
/// freed in `deinit`. The input bytes must outlive every call to `next`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// Kept alive while libyaml reads from it.
    private let reader: CountingReader?

    private init?(reader: CountingReader?) {
        self.reader = reader
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
    }

    /// Parses bytes in memory; they must outlive the parser.
    convenience init?(input: UnsafeBufferPointer<UInt8>) {
        self.init(reader: nil)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    /// Parses what a counting reader reads (see `InputFile`).
    convenience init?(reader: CountingReader) {
        self.init(reader: Optional(reader))
        yaml_parser_set_input(parser, CountingReader.handler, Unmanaged.passUnretained(reader).toOpaque())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event into `event`. The caller owns the event and must pass
    /// it to `yaml_event_delete` (see `withNextEvent`).
    /// Returns false when libyaml reports an error.
    func withNextEvent<R>(_ body: (inout yaml_event_t) -> R) -> R? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        return body(&event)
    }

    /// libyaml's description of the error that stopped it.
    struct Failure {
        var message: String
        /// Set for scanner and parser errors.
        var mark: SourceMark?
        /// Set for reader errors (bad encoding, control characters): a byte offset.
        var offset: Int?
    }

    var failure: Failure {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown error"
        var message = problem
        if let context = p.context.map({ String(cString: $0) }) {
            message = "\(context): \(problem)"
        }
        switch p.error {
        case YAML_READER_ERROR:
            if p.problem_value != -1 {
                let hex = String(UInt32(truncatingIfNeeded: p.problem_value), radix: 16, uppercase: true)
                message += " (value 0x\(hex.count < 2 ? "0" + hex : hex))"
            }
            return Failure(message: message, mark: nil, offset: Int(p.problem_offset))
        case YAML_MEMORY_ERROR:
            return Failure(message: "out of memory while parsing", mark: nil, offset: nil)
        default:
            let m = p.problem_mark
            return Failure(message: message, mark: SourceMark(line: Int(m.line) + 1, column: Int(m.column) + 1), offset: nil)
        }
    }
}
