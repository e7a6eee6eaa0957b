/// A rarely given value kept out of line: where it is absent (most flows
/// declare no lawful basis, transfer or automated decision of their own; most
/// retention entries no `until`, `criteria` or `review-every`) it costs 8
/// bytes, not its full size. A value type still: setting it makes a new box.
@propertyWrapper
public struct OutOfLine<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box?

    public init() { box = nil }
    public init(wrappedValue: Value?) { box = wrappedValue.map(Box.init) }

    public var wrappedValue: Value? {
        get { box?.value }
        set {
            // Absent (the usual case): no box, and nothing copied.
            guard let value = newValue else {
                box = nil
                return
            }
            box = Box(value)
        }
    }
}
