import CopilotoCore
import Foundation
import Hummingbird

/// Store settings, permissions, payments and the tenant.
struct SettingsRoutes {
    let deps: AppDependencies

    func register(on group: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let service = SettingsService(store: deps.store, authorizer: deps.authorizer), limit = deps.maxBodyBytes
        group.get("settings/store") { _, context -> Response in
            try JSONResponse.make(try await service.settings(try context.requireIdentity()))
        }
        group.patch("settings/store") { request, context -> Response in
            let identity = try context.requireIdentity()
            return try JSONResponse.make(try await service.updateSettings(identity, patch: try await request.jsonBody(limit: limit)))
        }
        group.get("settings/permissions") { _, context -> Response in
            try JSONResponse.make(PermissionsView(try await service.permissions(try context.requireIdentity())))
        }
        group.put("settings/permissions") { request, context -> Response in
            let identity = try context.requireIdentity()
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(PermissionsView(try await service.updatePermissions(identity, body: body)))
        }
        group.post("invoices/:id/payments") { request, context -> Response in
            let identity = try context.requireIdentity()
            let id = try context.parameters.id(resource: "invoices")
            let body = try await request.jsonBody(limit: limit)
            return try JSONResponse.make(try await service.pay(identity, invoiceId: id, body: body), status: .created)
        }
        group.get("tenant") { _, context -> Response in
            let (tenant, branches) = try await service.tenant(try context.requireIdentity())
            return try JSONResponse.make(TenantView(tenant: tenant, branches: branches))
        }
    }
}

/// `{"permissions": {"createCustomer": ["owner", …]}}`.
struct PermissionsView: Encodable {
    let permissions: [String: [Role]]

    init(_ matrix: PermissionMatrix) {
        permissions = matrix.entries.mapValues { $0.sorted() }
    }
}

struct TenantView: Encodable {
    let tenant: Tenant
    let branches: [Tenant]
}
