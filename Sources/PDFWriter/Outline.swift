// Document outline (bookmarks), ISO 32000-1 §12.3.3, with explicit destinations
// of §12.3.2.2 ([page /XYZ left top zoom]).

/// The outline's objects, numbered in document (pre-)order before anything is
/// written, so that pages and outline can refer to each other.
struct OutlinePlan {
    /// The outline dictionary (§12.3.3 Table 152).
    let root: Int
    private(set) var nodes: [Node] = []

    /// One outline item (§12.3.3 Table 153).
    struct Node {
        var object: Int
        var parent: Int
        var prev: Int?
        var next: Int?
        var first: Int?
        var last: Int?
        /// Number of descendants; every item is open, so all of them are visible.
        var descendants: Int
        var title: String
        var pageIndex: Int
        var y: Double
    }

    /// Validates `items` and numbers their objects; nil when there are none.
    static func plan(_ items: [PDFOutlineItem], pageCount: Int, writer: inout ObjectWriter) throws -> OutlinePlan? {
        guard !items.isEmpty else { return nil }
        var plan = OutlinePlan(root: writer.allocate())
        try plan.add(items, parent: plan.root, pageCount: pageCount, writer: &writer)
        return plan
    }

    private init(root: Int) { self.root = root }

    /// Adds `items` as children of `parent`; returns their node indices.
    @discardableResult
    private mutating func add(
        _ items: [PDFOutlineItem], parent: Int, pageCount: Int, writer: inout ObjectWriter
    ) throws -> [Int] {
        var indices: [Int] = []
        for item in items {
            guard (0..<pageCount).contains(item.pageIndex) else {
                throw PDFWriterError(.invalidOutline, "outline item \"\(item.title)\" points to page \(item.pageIndex) of \(pageCount)")
            }
            guard isCoordinate(item.y) else {
                throw PDFWriterError(.invalidOutline, "outline item \"\(item.title)\" has no finite y")
            }
            let index = nodes.count
            nodes.append(Node(object: writer.allocate(), parent: parent, descendants: 0,
                              title: item.title, pageIndex: item.pageIndex, y: item.y))
            let children = try add(item.children, parent: nodes[index].object, pageCount: pageCount, writer: &writer)
            if let first = children.first, let last = children.last {
                nodes[index].first = nodes[first].object
                nodes[index].last = nodes[last].object
                nodes[index].descendants = children.reduce(children.count) { $0 + nodes[$1].descendants }
            }
            indices.append(index)
        }
        for (position, index) in indices.enumerated() {
            if position > 0 { nodes[index].prev = nodes[indices[position - 1]].object }
            if position + 1 < indices.count { nodes[index].next = nodes[indices[position + 1]].object }
        }
        return indices
    }

    /// Writes the outline dictionary and every item.
    func write(to writer: inout ObjectWriter, pageObjects: [Int]) {
        let topLevel = nodes.filter { $0.parent == root }
        writer.dictionary(root) { out in
            out.ascii(" /Type /Outlines /First ")
            out.pdfRef(topLevel.first!.object)
            out.ascii(" /Last ")
            out.pdfRef(topLevel.last!.object)
            out.ascii(" /Count ")
            out.pdfInt(nodes.count)
        }
        for node in nodes {
            writer.dictionary(node.object) { out in
                out.ascii(" /Title ")
                out.pdfTextString(node.title)
                out.ascii(" /Parent ")
                out.pdfRef(node.parent)
                if let prev = node.prev {
                    out.ascii(" /Prev ")
                    out.pdfRef(prev)
                }
                if let next = node.next {
                    out.ascii(" /Next ")
                    out.pdfRef(next)
                }
                if let first = node.first, let last = node.last {
                    out.ascii(" /First ")
                    out.pdfRef(first)
                    out.ascii(" /Last ")
                    out.pdfRef(last)
                    out.ascii(" /Count ")
                    out.pdfInt(node.descendants)
                }
                out.ascii(" /Dest [")
                out.pdfRef(pageObjects[node.pageIndex])
                out.ascii(" /XYZ null ")
                out.pdfNumber(node.y)
                out.ascii(" null]")
            }
        }
    }
}
