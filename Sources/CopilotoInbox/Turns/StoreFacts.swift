import CopilotoCore
import Foundation

/// Store facts a customer asks for, answered from the store's own settings instead of a model's guess (or, worse,
/// a team action): the opening hours.
public enum StoreFacts {
    static let hoursWords = ["horario", "horarios", "que horas", "abre", "abrem", "fecha", "fecham", "funcionamento", "aberto", "aberta",
                             "abertos", "expediente", "opening hours", "business hours", "open", "opens", "close", "closes", "hours"]
    static let order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let names: [String: (String, String)] = [
        "mon": ("segunda", "Monday"), "tue": ("terça", "Tuesday"), "wed": ("quarta", "Wednesday"), "thu": ("quinta", "Thursday"),
        "fri": ("sexta", "Friday"), "sat": ("sábado", "Saturday"), "sun": ("domingo", "Sunday"),
    ]

    /// True when the customer's words ask when the store is open.
    public static func asksOpeningHours(_ texts: [String]) -> Bool {
        let folded = " " + TextFolding.fold(texts.joined(separator: " ")) + " "
        return hoursWords.contains { word in
            folded.range(of: "(?<![a-z])" + word + "(?![a-z])", options: .regularExpression) != nil
        }
    }

    /// The opening hours as one friendly sentence per the store (or agent) settings; nil when none are set.
    public static func openingHours(_ hours: [String: [String]]?, storeName: String, language: Language) -> String? {
        guard let hours, !hours.isEmpty else { return nil }
        let en = language == .en
        let lines = order.map { day -> String in
            let name = en ? names[day]?.1 ?? day : names[day]?.0 ?? day
            guard let range = hours[day], range.count == 2 else { return en ? "\(name): closed" : "\(name): fechado" }
            return en ? "\(name): \(range[0])–\(range[1])" : "\(name): das \(range[0]) às \(range[1])"
        }
        return en ? "Our opening hours at \(storeName):\n" + lines.joined(separator: "\n")
            : "Nosso horário de funcionamento na \(storeName):\n" + lines.joined(separator: "\n")
    }

    /// The store settings' free-form hours (`{"mon":["09:00","18:00"]}`) as days to ranges; malformed days are left out.
    public static func hours(_ json: JSONValue?) -> [String: [String]]? {
        guard let members = json?.objectValue else { return nil }
        var result: [String: [String]] = [:]
        for (day, value) in members where order.contains(day) {
            let range = value.arrayValue?.compactMap(\.stringValue) ?? []
            if range.count == 2, range.allSatisfy({ TurnRules.minutes($0) != nil }) { result[day] = range }
        }
        return result.isEmpty ? nil : result
    }
}
