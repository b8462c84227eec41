import Foundation

/// Delivery statuses only move forward (queued → sent → delivered → read → played): a late `delivered` never
/// undoes a `read`. `failed` may replace any status before `read`.
extension InboxMessage.Status {
    /// Position on the delivery path; nil for `received` (inbound) and `failed`.
    var deliveryRank: Int? {
        switch self {
        case .queued: 0
        case .sent: 1
        case .delivered: 2
        case .read: 3
        case .played: 4
        case .received, .failed: nil
        }
    }

    /// The statuses a message may be in for `self` to replace it.
    public var replaceable: [InboxMessage.Status] {
        if self == .failed { return [.queued, .sent, .delivered] }
        guard let rank = deliveryRank else { return [] }
        return Self.allCases.filter { ($0.deliveryRank ?? .max) < rank }
    }
}

/// Meta's 24-hour customer-service window: free-form messages go only within a day of the customer's last message.
public enum CustomerWindow {
    public static let length: TimeInterval = 24 * 3600
    /// The reason stored on a message refused because the window is closed.
    public static let closedReason = "outside_24h_window"

    /// True when the channel has the rule (WhatsApp, Messenger, Instagram) and the window is closed at `now`.
    public static func isClosed(_ conversation: Conversation, now: Date) -> Bool {
        guard conversation.channel != .webchat else { return false }
        guard let last = conversation.lastInboundAt else { return false }
        return now.timeIntervalSince(last) >= length
    }

    /// When the window closes (nil for web chat or before the customer wrote).
    public static func closesAt(_ conversation: Conversation) -> Date? {
        guard conversation.channel != .webchat else { return nil }
        return conversation.lastInboundAt?.addingTimeInterval(length)
    }
}
