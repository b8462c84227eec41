import CopilotoCore
import Foundation
import Testing

/// The default matrix must say exactly what `shared/ACTIONS.md` says, row by row.
@Suite("Permission matrix")
struct PermissionMatrixTests {
    static func contractRows() throws -> [(action: String, alias: String?, roles: Set<Role>)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/ACTIONS.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [(String, String?, Set<Role>)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| action") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, let name = cells[0].split(separator: " ").first, !name.hasPrefix("-") else { continue }
            let alias = cells[0].split(separator: "(").dropFirst().first.map { String($0.dropLast()) }
            let roleText = cells[2]
            let all = Set(Role.allCases)
            let roles: Set<Role> = roleText == "all" ? all
                : roleText == "all but viewer" ? all.subtracting([.viewer])
                : Set(roleText.split(separator: " ").compactMap { Role(rawValue: String($0)) })
            rows.append((String(name), alias, roles))
        }
        return rows
    }

    @Test("every row of ACTIONS.md is in the defaults with the same roles")
    func matchesContract() throws {
        let rows = try Self.contractRows()
        #expect(rows.count >= 35)
        for row in rows {
            #expect(PermissionMatrix.defaults.roles(for: row.action).sorted() == row.roles.sorted(), "\(row.action)")
            if let alias = row.alias {
                #expect(PermissionMatrix.canonicalName(alias) == row.action)
            }
        }
    }

    @Test("overrides always keep the owner")
    func ownerKept() {
        var matrix = PermissionMatrix.defaults
        matrix.set("deleteCustomer", roles: [.viewer])
        #expect(matrix.allows(.owner, "deleteClient"))
        #expect(matrix.allows(.viewer, "deleteCustomer"))
        #expect(!matrix.allows(.manager, "deleteCustomer"))
    }
}
