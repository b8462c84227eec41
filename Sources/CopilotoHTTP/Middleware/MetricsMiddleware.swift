import Foundation
import Hummingbird
import Prometheus

/// Counts requests and records latency per route pattern, method and status in Prometheus.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let registry: PrometheusCollectorRegistry
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                      .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(response.status.code))]
        registry.makeCounter(descriptor: .init(metricName: "http_requests_total", helpText: "HTTP requests by route"),
                             labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: .init(metricName: "http_request_duration_seconds", helpText: "HTTP request latency by route"),
            labels: [("method", request.method.rawValue), ("route", route)], buckets: Self.buckets)
            .recordNanoseconds((ContinuousClock.now - start).nanoseconds)
        return response
    }
}
