import DPFlowDiagnostics

/// `map.html`: one self-contained page of the department map.
public enum MapHTML {
    public static func render(_ d: Department, findings: [Finding], mapJSON: String, svg: String) -> String {
        // Replaced by the interactive page (search, highlight, findings panel).
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Department data map</title></head><body>\n"
        out += "<h1>Department data map</h1>\n"
        out += svg
        out += "</body></html>\n"
        return out
    }
}
