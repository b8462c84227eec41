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
        let variables = requested["variables"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard let approved = try await MessageTemplate.approved(name: name, language: requested.string("language"), variables: variables,
                                                                in: tx) else {
            message.status = .failed
            message.failureReason = CustomerWindow.closedReason + ": template \(name) not approved"
            return
        }
        message.text = approved.text
        message.media = approved.media
    }
}
