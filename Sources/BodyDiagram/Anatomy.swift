// What the diagram can point at: the contract's sites, sides and vertebral
// levels, repeated here so that this module stays free of dependencies (the
// tests check that every code of PlanImport has a counterpart).

/// Which way the body is seen.
public enum View: String, Sendable, CaseIterable {
    /// Seen from the front: the patient's right is on the viewer's left.
    case front
    /// Seen from behind: the patient's right is on the viewer's right.
    case back
}

/// A bone that holds a target, with the contract's codes as raw values.
public enum Site: String, Sendable, CaseIterable {
    case humerusProximal = "humerus-proximal", humerusShaft = "humerus-shaft"
    case femurProximal = "femur-proximal", femurShaft = "femur-shaft"
    case acetabulum, iliacBone = "iliac-bone", ischium, pubis, sacrum, vertebra, scapula, rib
    case tibiaProximal = "tibia-proximal", calcaneus, sternum

    /// Sites on the body's midline, where `side` may be `midline`.
    public var allowsMidline: Bool { self == .sacrum || self == .vertebra || self == .sternum }

    /// Sites best seen from behind: their markers go on the back view.
    public var isPosterior: Bool { self == .sacrum || self == .vertebra || self == .scapula }
}

/// The patient's side.
public enum Side: String, Sendable, CaseIterable {
    case left, right, midline
}

/// A vertebra, C1 to L5.
public struct VertebralLevel: Sendable, Equatable, Hashable, CaseIterable {
    /// 0 for C1 … 6 for C7, 7 for T1 … 18 for T12, 19 for L1 … 23 for L5.
    public let index: Int

    public init?(index: Int) {
        guard (0..<24).contains(index) else { return nil }
        self.index = index
    }

    /// Parses `C1`…`C7`, `T1`…`T12`, `L1`…`L5`.
    public init?(_ code: String) {
        guard let first = code.first, let n = Int(code.dropFirst()), String(n) == String(code.dropFirst()) else { return nil }
        switch first {
        case "C" where (1...7).contains(n): index = n - 1
        case "T" where (1...12).contains(n): index = 6 + n
        case "L" where (1...5).contains(n): index = 18 + n
        default: return nil
        }
    }

    public var code: String {
        index < 7 ? "C\(index + 1)" : index < 19 ? "T\(index - 6)" : "L\(index - 18)"
    }

    public static var allCases: [VertebralLevel] { (0..<24).map { VertebralLevel(index: $0)! } }
}

/// A numbered target to mark on the figure.
public struct Marker: Sendable, Equatable {
    public var number: Int
    public var site: Site
    public var side: Side
    /// The vertebra, for `site == .vertebra`.
    public var level: VertebralLevel?

    public init(number: Int, site: Site, side: Side, level: VertebralLevel? = nil) {
        self.number = number; self.site = site; self.side = side; self.level = level
    }

    /// Reads the contract's codes (`acetabulum`, `right`, `L2`); nil when one is unknown,
    /// when `midline` is given for a lateral site, or when a vertebra has no level.
    public init?(number: Int, site: String, side: String, level: String?) {
        guard let s = Site(rawValue: site), let d = Side(rawValue: side) else { return nil }
        if d == .midline && !s.allowsMidline { return nil }
        var v: VertebralLevel?
        if let level, !level.isEmpty {
            guard let parsed = VertebralLevel(level) else { return nil }
            v = parsed
        }
        if s == .vertebra && v == nil { return nil }
        self.init(number: number, site: s, side: d, level: s == .vertebra ? v : nil)
    }
}
