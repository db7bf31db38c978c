// The objects of a tagged PDF (ISO 32000-1 §14.7–14.8) and of the PDF/A
// OutputIntent (ISO 19005-2 §6.2.3, ISO 32000-1 §14.11.5).

/// Marked-content bookkeeping while the pages are written, then the structure
/// tree: one structure element object per element, the structure tree root and
/// the parent tree (§14.7.4.4), all in one compressed object stream.
struct TaggingPlan {
    /// The structure tree root (§14.7.2 Table 322).
    let root: Int
    private let parentTree: Int
    /// The object stream holding the structure tree (and, packed, every other dictionary).
    let objectStream: Int
    private let elements: [PDFStructureElement]
    private let objects: [Int]
    /// Child element indices of each element and of the root (last entry).
    private let children: [[Int]]
    /// The marked-content sequences of each element, in the order written.
    private var sequences: [[(page: Int, mcid: Int)]]
    /// Per page: the element of each marked-content id (the parent tree's arrays).
    private var parentTreeArrays: [[Int]]
    /// The sequence open in the content stream being written.
    private var open: PDFContentMark?
    /// The open sequence has span properties (so the next content needs a sequence of its own).
    private var openWithSpan = false

    init(elements: [PDFStructureElement], pageCount: Int, writer: inout ObjectWriter) throws {
        var children = [[Int]](repeating: [], count: elements.count + 1)
        for (index, element) in elements.enumerated() {
            guard !element.type.isEmpty, element.type.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw PDFWriterError(.invalidStructure, "structure element \(index) has no usable type")
            }
            if let parent = element.parent {
                guard parent >= 0, parent < index else {
                    throw PDFWriterError(.invalidStructure, "structure element \(index) (\(element.type)) must come after its parent")
                }
                children[parent].append(index)
            } else {
                children[elements.count].append(index)
            }
        }
        self.elements = elements
        self.children = children
        root = writer.allocate()
        parentTree = writer.allocate()
        objectStream = writer.allocate()
        objects = elements.map { _ in writer.allocate() }
        sequences = [[(page: Int, mcid: Int)]](repeating: [], count: elements.count)
        parentTreeArrays = [[Int]](repeating: [], count: pageCount)
    }

    /// Puts the next content of `page` into the sequence for `mark`, opening a new
    /// sequence (and, for element content, a new marked-content id) unless the
    /// previous content had the same mark.
    ///
    /// With `span` (element content only), the sequence is one of its own carrying the span's
    /// `/Lang` or `/ActualText`, and the element's content after it opens a new one.
    mutating func mark(_ mark: PDFContentMark, span: PDFTextSpan? = nil, page: Int, content: inout ContentStream) throws {
        if open == mark && span == nil && !openWithSpan { return }
        endSequence(content: &content)
        switch mark {
        case .element(let index):
            guard elements.indices.contains(index) else {
                throw PDFWriterError(.invalidStructure, "content marked with structure element \(index) of \(elements.count)", page: page)
            }
            let mcid = parentTreeArrays[page].count
            parentTreeArrays[page].append(index)
            sequences[index].append((page, mcid))
            // A span's sequence is tagged /Span: poppler reads /ActualText only on that tag
            // (Gfx::opBeginMarkedContent); the MCID still ties it to the element.
            content.beginMarked(mark, type: span == nil ? elements[index].type : "Span", mcid: mcid, span: span)
            openWithSpan = span != nil
        case .artifact:
            content.beginMarked(mark, type: "Artifact", mcid: 0)
        }
        open = mark
    }

    /// Closes the open sequence, if any (before a text object ends and at the end of a page).
    mutating func endSequence(content: inout ContentStream) {
        guard open != nil else { return }
        content.endMarked()
        open = nil
        openWithSpan = false
    }

    /// Writes the structure tree root, the parent tree and every element.
    func write(to writer: inout ObjectWriter, pageObjects: [Int]) throws {
        var values: [(number: Int, value: [UInt8])] = []
        values.reserveCapacity(elements.count + 2)

        var rootValue: [UInt8] = []
        rootValue.ascii("<</Type/StructTreeRoot/K[")
        appendRefs(children[elements.count], to: &rootValue)
        rootValue.ascii("]/ParentTree ")
        rootValue.pdfRef(parentTree)
        rootValue.ascii("/ParentTreeNextKey ")
        rootValue.pdfInt(parentTreeArrays.count)
        rootValue.ascii(">>")
        values.append((root, rootValue))

        // §7.9.7 number tree with one leaf: page index (its /StructParents) → array
        // of the element of each marked-content id on that page.
        var tree: [UInt8] = []
        tree.ascii("<</Nums[")
        for (page, owners) in parentTreeArrays.enumerated() {
            if page > 0 { tree.append(0x20) }
            tree.pdfInt(page)
            tree.ascii("[")
            appendRefs(owners, to: &tree)
            tree.append(0x5D)
        }
        tree.ascii("]>>")
        values.append((parentTree, tree))

        for (index, element) in elements.enumerated() {
            var out: [UInt8] = []
            // Most elements take 20 to 60 bytes; growing from empty reallocated each about three times.
            out.reserveCapacity(64)
            // §14.7.2 Table 323 (/Type is optional and left out: 500 elements in a consent).
            // No space where a delimiter (/ [ < >) already separates tokens (§7.2.2): the
            // structure is a third of tagging's bytes.
            out.ascii("<</S")
            out.pdfName(element.type)
            out.ascii("/P ")
            out.pdfRef(element.parent.map { objects[$0] } ?? root)
            let own = sequences[index]
            let kids = children[index]
            if let first = own.first {
                out.ascii("/Pg ")
                out.pdfRef(pageObjects[first.page])
            }
            if own.count + kids.count > 0 {
                // Own content first (marked-content ids on /Pg as integers, §14.7.4.2;
                // elsewhere marked-content reference dictionaries, Table 324), then the children.
                out.ascii("/K")
                let many = own.count + kids.count > 1
                if many { out.append(0x5B) } else { out.append(0x20) }
                var separator = false
                for sequence in own {
                    if separator { out.append(0x20) }
                    separator = true
                    if sequence.page == own[0].page {
                        out.pdfInt(sequence.mcid)
                    } else {
                        out.ascii("<</Type/MCR/Pg ")
                        out.pdfRef(pageObjects[sequence.page])
                        out.ascii("/MCID ")
                        out.pdfInt(sequence.mcid)
                        out.ascii(">>")
                    }
                }
                for kid in kids {
                    if separator { out.append(0x20) }
                    separator = true
                    out.pdfRef(objects[kid])
                }
                if many { out.append(0x5D) }
            }
            if let language = element.language {
                out.ascii("/Lang")
                out.pdfTextString(language)
            }
            if let alt = element.alternateDescription {
                out.ascii("/Alt")
                out.pdfTextString(alt)
            }
            if let actualText = element.actualText {
                out.ascii("/ActualText")
                out.pdfTextString(actualText)
            }
            if let scope = element.scope {
                // §14.8.5.7 Table 349: table attributes, owner Table.
                out.ascii("/A<</O/Table/Scope/")
                out.ascii(scope == .row ? "Row" : "Column")
                out.ascii(">>")
            }
            out.ascii(">>")
            values.append((objects[index], out))
        }
        writer.compressedObjects(values)
    }

    private func appendRefs(_ indices: [Int], to out: inout [UInt8]) {
        for (position, index) in indices.enumerated() {
            if position > 0 { out.append(0x20) }
            out.pdfRef(objects[index])
        }
    }
}

