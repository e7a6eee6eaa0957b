/// "Did you mean" suggestions: the nearest candidate by edit distance.
public enum Suggestions {
    /// The closest candidate within a distance that a typo explains, or nil.
    /// Ties go to the alphabetically first candidate, so the answer is deterministic.
    public static func nearest<S: Sequence>(to word: String, in candidates: S, loose: Bool = false) -> String?
    where S.Element == String {
        let w = Array(word.unicodeScalars)
        let lowered = word.lowercased()
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            if candidate.lowercased() == lowered && candidate != word {
                return candidate
            }
            let c = Array(candidate.unicodeScalars)
            let limit = loose ? max(3, max(w.count, c.count) / 2) : max(2, max(w.count, c.count) / 3)
            let bound = min(limit, best.map { $0.distance } ?? limit)
            if abs(w.count - c.count) > bound { continue }
            guard let d = boundedDistance(w, c, bound: bound) else { continue }
            if let b = best, d > b.distance || (d == b.distance && candidate >= b.candidate) { continue }
            best = (d, candidate)
        }
        return best?.candidate
    }

    /// Levenshtein distance if it is at most `bound`, else nil. Cost O(len * bound).
    static func boundedDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int? {
        if a.isEmpty { return b.count <= bound ? b.count : nil }
        if b.isEmpty { return a.count <= bound ? a.count : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// " (did you mean 'x'?)" or "".
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> String where S.Element == String {
        guard let n = nearest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(n)'?"
    }
}
