import DocumentModel
import Typesetting

extension FlowBuilder {
    /// A framed box for warnings. Kept on one page when it fits in most of a page;
    /// a longer one flows line by line with a bar on its start side.
    mutating func addCallout(_ blocks: [Block]) throws {
        let pad = 9.0, border = 1.8
        let inner = band.inset(start: pad + border, end: pad + border)
        var sub = child(band: inner, parents: parents + [element(.division)])
        for block in blocks { try sub.add(block) }
        var content = sub.flow
        guard !content.isEmpty else { return }
        content[0].spaceBefore = 0
        let total = content.reduce(0.0) { $0 + $1.spaceBefore + $1.height }
        if total + 2 * pad < options.contentHeight * 0.6 {
            var items: [PageItem] = [.rect(x: band.left, y: 0, width: band.width, height: total + 2 * pad,
                                           stroke: border, fill: nil)]
            var y = pad
            var log = ["callout"]
            for item in content {
                y += item.spaceBefore
                items += item.items.map { $0.offsetBy(dx: 0, dy: y) }
                log.append("  " + item.log)
                y += item.height
            }
            append([FlowItem(height: total + 2 * pad, spaceBefore: 10, items: items, breakBefore: true,
                             repeatHeader: nil, outline: nil, log: log.joined(separator: "\n"))])
        } else {
            let barX = band.rtl ? band.left + band.width - border : band.left
            for i in content.indices {
                content[i].items.append(.rect(x: barX, y: 0, width: border * 2, height: content[i].height, stroke: nil, fill: 0))
            }
            content[0].spaceBefore = 10
            append(content)
        }
    }

    /// Fields to sign by hand, side by side under a caption; never split across pages.
    mutating func addSignature(_ sig: SignatureBlock) throws {
        var items: [PageItem] = []
        var y = 0.0
        var log = ["signature"]
        // Tagged as a division: the caption, then each field as a paragraph that reads "label: ________".
        let division = element(.division)
        let group = parents + [division]
        if !sig.caption.isEmpty {
            let caption = try blockOfLines(sig.caption, style: style(.body, alignment: .start), band: band, bold: true)
            let captionStyle = style(.body, alignment: .start)
            items += tagged(caption.items, element(.paragraph, actualText: Self.replacementText(sig.caption, style: captionStyle)),
                            parents: group)
            log += caption.log.map { "  " + $0 }
            y += caption.height
        }
        let gap = 14.0
        let n = Double(max(sig.fields.count, 1))
        let fieldWidth = (band.width - gap * (n - 1)) / n
        let signingSpace = 27.0
        var labelsHeight = 0.0
        for (i, field) in sig.fields.enumerated() {
            let x = band.x(offset: Double(i) * (fieldWidth + gap), width: fieldWidth)
            let lineY = y + signingSpace
            let label = try blockOfLines(field, style: style(.cell, alignment: .start),
                                         band: Band(left: x, width: fieldWidth, rtl: band.rtl))
            let fieldElement = element(.paragraph, actualText: Inline.plainText(field) + ": ________")
            items += tagged([.line(x1: x, y1: lineY, x2: x + fieldWidth, y2: lineY, width: 0.8, gray: 0)]
                            + label.items.map { $0.offsetBy(dx: 0, dy: lineY + 2) }, fieldElement, parents: group)
            items.append(.field(FormField(kind: .signature, group: division.id, prompt: Inline.plainText(sig.caption),
                                          label: Inline.plainText(field), x: x, y: lineY - signingSpace,
                                          width: fieldWidth, height: signingSpace)))
            log += label.log.map { "  field " + $0 }
            labelsHeight = max(labelsHeight, label.height)
        }
        let height = y + signingSpace + 2 + labelsHeight + 4
        append([FlowItem(height: height, spaceBefore: 9, items: items, breakBefore: true,
                         repeatHeader: nil, outline: nil, log: log.joined(separator: "\n"))])
    }
}
