import XCTest
@testable import Typesetting

/// Fonts and a typesetter shared by all tests (loading fonts once, as the app does).
enum Fixtures {
    static let library: FontLibrary = {
        do { return try FontLibrary() } catch { fatalError("fonts: \(error)") }
    }()
    static let typesetter = Typesetter(fonts: library)

    static let italian = [
        "La cementoplastica percutanea è una procedura mininvasiva che consiste nell'iniezione di cemento osseo (polimetilmetacrilato) all'interno di un segmento osseo indebolito da una lesione, allo scopo di ridurre il dolore e di prevenire le fratture. L'intervento viene eseguito in anestesia locale con sedazione, sotto guida della tomografia computerizzata e della fluoroscopia, e dura in genere settantacinque minuti.",
        "Prima della procedura dovrà rimanere a digiuno per almeno sei ore. Se assume farmaci anticoagulanti, come il warfarin, dovrà sospenderli cinque giorni prima, secondo le indicazioni del medico. Porti con sé gli esami del sangue (emocromo, coagulazione e creatinina) e comunichi eventuali allergie, in particolare al mezzo di contrasto iodato.",
        "Come ogni atto medico, l'osteoplastica comporta alcuni rischi: la fuoriuscita di cemento dai margini dell'osso, di solito senza conseguenze, l'ematoma nel punto di accesso, l'infezione, l'irritazione di un nervo e, molto raramente, l'embolia polmonare da cemento. L'équipe di radiologia interventistica la seguirà con attenzione durante tutto il ricovero, e il giorno 3 dicembre 2026 alle ore 9:30 riceverà le istruzioni per la dimissione.",
    ]

    static let arabicMixed = "يجب على المريض محمد Rossi أن يحضر في الساعة 9:30 يوم 3 ديسمبر 2026."

    static func style(_ language: String = "it", size: Double = 11.5, alignment: Alignment = .justified,
                      direction: BaseDirection = .auto, hyphenate: Bool = true, indent: Double = 0) -> ParagraphStyle {
        ParagraphStyle(size: size, leading: size * 1.3, language: language, direction: direction,
                       alignment: alignment, hyphenate: hyphenate, firstLineIndent: indent)
    }
}

extension Line {
    /// The line's text in logical order (runs sorted by their text offsets).
    var logicalText: String {
        runs.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }.map(\.text).joined()
    }
}
