import CopilotoAutomations
import CopilotoCore
import Foundation
import Logging

extension AppContextInfo {
    /// Runs the copilot dispatcher (with the app's runner and live bus) until no event is left; returns how many it
    /// processed.
    @discardableResult
    func drainCopilots(now: Date = Date()) async throws -> Int {
        let dispatcher = CopilotDispatcher(store: store, runner: deps.copilotRunner, events: deps.events, logger: Logger(label: "copilots"))
        var total = 0
        while true {
            let ran = try await dispatcher.drainOnce(now: now)
            if ran == 0 { return total }
            total += ran
        }
    }
}
