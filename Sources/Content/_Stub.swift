// TEMPORARY stand-in while the Content module is written on its own branch; removed at merge.
import Foundation
public struct POEntry: Sendable, Equatable { public var context: String?; public var id: String; public var idPlural: String?; public var strings: [String]; public var flags: [String]; public var comments: [String]; public var line: Int }
public struct POCatalog: Sendable { public var header: [String: String]; public var entries: [POEntry]
    public func entry(context: String) -> POEntry? { entries.first { $0.context == context } } }
public struct ProseUnit: Sendable { public var id: String; public var path: String; public var text: String }
public enum LocaleDirection: Sendable { case leftToRight, rightToLeft }
public struct LocaleContent: Sendable { public var tag: String; public var direction: LocaleDirection; public var strings: POCatalog; public var prose: [String: ProseUnit]
    public func string(_ key: String) -> String? { nil } }
public struct ContentRepository: Sendable {
    public init(root: URL) throws { fatalError() }
    public var localeTags: [String] { [] }
    public func locale(_ tag: String) -> LocaleContent? { nil }
    public func resolve(_ requested: String) -> String? { nil }
    public let sourceTag: String = "it"
}
