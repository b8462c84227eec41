import CopilotoCore
import Foundation
import SQLKit

enum CustomerMapping: SQLMapping {
    static let table = "customers"

    static func values(_ c: Customer) -> [(String, SQLValue)] {
        [("name", c.name), ("email", c.email), ("phone", c.phone), ("document", c.document), ("tags", jsonText(c.tags)),
         ("search_text", TextFolding.searchText(c.name, c.email, c.phone, c.document, c.tags.joined(separator: " "))),
         ("created_at", c.createdAt.epochMillis), ("updated_at", c.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Customer {
        Customer(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
                 email: try row.optionalString("email"), phone: try row.optionalString("phone"),
                 document: try row.optionalString("document"), tags: try row.json("tags", as: [String].self),
                 createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ c: Customer) -> Int { c.createdAt.epochMillis }
}

enum ContactMapping: SQLMapping {
    static let table = "contacts"
    static let filterColumns = ["customerId": "customer_id"]

    static func values(_ c: Contact) -> [(String, SQLValue)] {
        [("customer_id", c.customerId.text), ("name", c.name), ("email", c.email), ("phone", c.phone),
         ("position", c.position), ("search_text", TextFolding.searchText(c.name, c.email, c.phone, c.position)),
         ("created_at", c.createdAt.epochMillis), ("updated_at", c.updatedAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Contact {
        Contact(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), customerId: try row.optionalUUID("customer_id"),
                name: try row.string("name"), email: try row.optionalString("email"), phone: try row.optionalString("phone"),
                position: try row.optionalString("position"), createdAt: try row.date("created_at"),
                updatedAt: try row.date("updated_at"))
    }

    static func sortValue(_ c: Contact) -> Int { c.createdAt.epochMillis }
}

enum NoteMapping: SQLMapping {
    static let table = "notes"
    static let filterColumns = ["subjectId": "subject_id", "subjectType": "subject_type"]

    static func values(_ n: Note) -> [(String, SQLValue)] {
        [("subject_type", n.subjectType.rawValue), ("subject_id", n.subjectId.text), ("author_id", n.authorId.text),
         ("text", n.text), ("search_text", TextFolding.fold(n.text)), ("created_at", n.createdAt.epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> Note {
        Note(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"),
             subjectType: try row.enumValue("subject_type", as: Note.Subject.self), subjectId: try row.uuid("subject_id"),
             authorId: try row.optionalUUID("author_id"), text: try row.string("text"), createdAt: try row.date("created_at"))
    }

    static func sortValue(_ n: Note) -> Int { n.createdAt.epochMillis }
}

enum UserMapping: SQLMapping {
    static let table = "users"
    static let filterColumns = ["role": "role"]

    static func values(_ u: User) -> [(String, SQLValue)] {
        [("name", u.name), ("email", u.email), ("role", u.role.rawValue), ("language", u.language.rawValue),
         ("active", u.active), ("search_text", TextFolding.searchText(u.name, u.email)),
         ("created_at", u.createdAt.epochMillis), ("updated_at", Date().epochMillis)]
    }

    static func decode(_ row: any SQLRow) throws -> User {
        User(id: try row.uuid("id"), tenantId: try row.uuid("tenant_id"), name: try row.string("name"),
             email: try row.string("email"), role: try row.enumValue("role", as: Role.self),
             language: Language(code: try row.string("language")) ?? .ptBR, active: try row.bool("active"),
             createdAt: try row.date("created_at"))
    }

    static func sortValue(_ u: User) -> Int { u.createdAt.epochMillis }
}
