import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refuses tool calls to loopback, private, link-local and other internal addresses (SSRF), unless the
/// tenant's allow-list names the host.
public enum NetworkGuard {
    /// Throws `blocked` when `host` resolves to an internal address and is not allow-listed.
    public static func check(host: String, allowlist: [String]) throws {
        let lower = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if allowlist.contains(where: { $0.lowercased() == lower }) { return }
        let addresses = resolve(lower)
        guard !addresses.isEmpty else { throw ToolError.unresolvable(host) }
        if let privateAddress = addresses.first(where: isInternal) { throw ToolError.blocked(host: host, address: privateAddress) }
    }

    static func resolve(_ host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(result) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// True for 127/8, 10/8, 172.16/12, 192.168/16, 169.254/16, 100.64/10, 0/8, ::1, fc00::/7, fe80::/10, ::ffff:mapped private.
    public static func isInternal(_ address: String) -> Bool {
        if address.contains(":") {
            let lower = address.lowercased()
            if lower == "::1" || lower == "::" || lower.hasPrefix("fc") || lower.hasPrefix("fd") || lower.hasPrefix("fe8")
                || lower.hasPrefix("fe9") || lower.hasPrefix("fea") || lower.hasPrefix("feb") { return true }
            if lower.hasPrefix("::ffff:") { return isInternal(String(lower.dropFirst(7))) }
            return false
        }
        let octets = address.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return true }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        default: return octets[0] >= 224
        }
    }
}

/// Structured failures of a tool call; they become tool results, never crashes.
public enum ToolError: Error, Sendable, Equatable {
    case blocked(host: String, address: String)
    case unresolvable(String)
    case invalidURL(String)
    case timeout
    case http(status: Int, body: String)
    case transport(String)
}
