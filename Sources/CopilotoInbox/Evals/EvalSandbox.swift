import CopilotoActions
import CopilotoCore
import CopilotoModels
import Foundation

/// Plays one eval case against an agent (draft or a version's snapshot) in a sandbox: the same turn decisions as
/// a customer's conversation (escalation, rules, hours, welcome, store facts, the model with the agent's tools and
/// knowledge base) on the tenant's real data, but nothing is stored, nothing is sent on any channel, and inbox
/// tools and writes are only recorded as "would run".
struct EvalSandbox: Sendable {
    let turns: ReplyHandler
    let settings: InboxSettings
    let storeSettings: StoreSettings

    func play(_ evalCase: EvalCase, agent: AIAgent) async throws -> EvalResult {
        let started = ContinuousClock.now
        // A conversation that exists only here: the agent's tools see its id, and the sandbox never runs them on it.
        let conversation = Conversation(tenantId: agent.tenantId, contactId: UUID(), channel: .webchat, externalContact: "eval",
                                        aiAgentId: agent.id)
        let replier = AgentReply(actions: turns.actions, models: turns.models, sandbox: true)
        var history: [(Int, InboxMessage)] = []
        var transcript: [EvalResult.Line] = [], tools: [EvalResult.ToolUse] = [], calls: [CallUsage] = []
        var handover = false, reason: String?
        for turn in evalCase.turns {
            let said = InboxMessage(tenantId: agent.tenantId, conversationId: conversation.id, sender: .contact, text: turn.text, status: .received)
            history.append((history.count + 1, said))
            transcript.append(EvalResult.Line(role: "customer", text: turn.text))
            let state = ReplyHandler.Turn(conversation: conversation, agent: agent, history: Array(history.suffix(40)), fresh: [said],
                                          lastSeq: history.count, memories: [:], zone: storeSettings.timeZone, settings: settings,
                                          store: storeSettings)
            let plan = try await turns.plan(state, replier: replier) { .ok }
            tools += plan.outcome.tools
            calls += plan.outcome.calls
            var texts = plan.texts
            let handedOver = plan.escalation != nil || plan.outcome.changes.contains("transferToHuman")
            if let reason = plan.escalation, !(plan.rule?.handover == true && plan.rule?.reply?.isEmpty == false) {
                texts = [Escalation.transitionMessage(reason, language: agent.settings.language, hasHuman: true)]
            } else if handedOver, texts.isEmpty {
                texts = [Escalation.transitionMessage(.customerRequest, language: agent.settings.language, hasHuman: true)]
            }
            for text in texts {
                history.append((history.count + 1, InboxMessage(tenantId: agent.tenantId, conversationId: conversation.id, sender: .aiAgent,
                                                                senderId: agent.id, text: text, status: .sent)))
                transcript.append(EvalResult.Line(role: "agent", text: text))
            }
            if handedOver {
                // From here a person answers: the rest of the customer's turns would not reach the AI.
                handover = true
                let tool = plan.outcome.tools.last { $0.name == "transferToHuman" }?.arguments.string("reason")
                reason = plan.escalation?.rawValue ?? tool ?? EscalationReason.customerRequest.rawValue
                transcript.append(EvalResult.Line(role: "system", text: "handover: \(reason ?? "")"))
                break
            }
        }
        let cost = Double(calls.reduce(Int64(0)) { $0 + $1.costNanoUSD }) / 1_000_000_000
        let elapsed = ContinuousClock.now - started
        var result = EvalResult(caseId: evalCase.id, name: evalCase.name, passed: nil, reasons: [], transcript: transcript, toolCalls: tools,
                          handover: handover, promptTokens: calls.reduce(0) { $0 + $1.usage.promptTokens },
                          completionTokens: calls.reduce(0) { $0 + $1.usage.completionTokens }, costUsd: cost,
                          latencyMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
        result.handoverReason = reason
        return result
    }
}
