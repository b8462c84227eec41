import CopilotoCore
import Foundation

/// What each demo tenant holds. Each group of records draws from its own random stream, so changing
/// one group (say, more tickets) leaves the others exactly as they were.
enum DemoDataPlan {
    /// "Loja Demo": a beauty shop with three months of history.
    static func demo(_ context: DemoContext) -> DemoTenantData {
        var data = DemoTenantData()
        var rng = SeededGenerator(label: "demo.catalog")
        (data.categories, data.products) = DemoCatalogBuilder.catalog(
            categoryNames: DemoCatalogData.categories, rows: DemoCatalogData.products, context: context, rng: &rng)
        data.discounts = DemoCatalogBuilder.discounts(context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.customers")
        data.customers = DemoCustomerBuilder.customers(plan: .init(people: 48, recentPeople: 10, companies: 12),
                                                       context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.orders")
        let plan = DemoOrderBuilder.Plan(days: 90, perWeekday: 2...3, perSaturday: 3...4, perSunday: 1...1, busyDays: 45)
        data.orders = DemoOrderBuilder.orders(plan: plan, customers: data.customers, products: data.products,
                                              discounts: &data.discounts, context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.invoices")
        data.invoices = DemoInvoiceBuilder.invoices(orders: data.orders, customers: data.customers, context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.agenda")
        data.agenda = DemoAgendaBuilder.agenda(customers: data.customers, context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.tickets")
        data.tickets = DemoAgendaBuilder.tickets(customers: data.customers, context: context, rng: &rng)
        rng = SeededGenerator(label: "demo.notes")
        data.notes = DemoNoteBuilder.notes(data, context: context, rng: &rng)
        return data
    }

    /// "Outra Empresa": a small stationery shop, so isolation tests have records that must stay invisible.
    static func other(_ context: DemoContext) -> DemoTenantData {
        var data = DemoTenantData()
        var rng = SeededGenerator(label: "outra.catalog")
        (data.categories, data.products) = DemoCatalogBuilder.catalog(
            categoryNames: DemoCatalogData.otherCategories, rows: DemoCatalogData.otherProducts, context: context, rng: &rng)
        rng = SeededGenerator(label: "outra.customers")
        for (index, entry) in DemoPeople.otherCustomers.enumerated() {
            let daysAgo = 60 + index * 7
            data.customers.append(entry.company
                ? DemoCustomerBuilder.business(entry.name, email: entry.email, tags: ["atacado"], daysAgo: daysAgo,
                                               context: context, rng: &rng)
                : DemoCustomerBuilder.person(entry.name, email: entry.email, daysAgo: daysAgo, recent: false,
                                             context: context, rng: &rng))
        }
        data.customers.sort { $0.createdAt < $1.createdAt }
        rng = SeededGenerator(label: "outra.orders")
        let plan = DemoOrderBuilder.Plan(days: 30, perWeekday: 0...1, perSaturday: 0...1, perSunday: 0...0, busyDays: 5)
        data.orders = DemoOrderBuilder.orders(plan: plan, customers: data.customers, products: data.products,
                                              discounts: &data.discounts, context: context, rng: &rng)
        rng = SeededGenerator(label: "outra.invoices")
        data.invoices = DemoInvoiceBuilder.invoices(orders: data.orders, customers: data.customers, context: context, rng: &rng)
        rng = SeededGenerator(label: "outra.desk")
        let school = data.customers.first { $0.name.hasPrefix("Escola") }
        data.tickets = [Ticket(id: rng.uuid(), tenantId: context.tenantId, number: 0, customerId: school?.id,
                               subject: "Entrega de material escolar incompleta",
                               description: "Faltaram duas caixas de cadernos no pedido da escola.",
                               priority: .high, createdAt: context.local(days: -3, hour: 10))]
        data.agenda = [AgendaItem(id: rng.uuid(), tenantId: context.tenantId, kind: .task,
                                  title: "Separar pedidos de volta às aulas", assigneeId: context.staff.first?.id,
                                  dueAt: context.local(days: 1, hour: 10), createdAt: context.local(days: -2, hour: 15))]
        return data
    }
}
