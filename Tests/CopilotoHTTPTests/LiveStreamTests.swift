import CopilotoCore
import Foundation
import Testing

/// `/v1/stream`: live inbox events reach the tenant's users, and only them.
@Suite("Live stream")
struct LiveStreamTests {
    @Test("a web-chat message appears on the team's stream at once; another tenant's stream stays quiet")
    func inboxEvents() async throws {
        try await TestApp.run(heartbeat: .milliseconds(300)) { api, info in
            let attendant = try await api.login("attendant@demo.local")
            let outsider = try await api.login("owner@outra.local")
            func request(_ token: String) -> String {
                "GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n"
            }
            async let ours = RawClient.read(port: info.port, request: request(attendant), until: "Chegou minha encomenda?", timeout: 10)
            async let theirs = RawClient.read(port: info.port, request: request(outsider), until: "Chegou minha encomenda?", timeout: 3)
            try await Task.sleep(for: .milliseconds(500))
            let posted = try await api.post("/v1/channels/webchat/demo/messages", token: nil,
                                            ["visitorId": "v-live", "messageId": "1", "text": "Chegou minha encomenda?"])
            #expect(posted.status == 202)
            let (mine, other) = try await (ours, theirs)
            #expect(mine.contains("event: ready"))
            #expect(mine.contains("event: message.created"))
            #expect(mine.contains("event: conversation.updated"))
            #expect(other.contains("event: ready"))
            #expect(other.contains(": keep-alive"))
            #expect(!other.contains("Chegou minha encomenda?"))
            let unauthenticated = try await api.get("/v1/stream", token: nil)
            #expect(unauthenticated.status == 401)
        }
    }
}

extension RawClient {
    /// Sends a request and reads until `marker` appears or `timeout` seconds pass; returns what arrived.
    /// Runs on its own thread: blocking reads must not hold the two-thread cooperative pool the server needs.
    static func read(port: Int, request: String, until marker: String, timeout: Double) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingRead(port: port, request: request, until: marker, timeout: timeout) })
            }
        }
    }

    private static func blockingRead(port: Int, request: String, until marker: String, timeout: Double) throws -> String {
        try {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var wait = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            _ = request.withCString { send(fd, $0, strlen($0), 0) }
            var received = [UInt8]()
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 8192)
            while Date() < deadline {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { received += buffer.prefix(count) }
                if count == 0 { break }
                if String(decoding: received, as: UTF8.self).contains(marker) { break }
            }
            return String(decoding: received, as: UTF8.self)
        }()
    }
}
