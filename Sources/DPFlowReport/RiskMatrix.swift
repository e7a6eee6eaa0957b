import DPFlowModel

/// The before-and-after risk matrix as SVG: likelihood (rows) by severity
/// (columns), cells shaded by overall risk, each risk numbered, outlined where
/// it starts and filled where its measures leave it.
enum RiskMatrix {
    /// The same matrix as a table, for documents without SVG (DOCX).
    static func table(_ risks: [Risk]) -> ReportDocument.Table {
        let likelihoods: [Likelihood] = [.probable, .possible, .remote]
        let severities: [RiskSeverity] = [.minimal, .significant, .severe]
        func cell(_ l: Likelihood, _ s: RiskSeverity) -> String {
            var before: [String] = []
            var after: [String] = []
            for (i, r) in risks.enumerated() {
                if r.likelihood?.value == l, r.severity?.value == s { before.append(String(i + 1)) }
                if r.residual?.likelihood?.value == l, r.residual?.severity?.value == s { after.append(String(i + 1)) }
            }
            var parts = [RiskLevel(likelihood: l, severity: s).rawValue.uppercased()]
            if !before.isEmpty { parts.append("before: " + before.joined(separator: ", ")) }
            if !after.isEmpty { parts.append("after: " + after.joined(separator: ", ")) }
            return parts.joined(separator: "\n")
        }
        return ReportDocument.Table(
            caption: "Risk matrix (likelihood by severity): risks by number, before and after their measures",
            headers: ["likelihood \\ severity"] + severities.map(\.rawValue),
            rows: likelihoods.map { l in [l.rawValue] + severities.map { cell(l, $0) } })
    }

    static func svg(_ risks: [Risk]) -> String {
        let cell = 120, left = 110, top = 30
        let likelihoods: [Likelihood] = [.probable, .possible, .remote]
        let severities: [RiskSeverity] = [.minimal, .significant, .severe]
        let width = left + cell * 3 + 20, height = top + cell * 3 + 60
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Risk matrix\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
        out += "<title>Risk matrix: likelihood by severity, before and after measures</title>"
        for (r, l) in likelihoods.enumerated() {
            for (c, s) in severities.enumerated() {
                let level = RiskLevel(likelihood: l, severity: s)
                let fill = level == .high ? "#fecaca" : level == .medium ? "#fde68a" : "#bbf7d0"
                out += "<rect x=\"\(left + c * cell)\" y=\"\(top + r * cell)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
                out += "<text x=\"\(left + c * cell + 6)\" y=\"\(top + r * cell + 16)\" fill=\"#374151\" font-size=\"10\">\(level.rawValue)</text>"
            }
            out += "<text x=\"\(left - 8)\" y=\"\(top + r * cell + cell / 2 + 4)\" text-anchor=\"end\">\(l.rawValue)</text>"
        }
        for (c, s) in severities.enumerated() {
            out += "<text x=\"\(left + c * cell + cell / 2)\" y=\"\(top + cell * 3 + 18)\" text-anchor=\"middle\">\(s.rawValue)</text>"
        }
        out += "<text x=\"\(left + cell * 3 / 2)\" y=\"\(top + cell * 3 + 40)\" text-anchor=\"middle\" font-weight=\"bold\">severity</text>"
        out += "<text x=\"16\" y=\"\(top + cell * 3 / 2)\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 16 \(top + cell * 3 / 2))\">likelihood</text>"
        // Markers: per cell, place each risk's marker on a small grid.
        var slots: [String: Int] = [:]
        func place(_ l: Likelihood, _ s: RiskSeverity) -> (Int, Int) {
            let key = "\(l.rawValue)-\(s.rawValue)"
            let n = slots[key, default: 0]
            slots[key] = n + 1
            let r = likelihoods.firstIndex(of: l) ?? 0, c = severities.firstIndex(of: s) ?? 0
            return (left + c * cell + 22 + (n % 4) * 26, top + r * cell + 40 + (n / 4) * 26)
        }
        for (i, risk) in risks.enumerated() {
            guard let l = risk.likelihood?.value, let s = risk.severity?.value else { continue }
            let (x, y) = place(l, s)
            out += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"10\" fill=\"#ffffff\" stroke=\"#1f2937\" stroke-width=\"2\"/>"
            out += "<text x=\"\(x)\" y=\"\(y + 4)\" text-anchor=\"middle\" font-size=\"11\">\(i + 1)</text>"
            if let rl = risk.residual?.likelihood?.value, let rs = risk.residual?.severity?.value {
                let (x2, y2) = place(rl, rs)
                out += "<circle cx=\"\(x2)\" cy=\"\(y2)\" r=\"10\" fill=\"#1f2937\"/>"
                out += "<text x=\"\(x2)\" y=\"\(y2 + 4)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">\(i + 1)</text>"
            }
        }
        out += "</svg>"
        return out
    }
}
