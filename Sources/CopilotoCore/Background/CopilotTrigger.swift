import Foundation

/// The event names the product raises itself; `POST /v1/events` may also raise custom ones (UPPER_SNAKE names).
public enum CopilotEventType {
    /// A CRM ticket marked won (sale closed).
    public static let ticketWon = "TICKET_WON"
    /// A CRM ticket marked lost.
    public static let ticketLost = "TICKET_LOST"
    /// A customer message arrived in the inbox.
    public static let newMessageReceived = "NEW_MESSAGE_RECEIVED"
    /// A user pressed a macro button on a conversation or ticket.
    public static let macroButtonClicked = "MACRO_BUTTON_CLICKED"
    /// A conversation went quiet for a trigger's window (found by the scheduler); payload `windowMinutes`.
    public static let inactivity = "INACTIVITY"

    public static let builtIn = [ticketWon, ticketLost, newMessageReceived, macroButtonClicked, inactivity]

    /// `TICKET_WON`, `MY_EVENT_2`: upper-case letters, digits and underscores, 2–64 characters.
    public static func isValidName(_ name: String) -> Bool {
        guard (2...64).contains(name.count), let first = name.first, first.isASCII, first.isUppercase else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" }
    }

    /// The window of an inactivity shorthand: `INACTIVITY_2H` → 120, `INACTIVITY_30M` → 30, `INACTIVITY_1D` → 1440;
    /// nil when the name is not one.
    public static func inactivityMinutes(_ name: String) -> Int? {
        guard name.hasPrefix(inactivity + "_") else { return nil }
        let spec = name.dropFirst(inactivity.count + 1)
        guard let unit = spec.last, let amount = Int(spec.dropLast()), amount > 0 else { return nil }
        switch unit {
        case "M": return amount
        case "H": return amount * 60
        case "D": return amount * 1440
        default: return nil
        }
    }
}

/// At most `maxRuns` runs within `windowMinutes`.
public struct ThrottleLimit: Sendable, Equatable, Codable {
    public var maxRuns: Int
    public var windowMinutes: Int

    public init(maxRuns: Int, windowMinutes: Int) {
        self.maxRuns = maxRuns
        self.windowMinutes = windowMinutes
    }
}

/// A trigger's flood guards (`throttleRules`): per ticket ("not more than once an hour per ticket") and per tenant
/// ("at most 50 a day").
public struct ThrottleRules: Sendable, Equatable, Codable {
    public var perTicket: ThrottleLimit?
    public var perTenant: ThrottleLimit?

    public init(perTicket: ThrottleLimit? = nil, perTenant: ThrottleLimit? = nil) {
        self.perTicket = perTicket
        self.perTenant = perTenant
    }
}

/// When a copilot runs (`AiTrigger`): an event type, the inactivity window for INACTIVITY, and throttle rules.
public struct CopilotTrigger: Sendable, Equatable, Codable {
    public var eventType: String
    /// For INACTIVITY: how long a conversation must be quiet.
    public var inactivityMinutes: Int?
    public var throttleRules: ThrottleRules

    public init(eventType: String, inactivityMinutes: Int? = nil, throttleRules: ThrottleRules = ThrottleRules()) {
        self.eventType = eventType
        self.inactivityMinutes = inactivityMinutes
        self.throttleRules = throttleRules
    }

    /// True when this trigger fires for the event: same type and, for inactivity, the same window.
    public func matches(_ event: CopilotEvent) -> Bool {
        guard event.type == eventType else { return false }
        guard eventType == CopilotEventType.inactivity else { return true }
        return event.payload["windowMinutes"] == .number(Double(inactivityMinutes ?? 0))
    }
}
