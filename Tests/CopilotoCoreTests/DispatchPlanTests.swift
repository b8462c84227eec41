import CopilotoCore
import Foundation
import Testing

/// Trigger matching and throttle rules: which copilot runs for which event.
@Suite("Copilot dispatch plan")
struct DispatchPlanTests {
    let tenant = UUID()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func copilot(_ triggers: [CopilotTrigger], active: Bool = true) -> Copilot {
        Copilot(tenantId: tenant, name: "C", systemPrompt: "p", isActive: active, triggers: triggers,
                schemaFields: [SchemaField(fieldName: "x", fieldType: .string, description: "x", isRequired: false)])
    }

    func event(_ type: String, ticket: UUID? = UUID(), payload: JSONValue = [:], offset: Double = 0) -> CopilotEvent {
        CopilotEvent(tenantId: tenant, type: type, ticketId: ticket, payload: payload, createdAt: now.addingTimeInterval(offset))
    }

    @Test("a copilot runs only for the event types of its triggers; inactivity also needs the same window")
    func matching() {
        let won = copilot([CopilotTrigger(eventType: CopilotEventType.ticketWon)])
        let quiet = copilot([CopilotTrigger(eventType: CopilotEventType.inactivity, inactivityMinutes: 120)])
        let events = [event(CopilotEventType.ticketWon), event(CopilotEventType.ticketLost, offset: 1),
                      event(CopilotEventType.inactivity, payload: ["windowMinutes": 120], offset: 2),
                      event(CopilotEventType.inactivity, payload: ["windowMinutes": 30], offset: 3)]
        let plan = DispatchPlan.make(events: events, copilots: [won, quiet], existing: [], counts: [:], now: now)
        #expect(plan.work.map(\.copilot.id) == [won.id, quiet.id])
        #expect(plan.work.map(\.event.id) == [events[0].id, events[2].id])
        #expect(plan.newRuns.count == 2)
        #expect(plan.throttled == 0)
    }

    @Test("once per hour per ticket: a second event on the same ticket is throttled, another ticket is not")
    func perTicket() {
        let rules = ThrottleRules(perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60))
        let coach = copilot([CopilotTrigger(eventType: CopilotEventType.newMessageReceived, throttleRules: rules)])
        let ticket = UUID()
        let events = [event(CopilotEventType.newMessageReceived, ticket: ticket), event(CopilotEventType.newMessageReceived, ticket: ticket, offset: 1),
                      event(CopilotEventType.newMessageReceived, offset: 2)]
        let plan = DispatchPlan.make(events: events, copilots: [coach], existing: [], counts: [:], now: now)
        #expect(plan.work.map(\.event.id) == [events[0].id, events[2].id])
        #expect(plan.throttled == 1)
        #expect(plan.newRuns.filter { $0.status == .throttled }.map(\.eventId) == [events[1].id])
        // A run earlier in the window counts as well.
        let key = ThrottleKey(copilotId: coach.id, eventType: CopilotEventType.newMessageReceived, ticketId: events[2].ticketId, windowMinutes: 60)
        let later = DispatchPlan.make(events: [events[2]], copilots: [coach], existing: [], counts: [key: 1], now: now)
        #expect(later.work.isEmpty)
        #expect(later.throttled == 1)
        #expect(DispatchPlan.throttleKeys(events: events, copilots: [coach]).count == 2)
    }

    @Test("per tenant per day: the limit holds across tickets")
    func perTenant() {
        let rules = ThrottleRules(perTenant: ThrottleLimit(maxRuns: 2, windowMinutes: 1440))
        let auditor = copilot([CopilotTrigger(eventType: CopilotEventType.ticketLost, throttleRules: rules)])
        let events = (0..<5).map { event(CopilotEventType.ticketLost, offset: Double($0)) }
        let plan = DispatchPlan.make(events: events, copilots: [auditor], existing: [], counts: [:], now: now)
        #expect(plan.work.count == 2)
        #expect(plan.throttled == 3)
    }

    @Test("a run already done is skipped; one reserved by a worker that died is redone without counting twice")
    func rerun() {
        let rules = ThrottleRules(perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60))
        let coach = copilot([CopilotTrigger(eventType: CopilotEventType.ticketWon, throttleRules: rules)])
        let first = event(CopilotEventType.ticketWon), second = event(CopilotEventType.ticketWon, offset: 1)
        let existing = [CopilotRun(eventId: first.id, copilotId: coach.id, eventType: first.type, ticketId: first.ticketId, status: .done, createdAt: now),
                        CopilotRun(eventId: second.id, copilotId: coach.id, eventType: second.type, ticketId: second.ticketId, status: .running,
                                   createdAt: now)]
        let plan = DispatchPlan.make(events: [first, second], copilots: [coach], existing: existing, counts: [:], now: now)
        #expect(plan.work.map(\.event.id) == [second.id])
        #expect(plan.newRuns.isEmpty)
    }
}
