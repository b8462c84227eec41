import Foundation

/// One row of the demo catalogue; `category` indexes `DemoCatalogData.categories`.
struct DemoProductRow: Sendable {
    let sku: String
    let name: String
    let cents: Int
    let stock: Int
    let category: Int
    let ncm: String?
    let cest: String?
    let active: Bool
}

/// The catalogue of "Loja Demo", a beauty shop, and of "Outra Empresa", a stationery shop.
///
/// NCM codes follow chapter 33 of the TIPI (cosmetics) and CEST codes segment 20 of the ICMS tax
/// substitution list; services have neither. SKUs and names avoid the evaluation fixtures
/// (SHAMP-500, COND-500, MASC-250) and the category is "Capilares" because the evaluation creates "Cabelos".
enum DemoCatalogData {
    /// Category names, in display order.
    static let categories = ["Capilares", "Pele", "Maquiagem", "Perfumaria", "Unhas", "Serviços"]

    /// Stock given to services so that inventory reports never call them missing.
    static let serviceStock = 999

    /// Products and services of "Loja Demo".
    static let products: [DemoProductRow] = hair + skin + makeup + perfume + nails + services

    /// Discontinued products: still listed, no longer sold.
    static let discontinued = ["UNH-ESM-GLT"]

    /// Rows of one category from (SKU, name, price in cents, stock, NCM, CEST) tuples.
    static func rows(category: Int, _ list: [(String, String, Int, Int, String?, String?)]) -> [DemoProductRow] {
        list.map { sku, name, cents, stock, ncm, cest in
            DemoProductRow(sku: sku, name: name, cents: cents, stock: stock, category: category, ncm: ncm, cest: cest,
                           active: !discontinued.contains(sku))
        }
    }

    /// Capilares: shampoos, conditioners, treatments and tools.
    static let hair = rows(category: 0, [
        ("CAP-SH-ANT", "Shampoo Antiqueda 300ml", 4590, 24, "33051000", nil),
        ("CAP-SH-CAC", "Shampoo Cachos Definidos 300ml", 3890, 31, "33051000", nil),
        ("CAP-SH-MAT", "Shampoo Matizador Platinum 250ml", 5290, 4, "33051000", nil),
        ("CAP-CD-NUT", "Condicionador Nutrição Intensa 300ml", 4190, 22, "33059000", nil),
        ("CAP-CD-CAC", "Condicionador Cachos Definidos 300ml", 3990, 2, "33059000", nil),
        ("CAP-MS-REC", "Máscara de Reconstrução 500g", 8990, 9, "33059000", nil),
        ("CAP-LV-TER", "Leave-in Protetor Térmico 200ml", 4490, 17, "33059000", nil),
        ("CAP-OL-ARG", "Óleo de Argan 30ml", 5990, 0, "33059000", nil),
        ("CAP-TN-70", "Coloração Permanente Louro Médio 7.0", 2490, 40, "33059000", nil),
        ("CAP-SP-FIX", "Spray Fixador Extra Forte 400ml", 3290, 13, "33053000", nil),
        ("CAP-PR-ORG", "Escova Progressiva Orgânica 1L", 28900, 6, "33052000", nil),
        ("CAP-AC-SEC", "Secador Profissional 2100W", 34900, 3, "85163100", nil),
        ("CAP-AC-CHP", "Prancha Alisadora Titânio", 27900, 5, "85163200", nil),
        ("CAP-AC-ESC", "Escova Raquete Desembaraçante", 4990, 15, "96032900", nil),
    ])

    /// Pele: face and body care.
    static let skin = rows(category: 1, [
        ("PEL-HID-FAC", "Hidratante Facial FPS 30 50g", 6990, 19, "33049910", "2000800"),
        ("PEL-SER-VTC", "Sérum Vitamina C 30ml", 11990, 1, "33049990", nil),
        ("PEL-AGU-MIC", "Água Micelar 200ml", 4290, 27, "33049990", nil),
        ("PEL-PRO-F50", "Protetor Solar FPS 50 120ml", 7990, 35, "33049990", nil),
        ("PEL-ESF-CAF", "Esfoliante Corporal Café 200g", 3990, 12, "33049990", nil),
        ("PEL-HID-COR", "Loção Hidratante Corporal 400ml", 4590, 28, "33049910", "2000800"),
        ("PEL-SAB-LAV", "Sabonete Artesanal Lavanda 90g", 1890, 60, "34011190", nil),
        ("PEL-DES-ROL", "Desodorante Roll-on sem Perfume 50ml", 1990, 44, "33072010", nil),
        ("PEL-MAS-ARG", "Máscara Facial de Argila Verde 100g", 3490, 0, "33049990", nil),
    ])

