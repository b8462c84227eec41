import CopilotoCore
import Foundation

/// The values of the reads and product changes: record numbers, comparisons, report grouping, stock thresholds.
extension SlotFiller {
    static let thresholdPattern = Pattern(#"(?:menos de|abaixo de|inferior a|fewer than|less than|below|under)\s+(\d{1,6})"#)
    static let amountPattern = Pattern(#"(?:por|para|pra|a|de|:|to|for|at)\s+(\d{1,6})(?:[,.](\d{2}))?(?![\d%/:])"#)
    static let countPattern = Pattern(#"(?<![\w,.])(\d{1,6})(?![\w,.%])"#)
    static let bareNumber = Pattern(#"(?<![\w#/:.,$-])(\d{2,9})(?![\w/:%]|[.,]\d)"#)

    /// A record number: marked ("pedido 1042", "#1042", "nº 1042") or, failing that, the only bare number.
    static func recordNumber(in text: String) -> Int? {
        if let marked = EntityExtractor.recordNumbers(in: text).first { return marked }
        let bare = bareNumber.matches(in: text).compactMap { $0.groups[1].flatMap(Int.init) }
        return bare.count == 1 ? bare[0] : nil
    }

    /// Several record numbers ("pedidos 1042, 1043 e 1050", "#1 #2").
    static func recordNumbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        for match in bareNumber.matches(in: text.replacingOccurrences(of: "#", with: " ")) {
            if let value = match.groups[1].flatMap(Int.init), !numbers.contains(value) { numbers.append(value) }
        }
        return numbers
    }

    /// "comparado com", "× o mês passado", "versus", "ou na passada": a comparison with the previous period.
    static func comparing(_ folded: String) -> Bool {
        ["compar", " vs", "versus", " x ", "×", "em relacao", "anteontem", "ou na passada", "ou no passado", "day before",
         "than last"].contains { folded.contains($0) }
    }

    /// "por produto", "mais vendidos", "por categoria", "dia a dia".
    static func grouping(_ folded: String) -> String? {
        if ["por categoria", "by category", "categorias"].contains(where: folded.contains) { return "category" }
        if ["por produto", "mais vend", "mais saiu", "saiu mais", "best-selling", "best selling", "sold the most", "top products",
            "by product"].contains(where: folded.contains) { return "product" }
        if ["dia a dia", "por dia", "by day", "daily"].contains(where: folded.contains) { return "day" }
        return nil
    }

    /// "menos de 5", "abaixo de 10", "fewer than 3".
    static func threshold(_ folded: String) -> Int? {
        thresholdPattern.first(in: folded)?.groups[1].flatMap(Int.init)
    }

    /// A new price or a stock count for one product: "agora custa 39,90", "agora temos 50 unidades", "estoque: 12".
    static func productChange(_ text: String, _ folded: String, _ money: Money?, _ params: inout [String: JSONValue]) {
        let stockWords = ["estoque", "unidade", "temos", "tem ", "stock", "units", "contei", "chegaram", "chegou"]
        let priced = ["preco", "valor", "custa", "price", "cost", "r$", "reais", "saindo por"].contains(where: folded.contains)
        if !priced, stockWords.contains(where: folded.contains) {
            let withoutSku = EntityExtractor.sku.replace(in: text, with: " ")
            let counts = countPattern.matches(in: withoutSku).compactMap { $0.groups[1].flatMap(Int.init) }
            // "chegaram 30, agora tem 45 no total": the last count is the new stock.
            if let last = counts.last { params["stock"] = .number(Double(last)) }
            return
        }
        if let money { params["price"] = .string(money.decimalString) }
        else if let amount = bareAmount(folded) { params["price"] = .string(amount.decimalString) }
    }

    /// An amount written without currency ("para 44,90", "por 30").
    static func bareAmount(_ folded: String) -> Money? {
        guard let match = amountPattern.matches(in: folded).last, let whole = match.groups[1].flatMap(Int.init) else { return nil }
        return Money(cents: whole * 100 + (match.groups[2].flatMap(Int.init) ?? 0))
    }

    func agendaSpan(_ folded: String, _ params: inout [String: JSONValue]) {
        let today = dates.calendar.startOfDay(dates.now)
        let span: (Int, Int)? = folded.contains("depois de amanha") ? (2, 1)
            : folded.contains("amanha") || folded.contains("tomorrow") ? (1, 1)
            : folded.contains("hoje") || folded.contains(" hj") || folded.contains("today") ? (0, 1)
            : folded.contains("semana") || folded.contains("week") ? (0, 7) : nil
        if let (offset, days) = span {
            let from = dates.calendar.adding(days: offset, to: today)
            params["from"] = .string(JSONCoding.rfc3339(from))
            params["to"] = .string(JSONCoding.rfc3339(dates.calendar.adding(days: days, to: from)))
        }
    }
}
