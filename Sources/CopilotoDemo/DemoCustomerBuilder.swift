import CopilotoCore
import Foundation

/// Builds the demo customers: people with a CPF and a mobile, companies with a CNPJ and a landline.
enum DemoCustomerBuilder {
    /// How many people and how many of them joined recently (within the last ~90 days).
    struct Plan: Sendable {
        var people: Int
        var recentPeople: Int
        var companies: Int
    }

    /// People first, then companies, sorted by when they became customers.
    static func customers(plan: Plan, context: DemoContext, rng: inout SeededGenerator) -> [Customer] {
        var result: [Customer] = []
        for (index, first) in DemoPeople.firstNames.prefix(plan.people).enumerated() {
            let recent = index >= plan.people - plan.recentPeople
            let daysAgo = recent ? rng.int(in: 1...85) : rng.int(in: 95...420)
            var name = first + " " + (rng.pick(DemoPeople.surnames) ?? "Santos")
            if rng.chance(0.3), let second = rng.pick(DemoPeople.surnames), !name.hasSuffix(second) { name += " " + second }
            let provider = rng.pick(DemoPeople.emailProviders) ?? "gmail.com"
            let email = rng.chance(0.9) ? DemoDocuments.emailLocalPart(name) + "@" + provider : nil
            result.append(person(name, email: email, daysAgo: daysAgo, recent: recent, context: context, rng: &rng))
        }
        for company in DemoPeople.companies.prefix(plan.companies) {
            let mailbox = rng.pick(DemoPeople.companyMailboxes) ?? "contato"
            result.append(business(company.name, email: mailbox + "@" + company.domain, tags: company.tags,
                                   daysAgo: rng.int(in: 120...720), context: context, rng: &rng))
        }
        return result.sorted { $0.createdAt < $1.createdAt }
    }

    /// One person with a CPF and a mobile; older customers may be "vip" or "recorrente", recent ones are "novo".
    static func person(_ name: String, email: String?, daysAgo: Int, recent: Bool, context: DemoContext,
                       rng: inout SeededGenerator) -> Customer {
        var tags: [String] = []
        if recent {
            tags.append("novo")
        } else {
            if rng.chance(0.18) { tags.append("vip") }
            if rng.chance(0.35) { tags.append("recorrente") }
        }
        if rng.chance(0.25), let extra = rng.pick(DemoPeople.personTags) { tags.append(extra) }
        let document = rng.chance(0.88) ? DemoDocuments.randomCPF(&rng) : nil
        let createdAt = context.local(days: -daysAgo, hour: rng.int(in: 9...19), minute: rng.int(in: 0...59))
        return Customer(id: rng.uuid(), tenantId: context.tenantId, name: name, email: email,
                        phone: DemoDocuments.mobilePhone(&rng), document: document, tags: tags, createdAt: createdAt)
    }

    /// One company customer with a CNPJ and a landline.
    static func business(_ name: String, email: String, tags: [String], daysAgo: Int, context: DemoContext,
                         rng: inout SeededGenerator) -> Customer {
        let createdAt = context.local(days: -daysAgo, hour: rng.int(in: 9...17), minute: rng.int(in: 0...59))
        return Customer(id: rng.uuid(), tenantId: context.tenantId, name: name, email: email,
                        phone: DemoDocuments.landline(&rng), document: DemoDocuments.randomCNPJ(&rng), tags: tags,
                        createdAt: createdAt)
    }

    /// How often a customer buys compared with a one-off buyer.
    static func weight(_ customer: Customer) -> Int {
        if customer.tags.contains("atacado") || customer.tags.contains("revenda") { return 4 }
        if customer.tags.contains("vip") { return 4 }
        if customer.tags.contains("recorrente") { return 3 }
        return 1
    }

    /// True for company customers (a CNPJ, or tags only companies get).
    static func isBusiness(_ customer: Customer) -> Bool {
        if let document = customer.document { return document.count == 14 }
        return ["atacado", "revenda", "salao"].contains { customer.tags.contains($0) }
    }
}
