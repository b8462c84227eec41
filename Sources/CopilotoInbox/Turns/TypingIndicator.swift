import CopilotoCore
import Foundation

/// WhatsApp's read receipt with typing indicator: when an AI turn starts, the customer's last message is marked read
/// and "typing…" shows (`POST /{phone-number-id}/messages` `{"status":"read","message_id","typing_indicator":{"type":"text"}}`).
/// Meta shows it for up to 25 s, so a long turn refreshes it every `refresh`. Best effort: a failure never stops a turn.
public struct TypingIndicator: Sendable {
    public let send: @Sendable (_ tenantId: UUID, _ phoneNumberId: String?, _ messageId: String) async throws -> Void
    public let refresh: Duration

    public init(refresh: Duration = .seconds(20), send: @escaping @Sendable (UUID, String?, String) async throws -> Void) {
        self.refresh = refresh
        self.send = send
    }

    /// Runs `body` while the indicator is shown and refreshed; stops with it.
    func during(_ conversation: Conversation, lastMessage: String, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await send(conversation.tenantId, conversation.channelAccount, lastMessage)
                    try? await Task.sleep(for: refresh)
                }
            }
            defer { group.cancelAll() }
            try await body()
        }
    }
}
