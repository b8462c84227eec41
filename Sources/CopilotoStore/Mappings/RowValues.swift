import CopilotoCore
import Foundation
import SQLKit

/// A column value to bind; `nil` optionals become SQL NULL.
typealias SQLValue = any Encodable & Sendable

/// Typed reads of the stored forms: UUID text, epoch-millisecond times, cents, JSON text.
extension SQLRow {
    func string(_ column: String) throws -> String { try decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try decode(column: column, as: Int?.self) }
    func bool(_ column: String) throws -> Bool { try decode(column: column, as: Bool.self) }

    func uuid(_ column: String) throws -> UUID {
        let text = try string(column)
        guard let id = UUID(uuidString: text) else { throw StoreError.corruptRow(column: column) }
        return id
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try optionalString(column).flatMap(UUID.init(uuidString:))
    }

    func date(_ column: String) throws -> Date { Date(epochMillis: try int(column)) }
    func optionalDate(_ column: String) throws -> Date? { try optionalInt(column).map(Date.init(epochMillis:)) }
    func money(_ column: String) throws -> Money { Money(cents: try int(column)) }
    func optionalMoney(_ column: String) throws -> Money? { try optionalInt(column).map(Money.init(cents:)) }

    func json<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try string(column).utf8))
    }

    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try string(column)) else { throw StoreError.corruptRow(column: column) }
        return value
    }
}

/// Stored forms of domain values.
extension UUID {
    /// Lower-case text, the stored form of ids.
    var text: String { uuidString.lowercased() }
}

extension Optional where Wrapped == UUID {
    var text: String? { self?.text }
}

/// JSON text of an encodable value, the stored form of lists and documents.
func jsonText<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
}

/// Failures inside the store that are not the caller's fault.
enum StoreError: Error, CustomStringConvertible {
    case corruptRow(column: String)
    case unsupportedURL(String)

    var description: String {
        switch self {
        case .corruptRow(let column): "stored value in column \(column) could not be read"
        case .unsupportedURL(let url): "unsupported database URL: \(url)"
        }
    }
}
