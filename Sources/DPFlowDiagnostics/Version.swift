/// The tool's identity, printed in JSON, SARIF and report provenance.
public enum DPFlowTool {
    public static let name = "dpflow"
    public static let version = "0.1.0"
    /// The flow-file format versions this build reads.
    public static let formatVersions = ["1"]
    /// The revision of the format and command-line contract this build follows
    /// (shown by `dpflow --version` and in `dpflow schema`).
    public static let formatRevision = "1.1"
}
