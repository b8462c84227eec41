import CopilotoCore
import Foundation

/// What one turn decided, before anything is stored or sent: the texts, a hand-over reason, the rule that matched and
/// what the model run did. The live inbox commits it; an eval's sandbox only looks at it.
struct TurnPlan: Sendable {
    var texts: [String] = []
    var escalation: EscalationReason?
    var rule: AIAgent.IntentRule?
    var outcome = AgentReply.Outcome()
}

extension ReplyHandler {
    /// Escalation, rules, business hours, the welcome message, store facts, spending limits and the model, in that
    /// order — the same decisions for a customer and for an eval.
    func plan(_ turn: Turn, replier: AgentReply, verdict: () async throws -> UsageGuard.Verdict) async throws -> TurnPlan {
        let agent = turn.agent
        let aiReplies = turn.history.filter { $0.1.sender == .aiAgent }.count
        var plan = TurnPlan()
        plan.escalation = Escalation.reason(newMessages: turn.fresh.map(\.customerWords), aiReplies: aiReplies, maxAIReplies: agent.settings.maxAIReplies)
        plan.rule = plan.escalation == nil ? TurnRules.match(agent.settings.rules, in: turn.fresh.map(\.customerWords)) : nil
        let closed = !TurnRules.isOpen(agent.settings.businessHours, at: clock(), zone: turn.zone)
        if let rule = plan.rule {
            // A rule answers instead of the model (and may tag, move, assign or hand the conversation over).
            if rule.handover == true { plan.escalation = .outOfScope }
            if let reply = rule.reply, !reply.isEmpty { plan.texts = [reply] }
        } else if plan.escalation == nil, closed, let message = agent.settings.outOfHoursMessage, !message.isEmpty {
            let alreadySaid = turn.history.suffix(10).contains { $0.1.sender == .aiAgent && $0.1.text == message }
            plan.texts = alreadySaid ? [] : [message]
        } else if plan.escalation == nil {
            let isFirst = aiReplies == 0
            if isFirst, let welcome = agent.welcomeMessage, !welcome.isEmpty { plan.texts.append(welcome) }
            let onlyGreeting = turn.fresh.allSatisfy { AgentReply.isGreeting($0.customerWords) }
            let hours = StoreFacts.asksOpeningHours(turn.fresh.map(\.customerWords))
                ? StoreFacts.openingHours(agent.settings.businessHours ?? StoreFacts.hours(turn.store.businessHours), storeName: turn.store.name,
                                          language: agent.settings.language) : nil
            if let hours {
                // A store fact comes from the store's settings, never from a model's guess.
                plan.texts.append(hours)
            } else if !(isFirst && onlyGreeting && !plan.texts.isEmpty) {
                try await answer(turn, replier: replier, verdict: try await verdict(), into: &plan)
            }
        }
        return plan
    }

    private func answer(_ turn: Turn, replier: AgentReply, verdict: UsageGuard.Verdict, into plan: inout TurnPlan) async throws {
        switch verdict {
        case .exhausted:
            // Over a spending limit: the local engine if the knowledge base answers, else a person — never silence.
            if let local = try? await replier.generateLocally(turn), CustomerSafety.isSafe(local, names: names) {
                plan.texts += Humanizer.split(local)
            } else { plan.escalation = .usageLimit }
        case .ok, .cheaperModel:
            var cheaper: String?
            if case .cheaperModel(let model, _) = verdict { cheaper = model }
            do {
                plan.outcome = try await replier.generate(turn, model: cheaper)
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // A failed model or run never shows its error to the customer: a person takes over.
                plan.outcome.failedTools = Int.max
            }
            let outcome = plan.outcome
            if outcome.changes.contains("transferToHuman") {
                // The agent handed over with its tool: its words are the transition message (when they are safe).
                plan.texts = outcome.text.isEmpty || !CustomerSafety.isSafe(outcome.text, names: names) ? [] : [outcome.text]
            } else if outcome.failedTools >= 2 || !CustomerSafety.isSafe(outcome.text, names: names) {
                plan.escalation = .toolFailure
            } else {
                plan.texts += Humanizer.split(outcome.text)
            }
        }
    }
}
