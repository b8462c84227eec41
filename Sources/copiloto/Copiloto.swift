import ArgumentParser

/// `copiloto`: the one binary — `serve` the API and web app, `migrate` the database.
@main
struct Copiloto: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copiloto",
        abstract: "Copiloto — copiloto de IA e agentes para o seu CRM (self-hosted).",
        subcommands: [Serve.self, Migrate.self, Eval.self],
        defaultSubcommand: Serve.self)
}
