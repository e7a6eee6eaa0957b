/// An ISO 8601 duration of calendar units (P7Y, P6M, P2W, P30D, P1Y6M).
/// Comparable by length: a year is twelve months, a month is 30.436875 days
/// (the Gregorian average), so P60M equals P5Y and P1M is longer than P30D.
public struct ISODuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored compactly (at most six digits each): a programme has a duration
    // in every retention entry.
    private let storedYears: Int32
    private let storedMonths: Int32
    private let storedWeeks: Int32
    private let storedDays: Int32
    public let text: String
    public var years: Int { Int(storedYears) }
    public var months: Int { Int(storedMonths) }
    public var weeks: Int { Int(storedWeeks) }
    public var days: Int { Int(storedDays) }

    /// Length in 1/80,000 of a day: integral, so equal lengths compare equal.
    public var length: Int64 {
        Int64(years * 12 + months) * 2_434_950 + Int64(weeks * 7 + days) * 80_000
    }

    /// Approximate length in days, for messages.
    public var approximateDays: Int { Int(length / 80_000) }

    public init?(iso text: String) {
        // Read in place, byte by byte: a programme has a duration in every retention entry.
        var u = text.utf8.makeIterator()
        guard u.next() == UInt8(ascii: "P") else { return nil }
        var y = 0, m = 0, w = 0, d = 0
        var order = 0  // Y < M < W < D, each at most once
        var next = u.next()
        guard next != nil else { return nil }
        while let first = next {
            var n = 0
            var digits = 0
            var c: UInt8? = first
            while let digit = c, digit >= 48, digit <= 57 {
                n = n * 10 + Int(digit - 48)
                digits += 1
                if digits > 6 { return nil }
                c = u.next()
            }
            guard digits > 0, let unit = c else { return nil }
            let rank: Int
            switch unit {
            case UInt8(ascii: "Y"): rank = 1; y = n
            case UInt8(ascii: "M"): rank = 2; m = n
            case UInt8(ascii: "W"): rank = 3; w = n
            case UInt8(ascii: "D"): rank = 4; d = n
            default: return nil
            }
            guard rank > order else { return nil }
            order = rank
            next = u.next()
        }
        storedYears = Int32(y)
        storedMonths = Int32(m)
        storedWeeks = Int32(w)
        storedDays = Int32(d)
        self.text = text
    }

    public static func < (a: ISODuration, b: ISODuration) -> Bool { a.length < b.length }
    public static func == (a: ISODuration, b: ISODuration) -> Bool { a.length == b.length }
    public func hash(into hasher: inout Hasher) { hasher.combine(length) }

    public var description: String { text }
}

/// A retention period: a duration, `indefinite`, or (1.1) `criteria`: kept
/// while stated criteria hold, with no fixed period.
public enum RetentionPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    case duration(ISODuration)
    case indefinite
    case criteria

    public init?(text: String) {
        if text == "indefinite" {
            self = .indefinite
        } else if text == "criteria" {
            self = .criteria
        } else if let d = ISODuration(iso: text) {
            self = .duration(d)
        } else {
            return nil
        }
    }

    /// Criteria-based periods cannot be ordered against any other: every
    /// comparison with one is false (rules that compare skip them).
    public static func < (a: RetentionPeriod, b: RetentionPeriod) -> Bool {
        switch (a, b) {
        case (.duration(let x), .duration(let y)): x < y
        case (.duration, .indefinite): true
        default: false
        }
    }

    public var isCriteria: Bool { self == .criteria }

    public var description: String {
        switch self {
        case .duration(let d): d.text
        case .indefinite: "indefinite"
        case .criteria: "criteria"
        }
    }
}
