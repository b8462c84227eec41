import Foundation

/// Keys of the human messages the product shows, each with pt-BR and English text.
public enum MessageKey: String, Sendable, Equatable, Codable {
    case invalidRequest, unauthenticated, forbidden, notFound, conflict, expired, tooLarge, rateLimited
    case unprocessable, internalError, invalidCredentials
    case duplicateEmail, duplicateSKU, duplicateCode, stillReferenced, insufficientStock, invoiceAlreadyPaid
    case paymentExceedsBalance, discountNotApplicable, invalidStatusTransition, categoryCycle
    case documentTooLarge, pdfUnreadable, approvalMismatch, actionCancelled, actionFailed, actionFinished, noContactForChannel, actionRunning
    case notInDistributionPool
    case templateInstalled, insightDecided, copilotWithoutFields
    case tokenScopeMissing
    case evalsFailing

    /// The text of this message in the given language.
    public func text(_ language: Language) -> String {
        let pair = Self.table[self] ?? ("Erro.", "Error.")
        return language == .en ? pair.1 : pair.0
    }

    private static let table: [MessageKey: (String, String)] = [
        .invalidRequest: ("Alguns campos estão inválidos.", "Some fields are invalid."),
        .unauthenticated: ("Você precisa entrar para continuar.", "You need to sign in to continue."),
        .forbidden: ("Seu perfil não tem permissão para isso.", "Your role is not allowed to do that."),
        .tokenScopeMissing: ("Este token de API não tem permissão para isso; peça a confirmação a uma pessoa no Copiloto.",
                             "This API token may not do that; ask a person to confirm it in Copiloto."),
        .notFound: ("Não encontramos esse registro.", "We couldn't find that record."),
        .conflict: ("Isso conflita com o estado atual.", "That conflicts with the current state."),
        .expired: ("Isso expirou.", "That has expired."),
        .tooLarge: ("O conteúdo enviado é grande demais.", "The request body is too large."),
        .documentTooLarge: ("O documento é grande demais para a base de conhecimento. Divida em partes menores.",
                            "The document is too large for the knowledge base. Split it into smaller parts."),
        .pdfUnreadable: ("Não consegui extrair o texto desse PDF (ele pode ser só imagem, ou o pdftotext não está instalado).",
                         "Couldn't extract text from that PDF (it may be images only, or pdftotext is not installed)."),
        .rateLimited: ("Muitas tentativas. Espere um pouco e tente de novo.", "Too many attempts. Wait a bit and try again."),
        .unprocessable: ("Não foi possível processar o pedido.", "The request could not be processed."),
        .internalError: ("Algo deu errado do nosso lado.", "Something went wrong on our side."),
        .invalidCredentials: ("E-mail ou senha incorretos.", "Wrong e-mail or password."),
        .duplicateEmail: ("Já existe um cadastro com esse e-mail.", "That e-mail is already registered."),
        .duplicateSKU: ("Já existe um produto com esse SKU.", "A product with that SKU already exists."),
        .duplicateCode: ("Já existe um cupom com esse código.", "A discount with that code already exists."),
        .stillReferenced: ("Não dá para excluir: há registros ligados a este.",
                           "It can't be deleted: other records still point to it."),
        .insufficientStock: ("Estoque insuficiente para o pedido.", "Not enough stock for the order."),
        .invoiceAlreadyPaid: ("Essa fatura já está paga.", "That invoice is already paid."),
        .paymentExceedsBalance: ("O pagamento passa do saldo em aberto da fatura.",
                                 "The payment exceeds the invoice's open balance."),
        .discountNotApplicable: ("Esse cupom não vale para este pedido.", "That discount does not apply to this order."),
        .invalidStatusTransition: ("Essa mudança de status não é permitida.", "That status change is not allowed."),
        .notInDistributionPool: ("Você não está na fila de distribuição do atendimento. Peça a um administrador para incluir você.",
                                 "You are not in the inbox distribution pool. Ask an admin to add you."),
        .categoryCycle: ("Uma categoria não pode ficar dentro dela mesma.", "A category cannot be inside itself."),
        .approvalMismatch: ("Essa aprovação não confere com a ação preparada.", "That approval does not match the prepared action."),
        .actionCancelled: ("Essa ação foi cancelada.", "That action was cancelled."),
        .actionFailed: ("Essa ação falhou ao executar.", "That action failed when it ran."),
        .actionFinished: ("Essa ação já foi concluída.", "That action is already finished."),
        .actionRunning: ("Essa ação ainda está em execução.", "That action is still running."),
        .noContactForChannel: ("O cliente não tem contato cadastrado para esse canal.",
                               "The customer has no contact for that channel."),
        .templateInstalled: ("Esse modelo de copiloto já está instalado. Edite o copiloto existente ou exclua-o antes.",
                             "That copilot template is already installed. Edit the existing copilot or delete it first."),
        .insightDecided: ("Esse insight já foi aplicado ou descartado.", "That insight was already applied or dismissed."),
        .copilotWithoutFields: ("O copiloto não tem campos de saída: adicione ao menos um campo antes de simular.",
                                "The copilot has no output fields: add at least one before simulating."),
        .evalsFailing: ("O rascunho não tem um teste recente sem falhas: rode os testes antes de publicar.",
                        "The draft has no recent test run without failures: run the tests before publishing."),
    ]
}

extension FieldError {
    /// A human sentence for this field error in the given language.
    public func message(_ language: Language) -> String {
        let en = language == .en
        switch code {
        case .required: return en ? "This field is required." : "Campo obrigatório."
        case .wrongType:
            return en ? "Expected \(detail ?? "another type")." : "Tipo inválido: esperado \(Self.ptType(detail))."
        case .unknownField: return en ? "Unknown field." : "Campo desconhecido."
        case .invalidFormat:
            return en ? "Invalid format\(detail.map { " (\($0))" } ?? "")."
                : "Formato inválido\(detail.map { " (\($0))" } ?? "")."
        case .tooLong: return en ? "Too long (max \(detail ?? "?"))." : "Muito longo (máximo \(detail ?? "?"))."
        case .outOfRange: return en ? "Out of range (\(detail ?? ""))." : "Fora do intervalo permitido (\(detail ?? ""))."
        case .notAllowed: return en ? "Value not allowed\(detail.map { ": \($0)" } ?? "")." : "Valor não permitido\(detail.map { ": \($0)" } ?? "")."
        case .malformedJSON: return en ? "The body is not valid JSON." : "O corpo não é um JSON válido."
        case .notFound: return en ? "No record with this id." : "Nenhum registro com esse id."
        }
    }

    private static func ptType(_ detail: String?) -> String {
        switch detail {
        case "string": "texto"
        case "number", "integer": "número"
        case "boolean": "verdadeiro/falso"
        case "array": "lista"
        case "object": "objeto"
        case let other?: other
        case nil: "outro tipo"
        }
    }
}
