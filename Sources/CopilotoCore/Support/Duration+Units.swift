import Foundation

extension Duration {
    /// Whole nanoseconds.
    public var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
    /// Milliseconds with a fraction.
    public var milliseconds: Double { Double(nanoseconds) / 1_000_000 }
}
