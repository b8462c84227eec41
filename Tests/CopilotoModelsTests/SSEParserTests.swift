@testable import CopilotoModels
import CopilotoCore
import Foundation
import Testing

@Suite("SSE parser")
struct SSEParserTests {
    static let recorded = ": comment\r\n\r\nevent: message\r\ndata: {\"a\":1}\r\n\r\ndata: line one\ndata: line two\n\nevent: ping\ndata:no-space\n\ndata: [DONE]\n\n"

    @Test("every possible split of a recorded stream gives the same events")
    func anyChunking() {
        let bytes = Array(Self.recorded.utf8)
        var whole = SSEParser()
        let expected = whole.feed(bytes)
        #expect(expected == [SSEEvent(data: "{\"a\":1}"), SSEEvent(data: "line one\nline two"), SSEEvent(event: "ping", data: "no-space"),
                             SSEEvent(data: "[DONE]")])
        for cut in 1..<bytes.count {
            var parser = SSEParser()
            let events = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...]) + parser.finish()
            #expect(events == expected, "split at \(cut)")
        }
        var oneByOne = SSEParser()
        #expect(bytes.flatMap { oneByOne.feed([$0]) } == expected)
    }

    @Test("a last event without its blank line is flushed at the end")
    func flushAtEnd() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: tail".utf8)).isEmpty)
        #expect(parser.finish() == [SSEEvent(data: "tail")])
    }

    @Test("tool-call deltas assemble by index, arguments in many pieces, several calls")
    func toolDeltas() throws {
        var assembler = ToolCallAssembler()
        let started = assembler.add([["index": 0, "id": "call_a", "function": ["name": "getOrder", "arguments": ""]],
                                     ["index": 1, "id": "call_b", "function": ["name": "searchCustomers", "arguments": "{\"qu"]]])
        #expect(started.map(\.name) == ["getOrder", "searchCustomers"])
        for piece in ["{\"or", "derId\"", ": \"#10", "42\"}"] { _ = assembler.add([["index": 0, "function": ["arguments": .string(piece)]]]) }
        _ = assembler.add([["index": 1, "function": ["arguments": "ery\": \"ana\"}"]]])
        let calls = assembler.result
        #expect(calls.map(\.id) == ["call_a", "call_b"])
        #expect(try JSONValue.parse(Data(calls[0].arguments.utf8)) == ["orderId": "#1042"])
        #expect(try JSONValue.parse(Data(calls[1].arguments.utf8)) == ["query": "ana"])
    }
}
