/// The tool's identity, printed in JSON, SARIF and report provenance.
public enum DPFlowTool {
    public static let name = "dpflow"
    public static let version = "0.1.0"
    /// The flow-file format versions this build reads.
    public static let formatVersions = ["1"]
}
