import Foundation

/// Eval cases in a spreadsheet: a header row naming the columns (`name`, `turns`, `mustInclude`, `mustNotInclude`,
/// `tools`, `notTools`, `handover`, `rubric`, `maxCostUsd`), one case per row; "," or ";" between cells (as Brazilian
/// spreadsheets save), quotes as in RFC 4180, and "|" between the turns or items inside one cell.
public enum EvalCSV {
    static let columns: Set<String> = ["name", "turns", "mustInclude", "mustNotInclude", "tools", "notTools", "handover", "rubric", "maxCostUsd"]
    public static let maxRows = 200

    /// Each row as the body `POST …/evals` takes; bad shape (no header, unknown column, too many rows) is a 400.
    public static func bodies(_ text: String) throws -> [JSONValue] {
        let rows = parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }), header.contains("name"), header.contains("turns") else {
            throw CopilotoError.invalid([FieldError(field: "csv", code: .required, detail: "a header row with name and turns")])
        }
        if let unknown = header.first(where: { !columns.contains($0) }) {
            throw CopilotoError.invalid([FieldError(field: "csv.\(unknown)", code: .unknownField)])
        }
        let data = rows.dropFirst().filter { !$0.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !data.isEmpty, data.count <= maxRows else { throw CopilotoError.invalid([FieldError(field: "csv", code: .tooLong, detail: "1–\(maxRows) rows")]) }
        return data.map { row in
            var body: [String: JSONValue] = [:], expect: [String: JSONValue] = [:]
            for (index, column) in header.enumerated() {
                let cell = index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : ""
                guard !cell.isEmpty else { continue }
                let items = JSONValue.array(cell.split(separator: "|").map { .string($0.trimmingCharacters(in: .whitespaces)) })
                switch column {
                case "name": body["name"] = .string(cell)
                case "turns": body["turns"] = .array(cell.split(separator: "|").map { ["text": .string($0.trimmingCharacters(in: .whitespaces))] })
                case "handover": expect["handover"] = ["sim", "true", "yes", "s", "1"].contains(TextFolding.fold(cell)) ? true
                    : ["nao", "false", "no", "n", "0"].contains(TextFolding.fold(cell)) ? false : .string(cell)
                case "maxCostUsd": expect["maxCostUsd"] = Double(cell.replacingOccurrences(of: ",", with: ".")).map(JSONValue.number) ?? .string(cell)
                case "rubric": expect["rubric"] = .string(cell)
                default: expect[column] = items
                }
            }
            if !expect.isEmpty { body["expect"] = .object(expect) }
            return .object(body)
        }
    }

    /// RFC 4180 rows; the separator is ";" when the first line has more of them than commas.
    static func parse(_ text: String) -> [[String]] {
        let firstLine = text.prefix { $0 != "\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var chars = text.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    guard let next = chars.next() else { quoted = false; break }
                    if next == "\"" { cell.append("\"") } else {
                        quoted = false
                        if next == separator { row.append(cell); cell = "" } else if next == "\n" || next == "\r\n" { row.append(cell); rows.append(row); row = []; cell = "" } else if next != "\r" { cell.append(next) }
                    }
                } else { cell.append(c) }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == separator {
                row.append(cell); cell = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else if c != "\r" {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
