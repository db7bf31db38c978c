import Layout
import PDFWriter

/// Collects the layout's structure elements, in the order their content first
/// appears (the reading order), into the writer's element list: parents before
/// children, `/Lang` only where an element's language differs from its parent's.
struct StructureBuilder {
    private(set) var elements: [PDFStructureElement] = []
    /// Layout element id → index in `elements` and the element's language in effect.
    private var known: [Int: (index: Int, language: String)] = [:]
    let documentLanguage: String

    init(documentLanguage: String) {
        self.documentLanguage = documentLanguage
    }

    /// The writer's element for the last element of `path`, creating it and its ancestors on first sight.
    mutating func element(for path: [StructureElement]) -> (index: Int, language: String) {
        var parent: (index: Int, language: String)?
        for node in path {
            if let existing = known[node.id] {
                parent = existing
                continue
            }
            let inherited = parent?.language ?? documentLanguage
            let language = node.language ?? inherited
            elements.append(PDFStructureElement(
                type: node.role.rawValue, parent: parent?.index,
                language: language == inherited ? nil : language,
                alternateDescription: node.alternative, actualText: node.actualText,
                scope: node.scope.map { $0 == .row ? .row : .column }))
            let entry = (elements.count - 1, language)
            known[node.id] = entry
            parent = entry
        }
        return parent ?? (0, documentLanguage)
    }
}
