// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage; each depends only on earlier stages:
//   DPFlowDiagnostics  findings, positions, rule identities (shared vocabulary)
//   DPFlowYAML         load: libyaml events -> positioned nodes (ST001, ST003, ST006)
//   DPFlowModel        model: typed, validated programme (ST002, ST004, ST005)
//   DPFlowGraph        graph: index-based flow graph
//   DPFlowRules        rules: the catalogue, reference data, screening, exceptions
//   DPFlowReporters    outputs: pure functions from findings to text
//   DPFlowDiagram      outputs: deterministic DOT diagrams and lineage traces
//   DPFlowRender       outputs: in-process Graphviz (libgvc) rendering, serialised
//   DPFlowReport       outputs: the DPIA (HTML, Markdown, DOCX) and the Article 30 record
//   DPFlowDepartment   the department map: programmes and registries matched into one, the DM rules, where, map outputs
//   DPFlowEngine       the use cases (check, ...) that the CLI calls
//   dpflow             the thin command line
let package = Package(
    name: "dpflow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dpflow", targets: ["dpflow"]),
        .library(name: "DPFlowEngine", targets: ["DPFlowEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "DPFlowDiagnostics"),
        .target(name: "DPFlowYAML", dependencies: ["CYAML", "DPFlowDiagnostics"]),
        .target(name: "DPFlowModel", dependencies: ["DPFlowYAML", "DPFlowDiagnostics"]),
        .target(name: "DPFlowGraph", dependencies: ["DPFlowModel"]),
        .target(name: "DPFlowRules", dependencies: ["DPFlowGraph", "DPFlowModel", "DPFlowYAML", "DPFlowDiagnostics"]),
        .target(name: "DPFlowDepartment", dependencies: ["DPFlowGraph", "DPFlowModel", "DPFlowRules", "DPFlowDiagnostics"]),
        .target(name: "DPFlowReporters", dependencies: ["DPFlowDiagnostics", "DPFlowModel", "DPFlowRules"]),
        .target(name: "DPFlowDiagram", dependencies: ["DPFlowGraph", "DPFlowDiagnostics"]),
        .target(name: "DPFlowRender", dependencies: ["CGraphviz"]),
        .target(
            name: "DPFlowReport",
            dependencies: [
                "DPFlowModel", "DPFlowGraph", "DPFlowRules", "DPFlowDiagnostics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "DPFlowEngine",
            dependencies: [
                "DPFlowYAML", "DPFlowModel", "DPFlowGraph", "DPFlowRules", "DPFlowReporters", "DPFlowDiagram", "DPFlowRender",
                "DPFlowReport", "DPFlowDepartment",
            ]
        ),
        .executableTarget(
            name: "dpflow",
            dependencies: [
                "DPFlowEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DPFlowYAMLTests", dependencies: ["DPFlowYAML"]),
        .testTarget(name: "DPFlowModelTests", dependencies: ["DPFlowModel", "DPFlowYAML", "DPFlowGraph", "DPFlowEngine", "DPFlowReporters"]),
        .testTarget(name: "DPFlowRulesTests", dependencies: ["DPFlowRules", "DPFlowEngine"]),
        .testTarget(
            name: "DPFlowDiagramTests", dependencies: ["DPFlowDiagram", "DPFlowRender", "DPFlowEngine"], exclude: ["Golden"]),
        .testTarget(name: "DPFlowReportTests", dependencies: ["DPFlowReport", "DPFlowEngine"]),
        .testTarget(name: "DPFlowCLITests", dependencies: ["dpflow"], exclude: ["StreamGolden"]),
        .testTarget(name: "DPFlowDepartmentTests", dependencies: ["DPFlowDepartment", "DPFlowEngine"]),
        .testTarget(name: "DPFlowSecurityTests", dependencies: ["DPFlowEngine", "DPFlowRender", "DPFlowDiagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
