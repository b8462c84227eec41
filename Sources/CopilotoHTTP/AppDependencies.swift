import CopilotoActions
import CopilotoCore
import Foundation
import Logging
import Prometheus

/// Everything the HTTP layer needs, built once at start-up and passed in.
public struct AppDependencies: Sendable {
    public let store: any DataStore
    public let crm: CRMService
    public let auth: AuthService
    public let authorizer: Authorizer
    public let actions: ActionService
    /// Seals tool credentials.
    public let secrets: SecretBox
    public let metrics: PrometheusCollectorRegistry
    public let logger: Logger
    /// Largest JSON body accepted; larger ones get 413.
    public let maxBodyBytes: Int

    public init(store: any DataStore, passwords: any PasswordHasher, tokens: any TokenHasher, secret: Data,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger,
                maxBodyBytes: Int = 1 << 20, loginLimiter: LoginRateLimiter = LoginRateLimiter()) {
        let authorizer = Authorizer()
        self.store = store
        self.authorizer = authorizer
        self.crm = CRMService(store: store, authorizer: authorizer)
        self.secrets = SecretBox(secret: secret)
        self.actions = ActionService(store: store, authorizer: authorizer, signer: ApprovalSigner(secret: secret),
                                     runner: ToolRunner(box: secrets))
        self.auth = AuthService(store: store, passwords: passwords, tokens: tokens, limiter: loginLimiter)
        self.metrics = metrics
        self.logger = logger
        self.maxBodyBytes = maxBodyBytes
    }
}
