import CopilotoCore
import Foundation

/// Builds create / update / delete actions on top of the REST resource specs, so the AI path and the
/// REST path share validation, references and side effects.
enum ResourceActions {
    typealias Mapper = @Sendable (JSONValue) -> JSONValue

    static func create<E>(_ spec: ResourceSpec<E>, name: String, aliases: [String] = [], title: LocalizedText,
                          description: LocalizedText, parameters: JSONValue, body: @escaping Mapper = { $0 }) -> ActionDefinition {
        ActionDefinition(
            name: name, aliases: aliases, title: title, description: description, parameters: parameters, risk: .write,
            canonicalize: { params, ctx in
                _ = try await draft(spec, body(params), ctx)
                return params
            },
            preview: { params, ctx in
                let json = try JSONCoding.value(try await draft(spec, body(params), ctx))
                let changes = PreviewText.changes(from: nil, to: json, fields: Set(body(params).objectValue?.keys ?? [:].keys))
                let verb = ctx.language == .en ? "Create" : "Criar"
                return ActionPreview(summary: "\(verb) \(PreviewText.label(spec.name, ctx.language)) “\(PreviewText.display(json))”",
                                     changes: changes)
            },
            execute: { params, ctx in
                let entity = try await ResourceOperations.commitCreate(spec, try await draft(spec, body(params), ctx), tx: ctx.tx)
                return try JSONCoding.value(entity)
            })
    }

    static func update<E>(_ spec: ResourceSpec<E>, name: String, aliases: [String] = [], idParam: String,
                          sequence: NumberSequence? = nil, title: LocalizedText, description: LocalizedText,
                          parameters: JSONValue, patch: @escaping Mapper = { $0 }) -> ActionDefinition {
        ActionDefinition(
            name: name, aliases: aliases, title: title, description: description, parameters: parameters, risk: .write,
            canonicalize: { params, ctx in
                let id = try await References.resolve(params[idParam], field: idParam, sequence: sequence, tx: ctx.tx)
                let canonical = params.setting(idParam, .string(id.uuidString.lowercased()))
                _ = try await updateDraft(spec, canonical, idParam, patch, ctx)
                return canonical
            },
            preview: { params, ctx in
                let (old, new) = try await updateDraft(spec, params, idParam, patch, ctx)
                let before = try JSONCoding.value(old), after = try JSONCoding.value(new)
                let changes = PreviewText.changes(from: before, to: after, fields: spec.updateFields)
                let verb = ctx.language == .en ? "Update" : "Alterar"
                let summary = "\(verb) \(PreviewText.label(spec.name, ctx.language)) “\(PreviewText.display(before))”: "
                    + (changes.isEmpty ? (ctx.language == .en ? "no changes" : "nada muda") : PreviewText.describe(changes))
                return ActionPreview(summary: summary, changes: changes)
            },
            execute: { params, ctx in
                let (old, new) = try await updateDraft(spec, params, idParam, patch, ctx)
                return try JSONCoding.value(try await ResourceOperations.commitUpdate(spec, old: old, new: new, tx: ctx.tx))
            })
    }

    static func delete<E>(_ spec: ResourceSpec<E>, name: String, aliases: [String] = [], idParam: String,
                          title: LocalizedText, description: LocalizedText) -> ActionDefinition {
        ActionDefinition(
            name: name, aliases: aliases, title: title, description: description,
            parameters: Schema.object([idParam: Schema.uuid("Id")], required: [idParam]), risk: .destructive,
            canonicalize: { params, ctx in
                let id = try await References.resolve(params[idParam], field: idParam, sequence: nil, tx: ctx.tx)
                guard try await spec.repository(ctx.tx).find(id) != nil else { throw CopilotoError.notFound(resource: spec.name) }
                return params.setting(idParam, .string(id.uuidString.lowercased()))
            },
            preview: { params, ctx in
                let id = try await References.resolve(params[idParam], field: idParam, sequence: nil, tx: ctx.tx)
                guard let entity = try await spec.repository(ctx.tx).find(id) else { throw CopilotoError.notFound(resource: spec.name) }
                let verb = ctx.language == .en ? "Delete" : "Excluir"
                let json = try JSONCoding.value(entity)
                return ActionPreview(summary: "\(verb) \(PreviewText.label(spec.name, ctx.language)) “\(PreviewText.display(json))”. "
                                     + PreviewText.irreversible.text(ctx.language),
                                     changes: [ActionPreview.Change(field: "id", before: json["id"], after: nil)], irreversible: true)
            },
            execute: { params, ctx in
                let id = try await References.resolve(params[idParam], field: idParam, sequence: nil, tx: ctx.tx)
                try await ResourceOperations.delete(spec, id: id, tx: ctx.tx)
                return ["deleted": true, "id": .string(id.uuidString.lowercased())]
            })
    }

    private static func draft<E>(_ spec: ResourceSpec<E>, _ body: JSONValue, _ ctx: ActionContext) async throws -> E {
        try await ResourceOperations.draftCreate(spec, ctx.identity, body: body, now: ctx.now, authorizer: ctx.authorizer, tx: ctx.tx)
    }

    private static func updateDraft<E>(_ spec: ResourceSpec<E>, _ params: JSONValue, _ idParam: String, _ patch: Mapper,
                                       _ ctx: ActionContext) async throws -> (E, E) {
        guard let text = params.string(idParam), let id = UUID(uuidString: text) else {
            throw CopilotoError.invalid([FieldError(field: idParam, code: .invalidFormat)])
        }
        return try await ResourceOperations.draftUpdate(spec, ctx.identity, id: id, patch: patch(params.removing([idParam])),
                                                        now: ctx.now, tx: ctx.tx)
    }
}
