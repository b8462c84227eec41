import Foundation

/// A user's role inside a tenant; decides which actions the user may run.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case owner, admin, manager, editor, finance, attendant, assistant, viewer

    /// Rank used to keep lists in a stable, most-powerful-first order.
    public var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// The role's name in pt-BR, as the seeds call it.
    public var portugueseName: String {
        switch self {
        case .owner: "proprietário"
        case .admin: "administrador"
        case .manager: "gerente"
        case .editor: "editor"
        case .finance: "financeiro"
        case .attendant: "atendimento"
        case .assistant: "auxiliar"
        case .viewer: "visualizador"
        }
    }
}
