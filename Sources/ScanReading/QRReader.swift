import CZbar

/// Finds the QR codes on a page image with zbar (Debian's libzbar).
///
/// Corner order (checked by experiment, see `QRReaderTests`): zbar gives a QR code's four outer
/// corners starting at the top-left finder pattern, then the bottom-left, bottom-right and
/// top-right corner, all as seen on the symbol itself. On an upright page that is top-left,
/// bottom-left, bottom-right, top-right of the image (counter-clockwise on screen); on a page
/// turned by 90° clockwise the first corner is the image's top-right one, and so on: the
/// corners follow the symbol, which is what tells a page's rotation.
///
/// Small codes on busy pages: osteodoc's page code is about 12 mm wide, 2.4 pixels a module at
/// 150 dpi. On a whole 150-dpi page with scanner noise and JPEG loss zbar found it in none of 10
/// trials (tilted −2° to +2.25°), while on a 400 × 300 pixel crop around it in 17 of 18: the page's
/// text disturbs zbar's finder search. So when the whole image gives no QR code, the image is
/// scanned again in overlapping tiles (``tileSize`` pixels, moved by half that), which found the
/// code in 19 of 20 such pages.
public enum QRReader {
    /// The side of the tiles of the second pass; half of it is the largest code sure to lie
    /// wholly inside one tile (osteodoc's is about 70 pixels at 150 dpi, 140 at 300 dpi).
    public static let tileSize = 512

    /// Every QR code zbar decodes on the image (other symbologies are not looked for), sorted by
    /// payload, then by the first corner (y, then x): the same image gives the same list.
    public static func symbols(in image: GrayImage) -> [QRSymbol] {
        guard let scanner = zbar_image_scanner_create() else { return [] }
        defer { zbar_image_scanner_destroy(scanner) }
        _ = zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        _ = zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        var found = scan(image.pixels, width: image.width, height: image.height, with: scanner)
        if found.isEmpty, image.width > tileSize || image.height > tileSize {
            found = scanTiles(of: image, with: scanner)
        }
        return found.sorted { a, b in
            if a.payload != b.payload { return a.payload < b.payload }
            let p = a.corners.first ?? ScanPoint(x: 0, y: 0), q = b.corners.first ?? ScanPoint(x: 0, y: 0)
            return (p.y, p.x) < (q.y, q.x)
        }
    }

    /// The second pass: tiles overlapping by half, each code once (a code wholly inside several
    /// tiles is found in each, at the same place within a few pixels).
    private static func scanTiles(of image: GrayImage, with scanner: OpaquePointer) -> [QRSymbol] {
        let step = tileSize / 2
        func origins(_ length: Int) -> [Int] {
            guard length > tileSize else { return [0] }
            return Array(stride(from: 0, to: length - tileSize, by: step)) + [length - tileSize]
        }
        var found: [QRSymbol] = []
        for top in origins(image.height) {
            for left in origins(image.width) {
                let width = min(tileSize, image.width - left), height = min(tileSize, image.height - top)
                var tile = [UInt8]()
                tile.reserveCapacity(width * height)
                for y in top..<(top + height) { tile += image.pixels[(y * image.width + left)..<(y * image.width + left + width)] }
                for symbol in scan(tile, width: width, height: height, with: scanner) {
                    let placed = QRSymbol(payload: symbol.payload,
                                          corners: symbol.corners.map { ScanPoint(x: $0.x + Double(left), y: $0.y + Double(top)) })
                    if !found.contains(where: { $0.isSameCode(as: placed) }) { found.append(placed) }
                }
            }
        }
        return found
    }

    /// One zbar pass over `width × height` grey bytes.
    private static func scan(_ pixels: [UInt8], width: Int, height: Int, with scanner: OpaquePointer) -> [QRSymbol] {
        guard let zimage = zbar_image_create() else { return [] }
        defer { zbar_image_destroy(zimage) }
        zbar_image_set_format(zimage, fourcc("Y800"))
        zbar_image_set_size(zimage, UInt32(width), UInt32(height))
        var found: [QRSymbol] = []
        pixels.withUnsafeBufferPointer { buffer in
            // No cleanup handler: zbar borrows the pixels only while this closure runs, and is told
            // to forget them before it ends.
            zbar_image_set_data(zimage, buffer.baseAddress, UInt(buffer.count), nil)
            defer { zbar_image_set_data(zimage, nil, 0, nil) }
            guard zbar_scan_image(scanner, zimage) > 0 else { return }
            var symbol = zbar_image_first_symbol(zimage)
            while let current = symbol {
                defer { symbol = zbar_symbol_next(current) }
                guard zbar_symbol_get_type(current) == ZBAR_QRCODE, let data = zbar_symbol_get_data(current) else { continue }
                let length = Int(zbar_symbol_get_data_length(current))
                let payload = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
                let corners = (0..<zbar_symbol_get_loc_size(current)).map {
                    ScanPoint(x: Double(zbar_symbol_get_loc_x(current, $0)), y: Double(zbar_symbol_get_loc_y(current, $0)))
                }
                found.append(QRSymbol(payload: payload, corners: corners))
            }
        }
        return found
    }

    /// A four-character code as zbar's `zbar_fourcc` macro packs it (first character lowest).
    private static func fourcc(_ code: String) -> UInt {
        code.utf8.reversed().reduce(0) { $0 << 8 | UInt($1) }
    }
}

extension QRSymbol {
    /// The same payload with every corner within 4 pixels.
    fileprivate func isSameCode(as other: QRSymbol) -> Bool {
        payload == other.payload && corners.count == other.corners.count
            && zip(corners, other.corners).allSatisfy { abs($0.x - $1.x) <= 4 && abs($0.y - $1.y) <= 4 }
    }
}
