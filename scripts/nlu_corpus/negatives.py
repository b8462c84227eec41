"""Sentences that ask for no action ("none"): small talk, general knowledge, out-of-scope requests, what customers
ask a shop, and questions the knowledge base answers. Each family is a template over a few fillers."""

FAMILIES = {
    "smalltalk": [
        "{oi}", "{oi}, tudo bem?", "{oi}, como vai?", "valeu{x}", "obrigado{x}", "obrigada pela ajuda", "brigadão",
        "kkkkk", "blz", "beleza, entendi", "ok, só isso mesmo", "bom trabalho", "você é um robô?", "quem é você?",
        "tá aí?", "haha boa", "que dia lindo hoje", "tô cansado hoje", "até amanhã", "tchau", "good morning", "thanks a lot",
        "hello there", "how are you?", "see you later", "you're awesome", "nice, thank you", "what's your name?",
    ],
    "knowledge": [
        "qual a capital da {pais}?", "quem ganhou a copa de {ano}?", "quanto é {n} vezes {n2}?", "me conta uma piada",
        "qual a previsão do tempo pra amanhã?", "quem descobriu o Brasil?", "como faz bolo de cenoura?",
        "quantos habitantes tem {cidade}?", "qual o maior planeta do sistema solar?", "o que é inflação?",
        "quem foi Machado de Assis?", "qual a cotação do dólar hoje?", "que horas são em Tóquio?", "what is the capital of {pais_en}?",
        "who wrote Don Quixote?", "how far is the moon?", "what's 15 times 3?", "tell me a joke", "explain photosynthesis",
        "qual o melhor time do Brasil?", "como se escreve exceção?", "me explica o que é CNPJ", "quanto custa um iPhone?",
    ],
    "outofscope": [
        "pede uma pizza pra mim", "reserva uma passagem pra {cidade}", "toca uma música", "manda um email pro meu chefe",
        "traduz isso pro inglês: bom dia", "escreve um poema sobre o mar", "liga pra minha mãe", "compra ações da Petrobras",
        "abre o YouTube", "me ajuda com o dever de matemática", "faz um post pro Instagram", "marca um voo pra sexta",
        "desliga o computador", "muda o papel de parede", "book a flight to {cidade}", "order me a pizza",
        "write a poem about the sea", "play some music", "turn off the lights", "chama um uber pra mim",
        "instala o WhatsApp no meu celular", "me recomenda um filme", "qual série você recomenda?",
    ],
    "customer": [
        "vocês abrem {dia}?", "qual o horário de funcionamento?", "aceita {pagamento}?", "tem estacionamento?",
        "vocês entregam em {cidade}?", "quanto tempo demora a entrega?", "meu pedido ainda não chegou, o que faço?",
        "quero trocar um produto que comprei", "posso parcelar em quantas vezes?", "tem esse produto em outra cor?",
        "vocês têm loja física?", "qual o endereço da loja?", "o frete é grátis?", "quero falar com um atendente",
        "do you ship to {cidade}?", "are you open on {dia_en}?", "do you accept {pagamento}?", "where is your store?",
        "posso agendar pelo site?", "preciso de nota fiscal, como peço?", "vocês fazem orçamento?",
    ],
    "kb": [
        "qual a política de troca?", "qual o prazo de devolução?", "como funciona a garantia?", "qual o prazo para trocar um produto?",
        "o que diz nossa política de reembolso?", "quais as regras de cancelamento de agendamento?", "como é o processo de devolução?",
        "quais formas de pagamento a gente aceita?", "qual o procedimento quando o cliente reclama?", "o que fazer se o boleto não chegou?",
        "qual o prazo de entrega padrão?", "como cadastro um produto pelo painel?", "como funciona o programa de fidelidade?",
        "what is our return policy?", "how does the warranty work?", "what's the refund process?",
        "a gente cobra taxa de cancelamento?", "qual a regra pra dar desconto?", "qual o horário do salão no sábado?",
        "como emitir segunda via de boleto?", "o que fazer quando o produto chega com defeito?",
    ],
}

FILLERS = {
    "oi": ["oi", "olá", "bom dia", "boa tarde", "boa noite", "e aí", "opa"],
    "x": ["", "!", " demais", " mesmo"],
    "pais": ["França", "Argentina", "Austrália", "Itália", "Japão"],
    "pais_en": ["France", "Canada", "Peru"],
    "ano": ["2002", "1970", "1994", "2014"],
    "n": ["7", "12", "25"],
    "n2": ["8", "3", "14"],
    "cidade": ["Curitiba", "Manaus", "Salvador", "Recife", "Lisboa", "Porto Alegre"],
    "dia": ["domingo", "feriado", "sábado", "segunda de carnaval"],
    "dia_en": ["sunday", "holidays", "saturday"],
    "pagamento": ["pix", "cartão de crédito", "boleto", "vale-refeição", "credit card"],
}
