import CopilotoCore
import Foundation

/// Builds this week's agenda: salon jobs booked with customers and the staff's to-dos.
enum DemoAgendaBuilder {
    /// Jobs and tasks from two days ago to five days ahead, soonest first; past ones are done.
    static func agenda(customers: [Customer], context: DemoContext, rng: inout SeededGenerator) -> [AgendaItem] {
        let people = customers.filter { !DemoCustomerBuilder.isBusiness($0) }
        let professionals = context.users([.manager, .attendant, .assistant])
        var items: [AgendaItem] = []
        for day in -2...5 {
            guard context.weekday(context.local(days: day, hour: 12)) != 1 else { continue }  // closed on Sundays
            let count = day == 0 ? 3 : rng.int(in: 2...3)
            for hour in rng.sample(DemoTexts.jobHours, count: count).sorted() {
                guard let job = rng.pick(DemoTexts.jobs), let customer = rng.pick(people) else { continue }
                let startsAt = context.local(days: day, hour: hour)
                let ends = startsAt.addingTimeInterval(Double(job.minutes) * 60)
                let status: AgendaItem.Status = ends > context.now ? .open : rng.chance(0.1) ? .cancelled : .done
                let notes = rng.chance(0.3) ? rng.pick(DemoTexts.jobNotes) : nil
                let createdAt = context.notAfterNow(startsAt.addingTimeInterval(-Double(rng.int(in: 2...10)) * 86_400))
                items.append(AgendaItem(id: rng.uuid(), tenantId: context.tenantId, kind: .job, title: job.title,
                                        notes: notes, customerId: customer.id, assigneeId: rng.pick(professionals)?.id,
                                        startsAt: startsAt, durationMinutes: job.minutes, status: status,
                                        createdAt: createdAt, updatedAt: status == .open ? createdAt : min(ends, context.now)))
            }
        }
        for task in DemoTexts.tasks {
            let dueAt = context.local(days: task.day, hour: task.hour)
            // The collection reminder stays open even when its hour has passed: something is still to do today.
            let done = dueAt < context.now && !task.title.hasPrefix("Enviar cobrança")
            let createdAt = context.notAfterNow(dueAt.addingTimeInterval(-Double(rng.int(in: 3...7)) * 86_400))
            items.append(AgendaItem(id: rng.uuid(), tenantId: context.tenantId, kind: .task, title: task.title,
                                    assigneeId: context.user(task.role)?.id, dueAt: dueAt, status: done ? .done : .open,
                                    createdAt: createdAt, updatedAt: done ? dueAt : createdAt))
        }
        return items.sorted { ($0.when ?? $0.createdAt) < ($1.when ?? $1.createdAt) }
    }

    /// The tickets of `DemoTexts.tickets`, oldest first (number 0: the writer numbers them).
    static func tickets(customers: [Customer], context: DemoContext, rng: inout SeededGenerator) -> [Ticket] {
        let companies = customers.filter(DemoCustomerBuilder.isBusiness)
        let people = customers.filter { !DemoCustomerBuilder.isBusiness($0) }
        let handlers = context.users([.attendant, .manager, .assistant])
        var tickets: [Ticket] = []
        for spec in DemoTexts.tickets {
            let opened = context.local(days: -spec.daysAgo, hour: rng.int(in: 9...18), minute: rng.int(in: 0...59))
            let createdAt = context.notAfterNow(opened)
            let customer = rng.pick(spec.business ? companies : people)
            let escalated = spec.status == .escalated
            let assignee = escalated ? context.user(.manager) : rng.pick(handlers)
            let updatedAt = context.notAfterNow(createdAt.addingTimeInterval(Double(rng.int(in: 1...36)) * 3_600))
            tickets.append(Ticket(id: rng.uuid(), tenantId: context.tenantId, number: 0, customerId: customer?.id,
                                  subject: spec.subject, description: spec.description, status: spec.status,
                                  priority: spec.priority, assigneeId: assignee?.id,
                                  escalationReason: escalated ? DemoTexts.escalationReason : nil,
                                  createdAt: createdAt, updatedAt: max(updatedAt, createdAt)))
        }
        return tickets.sorted { $0.createdAt < $1.createdAt }
    }
}
