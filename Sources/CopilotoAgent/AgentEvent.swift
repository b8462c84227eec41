import CopilotoCore
import Foundation

/// What a turn of the agent emits, in order; the HTTP layer encodes these as SSE (or AG-UI).
public enum AgentEvent: Sendable, Equatable {
    case textDelta(String)
    case toolStarted(callId: String, name: String, arguments: JSONValue)
    case toolCompleted(callId: String, name: String, ok: Bool, output: JSONValue)
    /// A write stopped the turn: a person must confirm it.
    case actionProposed(PendingAction)
    case completed(text: String, provider: String, usage: ModelUsage?, notice: String?)
    case failed(code: String, message: String)
}

/// Limits of one turn.
public struct AgentLimits: Sendable, Equatable {
    /// Model calls per turn.
    public var maxSteps: Int
    /// Tool calls per turn.
    public var maxToolCalls: Int
    /// The same tool with the same arguments, at most this many times per turn.
    public var maxIdenticalCalls: Int
    /// Time a single tool may take.
    public var toolTimeout: Duration

    public init(maxSteps: Int = 8, maxToolCalls: Int = 20, maxIdenticalCalls: Int = 3, toolTimeout: Duration = .seconds(15)) {
        self.maxSteps = maxSteps
        self.maxToolCalls = maxToolCalls
        self.maxIdenticalCalls = maxIdenticalCalls
        self.toolTimeout = toolTimeout
    }
}
