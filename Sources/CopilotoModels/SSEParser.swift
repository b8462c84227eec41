import Foundation

/// One Server-Sent Event: its `event:` name (default "message") and its `data:` lines joined by newlines.
public struct SSEEvent: Sendable, Equatable {
    public var event: String
    public var data: String

    public init(event: String = "message", data: String) {
        self.event = event
        self.data = data
    }
}

/// An incremental Server-Sent Events parser: feed it bytes as they arrive, in any chunking, and it returns
/// the complete events. Handles LF, CRLF and CR line ends, `:` comments, multi-line data and fields
/// without a space after the colon.
public struct SSEParser: Sendable {
    private var buffer: [UInt8] = []
    private var event = "message"
    private var data: [String] = []
    private var lastWasCR = false

    public init() {}

    /// Adds bytes; returns the events they complete.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [SSEEvent] where Bytes.Element == UInt8 {
        var events: [SSEEvent] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n"), lastWasCR { lastWasCR = false; continue }
            lastWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if let completed = line(String(decoding: buffer, as: UTF8.self)) { events.append(completed) }
                buffer.removeAll(keepingCapacity: true)
            } else {
                buffer.append(byte)
            }
        }
        return events
    }

    /// Flushes a final event that ended without a blank line (a stream closed right after its data).
    public mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if !buffer.isEmpty, let completed = line(String(decoding: buffer, as: UTF8.self)) { events.append(completed) }
        buffer.removeAll()
        if let completed = line("") { events.append(completed) }
        return events
    }

    private mutating func line(_ text: String) -> SSEEvent? {
        if text.isEmpty {
            defer { event = "message"; data = [] }
            return data.isEmpty ? nil : SSEEvent(event: event, data: data.joined(separator: "\n"))
        }
        if text.hasPrefix(":") { return nil }
        let field: Substring, value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            let rest = text[text.index(after: colon)...]
            value = rest.hasPrefix(" ") ? rest.dropFirst() : rest
        } else {
            field = Substring(text)
            value = ""
        }
        switch field {
        case "data": data.append(String(value))
        case "event": event = String(value)
        default: break
        }
        return nil
    }
}
