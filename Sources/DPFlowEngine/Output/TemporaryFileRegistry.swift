#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files and folders this process has made and not yet renamed
/// into place, kept where a signal handler can reach them: when SIGINT, SIGTERM
/// or SIGHUP stops a run, the handler removes them (unlink and rmdir only, both
/// async-signal-safe), then lets the signal end the process as it would have.
///
/// The table is a fixed block of memory allocated once, before any handler is
/// installed; registering copies a path into a free slot and then marks it
/// live, so the handler never reads memory that is being freed.
enum TemporaryFileRegistry {
    enum Kind: UInt8 { case free = 0, file = 1, folder = 2 }

    static let slots = 64
    static let pathCapacity = Int(PATH_MAX) + 1
    private static let slotSize = pathCapacity + 1

    /// Slot i: one kind byte, then a NUL-terminated path.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * slotSize)
        p.initialize(repeating: 0, count: slots * slotSize)
        return p
    }()

    private static let installed: Bool = {
        _ = table
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // A signal the caller ignores stays ignored (`nohup dpflow ...`).
            var current = sigaction()
            sigaction(sig, nil, &current)
            #if canImport(Glibc)
            let ignored = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
            #else
            let ignored = unsafeBitCast(current.__sigaction_u.__sa_handler, to: Int.self) == 1
            #endif
            if ignored { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { sig in TemporaryFileRegistry.removeAllAndReraise(sig) }
            #else
            action.__sigaction_u.__sa_handler = { sig in TemporaryFileRegistry.removeAllAndReraise(sig) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        // A write past `ulimit -f` returns EFBIG instead of killing the process
        // with SIGXFSZ; a write to a closed pipe returns EPIPE instead of SIGPIPE.
        // Both are then reported as write errors (see SafeFile, StandardStreams).
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Installs the handlers (once). Called before the first temporary file.
    static func install() { _ = installed }

    /// Records a path; returns its slot, or nil when the table is full or the
    /// path too long (the file is still removed on every ordinary failure).
    static func register(_ path: String, kind: Kind) -> Int? {
        install()
        let bytes = Array(path.utf8)
        guard bytes.count < pathCapacity, !bytes.contains(0) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slots where table[i * slotSize] == Kind.free.rawValue {
            let base = table + i * slotSize + 1
            for (j, b) in bytes.enumerated() { base[j] = b }
            base[bytes.count] = 0
            table[i * slotSize] = kind.rawValue  // published last
            return i
        }
        return nil
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        table[slot * slotSize] = Kind.free.rawValue
        lock.unlock()
    }

    /// The paths registered now (for tests).
    static var live: [String] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<slots).compactMap { i in
            table[i * slotSize] == Kind.free.rawValue ? nil : String(cString: table + i * slotSize + 1)
        }
    }

    private static let lock = Mutex()

    /// Runs in the signal handler: only unlink, rmdir, signal and raise.
    static func removeAllAndReraise(_ sig: Int32) {
        for i in 0..<slots where table[i * slotSize] == Kind.file.rawValue {
            (table + i * slotSize + 1).withMemoryRebound(to: CChar.self, capacity: pathCapacity) { _ = unlink($0) }
        }
        for i in 0..<slots where table[i * slotSize] == Kind.folder.rawValue {
            (table + i * slotSize + 1).withMemoryRebound(to: CChar.self, capacity: pathCapacity) { _ = rmdir($0) }
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}

/// A pthread mutex with one owner (the registry's lock).
final class Mutex: @unchecked Sendable {
    private let m: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
    }

    deinit {
        pthread_mutex_destroy(m)
        m.deallocate()
    }

    func lock() { pthread_mutex_lock(m) }
    func unlock() { pthread_mutex_unlock(m) }
}
