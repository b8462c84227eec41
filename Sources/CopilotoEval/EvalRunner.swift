import CopilotoCore
import Foundation

/// Runs an eval set (the format of `shared/eval/nlu-dev.json`) through the HTTP API of a running server: one new
/// agent session per case, the answer streamed as SSE, and the first action the assistant ran (reads) or proposed
/// (writes) compared with the expectation.
public struct EvalRunner: Sendable {
    public struct Outcome: Sendable {
        public let text: String
        public let expectedAction: String?
        public let gotAction: String?
        public let gotParams: JSONValue?
        public let actionRight: Bool
        public let allRight: Bool
        public let reply: String
    }

    public let api: EvalHTTP

    public init(api: EvalHTTP) { self.api = api }

    public func run(_ set: JSONValue) async throws -> [Outcome] {
        let fixtures = try await EvalFixtures.create(set["fixtures"] ?? [:], api: api)
        var outcomes: [Outcome] = []
        for item in set["cases"]?.arrayValue ?? [] {
            let text = fixtures.fill(item.string("text") ?? "")
            let (proposed, reply) = try await ask(text)
            let expect = item["expect"] ?? .null
            let expected = expect.string("action")
            outcomes.append(Outcome(text: text, expectedAction: expected, gotAction: proposed?.0, gotParams: proposed?.1,
                                    actionRight: expected == proposed?.0, allRight: EvalMatcher.matches(proposed, expect, fixtures: fixtures),
                                    reply: reply))
        }
        return outcomes
    }

    /// The action the assistant ran or proposed for one message, and its final text.
    func ask(_ text: String) async throws -> ((String, JSONValue)?, String) {
        let session = try await api.create("/v1/assistant/sessions", ["mode": "agent"])
        let (status, stream) = try await api.raw(.POST, "/v1/assistant/sessions/\(session.string("id") ?? "")/messages",
                                                 ["content": .string(text)], accept: "text/event-stream")
        guard status == 200 else { throw EvalHTTP.Failure(description: "message → \(status): \(stream.prefix(300))") }
        var proposed: (String, JSONValue)?, reply = ""
        var event = ""
        for line in stream.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
            guard line.hasPrefix("data: "), let data = try? JSONValue.parse(Data(line.dropFirst(6).utf8)) else { continue }
            switch event {
            case "tool.started":
                let name = data.string("name") ?? ""
                if proposed == nil, !Self.lookups.contains(name) { proposed = (name, data["arguments"] ?? [:]) }
            case "action.proposed":
                if let action = data.string("action") { proposed = (action, data["params"] ?? [:]) }
            case "message.completed": reply = data.string("content") ?? ""
            default: continue
            }
        }
        return (proposed, reply)
    }

    /// Reads the engine uses to resolve names, not the user's request.
    static let lookups: Set<String> = ["searchCustomers", "searchProducts"]
}
