import XCTest
@testable import Typesetting

/// Times a four-page consent (about 1,500 words in 30 paragraphs). Prints
/// the figures; the assertion is loose so that debug builds pass. Release:
/// `swift test -c release -Xswiftc -enable-testing --filter PerformanceTests`.
final class PerformanceTests: XCTestCase {
    static let sentences = [
        "La cementoplastica percutanea è una procedura mininvasiva che consiste nell'iniezione di cemento osseo all'interno di un segmento osseo indebolito.",
        "Lo scopo è ridurre il dolore e prevenire le fratture patologiche.",
        "L'intervento viene eseguito in anestesia locale con sedazione, sotto guida della tomografia computerizzata e della fluoroscopia.",
        "Prima della procedura dovrà rimanere a digiuno per almeno sei ore.",
        "Se assume farmaci anticoagulanti, come il warfarin, dovrà sospenderli cinque giorni prima, secondo le indicazioni del medico.",
        "Porti con sé gli esami del sangue (emocromo, coagulazione e creatinina) e comunichi eventuali allergie, in particolare al mezzo di contrasto iodato.",
        "Come ogni atto medico, l'osteoplastica comporta alcuni rischi: la fuoriuscita di cemento dai margini dell'osso, di solito senza conseguenze.",
        "Possono verificarsi un ematoma nel punto di accesso, un'infezione, l'irritazione di un nervo e, molto raramente, l'embolia polmonare da cemento.",
        "Il giorno 3 dicembre 2026 alle ore 9:30 si presenti presso il reparto di Radiologia Interventistica dell'Ospedale San Martino.",
        "Dopo la procedura resterà a letto per circa due ore e verrà controllata la sensibilità degli arti.",
        "Potrà tornare a casa nel pomeriggio, accompagnato da un familiare, se non ci sono complicazioni.",
        "Per tre giorni potrà assumere paracetamolo 1 g fino a tre volte al giorno, se necessario.",
        "Contatti subito il reparto o chiami il 112 in caso di febbre, dolore intenso, debolezza o formicolio alle gambe.",
        "Il medico radiologo interventista, dottor Luca Bianchi, le spiegherà la procedura e risponderà alle sue domande.",
        "Lei può ritirare il consenso in qualsiasi momento, senza dover fornire una motivazione.",
        "Riceverà una telefonata di controllo dopo due giorni e una visita ambulatoriale dopo trenta giorni.",
        "Il polimetilmetacrilato è il cemento più utilizzato: si indurisce in pochi minuti e stabilizza l'osso.",
        "Durante l'iniezione il radiologo controlla continuamente la distribuzione del cemento con le immagini.",
    ]

    static func document() -> [[TextSpan]] {
        (0..<30).map { index in
            var spans = [TextSpan]()
            for offset in 0..<4 {
                let sentence = sentences[(index * 5 + offset * 7) % sentences.count]
                spans.append(TextSpan(sentence + " ", style: offset == 1 && index % 3 == 0 ? .bold : .regular))
            }
            return spans
        }
    }

    func testFontAndDictionaryLoading() throws {
        func milliseconds(_ work: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try work()
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        }
        let fonts = try milliseconds { _ = try FontLibrary() }
        let italian = milliseconds { _ = Hyphenator.forLanguage("it-x-timing", directory: "/usr/share/hyphen") }
        print(String(format: "loading: six fonts %.3f ms, Italian patterns %.3f ms", fonts, italian))
    }

    func testFourPageConsent() throws {
        let paragraphs = Self.document()
        let words = paragraphs.flatMap { $0 }.map { $0.text.split(separator: " ").count }.reduce(0, +)
        let style = ParagraphStyle(size: 11.5, leading: 15, language: "it", direction: .auto,
                                   alignment: .justified, hyphenate: true, firstLineIndent: 0)
        _ = Hyphenator.forLanguage("it")  // dictionary loading is a one-time cost, not timed
        let typesetter = Typesetter(fonts: Fixtures.library)
        func run() throws -> (Double, Int) {
            let start = ContinuousClock.now
            var lines = 0
            for spans in paragraphs {
                lines += try typesetter.layout(spans, style: style, width: 451).lines.count
            }
            let elapsed = ContinuousClock.now - start
            let (seconds, attoseconds) = elapsed.components
            return (Double(seconds) * 1000 + Double(attoseconds) / 1e15, lines)
        }
        let (cold, lines) = try run()
        var warm = Double.infinity
        for _ in 0..<(ProcessInfo.processInfo.environment["PERF_LOOPS"].flatMap { Int($0) } ?? 20) { warm = min(warm, try run().0) }
        print(String(format: "consent: %d words, %d paragraphs, %d lines: first run %.3f ms, warm %.3f ms",
                     words, paragraphs.count, lines, cold, warm))
        XCTAssertGreaterThan(words, 1_400)
        XCTAssertLessThan(warm, 1_000)
    }
}
