import ArgumentParser

/// Catches a misspelled subcommand before the parser does: `osteodoc rendr` →
/// "unknown command 'rendr' — did you mean 'osteodoc render'?" (the parser alone would say
/// "unexpected argument", or ask for an option of another command).
enum CommandSuggestion {
    static func problem(in arguments: [String], root: ParsableCommand.Type) -> String? {
        var subcommands: [ParsableCommand.Type] = root.configuration.subcommands
        var path: [String] = [root._commandName]
        for argument in arguments {
            if argument.hasPrefix("-") || subcommands.isEmpty { return nil }  // options and values: the parser's job
            var next: ParsableCommand.Type?
            for candidate in subcommands where candidate._commandName == argument || candidate.configuration.aliases.contains(argument) {
                next = candidate
            }
            if let next {
                subcommands = next.configuration.subcommands
                path.append(argument)
                continue
            }
            if argument == "help" { return nil }
            let names: [String] = subcommands.map { $0._commandName }
            var bestName = "", bestDistance = Int.max
            for name in names {
                let d = distance(argument.lowercased(), name)
                if d < bestDistance { bestName = name; bestDistance = d }
            }
            if bestDistance <= max(2, bestName.count / 3) {
                return "unknown command '\(argument)' — did you mean '\((path + [bestName]).joined(separator: " "))'?"
            }
            return "unknown command '\(argument)'; the commands of '\(path.joined(separator: " "))' are: \(names.joined(separator: ", "))"
        }
        return nil
    }

    /// Damerau–Levenshtein distance (optimal string alignment): edits, with a swap of two
    /// neighbours counted as one ("rnder", "redner").
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
