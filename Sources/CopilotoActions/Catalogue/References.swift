import CopilotoCore
import Foundation

/// Resolves entity references in parameters: a UUID, or for numbered records "#1042" / "1042" / 1042.
enum References {
    static func resolve(_ value: JSONValue?, field: String, sequence: NumberSequence?, tx: any TenantStore) async throws -> UUID {
        switch value {
        case .string(let text)?:
            if let id = UUID(uuidString: text) { return id }
            if let sequence, let number = Int(text.trimmingCharacters(in: CharacterSet(charactersIn: "# "))) {
                return try await byNumber(number, field: field, sequence: sequence, tx: tx)
            }
        case .number?:
            // 1e308 or 1.5 is not a record number: a field error, never `Int(number)` (which traps).
            if let sequence, let number = value?.intValue { return try await byNumber(number, field: field, sequence: sequence, tx: tx) }
        default: break
        }
        throw CopilotoError.invalid([FieldError(field: field, code: value == nil ? .required : .invalidFormat)])
    }

    private static func byNumber(_ number: Int, field: String, sequence: NumberSequence, tx: any TenantStore) async throws -> UUID {
        let id: UUID?
        switch sequence {
        case .order: id = try await tx.findNumbered(.order, number: number, as: Order.self)?.id
        case .invoice: id = try await tx.findNumbered(.invoice, number: number, as: Invoice.self)?.id
        case .ticket: id = try await tx.findNumbered(.ticket, number: number, as: Ticket.self)?.id
        }
        guard let id else { throw CopilotoError.invalid([FieldError(field: field, code: .notFound)]) }
        return id
    }
}
