import CopilotoCore
import Foundation

/// Decodes an OpenAI chat-completions SSE byte stream into model events, whatever the chunking.
public struct OpenAIStreamDecoder: Sendable {
    private var parser = SSEParser()
    private var accumulator: StreamAccumulator

    public init(provider: String, model: String) {
        accumulator = StreamAccumulator(provider: provider, model: model)
    }

    /// True once `[DONE]` arrived.
    public var isDone: Bool { accumulator.done }

    /// Events completed by these bytes.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) throws -> [ModelEvent] where Bytes.Element == UInt8 {
        var events: [ModelEvent] = []
        for event in parser.feed(bytes) where !accumulator.done { events += try accumulator.consume(event.data) }
        return events
    }

    /// Flushes the parser and returns the full answer (`streamCut` when the stream ended early).
    public mutating func finish() throws -> ModelResponse {
        for event in parser.finish() where !accumulator.done { _ = try accumulator.consume(event.data) }
        return try accumulator.response()
    }
}
