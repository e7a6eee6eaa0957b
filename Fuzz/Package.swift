// swift-tools-version:6.0
// `.link/dpflow` is a symbolic link to the repository (made by `make fuzz`), so
// that the package is called dpflow whatever the clone's folder is called.
import PackageDescription

// The libFuzzer target, in a package of its own so that the main build never
// sees it: libFuzzer supplies `main`, so this builds only with
// `-sanitize=fuzzer`. Build and run it with `make fuzz SECONDS=N` (see
// docs/security.md). It drives `FuzzEntry.run`, the same entry point that the
// corpus regression test (Tests/DPFlowCLITests/FuzzCorpusTests.swift) uses.
let package = Package(
    name: "dpflow-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: ".link/dpflow")],
    targets: [
        .executableTarget(
            name: "DPFlowFuzz",
            dependencies: [.product(name: "DPFlowEngine", package: "dpflow")]
        )
    ],
    swiftLanguageModes: [.v6]
)
