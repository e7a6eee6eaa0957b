/// Values in the words a DPO or a board reads: "15 years from case closure",
/// not "P15Y from case-closed".
public enum PlainEnglish {
    /// "15 years", "6 months", "1 year and 6 months", "30 days".
    public static func duration(_ d: ISODuration) -> String {
        func unit(_ n: Int, _ one: String) -> String? { n == 0 ? nil : "\(number(n)) \(one)\(n == 1 ? "" : "s")" }
        let parts = [unit(d.years, "year"), unit(d.months, "month"), unit(d.weeks, "week"), unit(d.days, "day")].compactMap { $0 }
        switch parts.count {
        case 0: return "no time"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        }
    }

    /// "year" for P1Y, "6 months" for P6M: for "reviewed every ...".
    public static func every(_ d: ISODuration) -> String {
        let words = duration(d)
        return words.hasPrefix("1 ") ? String(words.dropFirst(2)) : words
    }

    /// An event id in words: `case-closed` -> "case closed".
    public static func event(_ id: String) -> String { id.replacing("-", with: " ") }

    /// A whole number with thousands separators: 200000 -> "200,000".
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A retention entry in one sentence: "7 years from case closed, or until
    /// consent withdrawn, then delete"; "while: <criteria> (reviewed every
    /// year), then delete"; "indefinitely, then archive".
    public static func retention(_ e: RetentionEntry) -> String {
        var out: String
        switch e.period?.value {
        case .duration(let d)?: out = duration(d) + (e.from.map { " from \(event($0.value))" } ?? " (no start event stated)")
        case .indefinite?: out = "indefinitely"
        case .criteria?:
            out = "while: \(e.criteria?.value ?? "criteria not stated")"
            if let r = e.reviewEvery?.value { out += " (reviewed every \(every(r)))" }
        case nil: out = "no period stated"
        }
        if let u = e.until?.value { out += ", or until \(event(u))" }
        out += e.disposal.map { ", then \($0.value.rawValue)" } ?? ", disposal not stated"
        return out
    }
}
