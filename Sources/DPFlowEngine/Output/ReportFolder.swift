import DPFlowDiagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report folder as one set, so no reader ever sees files from two
/// runs, and a run killed part way leaves the previous set whole:
///
/// 1. every file is written into a fresh sibling folder (`.dpf-XXXXXXXXXX.tmp`,
///    mode 0700 while it is built; each file made with O_CREAT|O_EXCL|O_NOFOLLOW
///    and fsynced);
/// 2. entries of the old folder that dpflow did not write (a preview, someone's
///    notes) are moved into the new one, so they are kept;
/// 3. the new folder takes the old one's place in one step: rename(2) when
///    there is none, else renameat2(RENAME_EXCHANGE), which swaps the two
///    atomically (where the file system cannot, the old folder is renamed
///    aside first: for a moment there is no folder, but never a mixed one);
/// 4. the old set, now in the temporary folder, is removed.
///
/// The temporary folder and its files are in `TemporaryFileRegistry` until the
/// swap, so SIGINT or SIGTERM removes them. Two runs at once each install a
/// complete set; the last to swap wins.
public final class ReportFolder {
    public struct Outcome: Sendable {
        /// The paths written (folder/name), in the order given.
        public var written: [String] = []
        /// "name: reason" for each output that could not be written.
        public var failures: [String] = []
    }

    let folder: String
    let shown: String
    let existed: Bool
    let temporary: String
    private var registered: [Int?]
    private var outcome = Outcome()
    private var names: Set<String> = []
    private var installed = false
    /// Names of the old folder that are dpflow's even when this run does not
    /// write them (the diagram's parts, whose names depend on the programme):
    /// left out of the new set, never carried over from an earlier run.
    let alsoOurs: @Sendable (String) -> Bool

    /// Starts a set: checks the folder and makes the temporary one beside it.
    public init(folder: String, alsoOurs: @escaping @Sendable (String) -> Bool = { _ in false }) throws(EngineError) {
        self.folder = folder
        self.alsoOurs = alsoOurs
        shown = TerminalText.visible(folder)
        var info = stat()
        existed = lstat(folder, &info) == 0
        if existed && info.st_mode & S_IFMT != S_IFDIR {
            let why = info.st_mode & S_IFMT == S_IFLNK ? "it is a symbolic link" : "it is not a folder"
            throw EngineError("refusing to write the report into \(TerminalText.visible(folder)): \(why)")
        }
        let parent = SafeFile.parentFolder(of: folder)
        try SafeFile.makeFolders(parent, shown: shown)
        let (path, slot) = try Self.makeTemporaryFolder(in: parent, shown: shown)
        temporary = path
        registered = [slot]
    }

    deinit {
        if !installed { try? FileManager.default.removeItem(atPath: temporary) }
        for slot in registered { TemporaryFileRegistry.unregister(slot) }
    }

    /// Writes one file of the set (into the temporary folder).
    public func add(_ name: String, _ bytes: [UInt8]) {
        let path = temporary + "/" + name
        registered.append(TemporaryFileRegistry.register(path, kind: .file))
        names.insert(name)
        if let failure = Self.writeNew(path, bytes) {
            outcome.failures.append("\(name): \(failure)")
        } else {
            outcome.written.append(folder + "/" + name)
        }
    }

    /// Puts the set in place of the old folder.
    public func commit() throws(EngineError) -> Outcome {
        chmod(temporary, 0o777 & ~SafeFile.currentUmask)
        try Self.install(temporary, at: folder, keepingFrom: existed, ours: { [names, alsoOurs] in names.contains($0) || alsoOurs($0) }, shown: shown)
        installed = true
        return outcome
    }

    /// Writes `files` as one set into `folder`.
    public static func write(_ files: [(name: String, bytes: [UInt8])], to folder: String) throws(EngineError) -> Outcome {
        let set = try ReportFolder(folder: folder)
        for file in files { set.add(file.name, file.bytes) }
        return try set.commit()
    }

    static func makeTemporaryFolder(in parent: String, shown: String) throws(EngineError) -> (String, Int?) {
        TemporaryFileRegistry.install()
        for _ in 0..<16 {
            let path = SafeFile.join(parent, ".dpf-\(SafeFile.randomName()).tmp")
            let slot = TemporaryFileRegistry.register(path, kind: .folder)
            if mkdir(path, 0o700) == 0 { return (path, slot) }
            let e = errno
            TemporaryFileRegistry.unregister(slot)
            if e != EEXIST {
                throw EngineError("cannot write the report into \(shown): cannot make a temporary folder: \(SafeFile.describe(e))")
            }
        }
        throw EngineError("cannot write the report into \(shown): cannot make a temporary folder")
    }

    /// Creates a new file (never an existing one, never through a link) with the
    /// mode a new file would have, writes it whole and flushes it to disk.
    static func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return SafeFile.describe(errno) }
        var failure: String?
        if let code = SafeFile.writeAll(fd, bytes) {
            failure = SafeFile.describeWrite(code)
        } else if fchmod(fd, 0o666 & ~SafeFile.currentUmask) != 0 {
            failure = SafeFile.describe(errno)
        } else if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            failure = SafeFile.describe(errno)
        }
        if close(fd) != 0 && failure == nil { failure = SafeFile.describe(errno) }
        if failure != nil { unlink(path) }
        return failure
    }

    static func install(_ temporary: String, at folder: String, keepingFrom exists: Bool, ours: (String) -> Bool, shown: String) throws(EngineError) {
        if !exists || isEmptyMissing(folder) {
            if rename(temporary, folder) == 0 { return }
            guard errno == EEXIST || errno == ENOTEMPTY else {
                throw EngineError("cannot write the report into \(shown): \(SafeFile.describe(errno))")
            }
            // Another run made the folder meanwhile: swap with it as below.
        }
        // Keep what others put in the folder.
        for name in FolderScan.entries(of: folder) ?? [] where !ours(name) {
            _ = rename(folder + "/" + name, temporary + "/" + name)
        }
        if exchange(temporary, folder) {
            try? FileManager.default.removeItem(atPath: temporary)  // the old set
            return
        }
        // No atomic exchange here: move the old folder aside, then the new one in.
        let aside = SafeFile.join(SafeFile.parentFolder(of: folder), ".dpf-\(SafeFile.randomName()).old")
        guard rename(folder, aside) == 0 else {
            throw EngineError("cannot write the report into \(shown): \(SafeFile.describe(errno))")
        }
        guard rename(temporary, folder) == 0 else {
            let e = errno
            _ = rename(aside, folder)
            throw EngineError("cannot write the report into \(shown): \(SafeFile.describe(e))")
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// True when the folder is gone (removed since it was examined).
    static func isEmptyMissing(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder, &info) != 0
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's renameat2, looked up at run time (glibc 2.28 and later).
    nonisolated(unsafe) static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Swaps two paths atomically (RENAME_EXCHANGE); false where not supported.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 2
        let atCurrentDirectory: Int32 = -100
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
    }
}
