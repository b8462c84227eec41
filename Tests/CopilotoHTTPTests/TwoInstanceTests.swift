import CopilotoAutomations
import CopilotoCore
import CopilotoDemo
import CopilotoHTTP
import CopilotoStore
import CopilotoTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Two server instances on one PostgreSQL (MISSION I2): the shared queue runs each event once, and a live event
/// raised on one instance reaches the streams held by the other (LISTEN/NOTIFY).
@Suite("Two instances on one PostgreSQL", .serialized)
struct TwoInstanceTests {
    @Test("each event runs once across two instances, and insights made on one reach the other's stream")
    func twoInstances() async throws {
        try await Backend.postgres.withSharedStores { storeA, storeB in
            let passwords = BcryptPasswordHasher(cost: 4)
            try await DemoSeeder(store: storeA, passwords: passwords).seedIfEmpty()
            var logger = Logger(label: "two-instances")
            logger.logLevel = .error
            func deps(_ store: SQLDataStore) -> AppDependencies {
                AppDependencies(store: store, passwords: passwords, tokens: SHA256TokenHasher(), secret: Data("test-secret".utf8), logger: logger,
                                sseHeartbeat: .milliseconds(300))
            }
            let (a, b) = (deps(storeA), deps(storeB))
            let appB = Self.application(b, logger: logger)
            try await Self.application(a, logger: logger).test(.live) { clientA in
                try await appB.test(.live) { clientB in
                    try await Self.check(a: a, b: b, apiA: APIClient(client: clientA), apiB: APIClient(client: clientB), portB: clientB.port ?? 0)
                }
            }
        }
    }

    static func application(_ deps: AppDependencies, logger: Logger) -> some ApplicationProtocol {
        Application(router: buildRouter(deps), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                    services: [LiveRelayService(relay: deps.store.liveRelay!, bus: deps.events, logger: logger)], logger: logger)
    }

    static func check(a: AppDependencies, b: AppDependencies, apiA: APIClient, apiB: APIClient, portB: Int) async throws {
        let owner = try await apiA.login("owner@demo.local")
        let tenant = try #require(try await a.store.system.tenant(slug: "demo")).id
        try await waitForRelays(a.events, b.events, tenant: tenant)
        // An event larger than a NOTIFY payload travels through the overflow table, intact.
        let big = JSONValue.object(["text": .string(String(repeating: "Olá, tudo bem? ", count: 1500))])
        let feedB = b.events.subscribe(tenantId: tenant)
        a.events.publish(LiveEvent(tenantId: tenant, name: "big", data: big))
        let arrived = try await withThrowingTaskGroup(of: LiveEvent?.self) { group in
            group.addTask { for await event in feedB where event.name == "big" { return event }; return nil }
            group.addTask { try await Task.sleep(for: .seconds(10)); return nil }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        #expect(arrived?.data == big)
        let copilot = try await apiA.post("/v1/copilots", token: owner, [
            "name": "Contador", "systemPrompt": "Conte.", "triggers": [["eventType": "LOAD_TEST"]],
            "schemaFields": [["fieldName": "ok", "fieldType": "BOOLEAN", "description": "ok", "isRequired": true]]])
        #expect(copilot.status == 201)
        // Instance B holds the stream; only instance A runs the dispatcher for these three.
        let attendant = try await apiB.login("attendant@demo.local")
        let stream = try await SSEConnection.open(port: portB, request: InsightFeedTests.streamRequest(attendant))
        #expect(try await stream.read(until: "event: ready", timeout: 20).contains("event: ready"))
        var eventIds: [String] = []
        for _ in 0..<3 { eventIds.append(try #require(try await apiA.post("/v1/events", token: owner, ["type": "LOAD_TEST"]).json.string("id"))) }
        let modelA = InstantInsightModel(name: "instance-a"), modelB = InstantInsightModel(name: "instance-b")
        let dispatchA = CopilotDispatcher(store: a.store, runner: CopilotRunner { _ in modelA }, events: a.events, logger: Logger(label: "a"), batch: 16)
        let dispatchB = CopilotDispatcher(store: b.store, runner: CopilotRunner { _ in modelB }, events: b.events, logger: Logger(label: "b"), batch: 16)
        #expect(try await dispatchA.drainOnce() == 3)
        var seen = ""
        for id in eventIds { seen = try await stream.read(until: id, timeout: 20) }
        stream.close()
        #expect(eventIds.allSatisfy { seen.contains($0) })
        #expect(seen.components(separatedBy: "event: insight.created").count - 1 == 3)
        #expect(seen.contains("\"provider\":\"instance-a\""))
        // Now 300 events and both dispatchers at once: every event runs exactly once in total.
        for index in 0..<300 {
            let response = try await (index.isMultiple(of: 2) ? apiA : apiB).post("/v1/events", token: owner, ["type": "LOAD_TEST"])
            #expect(response.status == 202)
        }
        let before = modelA.calls
        async let left: Int = drain(dispatchA)
        async let right: Int = drain(dispatchB)
        let (claimedA, claimedB) = try await (left, right)
        #expect(claimedA + claimedB == 300)
        #expect(modelA.calls - before + modelB.calls == 300)
        #expect(modelB.calls > 0 && modelA.calls - before > 0, "both instances worked: \(modelA.calls - before) / \(modelB.calls)")
        let insights = try await a.store.withTenant(tenant) { try await $0.insights.stats() }
        #expect(insights.first?.suggestions == 303)
    }

    /// Claims until the queue stays empty; returns how many events this dispatcher took.
    static func drain(_ dispatcher: CopilotDispatcher) async throws -> Int {
        var total = 0, idle = 0
        while idle < 3 {
            let ran = try await dispatcher.drainOnce()
            total += ran
            idle = ran == 0 ? idle + 1 : 0
            if ran == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        return total
    }

    /// Publishes probes on each bus until the other delivers one: both relays listen.
    static func waitForRelays(_ a: EventBus, _ b: EventBus, tenant: UUID) async throws {
        for (from, to) in [(a, b), (b, a)] {
            let feed = to.subscribe(tenantId: tenant)
            let probe = Task {
                while !Task.isCancelled {
                    from.publish(LiveEvent(tenantId: tenant, name: "probe", data: [:]))
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            for await event in feed where event.name == "probe" { break }
            probe.cancel()
        }
    }
}
