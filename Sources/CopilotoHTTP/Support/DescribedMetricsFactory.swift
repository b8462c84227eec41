import Metrics
import Foundation
import Prometheus

/// The swift-metrics factory behind `/metrics`: Prometheus's own factory writes no `# HELP` for the metrics the
/// libraries create through swift-metrics (`Counter(label:)`, `Timer(label:)`…), which `promtool check metrics`
/// flags. This one registers every family with its help text: from `help` for the families Copiloto defines,
/// else a text derived from the name, so no family is ever exposed without one.
public struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    let inner: PrometheusMetricsFactory

    /// Help texts of the families Copiloto creates through swift-metrics.
    public static let help: [String: String] = [
        "copiloto_copilot_events_total": "CRM events the background copilots processed, by outcome",
        "copiloto_copilot_runs_total": "Background copilot runs, by outcome (run or throttled)",
        "copiloto_insights_total": "Insights the background copilots produced",
        "copiloto_llm_provider_failures_total": "Language-model provider calls that failed over to the next provider",
        "copiloto_db_transactions_total": "Database transactions, by outcome (commit or rollback)",
        "copiloto_db_transaction_duration_seconds": "Database transaction duration",
        "copiloto_db_connections_in_use": "Database connections in use",
        "copiloto_db_pool_max_connections": "Size of the database connection pool",
    ]

    /// A factory that registers into `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        self.inner = PrometheusMetricsFactory(registry: registry)
    }

    /// The help text for `name`: the table's, else the name in words.
    static func text(for name: String) -> String {
        help[name] ?? name.replacingOccurrences(of: "_", with: " ")
    }

    func descriptor(_ name: String) -> MetricNameDescriptor { MetricNameDescriptor(metricName: name, helpText: Self.text(for: name)) }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return registry.makeGauge(descriptor: descriptor(label), labels: dimensions) }
        return registry.makeValueHistogram(descriptor: descriptor(label), labels: dimensions, buckets: inner.defaultValueHistogramBuckets)
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: descriptor(label), labels: dimensions, buckets: inner.defaultDurationHistogramBuckets)
    }

    public func destroyCounter(_ handler: any CounterHandler) { inner.destroyCounter(handler) }
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { inner.destroyFloatingPointCounter(handler) }
    public func destroyRecorder(_ handler: any RecorderHandler) { inner.destroyRecorder(handler) }
    public func destroyMeter(_ handler: any MeterHandler) { inner.destroyMeter(handler) }
    public func destroyTimer(_ handler: any TimerHandler) { inner.destroyTimer(handler) }
}
