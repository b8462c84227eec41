import ArgumentParser
import CopilotoCore
import CopilotoModels
import CopilotoTesting
import Foundation
import Synchronization

/// The provider layer's own cost: streamed tokens per second it can decode, and CPU per non-streamed call
/// (client and a local fake provider in one process).
struct ModelsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "SSE decode tokens/s and CPU per call.")

    @Option(help: "Tokens in the synthetic stream.") var tokens = 200_000
    @Option(help: "Non-streamed calls against the fake provider.") var calls = 500

    func run() async throws {
        let stream = Self.syntheticStream(tokens: tokens)
        var decoder = OpenAIStreamDecoder(provider: "bench", model: "m")
        let start = ContinuousClock.now
        var deltas = 0
        var offset = 0
        while offset < stream.count {
            let end = min(offset + 1500, stream.count)
            deltas += try decoder.feed(stream[offset..<end]).count
            offset = end
        }
        let response = try decoder.finish()
        let seconds = (ContinuousClock.now - start).milliseconds / 1000
        guard deltas == tokens, response.text.count == tokens * 4 else { throw BenchError.unexpected("decoded \(deltas)") }

        let server = FakeOpenAIServer(Array(repeating: FakeReply.text("Olá! Posso ajudar com o pedido #1042."), count: calls))
        let measured = Mutex(0.0)
        try await server.run { url in
            let provider = OpenAICompatibleProvider(configuration: .init(name: "fake", baseURL: url, apiKey: "k"))
            let request = ModelRequest(messages: [.user("Oi")], settings: ModelSettings(model: "m"))
            let cpuStart = Self.cpuSeconds()
            for _ in 0..<calls { _ = try await provider.respond(request) }
            let value = (Self.cpuSeconds() - cpuStart) / Double(calls) * 1000
            measured.withLock { $0 = value }
        }
        let perCall = measured.withLock { $0 }
        print("\nModels — provider layer")
        printTable(["measure", "value"], [
            ["SSE decode (1 token per chunk, 1.5 KB reads)", String(format: "%.0f tokens/s", Double(tokens) / seconds)],
            ["CPU per non-streamed call (client + fake server)", String(format: "%.2f ms", perCall)],
        ])
    }

    static func syntheticStream(tokens: Int) -> [UInt8] {
        var text = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
        let chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"olá \"},\"finish_reason\":null}]}\n\n"
        text.reserveCapacity(chunk.utf8.count * tokens + 200)
        for _ in 0..<tokens { text += chunk }
        text += "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
        return Array(text.utf8)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
