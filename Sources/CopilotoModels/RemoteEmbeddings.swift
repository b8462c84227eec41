import AsyncHTTPClient
import CopilotoCore
import Foundation
import NIOCore

/// Embeddings from a remote service: OpenAI-compatible `POST {base}/embeddings` (OpenAI, OpenRouter, Ollama, vLLM,
/// llama.cpp, HF router's OpenAI route) or Hugging Face feature extraction
/// (`POST {base}/models/{model}/pipeline/feature-extraction`, answered with one vector per input).
public struct RemoteEmbeddings: EmbeddingModel {
    public enum Kind: String, Sendable, CaseIterable {
        case openai, huggingface
    }

    public struct Configuration: Sendable, Equatable {
        public var kind: Kind
        public var baseURL: String
        public var apiKey: String?
        public var model: String
        public var dimensions: Int
        public var batchSize: Int
        public var timeout: Duration

        public init(kind: Kind = .openai, baseURL: String, apiKey: String? = nil, model: String, dimensions: Int = 0,
                    batchSize: Int = 64, timeout: Duration = .seconds(30)) {
            self.kind = kind
            self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
            self.apiKey = apiKey
            self.model = model
            self.dimensions = dimensions
            self.batchSize = max(batchSize, 1)
            self.timeout = timeout
        }
    }

    public let configuration: Configuration
    public var name: String { "\(configuration.kind.rawValue):\(configuration.model)" }
    public var dimensions: Int { configuration.dimensions }

    public init(configuration: Configuration) { self.configuration = configuration }

    public func embed(_ texts: [String]) async throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + configuration.batchSize, texts.count)])
            vectors += try await request(batch)
            start += batch.count
        }
        return vectors
    }

    private func request(_ batch: [String]) async throws -> [[Float]] {
        let client = SharedClients.client(idleTimeout: configuration.timeout)
        var http: HTTPClientRequest
        let body: JSONValue
        switch configuration.kind {
        case .openai:
            http = HTTPClientRequest(url: configuration.baseURL + "/embeddings")
            body = ["model": .string(configuration.model), "input": .array(batch.map(JSONValue.string)), "encoding_format": "float"]
        case .huggingface:
            http = HTTPClientRequest(url: configuration.baseURL + "/models/\(configuration.model)/pipeline/feature-extraction")
            body = ["inputs": .array(batch.map(JSONValue.string)), "normalize": true]
        }
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        if let key = configuration.apiKey, !key.isEmpty { http.headers.add(name: "Authorization", value: "Bearer \(key)") }
        http.body = .bytes(ByteBuffer(string: body.encoded()))
        let data: Data
        do {
            let response = try await client.execute(http, timeout: .nanoseconds(configuration.timeout.nanoseconds))
            data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
            try ProviderErrors.check(status: Int(response.status.code), headers: response.headers, body: data)
        } catch {
            throw ProviderErrors.map(error)
        }
        let vectors = try Self.decode(data, kind: configuration.kind)
        guard vectors.count == batch.count, configuration.dimensions == 0 || vectors.allSatisfy({ $0.count == configuration.dimensions })
        else { throw ModelError.malformedResponse("embeddings: expected \(batch.count) vectors of \(configuration.dimensions) dimensions") }
        return vectors.map(VectorMath.normalized)
    }

    /// OpenAI's `{"data":[{"index":i,"embedding":[…]}]}` (sorted by index) or HF's `[[…], …]`.
    static func decode(_ data: Data, kind: Kind) throws -> [[Float]] {
        let json = try JSONValue.parse(data)
        func floats(_ value: JSONValue?) -> [Float]? {
            value?.arrayValue?.compactMap { if case .number(let n) = $0 { Float(n) } else { nil } }
        }
        switch kind {
        case .openai:
            guard let items = json["data"]?.arrayValue else { throw ModelError.malformedResponse("embeddings: no data") }
            let indexed = items.enumerated().map { offset, item -> (Int, [Float]) in
                let index = item["index"]?.intValue ?? offset
                return (index, floats(item["embedding"]) ?? [])
            }
            return indexed.sorted { $0.0 < $1.0 }.map(\.1)
        case .huggingface:
            guard let rows = json.arrayValue else { throw ModelError.malformedResponse("embeddings: not a list") }
            return rows.map { floats($0) ?? [] }
        }
    }
}
