// Content — the project's text on disk, read once.
//
//   locales/<tag>/strings.po     template labels (gettext PO)
//   locales/<tag>/codes.po       display names of the plan contract's codes (gettext PO)
//   locales/<tag>/**/<name>.md   prose units ("consent/risks"), Markdown + Mustache tags
//
// Public pieces:
// - `POCatalog` / `POEntry` / `POSyntaxError`: a hand-written gettext PO parser (POCatalog+Parser.swift).
// - `ContentRepository`: reads every locale under `locales/` once, merges each locale's catalogs,
//   collects its prose units and resolves a requested BCP 47 tag to a stored one (LanguageTag.swift).
// - `Readability`: the Gulpease index for Italian prose units.
// - `ProseLint`: checks that a prose unit keeps to the Markdown/Mustache subset the pipeline accepts.
//
// The module imports Foundation only; it never prints, and it reports problems as error values.
