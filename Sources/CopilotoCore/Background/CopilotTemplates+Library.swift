import Foundation

extension CopilotTemplate {
    /// The six templates of seed 004: QA auditor, churn/ghosting sentinel, live objection coach, ICP mapper,
    /// conversion (Meta CAPI) auditor and traffic feedback.
    public static let library: [CopilotTemplate] = [qaAuditor, churnSentinel, objectionCoach, icpMapper, conversionAuditor, trafficFeedback]

    static let qaAuditor = CopilotTemplate(
        key: "qa_auditor", icon: "🕵️",
        name: ("Auditor de Qualidade (QA)", "Quality auditor (QA)"),
        summary: ("Avalia cada atendimento concluído: cumpriu o SLA? Foi empático? Nota de 0 a 10.",
                  "Scores every finished conversation: SLA kept? Empathy? A 0–10 score."),
        prompt: ("Você é um auditor de qualidade de atendimento. Leia a conversa concluída e avalie o vendedor: cumpriu o SLA de resposta, foi empático, usou gatilhos mentais? Dê uma nota de 0 a 10 e dicas objetivas de melhoria.",
                 "You are a customer-service quality auditor. Read the finished conversation and assess the seller: did they keep the response SLA, were they empathetic, did they use persuasion triggers? Give a 0–10 score and concrete tips."),
        triggers: [trigger(CopilotEventType.ticketWon, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60)),
                   trigger(CopilotEventType.ticketLost, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 60))],
        fields: [Field(name: "cumpriuSLA", type: .boolean, pt: "O vendedor respondeu dentro do SLA?", en: "Did the seller answer within the SLA?", required: true, values: nil),
                 Field(name: "foiEmpatico", type: .boolean, pt: "O vendedor foi empático?", en: "Was the seller empathetic?", required: true, values: nil),
                 Field(name: "nota", type: .number, pt: "Nota técnica do atendimento, de 0 a 10.", en: "Service score from 0 to 10.", required: true, values: nil),
                 sentiment,
                 Field(name: "dicas", type: .array, pt: "Dicas de melhoria para o vendedor.", en: "Improvement tips for the seller.", required: false, values: nil)])

    static let churnSentinel = CopilotTemplate(
        key: "churn_sentinel", icon: "👻",
        name: ("Sentinela de Churn/Ghosting", "Churn/ghosting sentinel"),
        summary: ("Percebe conversas esfriando e sugere a melhor mensagem de resgate.",
                  "Spots conversations going cold and suggests the best rescue message."),
        prompt: ("Você vigia leads que estão esfriando. A conversa ficou parada: avalie o risco de o lead sumir e escreva uma mensagem curta e natural de resgate, em português do Brasil.",
                 "You watch leads going cold. The conversation went quiet: assess the risk of the lead disappearing and write a short, natural rescue message."),
        triggers: [trigger(CopilotEventType.inactivity, minutes: 120, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 1440))],
        fields: [Field(name: "riscoDeSumir", type: .enumeration, pt: "Risco de o lead sumir.", en: "Risk that the lead disappears.", required: true, values: ["baixo", "medio", "alto"]),
                 Field(name: "mensagemDeResgate", type: .string, pt: "Mensagem sugerida para retomar a conversa.", en: "Suggested message to revive the conversation.", required: true, values: nil),
                 Field(name: "incluirNoRetargeting", type: .boolean, pt: "Vale incluir o lead numa lista de retargeting do Meta Ads?", en: "Should the lead go to a Meta Ads retargeting list?", required: false, values: nil),
                 Field(name: "minutosParado", type: .number, pt: "Há quantos minutos a conversa está parada.", en: "Minutes the conversation has been quiet.", required: false, values: nil)])

    static let objectionCoach = CopilotTemplate(
        key: "objection_coach", icon: "🎯",
        name: ("Coach de Objeções ao Vivo", "Live objection coach"),
        summary: ("Durante a conversa, detecta hesitação e sopra uma dica oculta para o vendedor.",
                  "During the conversation, detects hesitation and whispers a hidden tip to the seller."),
        prompt: ("Você é um coach de vendas ao vivo. A cada nova mensagem do cliente, identifique a objeção (preço, prazo, confiança, concorrência) e escreva uma dica curta, só para o vendedor, de como contorná-la.",
                 "You are a live sales coach. On each new customer message, identify the objection (price, timing, trust, competition) and write a short tip, for the seller only, on how to handle it."),
        triggers: [trigger(CopilotEventType.newMessageReceived, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 10))],
        fields: [Field(name: "objecao", type: .enumeration, pt: "A objeção principal do cliente.", en: "The customer's main objection.", required: true, values: ["preco", "prazo", "confianca", "concorrencia", "nenhuma"]),
                 sentiment,
                 Field(name: "dica", type: .string, pt: "Dica oculta para o vendedor (o cliente não vê).", en: "Hidden tip for the seller (the customer never sees it).", required: true, values: nil)])

    static let icpMapper = CopilotTemplate(
        key: "icp_mapper", icon: "🧬",
        name: ("Mapeador de ICP", "ICP mapper"),
        summary: ("Lê cada venda ganha e extrai o perfil de quem compra, para achar mais gente assim.",
                  "Reads every won deal and extracts the buyer's profile, to find more people like them."),
        prompt: ("Você mapeia o perfil ideal de cliente. Leia a venda ganha e extraia traços demográficos e psicológicos que aparecem na conversa (ex.: \"mãe de primeira viagem\", \"empresário sem tempo\"). Não invente o que a conversa não mostra.",
                 "You map the ideal customer profile. Read the won deal and extract demographic and psychological traits the conversation shows (e.g. \"first-time mother\", \"busy business owner\"). Do not invent what the conversation does not show."),
        triggers: [trigger(CopilotEventType.ticketWon, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 1440))],
        fields: [Field(name: "persona", type: .string, pt: "Resumo do perfil em uma frase.", en: "The profile in one sentence.", required: true, values: nil),
                 Field(name: "tracos", type: .array, pt: "Traços do comprador.", en: "Traits of the buyer.", required: true, values: nil),
                 Field(name: "motivosDeCompra", type: .array, pt: "O que levou à compra.", en: "What drove the purchase.", required: false, values: nil)])

    static let conversionAuditor = CopilotTemplate(
        key: "conversion_auditor", icon: "💰",
        name: ("Auditor de Conversão (CAPI)", "Conversion auditor (CAPI)"),
        summary: ("Escuta compras confirmadas no chat sem pedido registrado e sugere registrar (e enviar ao Meta CAPI).",
                  "Listens for purchases confirmed in chat with no order and suggests registering them (and sending them to Meta CAPI)."),
        prompt: ("Você audita conversões. Se o cliente confirmou uma compra ou pagamento na conversa e não há pedido registrado, sugira registrar o pedido e enviar o evento Purchase ao Meta CAPI pela ferramenta HTTP configurada.",
                 "You audit conversions. If the customer confirmed a purchase or payment in the chat and no order is registered, suggest registering the order and sending the Purchase event to Meta CAPI through the configured HTTP tool."),
        triggers: [trigger(CopilotEventType.newMessageReceived, perTicket: ThrottleLimit(maxRuns: 1, windowMinutes: 30))],
        fields: [Field(name: "compraConfirmada", type: .boolean, pt: "O cliente confirmou compra ou pagamento no chat?", en: "Did the customer confirm a purchase or payment in the chat?", required: true, values: nil),
                 Field(name: "valor", type: .number, pt: "Valor da compra, se dito.", en: "Purchase amount, if stated.", required: false, values: nil),
                 Field(name: "acaoSugerida", type: .string, pt: "O que fazer (registrar pedido, enviar ao CAPI).", en: "What to do (register the order, send to CAPI).", required: true, values: nil),
                 Field(name: "enviarAoMetaCAPI", type: .boolean, pt: "Enviar o evento Purchase ao Meta CAPI?", en: "Send the Purchase event to Meta CAPI?", required: false, values: nil)])

    static let trafficFeedback = CopilotTemplate(
        key: "traffic_feedback", icon: "📣",
        name: ("Feedback de Tráfego", "Traffic feedback"),
        summary: ("Cruza os motivos das vendas perdidas com a campanha/UTM e alerta o gestor de tráfego.",
                  "Crosses lost-deal reasons with the campaign/UTM and alerts the traffic manager."),
        prompt: ("Você analisa vendas perdidas para o gestor de tráfego. Diga o motivo da perda e a campanha (utm_campaign) de origem, e se o público parece desqualificado para a oferta.",
                 "You analyse lost deals for the traffic manager. State the loss reason and the source campaign (utm_campaign), and whether the audience looks unqualified for the offer."),
        triggers: [trigger(CopilotEventType.ticketLost, perTenant: ThrottleLimit(maxRuns: 500, windowMinutes: 1440))],
        fields: [Field(name: "motivoDaPerda", type: .enumeration, pt: "Por que a venda foi perdida.", en: "Why the deal was lost.", required: true, values: ["preco", "publico_desqualificado", "sem_resposta", "concorrencia", "outro"]),
                 Field(name: "utmCampaign", type: .string, pt: "Campanha de origem (utm_campaign).", en: "Source campaign (utm_campaign).", required: false, values: nil),
                 Field(name: "utmSource", type: .string, pt: "Origem do tráfego (utm_source).", en: "Traffic source (utm_source).", required: false, values: nil),
                 Field(name: "publicoDesqualificado", type: .boolean, pt: "O público parece desqualificado para a oferta?", en: "Does the audience look unqualified for the offer?", required: true, values: nil)])
}
