import CopilotoCore
import Foundation

/// Finds the typed values a CRM command carries: e-mails, phones (E.164, +55 by default), CPF/CNPJ with
/// check digits, record numbers ("#1042", "pedido 1042"), percentages, SKUs, NCM/CEST codes and order statuses.
public enum EntityExtractor {
    static let email = Pattern(#"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}"#)
    static let phone = Pattern(#"(?<![\w.])(?:\+\d{1,3}\s?)?\(?\d{2}\)?[\s.-]?9?\d{4}[\s.-]?\d{4}(?![\w])"#)
    static let cpf = Pattern(#"(?<![\w.])\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?![\w])"#)
    static let cnpj = Pattern(#"(?<![\w.])[a-z0-9]{2}\.?[a-z0-9]{3}\.?[a-z0-9]{3}/?[a-z0-9]{4}-?\d{2}(?![\w])"#)
    static let number = Pattern(#"(?:#\s?|\b(?:pedido|order|fatura|invoice|ticket|chamado|n[ºo°.]\s?)\s*#?\s?)(\d{1,9})\b"#)
    static let percent = Pattern(#"([+-]?\d{1,3}(?:[.,]\d{1,2})?)\s?%"#)
    static let sku = Pattern(#"\b([A-Z]{2,}[A-Z0-9]*-[A-Z0-9-]*[A-Z0-9])\b"#, caseSensitive: true)
    static let ncm = Pattern(#"(?<![\d.])(\d{4}\.\d{2}\.\d{2}|\d{8})(?![\d.])"#)
    static let cest = Pattern(#"(?<![\d.])(\d{2}\.\d{3}\.\d{2}|\d{7})(?![\d.])"#)

    public static func emails(in text: String) -> [String] {
        email.matches(in: text).compactMap { ContactFormats.email(String(text[$0.range])) }
    }

    public static func phones(in text: String) -> [String] {
        phone.matches(in: text).compactMap { match in
            let raw = String(text[match.range])
            return BrazilianDocument.normalize(raw) == nil ? ContactFormats.phone(raw) : nil
        }
    }

    /// Valid CPF/CNPJ numbers only (check digits verified).
    public static func documents(in text: String) -> [String] {
        (cpf.matches(in: text) + cnpj.matches(in: text)).compactMap { BrazilianDocument.normalize(String(text[$0.range]))?.value }
    }

    static func recordNumbers(in text: String) -> [Int] {
        number.matches(in: text).compactMap { $0.groups[1].flatMap(Int.init) }
    }

    /// Percentages with their sign ("+10", "-5", "15").
    static func percents(in text: String) -> [Percent] {
        percent.matches(in: text).compactMap { $0.groups[1].flatMap { Percent(decimal: $0.replacingOccurrences(of: ",", with: ".")) } }
    }

    /// SKUs as written in upper case ("SHAMP-500").
    static func skus(in text: String) -> [String] {
        sku.matches(in: text).compactMap { $0.groups[1] }
    }

    static func ncmCodes(in text: String) -> [String] { ncm.matches(in: text).compactMap { $0.groups[1].flatMap(ContactFormats.ncm) } }
    static func cestCodes(in text: String) -> [String] { cest.matches(in: text).compactMap { $0.groups[1].flatMap(ContactFormats.cest) } }

    /// An order status named in the text ("enviado" → shipped, "cancela" → cancelled).
    static func orderStatus(in text: String) -> OrderStatus? {
        let folded = TextFolding.fold(text)
        let words: [(String, OrderStatus)] = [("cancel", .cancelled), ("entregue", .delivered), ("delivered", .delivered),
                                              ("enviado", .shipped), ("despachado", .shipped), ("shipped", .shipped),
                                              ("pago", .paid), ("paid", .paid), ("pendente", .pending), ("pending", .pending)]
        return words.first { folded.contains($0.0) }?.1
    }
}
