import CopilotoCore
import Foundation

/// Names, companies and e-mail providers the demo customers and users are made of.
///
/// Names used by the evaluation fixtures (João Silva, Ana Paula Ferreira, Carlos Eduardo Lima…) and
/// their surnames are left out on purpose, so that resolving a fixture by name is never ambiguous.
enum DemoPeople {
    /// The staff of "Loja Demo", one per role, in `Role.allCases` order.
    static let staff: [(name: String, role: Role)] = [
        ("Beatriz Nogueira", .owner),
        ("Rafael Monteiro", .admin),
        ("Camila Duarte", .manager),
        ("Thiago Carvalho", .editor),
        ("Patrícia Moura", .finance),
        ("Débora Rocha", .attendant),
        ("Lucas Pereira", .assistant),
        ("Renata Campos", .viewer),
    ]

    /// The owner of "Outra Empresa".
    static let otherOwner = "Otávio Rezende"

    /// Distinct first names, so every generated full name is unique.
    static let firstNames = [
        "Aline", "Bruna", "Larissa", "Gabriela", "Letícia", "Vanessa", "Priscila", "Tatiane", "Daniela", "Carolina",
        "Isabela", "Simone", "Cristiane", "Natália", "Helena", "Raquel", "Sabrina", "Yasmin", "Vitória", "Elaine",
        "Sandra", "Rosângela", "Marcela", "Jéssica", "Michele", "Kelly", "Lorena", "Bianca", "Alice", "Manuela",
        "Conceição", "Valéria", "Tânia", "Cláudia", "Mônica", "Lívia", "Paola", "Heloísa", "Pedro", "Gustavo",
        "Felipe", "Marcelo", "Rodrigo", "André", "Diego", "Leonardo", "Vinícius", "Henrique", "Matheus", "Igor",
    ]

    /// Surnames; a third of the customers get two.
    static let surnames = [
        "Oliveira", "Santos", "Rodrigues", "Gomes", "Martins", "Araújo", "Ribeiro", "Barbosa", "Cardoso", "Teixeira",
        "Mendes", "Freitas", "Barros", "Pinto", "Moreira", "Cavalcanti", "Dias", "Castro", "Vieira", "Correia",
        "Nunes", "Azevedo", "Ramos", "Farias", "Machado", "Batista", "Sales", "Fonseca", "Tavares", "Queiroz",
        "Siqueira", "Andrade", "Peixoto", "Brandão", "Medeiros", "Prado", "Guimarães", "Macedo", "Xavier", "Borges",
        "Lopes", "Coelho", "Marques", "Sampaio", "Bezerra",
    ]

    /// Free e-mail providers people use in Brazil.
    static let emailProviders = ["gmail.com", "gmail.com", "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br",
                                 "uol.com.br", "icloud.com", "bol.com.br"]

    /// Tags a person may carry besides those set by their history.
    static let personTags = ["instagram", "indicacao", "noiva", "cabelos-cacheados", "pele-sensivel"]

    /// Business customers: salons, clinics and resellers that buy in volume.
    static let companies: [(name: String, domain: String, tags: [String])] = [
        ("Salão Bella Donna Ltda", "belladonnasalao.com.br", ["atacado", "salao", "vip"]),
        ("Studio Unhas de Ouro ME", "unhasdeouro.com.br", ["atacado", "salao"]),
        ("Espaço Beleza Pura Ltda", "belezapura.com.br", ["atacado", "salao", "recorrente"]),
        ("Barbearia Navalha de Prata", "navalhadeprata.com.br", ["salao"]),
        ("Clínica Estética Renova Ltda", "clinicarenova.com.br", ["atacado", "vip"]),
        ("Distribuidora Bela Vida Cosméticos Ltda", "belavidacosmeticos.com.br", ["atacado", "revenda", "recorrente"]),
        ("Ateliê da Noiva Maquiagem ME", "ateliedanoiva.com.br", ["salao"]),
        ("Spa Águas Claras Ltda", "spaaguasclaras.com.br", ["atacado"]),
        ("Instituto Capilar Raízes Ltda", "institutoraizes.com.br", ["atacado", "salao"]),
        ("Perfumaria Essência Nobre EIRELI", "essencianobre.com.br", ["revenda"]),
        ("Farmácia Vida Saudável Ltda", "farmaciavidasaudavel.com.br", ["revenda", "atacado"]),
        ("Hotel Mar Azul Ltda", "hotelmarazul.com.br", ["atacado"]),
    ]

    /// Mailboxes companies give for purchases.
    static let companyMailboxes = ["compras", "contato", "financeiro", "atendimento"]

    /// Customers of "Outra Empresa", a stationery shop; names that appear nowhere in "Loja Demo".
    static let otherCustomers: [(name: String, email: String, company: Bool)] = [
        ("Escola Pequeno Príncipe Ltda", "compras@escolapequenoprincipe.com.br", true),
        ("Gráfica Rápida Central ME", "contato@graficarapidacentral.com.br", true),
        ("Wagner Tostes", "wagner.tostes@gmail.com", false),
        ("Sueli Bragança", "sueli.braganca@hotmail.com", false),
        ("Heitor Vasconcelos", "heitor.vasconcelos@outlook.com", false),
        ("Ivone Quintela", "ivone.quintela@uol.com.br", false),
    ]
}
