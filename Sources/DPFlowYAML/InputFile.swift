import CYAML
import DPFlowDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a flow file for reading, safely on a hostile machine:
///
/// - opened with O_NONBLOCK, so a FIFO with no writer cannot hang the run, then
///   examined with fstat on the open descriptor (what is read is what was checked);
/// - only a regular file is read, except standard input named explicitly
///   (`-`, `/dev/stdin` or `/dev/fd/N`, such as a shell's `<(...)`), which is
///   read as a stream with the same byte limit;
/// - bytes are counted as they are read, whatever the file claims its size
///   is, and reading stops one byte past `LoadLimits.maxBytes` (ST006).
public final class InputFile {
    /// Why a path cannot be read; the command stops with exit 2.
    public struct Refusal: Error, Sendable {
        public let message: String
    }

    let fd: Int32
    /// True for a regular file (it can be read again, to place a reader error).
    let isRegular: Bool
    /// The size fstat gave (a regular file's; 0 for a stream). Only a first
    /// check: the bytes are counted as they are read.
    let size: Int
    let path: String

    /// The names that mean standard input.
    public static func isStandardInput(_ path: String) -> Bool {
        path == "-" || path == "/dev/stdin" || path.hasPrefix("/dev/fd/")
    }

    public init(path: String) throws(Refusal) {
        self.path = path
        let descriptor: Int32 = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            throw Refusal(message: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let e = errno
            close(descriptor)
            throw Refusal(message: String(cString: strerror(e)))
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            close(descriptor)
            throw Refusal(message: "it is a folder")
        }
        if kind != S_IFREG && !Self.isStandardInput(path) {
            close(descriptor)
            let what = kind == S_IFIFO ? "a FIFO (named pipe)" : kind == S_IFCHR || kind == S_IFBLK ? "a device" : kind == S_IFSOCK ? "a socket" : "not a regular file"
            throw Refusal(message: "it is \(what); dpflow reads regular files, or standard input given as '-'")
        }
        // Reads block again (a pipe on stdin waits for its writer, as `cat` does).
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 && flags & O_NONBLOCK != 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        fd = descriptor
        isRegular = kind == S_IFREG
        size = Int(info.st_size)
    }

    deinit { close(fd) }

    /// The whole of a small file (a configuration, a template, a baseline)
    /// read with the same rules: regular files only (or standard input named
    /// explicitly), never more than `limit` bytes.
    public static func contents(of path: String, limit: Int = LoadLimits.standard.maxBytes) throws(Refusal) -> [UInt8] {
        let input = try InputFile(path: path)
        guard let bytes = try input.readAll(limit: limit) else {
            throw Refusal(message: "it is over the limit of \(limit) bytes")
        }
        return bytes
    }

    /// Reads the whole input, up to `limit` bytes; nil when it is longer.
    public func readAll(limit: Int) throws(Refusal) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Refusal(message: String(cString: strerror(errno)))
            }
            if n == 0 { return out }
            if out.count + n > limit { return nil }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}

/// libyaml's input, read from a descriptor and counted: reading fails (and
/// `overLimit` is set) at the first byte past the limit.
final class CountingReader {
    let fd: Int32
    let limit: Int
    private(set) var count = 0
    private(set) var overLimit = false
    private(set) var readError: Int32 = 0

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
    }

    /// The yaml_read_handler_t: fills `buffer`, 0 bytes at the end, 0 return on error.
    static let handler: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int, UnsafeMutablePointer<Int>?) -> Int32 = {
        data, buffer, size, sizeRead in
        guard let data, let buffer, let sizeRead else { return 0 }
        let reader = Unmanaged<CountingReader>.fromOpaque(data).takeUnretainedValue()
        // Never ask for more than one byte past the limit.
        let want = min(size, reader.limit + 1 - reader.count)
        var n: Int
        repeat { n = read(reader.fd, buffer, max(want, 0)) } while n < 0 && errno == EINTR
        if n < 0 {
            reader.readError = errno
            return 0
        }
        reader.count += n
        if reader.count > reader.limit {
            reader.overLimit = true
            return 0
        }
        sizeRead.pointee = n
        return 1
    }
}
