/// A QR code found on a page image.
public struct QRSymbol: Sendable, Equatable {
    /// The decoded text (UTF-8; osteodoc's codes read `OSTEODOC:<document id>:<page>/<pages>`).
    public var payload: String
    /// The code's four outer corners in image pixels, in zbar's order: the corner of the top-left
    /// finder pattern, then the bottom-left, the bottom-right and the top-right corner — as seen
    /// on the symbol itself, so the order turns with the page (see ``QRReader``).
    public var corners: [ScanPoint]

    /// A symbol with this payload and these corners.
    public init(payload: String, corners: [ScanPoint]) {
        self.payload = payload
        self.corners = corners
    }
}
