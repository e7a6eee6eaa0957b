import Foundation

/// Writes a file through a temporary file in the same folder and a rename, so a
/// failed run never leaves a half-written output.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(EngineError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).dpflow-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            // rename(2) replaces the target atomically.
            guard rename(temporary.path, url.path) == 0 else {
                throw EngineError(String(cString: strerror(errno)))
            }
        } catch let e as EngineError {
            try? FileManager.default.removeItem(at: temporary)
            throw EngineError("cannot write \(path): \(e.message)")
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw EngineError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
