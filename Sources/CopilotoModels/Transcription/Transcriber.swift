import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore

/// Where voice notes are transcribed: any server speaking OpenAI's `POST {base}/audio/transcriptions` (OpenAI, Groq,
/// whisper.cpp's server). Read once from `COPILOTO_TRANSCRIPTION_BASE_URL`, `COPILOTO_TRANSCRIPTION_API_KEY` and
/// `COPILOTO_TRANSCRIPTION_MODEL` (default `whisper-1`); without a base URL there is no transcription.
public struct TranscriptionConfig: Sendable, Equatable {
    public var baseURL: String
    public var apiKey: String?
    public var model: String

    public init(baseURL: String, apiKey: String? = nil, model: String = "whisper-1") {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.model = model
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> TranscriptionConfig? {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        guard let base = value("COPILOTO_TRANSCRIPTION_BASE_URL") else { return nil }
        return TranscriptionConfig(baseURL: base, apiKey: value("COPILOTO_TRANSCRIPTION_API_KEY"),
                                   model: value("COPILOTO_TRANSCRIPTION_MODEL") ?? "whisper-1")
    }
}

/// A transcript and, when the server says, the audio's length (for the cost).
public struct Transcript: Sendable, Equatable {
    public var text: String
    public var durationSeconds: Double?
}

/// Why a transcription failed; `retryable` ones are tried again by the job queue.
public struct TranscriptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    public let message: String
    public var retryable: Bool { status == 0 || status == 429 || status >= 500 }
    public var description: String { "transcription failed (\(status)): \(message)" }
}

/// Sends audio as `multipart/form-data` (`file`, `model`, `response_format=json`, optional `language`) and reads
/// `{"text": …}`.
public struct Transcriber: Sendable {
    public let config: TranscriptionConfig
    let client: HTTPClient

    public init(config: TranscriptionConfig, client: HTTPClient = .shared) {
        self.config = config
        self.client = client
    }

    public func transcribe(_ audio: Data, filename: String, mimeType: String, language: String?) async throws -> Transcript {
        var form = MultipartForm()
        form.add(name: "model", value: config.model)
        form.add(name: "response_format", value: "json")
        if let language { form.add(name: "language", value: language) }
        form.add(name: "file", filename: filename, contentType: mimeType, data: audio)
        var request = HTTPClientRequest(url: config.baseURL + "/audio/transcriptions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: form.contentType)
        if let key = config.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(bytes: form.body()))
        let status: Int, data: Data
        do {
            let response = try await client.execute(request, timeout: .seconds(120))
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        } catch {
            throw TranscriptionError(status: 0, message: "\(error)")
        }
        let json = (try? JSONValue.parse(data)) ?? .null
        guard (200..<300).contains(status), let text = json.string("text") else {
            throw TranscriptionError(status: status, message: json["error"]?.string("message") ?? "HTTP \(status)")
        }
        return Transcript(text: text.trimmingCharacters(in: .whitespacesAndNewlines), durationSeconds: json["duration"]?.numberValue)
    }
}

/// A `multipart/form-data` body (RFC 7578).
struct MultipartForm {
    let boundary = "copiloto-" + UUID().uuidString
    private var data = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func add(name: String, value: String) {
        data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    mutating func add(name: String, filename: String, contentType: String, data file: Data) {
        let safe = filename.filter { $0 != "\"" && $0 != "\r" && $0 != "\n" }
        data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(safe)\"\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        data.append(file)
        data.append(Data("\r\n".utf8))
    }

    func body() -> Data { data + Data("--\(boundary)--\r\n".utf8) }
}
