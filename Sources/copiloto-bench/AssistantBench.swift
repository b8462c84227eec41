import ArgumentParser
import AsyncHTTPClient
import CopilotoCore
import CopilotoTesting
import Foundation
import NIOCore

/// The copilot's own overhead per turn: the server runs in a child process (so its CPU is measured alone), a
/// fake OpenAI-compatible provider at 0 ms answers each turn with a `getOrder` tool call and then a 40-token
/// streamed answer, and concurrent clients send turns in JSON and SSE mode.
struct AssistantBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assistant", abstract: "Server CPU per turn, turns/s, p50/p99, peak RSS.")

    @Option(help: "Turns per mode.") var turns = 2000
    @Option(help: "Concurrent turns.") var concurrency = 50

    func run() async throws {
        let fake = FakeOpenAIServer(responder: Self.reply)
        try await fake.run { url in
            let server = try await BenchServer.start(llmURL: url)
            defer { server.stop() }
            var rows: [[String]] = []
            for sse in [false, true] {
                let cpuBefore = server.cpuSeconds()
                let result = try await AssistantLoad(baseURL: server.baseURL, turns: turns, concurrency: concurrency, sse: sse).run()
                let cpu = (server.cpuSeconds() - cpuBefore) / Double(turns) * 1000
                rows.append([sse ? "SSE" : "JSON", "\(turns)", String(format: "%.0f", Double(turns) / result.seconds),
                             String(format: "%.1f", result.latency.percentile(50)), String(format: "%.1f", result.latency.percentile(99)),
                             String(format: "%.2f", cpu)])
            }
            print("\nAssistant turns — getOrder tool call + 40-token streamed answer, fake LLM at 0 ms, SQLite, \(concurrency) concurrent")
            printTable(["mode", "turns", "turns/s", "p50 ms", "p99 ms", "server CPU ms/turn"], rows)
            print(String(format: "\nserver peak RSS: %.1f MiB", server.peakRSSMegabytes()))
        }
    }

    /// The fake provider's answer: a tool call first, then (after the tool result) 40 tokens of text.
    @Sendable static func reply(_ request: JSONValue) -> FakeReply {
        let last = request["messages"]?.arrayValue?.last
        if last?.string("role") == "tool" {
            return .stream((0..<40).map { $0 == 0 ? "O" : " tok\($0)" }, usage: (600, 40))
        }
        if request["tools"] == nil { return .text("Título", usage: (50, 5)) }
        return .toolCalls([ToolCall(id: "call_1", name: "getOrder", arguments: ##"{"orderId":"#1001"}"##)], pieces: 3)
    }
}
