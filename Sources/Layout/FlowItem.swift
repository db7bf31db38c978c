import Typesetting

/// One unbreakable slice of the vertical flow: a line of text, a table row, a
/// signature block. The paginator cuts pages only between flow items, and only
/// where `breakBefore` allows it.
struct FlowItem {
    var height: Double
    /// Space above the item; dropped at the top of a page.
    var spaceBefore: Double
    /// Items to draw, with x in page coordinates and y relative to the item's top.
    var items: [PageItem]
    /// Whether a page may end just before this item (false keeps it with the previous one:
    /// orphans, widows, a heading and what follows it).
    var breakBefore: Bool
    /// The table header to repeat when this item starts a page (an index into the flow's headers).
    var repeatHeader: Int?
    /// A heading to put in the outline.
    var outline: (title: String, level: Int)?
    /// One line of the layout log.
    var log: String
    /// A break the paginator may take when the item stands in a keep-together unit that holds
    /// smaller units: moving the whole unit to the next page would leave this one more than a
    /// quarter empty, so it breaks here instead — never inside a smaller unit.
    var weakBreak = false
}

/// A horizontal band of the page and the writing direction inside it.
struct Band {
    var left: Double
    var width: Double
    var rtl: Bool

    /// The x of a box of width `w` placed `offset` points from the band's start side.
    func x(offset: Double, width w: Double) -> Double {
        rtl ? left + width - offset - w : left + offset
    }

    /// A narrower band starting `indent` points after the start side.
    func inset(start indent: Double, end: Double = 0) -> Band {
        rtl ? Band(left: left + end, width: width - indent - end, rtl: true)
            : Band(left: left + indent, width: width - indent - end, rtl: false)
    }
}

/// A shared counter (reference semantics, so nested builders number on from their parent).
final class Counter {
    private var value = 0
    func next() -> Int { value += 1; return value }
}
