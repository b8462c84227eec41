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
            let ours = try await SSEConnection.open(port: info.port, request: request(attendant))
            let theirs = try await SSEConnection.open(port: info.port, request: request(outsider))
            // Both streams are subscribed once `ready` arrived.
            #expect(try await ours.read(until: "event: ready", timeout: 20).contains("event: ready"))
            #expect(try await theirs.read(until: "event: ready", timeout: 20).contains("event: ready"))
            let posted = try await api.post("/v1/channels/webchat/demo/messages", token: nil,
                                            ["visitorId": "v-live", "messageId": "1", "text": "Chegou minha encomenda?"])
            #expect(posted.status == 202)
            let mine = try await ours.read(until: "event: conversation.updated", timeout: 20)
            let other = try await theirs.read(until: "Chegou minha encomenda?", timeout: 2)
            ours.close()
            theirs.close()
            #expect(mine.contains("event: message.created"))
            #expect(mine.contains("Chegou minha encomenda?"))
            #expect(mine.contains("event: conversation.updated"))
            #expect(other.contains(": keep-alive"))
            #expect(!other.contains("Chegou minha encomenda?"))
            let unauthenticated = try await api.get("/v1/stream", token: nil)
            #expect(unauthenticated.status == 401)
        }
    }
}

/// A raw HTTP connection kept open to read an event stream in steps; blocking reads run on their own threads so
/// they never hold the two-thread cooperative pool the server needs.
final class SSEConnection: @unchecked Sendable {
    private let fd: Int32
    private var received = [UInt8]()

    private init(fd: Int32) { self.fd = fd }

    static func open(port: Int, request: String) async throws -> SSEConnection {
        try await onThread {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw POSIXError(.EIO) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { Glibc.close(fd); throw POSIXError(.ECONNREFUSED) }
            var wait = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            _ = request.withCString { send(fd, $0, strlen($0), 0) }
            return SSEConnection(fd: fd)
        }
    }

    /// Everything received so far once `marker` is in it, or when `timeout` seconds passed.
    func read(until marker: String, timeout: Double) async throws -> String {
        try await Self.onThread { [self] in
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 8192)
            while !String(decoding: received, as: UTF8.self).contains(marker), Date() < deadline {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { received += buffer.prefix(count) }
                if count == 0 { break }
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    func close() { Glibc.close(fd) }

    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
