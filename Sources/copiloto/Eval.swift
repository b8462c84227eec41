import ArgumentParser
import CopilotoCore
import CopilotoEval
import Foundation

/// `copiloto eval nlu <file>`: measures the assistant on an eval set through the HTTP API of a running server.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Avalia o assistente num conjunto de frases (API de um servidor rodando).",
                                                    subcommands: [NLU.self])

    struct NLU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "nlu",
                                                        abstract: "Right action and exact parameters on a set like shared/eval/nlu-dev.json.")
        @Argument(help: "The eval set (JSON).") var file: String
        @Option(help: "Base URL of the running server.") var url = "http://127.0.0.1:8080"
        @Option(help: "Login e-mail (a role that may run every action).") var email = "owner@demo.local"
        @Option(help: "Password.") var password = "demo1234"
        @Option(help: "Fail (exit 1) when right-action accuracy is below this (0–1).") var minAction: Double = 0
        @Option(help: "Fail (exit 1) when exact-parameter accuracy is below this (0–1).") var minParams: Double = 0

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let set = try JSONValue.parse(data)
            var api = EvalHTTP(baseURL: url)
            try await api.login(email: email, password: password)
            let report = EvalReport(try await EvalRunner(api: api).run(set))
            print(report.text)
            if report.actionAccuracy < minAction || report.parameterAccuracy < minParams { throw ExitCode(1) }
        }
    }
}
