/// An ISO 8601 calendar date (YYYY-MM-DD). No time, no zone: nothing here
/// depends on the clock.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1970-01-01: a fallback that needs no validation.
    public static let unixEpoch = CalendarDate(valid: 1970, 1, 1)

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                let c = u[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The date a duration after this one: years and months by the calendar
    /// (the day clamped to the month's length), then weeks and days.
    public func adding(_ d: ISODuration) -> CalendarDate {
        let months = (year * 12 + (month - 1)) + d.years * 12 + d.months
        let y = months / 12, m = months % 12 + 1
        var date = CalendarDate(valid: y, m, min(day, Self.daysIn(month: m, year: y)))
        var days = d.weeks * 7 + d.days
        while days > 0 {
            let left = Self.daysIn(month: date.month, year: date.year) - date.day
            if days <= left {
                date = CalendarDate(valid: date.year, date.month, date.day + days)
                days = 0
            } else {
                days -= left + 1
                date = date.month == 12 ? CalendarDate(valid: date.year + 1, 1, 1) : CalendarDate(valid: date.year, date.month + 1, 1)
            }
        }
        return date
    }
}