    /// Maquiagem.
    static let makeup = rows(category: 2, [
        ("MAQ-BAT-VER", "Batom Matte Vermelho Paixão", 3490, 38, "33041000", "2000300"),
        ("MAQ-GLO-NUD", "Gloss Labial Nude 5ml", 2990, 21, "33041000", "2000300"),
        ("MAQ-BAS-LIQ", "Base Líquida Cobertura Alta 30ml", 8990, 14, "33049990", nil),
        ("MAQ-PO-COMP", "Pó Compacto Translúcido 10g", 5490, 3, "33049100", "2000700"),
        ("MAQ-RIM-VOL", "Rímel Volume Extremo", 4790, 26, "33042010", "2000400"),
        ("MAQ-DEL-PRE", "Delineador Líquido Preto", 3290, 18, "33042010", "2000400"),
        ("MAQ-PAL-SOM", "Paleta de Sombras 12 Cores", 11990, 7, "33042010", "2000400"),
        ("MAQ-PIN-KIT", "Kit de Pincéis 10 Peças", 8990, 11, "96033000", nil),
        ("MAQ-ESP-GOT", "Esponja de Maquiagem Gota", 1990, 52, "96162000", nil),
    ])

    /// Perfumaria.
    static let perfume = rows(category: 3, [
        ("PER-EDP-FLO", "Eau de Parfum Floral 100ml", 28990, 8, "33030010", "2000100"),
        ("PER-EDP-AMA", "Eau de Parfum Amadeirado 100ml", 31990, 2, "33030010", "2000100"),
        ("PER-COL-CIT", "Colônia Cítrica 200ml", 8990, 16, "33030020", "2000200"),
        ("PER-BSP-FRV", "Body Splash Frutas Vermelhas 200ml", 5990, 23, "33030020", "2000200"),
        ("PER-KIT-PRE", "Kit Presente Perfume e Hidratante", 34990, 0, "33030010", "2000100"),
    ])

    /// Unhas; the glitter polish is discontinued.
    static let nails = rows(category: 4, [
        ("UNH-ESM-VER", "Esmalte Cremoso Vermelho 8ml", 890, 75, "33043000", "2000600"),
        ("UNH-ESM-NUD", "Esmalte Nude Rosé 8ml", 890, 64, "33043000", "2000600"),
        ("UNH-BAS-FOR", "Base Fortalecedora 8ml", 1290, 33, "33043000", "2000600"),
        ("UNH-REM-100", "Removedor de Esmalte sem Acetona 100ml", 990, 4, "33043000", "2000600"),
        ("UNH-OLE-CUT", "Óleo Hidratante de Cutículas 15ml", 1490, 29, "33043000", "2000600"),
        ("UNH-ALI-INX", "Alicate de Cutícula Inox", 3990, 12, "82142000", nil),
        ("UNH-GEL-LED", "Kit Unha em Gel com Cabine LED", 19990, 5, "85437099", nil),
        ("UNH-ESM-GLT", "Esmalte Glitter Edição Verão 8ml", 990, 0, "33043000", "2000600"),
    ])

    /// Serviços of the salon, sold like products.
    static let services = rows(category: 5, [
        ("SRV-CORTE", "Corte Feminino", 9000, serviceStock, nil, nil),
        ("SRV-ESCOVA", "Escova Modelada", 6000, serviceStock, nil, nil),
        ("SRV-MANI", "Manicure e Pedicure", 7000, serviceStock, nil, nil),
        ("SRV-SOBRANC", "Design de Sobrancelhas", 4500, serviceStock, nil, nil),
        ("SRV-LIMPEZA", "Limpeza de Pele", 15000, serviceStock, nil, nil),
        ("SRV-MAQUIAG", "Maquiagem Social", 18000, serviceStock, nil, nil),
    ])

    /// Categories of "Outra Empresa".
    static let otherCategories = ["Papelaria", "Escritório"]

    /// Products of "Outra Empresa"; its SKUs share no prefix with "Loja Demo".
    static let otherProducts = rows(category: 0, [
        ("PAP-CAD-200", "Caderno Universitário 200 Folhas", 2990, 80, "48202000", nil),
        ("PAP-CAN-AZL", "Caneta Esferográfica Azul Caixa com 50", 4990, 25, "96081000", nil),
        ("PAP-MTX-AMA", "Marca-texto Amarelo", 490, 140, "96082000", nil),
    ]) + rows(category: 1, [
        ("ESC-SUL-A4", "Papel Sulfite A4 500 Folhas", 3290, 60, "48025610", nil),
        ("ESC-GRA-MES", "Grampeador de Mesa 26/6", 3990, 9, "84729010", nil),
        ("ESC-PAS-ARQ", "Pasta Arquivo Suspensa", 390, 0, "48203000", nil),
    ])
}
