// Typesetting: paragraphs of styled text → lines of positioned glyph runs.
//
//   TextSpan[] ──► Paragraph+Itemize   bidi levels (FriBidi, UAX #9), scripts
//                                       (UAX #24), fonts (fallback chains)
//              ──► Paragraph+Shape     words and segments, shaped by HarfBuzz
//                                       (cached), break actions (libunibreak, UAX #14)
//              ──► Paragraph+Nodes     boxes, glue and penalties; hyphenation
//                                       points (libhyphen) on the second pass;
//                                       grapheme cuts for too-wide words on the last
//              ──► Paragraph+Break     Knuth–Plass total fit (TeX §813–§890)
//              ──► Paragraph+Lines     glue setting, alignment, visual order
//                                       (UAX #9 L1–L2) → Line / GlyphRun
//
// Each C library is used from exactly one file: HarfBuzzFont.swift,
// Bidi.swift, BreakOpportunities.swift, Hyphenator.swift. The public surface
// is FontLibrary, Typesetter, the value types in Types.swift and debugLog.
