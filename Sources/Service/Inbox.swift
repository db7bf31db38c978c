import Foundation
import Logging
import ServiceLifecycle

/// The inbox folder, for planning cores that can only write files.
///
/// A file is taken exactly once: only names ending in `.json` that do not start with `.` (the
/// usual temporary names — `.plan.json.tmp`, `plan.json.part`, `plan.json~` — never match), only
/// after its size and modification time stayed the same for `settle` and the time is at least
/// that old (a file still being written is never read). Taking it is a rename into `.processing/`
/// (atomic: two servers sharing the folder cannot both take it); then it is stored and moved to
/// `accepted/`, or to `rejected/` with `<name>.error.txt` beside it. After a crash the files left
/// in `.processing/` are finished first; storing is idempotent on identical bytes, so a file taken
/// twice by a crash still makes one revision.
///
/// The same rules hold for the scan inbox, `inbox/scans/` (``Purpose/scans``), where a scanner
/// drops the signed forms: `*.pdf`, `*.png`, `*.jpg`/`*.jpeg`; each is read and stored with the
/// document its pages' codes name (see `OsteodocService.receiveScan`).
public struct Inbox: Service {
    /// What the folder takes.
    public enum Purpose: Sendable {
        /// Plan exports (`*.json`), in `inbox/`.
        case plans
        /// Scans of signed documents, in `inbox/scans/`.
        case scans
    }

    let purpose: Purpose
    let folder: URL
    let poll: Duration
    let settle: TimeInterval
    let service: OsteodocService

    public init(service: OsteodocService, purpose: Purpose = .plans) {
        self.service = service
        self.purpose = purpose
        folder = purpose == .plans ? service.configuration.inboxURL
            : service.configuration.inboxURL.appendingPathComponent("scans")
        poll = .milliseconds(service.configuration.inboxPollMilliseconds)
        settle = Double(service.configuration.inboxSettleMilliseconds) / 1000
    }

    /// The folder a purpose uses.
    public var url: URL { folder }

    var processing: URL { folder.appendingPathComponent(".processing") }
    var accepted: URL { folder.appendingPathComponent("accepted") }
    var rejected: URL { folder.appendingPathComponent("rejected") }

    public func prepareFolders() throws { try Self.prepareFolders(at: folder) }

    public static func prepareFolders(at folder: URL) throws {
        for sub in ["", ".processing", "accepted", "rejected"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    public func run() async throws {
        try prepareFolders()
        await cancelWhenGracefulShutdown {
            var seen: [String: Observation] = [:]
            while !Task.isCancelled {
                await self.scan(&seen)
                try? await Task.sleep(for: self.poll)
            }
        }
    }

    /// What a scan saw of a file: it is taken once these stayed the same for `settle`.
    public struct Observation: Equatable, Sendable { var size: Int; var modified: Date; var since: Date }

    /// One look at the folder: finish interrupted files, then take the settled ones.
    public func scan(_ seen: inout [String: Observation]) async {
        for name in names(in: processing) { await process(name) }
        let now = Date()  // file times are the file system's, compared with the machine's clock
        var current: [String: Observation] = [:]
        for name in names(in: folder) where Self.isCandidate(name, for: purpose) {
            let url = folder.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.intValue,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            var observation = Observation(size: size, modified: modified, since: now)
            if let previous = seen[name], previous.size == size, previous.modified == modified { observation.since = previous.since }
            current[name] = observation
            let stable = now.timeIntervalSince(observation.since) >= settle && now.timeIntervalSince(modified) >= settle
            guard stable else { continue }
            // Claim: whoever renames it first owns it.
            guard rename(url.path, processing.appendingPathComponent(name).path) == 0 else { continue }
            current[name] = nil
            await process(name)
        }
        seen = current
    }

    static func isCandidate(_ name: String, for purpose: Purpose) -> Bool {
        guard !name.hasPrefix("."), name.utf8.count <= 200 else { return false }
        return mediaType(name, for: purpose) != nil
    }

    /// What a file name says it holds, for this purpose; nil: not taken.
    static func mediaType(_ name: String, for purpose: Purpose) -> String? {
        let lower = name.lowercased()
        switch purpose {
        case .plans: return name.hasSuffix(".json") ? "application/json" : nil
        case .scans:
            if lower.hasSuffix(".pdf") { return "application/pdf" }
            if lower.hasSuffix(".png") { return "image/png" }
            if lower.hasSuffix(".jpg") || lower.hasSuffix(".jpeg") { return "image/jpeg" }
            return nil
        }
    }

    private func names(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// Stores one claimed file and moves it on; on a registry outage it stays claimed and is retried.
    func process(_ name: String) async {
        let url = processing.appendingPathComponent(name)
        let logger = service.logger
        guard let bytes = try? Data(contentsOf: url) else { return }
        do {
            switch purpose {
            case .plans:
                if bytes.count > DocumentEngine.maximumPlanSize {
                    throw APIError(.contentTooLarge, "the file is larger than \(DocumentEngine.maximumPlanSize) bytes")
                }
                let (revision, _) = try await service.receivePlan(bytes, account: "inbox", source: "inbox")
                move(url, to: accepted, name)
                logger.info("inbox file accepted", metadata: ["file": "\(name)", "planId": "\(revision.planId)", "revision": "\(revision.revision)"])
            case .scans:
                let stored = try await service.receiveScan(bytes, mediaType: Self.mediaType(name, for: .scans) ?? "application/pdf",
                                                           account: "inbox")
                move(url, to: accepted, name)
                logger.info("scan inbox file accepted", metadata: ["file": "\(name)", "documentId": "\(stored.documentId)",
                                                                   "scan": "\(stored.sequence)", "summary": "\(stored.event.detail ?? "")"])
            }
        } catch let error as APIError where error.status.code < 500 || error.status == .internalServerError {
            // Refused, or cannot be handled at all (an internal error would fail again on every
            // poll, and a scan costs seconds to read): rejected with the reason. Only an outage
            // (503: the registry unreachable) keeps the file for a retry.
            var lines = [error.message]
            for v in error.violations ?? [] { lines.append("\(v.path): \(v.rule)") }
            let target = move(url, to: rejected, name)
            let errorFile = rejected.appendingPathComponent(target + ".error.txt")
            let temp = rejected.appendingPathComponent("." + target + ".error.txt.tmp")
            try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: temp)
            _ = Foundation.rename(temp.path, errorFile.path)
            logger.notice("inbox file rejected", metadata: ["file": "\(name)", "violations": "\(error.violations?.count ?? 0)"])
        } catch {
            logger.warning("inbox file kept for retry", metadata: ["file": "\(name)", "error": "\(type(of: error))"])
        }
    }

    /// Moves a file into `dir`, never over an existing one (`name`, `name.2`, …); returns the name used.
    @discardableResult
    private func move(_ url: URL, to dir: URL, _ name: String) -> String {
        var target = name
        var n = 1
        while FileManager.default.fileExists(atPath: dir.appendingPathComponent(target).path) {
            n += 1
            target = "\(name).\(n)"
        }
        _ = Foundation.rename(url.path, dir.appendingPathComponent(target).path)
        return target
    }
}
