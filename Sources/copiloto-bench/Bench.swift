import ArgumentParser

/// `copiloto-bench`: measures Copiloto's own figures and prints them as tables. Build with `-c release`.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copiloto-bench",
        abstract: "Benchmarks of Copiloto (run with swift run -c release copiloto-bench …).",
        subcommands: [CRUDBench.self, ActionsBench.self, ModelsBench.self, AssistantBench.self, NLUBench.self, KnowledgeBench.self,
                      InboxBench.self, EvalsBench.self, EventsBench.self, EmbedBench.self, UploadLoad.self, ServeChild.self],
        defaultSubcommand: CRUDBench.self)
}
