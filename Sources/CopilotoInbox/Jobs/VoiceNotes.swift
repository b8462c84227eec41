import CopilotoCore
import CopilotoModels
import Foundation

/// Transcribes a stored voice note and prices it like model usage (source `transcription`).
struct VoiceNotes: Sendable {
    let config: TranscriptionConfig
    let clock: @Sendable () -> Date

    /// OpenAI's whisper-1 price: US$ 0.006 a minute (100,000 nano-dollars a second).
    static let nanoUSDPerSecond: Double = 100_000

    /// The transcript (nil when it failed for good) and its usage record; a retryable failure before the last
    /// attempt is thrown, so the queue tries again.
    func transcribe(_ blob: MediaBlob, conversation: Conversation, final: Bool) async throws -> (String?, UsageRecord?) {
        let ext = blob.mimeType.contains("ogg") ? "ogg" : blob.mimeType.contains("mpeg") ? "mp3" : blob.mimeType.contains("mp4") ? "m4a" : "audio"
        do {
            let transcript = try await Transcriber(config: config).transcribe(blob.data, filename: "voice.\(ext)", mimeType: blob.mimeType,
                                                                            language: nil)
            // Without a duration, Opus voice notes run at about 2 KB a second.
            let reported = transcript.durationSeconds ?? Double(blob.data.count) / 2000
            let seconds = reported.isFinite ? min(max(reported, 0), 86_400) : 0
            let usage = UsageRecord(tenantId: conversation.tenantId, userId: nil, sessionId: conversation.id, agentId: conversation.aiAgentId,
                                    source: "transcription", provider: URL(string: config.baseURL)?.host ?? "transcription",
                                    model: config.model, promptTokens: 0, completionTokens: 0, estimated: transcript.durationSeconds == nil,
                                    costNanoUSD: Int64(seconds.rounded(.up) * Self.nanoUSDPerSecond),
                                    createdAt: clock())
            return (transcript.text, usage)
        } catch let error as TranscriptionError where error.retryable && !final {
            throw error
        } catch is TranscriptionError {
            return (nil, nil)
        }
    }
}
