import AsyncHTTPClient
import CopilotoCore
import Crypto
import Foundation
import NIOCore

/// Downloads a customer's media from the Graph API: `GET /{media-id}` gives a short-lived `url`, its `mime_type`,
/// `sha256` and `file_size`; the URL is then fetched with the same bearer token. The size and the SHA-256 are
/// checked against what Meta announced.
public struct WhatsAppMedia: Sendable {
    public let graphURL: String
    let client: HTTPClient

    public init(graphURL: String, client: HTTPClient = .shared) {
        self.graphURL = graphURL.hasSuffix("/") ? String(graphURL.dropLast()) : graphURL
        self.client = client
    }

    /// A checked file.
    public struct File: Sendable {
        public let data: Data
        public let mimeType: String
        public let sha256: String
    }

    /// Why a file was not taken: too large for the cap, or not what Meta announced (both final, never retried).
    public enum Refusal: Error, Sendable, Equatable {
        case tooLarge(Int)
        case mismatch(String)
    }

    public func download(mediaId: String, accessToken: String, maxBytes: Int) async throws -> File {
        let safeId = mediaId.filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let info = try await get("\(graphURL)/\(safeId)", accessToken: accessToken, limit: 64 * 1024)
        let json = (try? JSONValue.parse(info)) ?? .null
        guard let url = json.string("url"), url.hasPrefix("http") else { throw ChannelError.unavailable("no media url") }
        // Meta sends file_size as a string in some versions and as a number in others.
        let announced = json["file_size"]?.intValue ?? json.string("file_size").flatMap(Int.init)
        if let announced, announced > maxBytes { throw Refusal.tooLarge(announced) }
        let data = try await get(url, accessToken: accessToken, limit: maxBytes + 1, isDownload: true)
        guard data.count <= maxBytes else { throw Refusal.tooLarge(data.count) }
        if let announced, announced != data.count { throw Refusal.mismatch("size \(data.count) ≠ \(announced)") }
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        if let expected = json.string("sha256"), expected.lowercased() != digest, Data(base64Encoded: expected).map(Self.hex) != digest {
            throw Refusal.mismatch("sha256")
        }
        return File(data: data, mimeType: json.string("mime_type") ?? "application/octet-stream", sha256: digest)
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    /// A download URL that stopped working (it expires after minutes) is retried with a fresh one.
    private func get(_ url: String, accessToken: String, limit: Int, isDownload: Bool = false) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
        let status: Int, body: Data
        do {
            let response = try await client.execute(request, timeout: .seconds(60))
            status = Int(response.status.code)
            body = Data(try await response.body.collect(upTo: limit).readableBytesView)
        } catch let error as NIOTooManyBytesError {
            throw Refusal.tooLarge(error.maxBytes ?? limit)
        } catch {
            throw ChannelError.unavailable("\(error)")
        }
        guard (200..<300).contains(status) else {
            if isDownload, status != 401 { throw ChannelError.unavailable("download answered \(status)") }
            throw WhatsAppSender.error(status: status, ((try? JSONValue.parse(body)) ?? .null)["error"])
        }
        return body
    }
}
