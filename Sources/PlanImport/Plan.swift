import Foundation

// The plan export, version 1 (../shared/interfaces/plan-export-v1.md), as Swift values.
// These types are only ever produced by `PlanDecoder`, after validation: a `Plan`
// value always satisfies every rule of the contract.

/// A validated cementoplasty plan from the planning core.
public struct Plan: Sendable, Equatable {
    public var schema: String
    public var planId: String
    public var generatedAt: Timestamp
    public var generator: Generator
    public var facility: Facility
    public var patient: Patient
    public var procedure: Procedure
    public var targets: [Target]
    public var preparation: Preparation
    public var followUp: [FollowUp]
    public var outcome: Outcome?

    public init(schema: String, planId: String, generatedAt: Timestamp, generator: Generator,
                facility: Facility, patient: Patient, procedure: Procedure, targets: [Target],
                preparation: Preparation, followUp: [FollowUp], outcome: Outcome?) {
        self.schema = schema; self.planId = planId; self.generatedAt = generatedAt
        self.generator = generator; self.facility = facility; self.patient = patient
        self.procedure = procedure; self.targets = targets; self.preparation = preparation
        self.followUp = followUp; self.outcome = outcome
    }
}

/// An RFC 3339 instant together with the UTC offset it was written in.
/// Documents show times in the plan's own offset, so the offset is kept.
public struct Timestamp: Sendable, Equatable, Comparable {
    /// The instant.
    public var date: Date
    /// Offset from UTC in seconds, as written (`+01:00` → 3600).
    public var offsetSeconds: Int
    public init(date: Date, offsetSeconds: Int) { self.date = date; self.offsetSeconds = offsetSeconds }
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.date < b.date }
}

/// A calendar date without time (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Equatable, Comparable {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

public struct Generator: Sendable, Equatable {
    public var name: String, version: String
    public init(name: String, version: String) { self.name = name; self.version = version }
}

public struct Facility: Sendable, Equatable {
    public var name: String, department: String, phone: String, emergencyNumber: String
    public var address: String?
    public init(name: String, department: String, phone: String, emergencyNumber: String, address: String?) {
        self.name = name; self.department = department; self.phone = phone
        self.emergencyNumber = emergencyNumber; self.address = address
    }
}

public enum Sex: String, Sendable, CaseIterable { case female, male, other, unknown }

public struct LegalRepresentative: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case parent, guardian
        case supportAdministrator = "support-administrator"
    }
    public var name: String, role: Role
    public init(name: String, role: Role) { self.name = name; self.role = role }
}

public struct Patient: Sendable, Equatable {
    public var mrn: String
    public var givenName: String, familyName: String
    public var birthDate: CalendarDate
    public var sex: Sex
    public var fiscalCode: String?
    /// BCP 47 tag as given by the planning core.
    public var language: String
    public var interpreterRequired: Bool
    public var legalRepresentative: LegalRepresentative?
    public init(mrn: String, givenName: String, familyName: String, birthDate: CalendarDate, sex: Sex,
                fiscalCode: String?, language: String, interpreterRequired: Bool,
                legalRepresentative: LegalRepresentative?) {
        self.mrn = mrn; self.givenName = givenName; self.familyName = familyName
        self.birthDate = birthDate; self.sex = sex; self.fiscalCode = fiscalCode; self.language = language
        self.interpreterRequired = interpreterRequired; self.legalRepresentative = legalRepresentative
    }
}

public enum ProcedureType: String, Sendable, CaseIterable { case cementoplasty, sacroplasty, vertebroplasty }
public enum Indication: String, Sendable, CaseIterable {
    case painfulMetastasis = "painful-metastasis", myelomaLesion = "myeloma-lesion"
    case pathologicalFracture = "pathological-fracture", fracturePrevention = "fracture-prevention"
}
public enum Setting: String, Sendable, CaseIterable { case daySurgery = "day-surgery", inpatient }
public enum Anaesthesia: String, Sendable, CaseIterable {
    case local, localWithSedation = "local-with-sedation", general
}
public enum Guidance: String, Sendable, CaseIterable { case ct, fluoroscopy, coneBeamCT = "cone-beam-ct" }
public enum Ablation: String, Sendable, CaseIterable { case radiofrequency, microwave, cryoablation }

public struct Operator: Sendable, Equatable {
    public var name: String, title: String
    public init(name: String, title: String) { self.name = name; self.title = title }
}

public struct Procedure: Sendable, Equatable {
    public var type: ProcedureType
    public var indication: Indication
    public var scheduledStart: Timestamp
    public var expectedDurationMinutes: Int
    public var setting: Setting
    public var anaesthesia: Anaesthesia
    public var guidance: [Guidance]
    public var `operator`: Operator
    public var combinedWithAblation: Ablation?
    public init(type: ProcedureType, indication: Indication, scheduledStart: Timestamp, expectedDurationMinutes: Int,
                setting: Setting, anaesthesia: Anaesthesia, guidance: [Guidance], operator: Operator,
                combinedWithAblation: Ablation?) {
        self.type = type; self.indication = indication; self.scheduledStart = scheduledStart
        self.expectedDurationMinutes = expectedDurationMinutes; self.setting = setting
        self.anaesthesia = anaesthesia; self.guidance = guidance; self.operator = `operator`
        self.combinedWithAblation = combinedWithAblation
    }
}

