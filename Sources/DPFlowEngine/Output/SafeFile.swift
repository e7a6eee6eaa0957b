import DPFlowDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files so that nothing but a regular file is ever replaced,
/// and a reader sees the old file or the whole new one, never a part:
///
/// 1. The target is examined without following links (lstat): a device, FIFO,
///    socket, symbolic link or folder there is refused (exit 2), so
///    `-o /dev/null` run as root cannot replace /dev/null, and a link planted
///    in a shared folder cannot redirect the write.
/// 2. The bytes go to a new temporary file beside the target, made with
///    O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 under a short random name
///    (`.dpf-XXXXXXXXXX.tmp`, 19 characters whatever the target's length), so
///    no one can predict it, pre-create it or link it elsewhere.
/// 3. The file is written in full, given the mode a new file would have (or the
///    replaced file's), flushed to disk (fsync) and renamed over the target.
///
/// While it exists the temporary file is in `TemporaryFileRegistry`, so SIGINT
/// or SIGTERM removes it. A write that fails (disk full, EFBIG past
/// `ulimit -f`, which is reported instead of SIGXFSZ) removes it and throws.
public enum SafeFile {
    /// What may be at an output path.
    enum Existing {
        case nothing
        case regular(mode: mode_t)
        case refused(String)
    }

    static func examine(_ path: String) -> Existing {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .nothing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(mode: info.st_mode & 0o7777)
        case S_IFLNK: return .refused("it is a symbolic link")
        case S_IFDIR: return .refused("it is a folder")
        case S_IFCHR, S_IFBLK: return .refused("it is a device")
        case S_IFIFO: return .refused("it is a FIFO (named pipe)")
        case S_IFSOCK: return .refused("it is a socket")
        default: return .refused("it is not a regular file")
        }
    }

    /// Writes `bytes` to `path` (see the type's description). `path` "-" is
    /// standard output.
    public static func write(_ bytes: [UInt8], to path: String) throws(EngineError) {
        if path == "-" {
            try StandardStreams.writeOutput(bytes)
            return
        }
        try write(to: path) { fd in writeAll(fd, bytes) }
    }

    /// Writes what `produce` streams to `path`, a chunk (64 KiB) at a time,
    /// with the same guarantees: the chunks go to the exclusive, no-follow
    /// temporary file, which is renamed over the target only once all of them
    /// are written. `path` "-" is standard output.
    public static func write(to path: String, _ produce: (inout ByteStream) -> Void) throws(EngineError) {
        if path == "-" {
            try StandardStreams.writeOutput(produce)
            return
        }
        try write(to: path) { fd in
            var out = ByteStream { writeAll(fd, $0) }
            produce(&out)
            return out.finish()
        }
    }

    /// The safe write itself: `fill` writes the temporary file's contents to
    /// its descriptor and returns the errno of a failure, or nil.
    static func write(to path: String, filling fill: (Int32) -> Int32?) throws(EngineError) {
        let shown = TerminalPath.shown(path)
        var mode: mode_t
        switch examine(path) {
        case .refused(let why): throw EngineError("refusing to write \(shown): \(why); dpflow replaces only a regular file")
        case .regular(let m): mode = m
        case .nothing: mode = 0o666 & ~currentUmask
        }
        let folder = parentFolder(of: path)
        try makeFolders(folder, shown: shown)

        let (fd, temporary, slot) = try createTemporary(in: folder, shown: shown)
        var failure: String?
        if let code = fill(fd) {
            failure = describeWrite(code)
        } else if fchmod(fd, mode) != 0 {
            failure = "cannot set its mode: \(describe(errno))"
        } else if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            failure = "cannot flush it to disk: \(describe(errno))"
        }
        if close(fd) != 0 && failure == nil { failure = "cannot close it: \(describe(errno))" }
        if failure == nil {
            // Checked again just before the rename, in case something was put there meanwhile.
            if case .refused(let why) = examine(path) {
                failure = "\(why); dpflow replaces only a regular file"
            } else if rename(temporary, path) != 0 {
                failure = describe(errno)
            }
        }
        if failure != nil { unlink(temporary) }
        TemporaryFileRegistry.unregister(slot)
        if let failure { throw EngineError("cannot write \(shown): \(failure)") }
    }

    /// Creates a fresh temporary file in `folder`; returns its descriptor, path
    /// and registry slot.
    static func createTemporary(in folder: String, shown: String) throws(EngineError) -> (Int32, String, Int?) {
        TemporaryFileRegistry.install()
        for _ in 0..<16 {
            let path = join(folder, ".dpf-\(randomName()).tmp")
            // Registered before it exists, so a signal in between cannot leave it behind.
            let slot = TemporaryFileRegistry.register(path, kind: .file)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, path, slot) }
            let e = errno
            TemporaryFileRegistry.unregister(slot)
            if e != EEXIST { throw EngineError("cannot write \(shown): cannot create a temporary file in its folder: \(describe(e))") }
        }
        throw EngineError("cannot write \(shown): cannot create a temporary file in its folder")
    }

    /// Writes every byte, retrying interrupted and partial writes. Returns the
    /// errno of a failure, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc_write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }

    static func describeWrite(_ code: Int32) -> String {
        code == EFBIG ? "the file size limit (ulimit -f) was reached" : describe(code)
    }

    /// Ten random characters from [a-z0-9]: 36^10, about 2^51, names.
    static func randomName() -> String {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<10).map { _ in alphabet[Int(g.next(upperBound: UInt64(alphabet.count)))] })
    }

    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Makes the folder and its missing parents (mode 0777 less the umask).
    /// A path component that exists but is not a folder is an error.
    static func makeFolders(_ folder: String, shown: String) throws(EngineError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw EngineError("cannot write \(shown): \(TerminalPath.shown(folder)) is not a folder")
        }
        let parent = parentFolder(of: folder)
        if parent != folder { try makeFolders(parent, shown: shown) }
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw EngineError("cannot write \(shown): cannot make the folder \(TerminalPath.shown(folder)): \(describe(errno))")
        }
    }

    /// The process's umask, read once (umask can only be read by setting it).
    static let currentUmask: mode_t = {
        let m = umask(0o022)
        umask(m)
        return m
    }()

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// `write(2)` under a name that does not clash with the methods named `write`.
@inline(__always)
func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}

/// A path as shown in a message: control characters made visible.
enum TerminalPath {
    static func shown(_ path: String) -> String { TerminalText.visible(path) }
}
