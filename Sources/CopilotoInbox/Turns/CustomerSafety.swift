import CopilotoActions
import CopilotoCore
import Foundation

/// The last gate before a text reaches a customer: anything that smells of the inside — an action's name, a
/// permission or error text, an id, a stack trace — is never sent; the turn hands over to a person instead (with
/// the fixed, friendly transition message). Texts the business wrote itself (welcome, rules, out of hours) are not
/// screened.
public enum CustomerSafety {
    /// Words that only internal texts use (folded: lower case, no accents).
    static let internalWords = ["permissao", "permissoes", "permission", "permissions", "erro", "error", "errors", "exception",
                                "forbidden", "unauthorized", "traceback", "stack trace", "fatal", "null", "undefined",
                                "not allowed", "nao permitido", "nao tem permissao"]
    static let patterns = [
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",  // ids
        "\\.swift:[0-9]+", "at [A-Za-z_.]+\\(", "#[0-9]+ 0x[0-9a-f]+",  // stack traces
        "\\{\\s*\"", "\\b[a-z]+Ids?\\b",  // JSON, field names ("customerId")
    ]

    /// Every action name and alias of the catalogue (and any extra names, e.g. the tenant's HTTP tools).
    public static func internalNames(_ registry: ActionRegistry, extra: [String] = []) -> Set<String> {
        Set(registry.all.flatMap { [$0.name] + $0.aliases } + extra)
    }

    /// True when `text` may go to a customer.
    public static func isSafe(_ text: String, names: Set<String>) -> Bool {
        let folded = " " + TextFolding.fold(text) + " "
        if internalWords.contains(where: { word in
            folded.range(of: "(?<![a-z])" + NSRegularExpression.escapedPattern(for: word) + "(?![a-z])", options: .regularExpression) != nil
        }) { return false }
        if patterns.contains(where: { text.range(of: $0, options: .regularExpression) != nil }) { return false }
        let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        return words.isDisjoint(with: names)
    }
}