/// The PDF/A OutputIntent (ISO 19005-2 §6.2.3) with its ICC profile.
struct OutputIntentPlan {
    let intent: Int
    private let profileObject: Int
    private let profile: [UInt8]

    /// Checks that `profile` is an ICC profile (ICC.1 header: signature "acsp" at
    /// byte 36) of a monitor or printer device (§6.2.3: class "mntr" or "prtr")
    /// with an RGB colour space (bytes 16–19), as `/N 3` says.
    init(profile: [UInt8], writer: inout ObjectWriter) throws {
        func field(_ offset: Int) -> String { String(decoding: profile[offset..<offset + 4], as: UTF8.self) }
        guard profile.count >= 128, field(36) == "acsp", ["mntr", "prtr"].contains(field(12)), field(16) == "RGB " else {
            throw PDFWriterError(.invalidValue, "the output intent needs an RGB monitor or printer ICC profile")
        }
        self.profile = profile
        intent = writer.allocate()
        profileObject = writer.allocate()
    }

    func write(to writer: inout ObjectWriter, identifier: String) throws {
        // §14.11.5 Table 365.
        writer.dictionary(intent) { out in
            out.ascii(" /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ")
            out.pdfTextString(identifier)
            out.ascii(" /Info ")
            out.pdfTextString(identifier)
            out.ascii(" /DestOutputProfile ")
            out.pdfRef(profileObject)
        }
        writer.stream(profileObject, data: try Flate.compressedOnce(profile)) { out in
            out.ascii(" /N 3 /Filter /FlateDecode")
        }
    }
}
