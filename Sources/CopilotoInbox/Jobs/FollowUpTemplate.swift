import CopilotoCore
import Foundation

/// A follow-up due after the customer's 24-hour window closed goes out as the approved template it was scheduled
/// with (`{"name", "language", "variables"}`); without one (or with one not approved) it is stored failed, with the
/// reason shown in the inbox, instead of being refused by Meta.
enum FollowUpTemplate {
    static func apply(_ requested: JSONValue?, to message: inout InboxMessage, in tx: any TenantStore) async throws {
        guard let requested, let name = requested.string("name") else {
            message.status = .failed
            message.failureReason = CustomerWindow.closedReason
            return
        }
        let language = requested.string("language")
        let variables = requested["variables"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let approved = try await tx.templates.list().first {
            $0.name == name && $0.isApproved && (language == nil || $0.language == language)
        }
        guard let approved, approved.variables <= variables.count else {
            message.status = .failed
            message.failureReason = CustomerWindow.closedReason + ": template \(name) not approved"
            return
        }
        message.text = approved.render(variables)
        message.media = ["type": "template", "name": .string(approved.name), "language": .string(approved.language),
                         "variables": .array(variables.prefix(approved.variables).map { .string($0) })]
    }
}
