import Foundation

/// One message of a conversation with a model.
public struct ChatMessage: Sendable, Equatable, Codable {
    /// Who speaks.
    public enum Role: String, Sendable, Codable { case system, user, assistant, tool }
    public var role: Role
    public var content: String?
    /// Calls the assistant asked for (assistant messages).
    public var toolCalls: [ToolCall]
    /// The call this message answers (tool messages).
    public var toolCallId: String?

    public init(role: Role, content: String?, toolCalls: [ToolCall] = [], toolCallId: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallId = toolCallId
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    public static func assistant(_ text: String?, calls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text, toolCalls: calls)
    }
    public static func tool(_ callId: String, _ output: String) -> ChatMessage {
        ChatMessage(role: .tool, content: output, toolCallId: callId)
    }
}

/// A tool call requested by the model; `arguments` is the raw JSON text the model produced.
public struct ToolCall: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// A tool the model may call: name, description and JSON Schema of its arguments.
public struct ToolSpec: Sendable, Equatable {
    public var name: String
    public var description: String
    public var parameters: JSONValue

    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// Model, sampling and limits of one request.
public struct ModelSettings: Sendable, Equatable {
    public var model: String
    public var temperature: Double?
    public var maxTokens: Int?
    /// Whole-request timeout (non-streamed) or time to the first byte (streamed).
    public var timeout: Duration
    /// Longest silence allowed between streamed chunks.
    public var idleTimeout: Duration

    public init(model: String, temperature: Double? = nil, maxTokens: Int? = nil, timeout: Duration = .seconds(60),
                idleTimeout: Duration = .seconds(20)) {
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.timeout = timeout
        self.idleTimeout = idleTimeout
    }
}

/// Everything a model needs for one answer.
public struct ModelRequest: Sendable, Equatable {
    public var instructions: String?
    public var messages: [ChatMessage]
    public var tools: [ToolSpec]
    public var settings: ModelSettings
    /// A JSON Schema the answer must follow (structured output), with its name.
    public var responseSchema: (name: String, schema: JSONValue)?
    /// Forces a call of this tool (`tool_choice` naming it) instead of letting the model choose.
    public var forcedTool: String?
    /// What the request is for, when it is a known task (remote models read the messages; the local engine reads this).
    public var task: ModelTask?

    public init(instructions: String? = nil, messages: [ChatMessage], tools: [ToolSpec] = [], settings: ModelSettings,
                responseSchema: (name: String, schema: JSONValue)? = nil, forcedTool: String? = nil, task: ModelTask? = nil) {
        self.task = task
        self.instructions = instructions
        self.messages = messages
        self.tools = tools
        self.settings = settings
        self.responseSchema = responseSchema
        self.forcedTool = forcedTool
    }

    public static func == (lhs: ModelRequest, rhs: ModelRequest) -> Bool {
        lhs.instructions == rhs.instructions && lhs.messages == rhs.messages && lhs.tools == rhs.tools
            && lhs.settings == rhs.settings && lhs.responseSchema?.name == rhs.responseSchema?.name
            && lhs.responseSchema?.schema == rhs.responseSchema?.schema && lhs.forcedTool == rhs.forcedTool
            && lhs.task == rhs.task
    }
}

/// Known tasks besides conversation, so the local engine can do them without reading free-form prompts.
public enum ModelTask: Sendable, Equatable {
    /// Rewrite `text` following `instruction` ("torne mais formal", "corrija", "resuma").
    case rewrite(instruction: String, text: String)
    /// A short title for a conversation that started with these user messages.
    case title(userMessages: [String])
}

/// Tokens used; `estimated` when the provider did not report them.
public struct ModelUsage: Sendable, Equatable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var estimated: Bool

    public init(promptTokens: Int, completionTokens: Int, estimated: Bool = false) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.estimated = estimated
    }
}

/// A complete answer.
public struct ModelResponse: Sendable, Equatable {
    public var text: String
    public var toolCalls: [ToolCall]
    public var finishReason: String?
    public var usage: ModelUsage?
    /// Which provider answered (for the user and the audit).
    public var provider: String
    public var model: String
    /// Providers skipped before this one answered, with why (empty when the first one answered).
    public var skipped: [ProviderSkip]

    public init(text: String, toolCalls: [ToolCall] = [], finishReason: String? = nil, usage: ModelUsage? = nil,
                provider: String, model: String, skipped: [ProviderSkip] = []) {
        self.text = text
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.usage = usage
        self.provider = provider
        self.model = model
        self.skipped = skipped
    }
}

/// A provider the fallback chain passed over, and the reason.
public struct ProviderSkip: Sendable, Equatable, Codable {
    public var provider: String
    public var reason: String

    public init(provider: String, reason: String) {
        self.provider = provider
        self.reason = reason
    }
}

/// What a stream yields: text as it arrives, then the assembled answer.
public enum ModelEvent: Sendable, Equatable {
    case textDelta(String)
    /// A tool call started (its id and name are known).
    case toolCallStarted(index: Int, id: String, name: String)
    /// The chain moved on to another provider mid-answer: discard the text streamed so far.
    case restarted(provider: String, reason: String)
    case completed(ModelResponse)
}

/// A chat model: a remote provider, or the local heuristic engine.
public protocol LanguageModel: Sendable {
    /// "openai", "openrouter", "local"…
    var providerName: String { get }
    func respond(_ request: ModelRequest) async throws -> ModelResponse
    func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelEvent, any Error>
}
