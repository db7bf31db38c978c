import CCmark
import DocumentModel

// The only file that imports cmark. It parses CommonMark with the system libcmark,
// walks the C tree once, converts every node into DocumentModel values and frees
// the C tree before returning: no cmark type leaves this file.

enum CmarkTree {
    /// Parses a CommonMark document into raw blocks (directive fences still unexpanded).
    static func blocks(_ markdown: String) -> [RawBlock] {
        guard let root = parse(markdown) else { return [] }
        defer { cmark_node_free(root) }
        return children(of: root).compactMap(block)
    }

    /// Parses a single line of CommonMark inline content (a table cell, a signature label).
    static func inlines(_ markdown: String) -> [Inline] {
        guard let root = parse(markdown) else { return [] }
        defer { cmark_node_free(root) }
        var result: [Inline] = []
        for child in children(of: root) where cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH {
            if !result.isEmpty { result.append(.lineBreak) }
            result += inlineChildren(of: child)
        }
        return result
    }

    private static func parse(_ markdown: String) -> OpaquePointer? {
        let bytes = Array(markdown.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            // An empty array may have no storage: parse "" from a static empty C string then.
            guard let base = buffer.baseAddress else { return cmark_parse_document("", 0, CMARK_OPT_DEFAULT) }
            return base.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
            }
        }
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child { result.append(c); child = cmark_node_next(c) }
        return result
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func block(_ node: OpaquePointer) -> RawBlock? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: inlineChildren(of: node))
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlineChildren(of: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(of: node).map { item in children(of: item).compactMap(block) }
            return .list(ordered: ordered, start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(children(of: node).compactMap(block))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .fence(info: info, body: literal(node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule
        case CMARK_NODE_HTML_BLOCK:
            // Raw HTML is never passed through: it is kept as visible text.
            return .paragraph([.text(literal(node).trimmingWhitespace())])
        default:
            return nil
        }
    }

    private static func inlineChildren(of node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        for child in children(of: node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                // Code spans and raw inline HTML become plain text: never markup.
                appendText(literal(child), to: &result)
            case CMARK_NODE_SOFTBREAK: result.append(.softBreak)
            case CMARK_NODE_LINEBREAK: result.append(.lineBreak)
            case CMARK_NODE_EMPH: result.append(.emphasis(inlineChildren(of: child)))
            case CMARK_NODE_STRONG: result.append(.strong(inlineChildren(of: child)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // Printed documents carry no links: keep the link text only.
                for inline in inlineChildren(of: child) {
                    if case .text(let s) = inline { appendText(s, to: &result) } else { result.append(inline) }
                }
            default: break
            }
        }
        return result
    }

    /// Merges adjacent text nodes (cmark splits text at escapes and punctuation).
    private static func appendText(_ text: String, to result: inout [Inline]) {
        if case .text(let previous)? = result.last {
            result[result.count - 1] = .text(previous + text)
        } else {
            result.append(.text(text))
        }
    }
}

/// cmark's block structure before directive fences are expanded.
indirect enum RawBlock {
    case heading(level: Int, content: [Inline])
    case paragraph([Inline])
    case list(ordered: Bool, start: Int, items: [[RawBlock]])
    case quote([RawBlock])
    case fence(info: String, body: String)
    case rule
}
