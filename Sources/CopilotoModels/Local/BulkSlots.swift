import CopilotoCore
import Foundation

/// Parameters of the bulk product actions and store settings.
enum BulkSlots {
    static func fill(_ action: String, _ text: String, _ folded: String, _ params: inout [String: JSONValue]) {
        if action.hasPrefix("bulk") { params["productIds"] = ["all"] }
        switch action {
        case "bulkUpdateProductsNCM": params["ncm"] = EntityExtractor.ncmCodes(in: text).first.map(JSONValue.string)
        case "bulkUpdateProductsCEST": params["cest"] = EntityExtractor.cestCodes(in: text).first.map(JSONValue.string)
        case "bulkUpdateProductsPrice":
            if var percent = EntityExtractor.percents(in: text).first {
                let down = ["diminui", "reduz", "baixa", "desconto", "decrease", "lower", "cut"].contains { folded.contains($0) }
                if down, percent.basisPoints > 0 { percent.basisPoints = -percent.basisPoints }
                params["percent"] = .string(percent.decimalString)
            } else if let money = MoneyExtractor.first(in: text)?.0 {
                params["price"] = .string(money.decimalString)
            }
        case "bulkUpdateProductsStock":
            if ["zera", "zerar", "zero"].contains(where: { folded.contains($0) }) { params["stock"] = 0 }
            else if let value = folded.split(separator: " ").compactMap({ Int($0) }).first { params["stock"] = .number(Double(value)) }
        case "bulkActivateProducts":
            params["active"] = .bool(!["desativa", "inativa", "deactivate", "disable"].contains { folded.contains($0) })
        case "updateStoreSettings":
            if let zone = text.split(separator: " ").map(String.init).first(where: { $0.contains("/") && TimeZone(identifier: $0) != nil }) {
                params["timezone"] = .string(zone)
            }
        default: break
        }
    }
}
