import CopilotoCore
import Foundation
import Hummingbird

/// Health, metrics and the files of the web app (including `/openapi.yaml`).
struct SystemRoutes {
    let deps: AppDependencies

    func register(on router: RouteBuilder<some RouterMethods<AppRequestContext>>) {
        let registry = deps.metrics, store = deps.store
        // Browsers ask for /favicon.ico on any page that names no icon (JSON, YAML): point them at the logo.
        router.get("/favicon.ico") { _, _ -> Response in
            Response(status: .movedPermanently, headers: [.location: "/img/logo.svg", .cacheControl: "public, max-age=86400"])
        }
        router.get("/healthz") { _, _ -> Response in
            try JSONResponse.make(["status": "ok"])
        }
        router.get("/readyz") { _, _ -> Response in
            _ = try await store.system.tenantCount()
            return try JSONResponse.make(["status": "ok", "database": store.backendName])
        }
        router.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }

    /// Where the web app's files and `openapi.yaml` live: the target's bundled `Public` folder, or
    /// `COPILOTO_WEB_DIR` when set (to work on the web app without rebuilding the binary).
    static var publicDirectory: String {
        if let dir = ProcessInfo.processInfo.environment["COPILOTO_WEB_DIR"], !dir.isEmpty { return dir }
        return Bundle.module.resourceURL?.appendingPathComponent("Public").path ?? "Public"
    }
}
