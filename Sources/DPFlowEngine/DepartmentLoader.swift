import DPFlowDepartment
import DPFlowDiagnostics
import DPFlowGraph
import DPFlowModel
import DPFlowRules
import Foundation

/// Loads a department: every programme and registry under the paths, read,
/// decoded and checked in parallel on every core (Swift structured
/// concurrency; each task has its own libyaml parser and include loader).
/// Results keep the order of the files, so the outcome is deterministic.
public enum DepartmentLoader {
    public struct Loaded: Sendable {
        public let files: [String]
        public let department: Department
        /// Every programme's and registry's own findings, in file order.
        public let findings: [Finding]
    }

    /// `rules: false` (for `where`) loads, decodes and graphs each file but
    /// runs no rules: the question is where data is, not what is wrong.
    public static func load(paths: [String], options: CheckOptions, rules: Bool = true) async throws(EngineError) -> Loaded {
        // The same flow files as check's (CLI.md "Which files are flow files").
        let files = try FlowFileDiscovery.select(paths: paths).files.filter { $0 != FlowFileDiscovery.standardInput }
        if files.isEmpty { throw EngineError("no flow files found in \(paths.joined(separator: ", "))") }
        let results = await analyseInParallel(files: files, options: options, rules: rules)
        var programmes: [DepartmentProgramme] = []
        var registries: [DepartmentRegistry] = []
        var findings: [Finding] = []
        var seen = FindingSet()
        for (file, result) in zip(files, results) {
            let analysis: ProgrammeAnalysis
            switch result {
            case .success(let a): analysis = a
            case .failure(let e): throw e
            }
            for f in analysis.findings where seen.insert(f) { findings.append(f) }
            guard let model = analysis.model else { continue }
            if model.isRegistry {
                registries.append(DepartmentRegistry(file: file, model: model, findings: analysis.findings))
            } else if let graph = analysis.graph {
                programmes.append(DepartmentProgramme(file: file, model: model, graph: graph, findings: analysis.findings))
            }
        }
        return Loaded(files: files, department: Department(programmes: programmes, registries: registries), findings: findings)
    }

    /// One task per file, at most one per core at a time; results in file order.
    static func analyseInParallel(files: [String], options: CheckOptions, rules: Bool = true) async -> [Result<ProgrammeAnalysis, EngineError>] {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var results = [Result<ProgrammeAnalysis, EngineError>?](repeating: nil, count: files.count)
        // One include loader for the run: each registry is read once, however many programmes include it.
        let includes = IncludeLoader(limits: options.configuration.loadLimits)
        await withTaskGroup(of: (Int, Result<ProgrammeAnalysis, EngineError>).self) { group in
            var next = 0
            func start() {
                let i = next
                next += 1
                group.addTask {
                    do throws(EngineError) {
                        if !rules {
                            let loaded = try ProgrammeLoader.load(file: files[i], includes: includes, limits: options.configuration.loadLimits)
                            return (i, .success(ProgrammeAnalysis(
                                file: loaded.file, model: loaded.model, graph: loaded.graph, findings: loaded.findings, screening: nil,
                                rulesRun: [], rulesOff: [])))
                        }
                        return (i, .success(try ProgrammeAnalysis.analyse(file: files[i], options: options, includes: includes)))
                    } catch {
                        return (i, .failure(error))
                    }
                }
            }
            while next < files.count && next < width { start() }
            for await (i, result) in group {
                results[i] = result
                if next < files.count { start() }
            }
        }
        return results.map { $0 ?? .failure(EngineError("a file was not analysed")) }
    }
}
