/// Where a table of legal reference data comes from, and when it was last
/// checked against that source. Printed by `dpflow explain` and the report.
public struct ReferenceSource: Sendable {
    public let title: String
    public let url: String
    public let checked: String

    public init(title: String, url: String, checked: String) {
        self.title = title
        self.url = url
        self.checked = checked
    }
}