public enum Site: String, Sendable, CaseIterable {
    case humerusProximal = "humerus-proximal", humerusShaft = "humerus-shaft"
    case femurProximal = "femur-proximal", femurShaft = "femur-shaft"
    case acetabulum, iliacBone = "iliac-bone", ischium, pubis, sacrum, vertebra, scapula, rib
    case tibiaProximal = "tibia-proximal", calcaneus, sternum
    /// Sites on the body's midline, where `side` may be `midline`.
    public var allowsMidline: Bool { self == .sacrum || self == .vertebra || self == .sternum }
}
public enum Side: String, Sendable, CaseIterable { case left, right, midline }
public enum Lesion: String, Sendable, CaseIterable {
    case osteolyticMetastasis = "osteolytic-metastasis", mixedMetastasis = "mixed-metastasis", myeloma, fracture
}

/// A vertebral level `C1`–`C7`, `T1`–`T12`, `L1`–`L5`.
public struct VertebralLevel: Sendable, Equatable, Hashable {
    public enum Region: String, Sendable { case cervical = "C", thoracic = "T", lumbar = "L" }
    public var region: Region, number: Int
    public init?(_ code: String) {
        guard let first = code.first, let region = Region(rawValue: String(first)),
              let n = Int(code.dropFirst()), String(n) == String(code.dropFirst()) else { return nil }
        let max = region == .cervical ? 7 : region == .thoracic ? 12 : 5
        guard (1...max).contains(n) else { return nil }
        self.region = region; self.number = n
    }
    public var code: String { region.rawValue + String(number) }
}

public struct Target: Sendable, Equatable {
    public var id: String
    public var site: Site
    public var level: VertebralLevel?
    public var side: Side
    public var lesion: Lesion
    public var needles: Int
    public var needleGauge: Int
    /// Planned cement in tenths of a millilitre (the contract allows one decimal), kept exact.
    public var plannedCementTenthsMl: Int
    public var approach: String?
    public init(id: String, site: Site, level: VertebralLevel?, side: Side, lesion: Lesion, needles: Int,
                needleGauge: Int, plannedCementTenthsMl: Int, approach: String?) {
        self.id = id; self.site = site; self.level = level; self.side = side; self.lesion = lesion
        self.needles = needles; self.needleGauge = needleGauge
        self.plannedCementTenthsMl = plannedCementTenthsMl; self.approach = approach
    }
}

public struct Anticoagulant: Sendable, Equatable {
    public enum Resume: String, Sendable, CaseIterable {
        case sameDay = "same-day", nextDay = "next-day", asInstructed = "as-instructed"
    }
    public var drug: String, stopDaysBefore: Int, resume: Resume
    public init(drug: String, stopDaysBefore: Int, resume: Resume) {
        self.drug = drug; self.stopDaysBefore = stopDaysBefore; self.resume = resume
    }
}
public enum Allergy: String, Sendable, CaseIterable {
    case iodinatedContrast = "iodinated-contrast", localAnaesthetics = "local-anaesthetics", latex, pmma, other
}
public enum LabTest: String, Sendable, CaseIterable {
    case bloodCount = "blood-count", coagulation, creatinine, pregnancyTest = "pregnancy-test"
}

public struct Preparation: Sendable, Equatable {
    public var fastingHours: Int
    public var anticoagulants: [Anticoagulant]
    public var allergies: [Allergy]
    public var labTests: [LabTest]
    public init(fastingHours: Int, anticoagulants: [Anticoagulant], allergies: [Allergy], labTests: [LabTest]) {
        self.fastingHours = fastingHours; self.anticoagulants = anticoagulants
        self.allergies = allergies; self.labTests = labTests
    }
}

public struct FollowUp: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case visit, phoneCall = "phone-call", imaging }
    public var kind: Kind, afterDays: Int, with: String
    public init(kind: Kind, afterDays: Int, with: String) { self.kind = kind; self.afterDays = afterDays; self.with = with }
}

public enum Leakage: String, Sendable, CaseIterable {
    case none, minorAsymptomatic = "minor-asymptomatic", symptomatic
}
public enum Complication: String, Sendable, CaseIterable {
    case haematoma, infection, cementEmbolism = "cement-embolism", nerveIrritation = "nerve-irritation"
    case allergicReaction = "allergic-reaction", fracture, other
}

public struct TargetOutcome: Sendable, Equatable {
    public var id: String, treated: Bool
    /// Injected cement in tenths of a millilitre.
    public var cementTenthsMl: Int
    public var leakage: Leakage
    public init(id: String, treated: Bool, cementTenthsMl: Int, leakage: Leakage) {
        self.id = id; self.treated = treated; self.cementTenthsMl = cementTenthsMl; self.leakage = leakage
    }
}

public struct Outcome: Sendable, Equatable {
    public var performedStart: Timestamp, performedEnd: Timestamp
    public var targets: [TargetOutcome]
    public var complications: [Complication]
    public var dischargeAt: Timestamp
    public var analgesia: String?
    public init(performedStart: Timestamp, performedEnd: Timestamp, targets: [TargetOutcome],
                complications: [Complication], dischargeAt: Timestamp, analgesia: String?) {
        self.performedStart = performedStart; self.performedEnd = performedEnd; self.targets = targets
        self.complications = complications; self.dischargeAt = dischargeAt; self.analgesia = analgesia
    }
}
