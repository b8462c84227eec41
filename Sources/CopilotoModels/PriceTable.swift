import CopilotoCore
import Foundation

/// USD prices per million tokens by model name, from the bundled `prices.json` plus an optional admin file.
/// Costs are exact decimals, never floating point.
public struct PriceTable: Sendable {
    /// Prompt and completion prices per 1M tokens.
    public struct Price: Sendable, Equatable {
        public let prompt: Decimal
        public let completion: Decimal
    }

    public let prices: [String: Price]

    public init(prices: [String: Price]) { self.prices = prices }

    /// The bundled table, with entries of `overrideFile` (same JSON shape) added or replacing.
    public static func load(overrideFile: String? = nil) throws -> PriceTable {
        var prices: [String: Price] = [:]
        if let url = Bundle.module.url(forResource: "prices", withExtension: "json"), let data = FileManager.default.contents(atPath: url.path) {
            prices = try parse(data)
        }
        if let overrideFile {
            guard let data = FileManager.default.contents(atPath: overrideFile) else { throw CocoaError(.fileNoSuchFile) }
            prices.merge(try parse(data)) { _, new in new }
        }
        return PriceTable(prices: prices)
    }

    static func parse(_ data: Data) throws -> [String: Price] {
        let json = try JSONValue.parse(data)
        var prices: [String: Price] = [:]
        for (model, entry) in json["models"]?.objectValue ?? [:] {
            guard let prompt = entry.string("prompt").flatMap({ Decimal(string: $0) }),
                  let completion = entry.string("completion").flatMap({ Decimal(string: $0) }) else { continue }
            prices[model] = Price(prompt: prompt, completion: completion)
        }
        return prices
    }

    /// The price of the longest key that prefixes the model name (after a provider prefix like `openai/`).
    public func price(for model: String) -> Price? {
        let names = [model, model.split(separator: "/").last.map(String.init) ?? model]
        for name in names {
            if let best = prices.keys.filter({ name.hasPrefix($0) }).max(by: { $0.count < $1.count }) { return prices[best] }
        }
        return nil
    }

    /// Cost in USD of a call; nil when the model has no price.
    public func cost(model: String, usage: ModelUsage) -> Decimal? {
        guard let price = price(for: model) else { return nil }
        let million = Decimal(1_000_000)
        return (Decimal(usage.promptTokens) * price.prompt + Decimal(usage.completionTokens) * price.completion) / million
    }
}

/// Approximate token counts when a provider omits usage (about four characters a token), marked estimated.
public enum TokenEstimate {
    public static func usage(for request: ModelRequest, answer: String) -> ModelUsage {
        let promptCharacters = (request.instructions?.count ?? 0) + request.messages.reduce(0) { $0 + ($1.content?.count ?? 0) + 4 }
        return ModelUsage(promptTokens: max(1, promptCharacters / 4), completionTokens: max(1, answer.count / 4), estimated: true)
    }
}
