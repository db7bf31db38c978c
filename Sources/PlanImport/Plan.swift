import Foundation

// The plan export, version 1 (../shared/interfaces/plan-export-v1.md), as Swift values.
// `PlanDecoder` produces them only after validation: a decoded `Plan` satisfies every
// rule of the contract. (The memberwise initialisers do not validate; they exist for
// tests and previews.) Codes are enums whose raw values are the contract's codes.

/// A validated cementoplasty plan from the planning core.
public struct Plan: Sendable, Equatable {
    /// Always `"cementoplasty-plan/1"`.
    public var schema: String
    public var planId: String
    public var generatedAt: Timestamp
    public var generator: Generator
    public var facility: Facility
    public var patient: Patient
    public var procedure: Procedure
    public var targets: [Target]
    public var preparation: Preparation
    /// Empty when the export has no `followUp`.
    public var followUp: [FollowUp]
    /// Present once the procedure is done; required to issue a discharge sheet.
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
/// The offset is kept as written (it fixes the instant); documents show every time in the facility's time zone.
///
/// Ordered by instant. Two timestamps of the same instant written with different
/// offsets are not equal, so `<` then orders them by offset, keeping `<` and `==`
/// consistent as `Comparable` requires.
public struct Timestamp: Sendable, Equatable, Comparable {
    /// The instant.
    public var date: Date
    /// Offset from UTC in seconds, as written (`+01:00` → 3600); in a decoded plan always
    /// within `UTCOffset.validSeconds`. Documents show times in the facility's time zone,
    /// not in this offset.
    public var offsetSeconds: Int
    public init(date: Date, offsetSeconds: Int) { self.date = date; self.offsetSeconds = offsetSeconds }
    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.date, a.offsetSeconds) < (b.date, b.offsetSeconds)
    }
}

/// A calendar date without time (`YYYY-MM-DD`).
public struct CalendarDate: Sendable, Equatable, Comparable {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// The program that exported the plan.
public struct Generator: Sendable, Equatable {
    public var name: String, version: String
    public init(name: String, version: String) { self.name = name; self.version = version }
}

/// The hospital unit that performs the procedure.
public struct Facility: Sendable, Equatable {
    /// `phone`: digits, spaces, `-`, `/`, `(`, `)`, optional leading `+`.
    /// `emergencyNumber`: 2–6 digits (e.g. "112").
    public var name: String, department: String, phone: String, emergencyNumber: String
    public var address: String?
    public init(name: String, department: String, phone: String, emergencyNumber: String, address: String?) {
        self.name = name; self.department = department; self.phone = phone
        self.emergencyNumber = emergencyNumber; self.address = address
    }
}

/// Administrative sex.
public enum Sex: String, Sendable, CaseIterable { case female, male, other, unknown }

/// The person who signs for the patient (parent, guardian, support administrator).
public struct LegalRepresentative: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case parent, guardian
        case supportAdministrator = "support-administrator"
    }
    public var name: String, role: Role
    public init(name: String, role: Role) { self.name = name; self.role = role }
}

/// The patient, as identified by the hospital.
public struct Patient: Sendable, Equatable {
    /// Hospital record number.
    public var mrn: String
    public var givenName: String, familyName: String
    public var birthDate: CalendarDate
    public var sex: Sex
    /// Italian codice fiscale (16 characters, check character verified).
    public var fiscalCode: String?
    /// BCP 47 tag as given by the planning core.
    public var language: String
    /// An interpreter takes part in the consent talk.
    public var interpreterRequired: Bool
    /// When present, the representative signs.
    public var legalRepresentative: LegalRepresentative?
    public init(mrn: String, givenName: String, familyName: String, birthDate: CalendarDate, sex: Sex,
                fiscalCode: String?, language: String, interpreterRequired: Bool,
                legalRepresentative: LegalRepresentative?) {
        self.mrn = mrn; self.givenName = givenName; self.familyName = familyName
        self.birthDate = birthDate; self.sex = sex; self.fiscalCode = fiscalCode; self.language = language
        self.interpreterRequired = interpreterRequired; self.legalRepresentative = legalRepresentative
    }
}

/// `cementoplasty` (peripheral skeleton), `sacroplasty`, `vertebroplasty`.
public enum ProcedureType: String, Sendable, CaseIterable { case cementoplasty, sacroplasty, vertebroplasty }
/// Why the procedure is done.
public enum Indication: String, Sendable, CaseIterable {
    case painfulMetastasis = "painful-metastasis", myelomaLesion = "myeloma-lesion"
    case pathologicalFracture = "pathological-fracture", fracturePrevention = "fracture-prevention"
}
/// Day surgery or inpatient stay.
public enum Setting: String, Sendable, CaseIterable { case daySurgery = "day-surgery", inpatient }
/// Anaesthesia used for the procedure.
public enum Anaesthesia: String, Sendable, CaseIterable {
    case local, localWithSedation = "local-with-sedation", general
}
/// Imaging that guides the needles.
public enum Guidance: String, Sendable, CaseIterable { case ct, fluoroscopy, coneBeamCT = "cone-beam-ct" }
/// Thermal ablation combined with the cementoplasty.
public enum Ablation: String, Sendable, CaseIterable { case radiofrequency, microwave, cryoablation }

/// The physician who performs the procedure.
public struct Operator: Sendable, Equatable {
    public var name: String, title: String
    public init(name: String, title: String) { self.name = name; self.title = title }
}

/// The planned procedure.
public struct Procedure: Sendable, Equatable {
    public var type: ProcedureType
    public var indication: Indication
    public var scheduledStart: Timestamp
    /// 15–360.
    public var expectedDurationMinutes: Int
    public var setting: Setting
    public var anaesthesia: Anaesthesia
    /// Non-empty, no repeats.
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

/// The bone that holds a target lesion.
public enum Site: String, Sendable, CaseIterable {
    case humerusProximal = "humerus-proximal", humerusShaft = "humerus-shaft"
    case femurProximal = "femur-proximal", femurShaft = "femur-shaft"
    case acetabulum, iliacBone = "iliac-bone", ischium, pubis, sacrum, vertebra, scapula, rib
    case tibiaProximal = "tibia-proximal", calcaneus, sternum
    /// Sites on the body's midline, where `side` may be `midline`.
    public var allowsMidline: Bool { self == .sacrum || self == .vertebra || self == .sternum }
}
/// Side of the body; `midline` only for sacrum, vertebra, sternum.
public enum Side: String, Sendable, CaseIterable { case left, right, midline }
/// Kind of lesion treated.
public enum Lesion: String, Sendable, CaseIterable {
    case osteolyticMetastasis = "osteolytic-metastasis", mixedMetastasis = "mixed-metastasis", myeloma, fracture
}

/// A vertebral level `C1`–`C7`, `T1`–`T12`, `L1`–`L5`.
public struct VertebralLevel: Sendable, Equatable, Hashable {
    /// Cervical, thoracic, lumbar; the raw value is the code's letter.
    public enum Region: String, Sendable { case cervical = "C", thoracic = "T", lumbar = "L" }
    public var region: Region, number: Int
    /// Parses a code like `L2`; `nil` for anything else (including `l2`, `L02`).
    public init?(_ code: String) {
        guard let first = code.first, let region = Region(rawValue: String(first)),
              let n = Int(code.dropFirst()), String(n) == String(code.dropFirst()) else { return nil }
        let max = region == .cervical ? 7 : region == .thoracic ? 12 : 5
        guard (1...max).contains(n) else { return nil }
        self.region = region; self.number = n
    }
    /// The code, e.g. `T12`.
    public var code: String { region.rawValue + String(number) }
}

/// A planned target lesion.
public struct Target: Sendable, Equatable {
    /// Unique within the plan.
    public var id: String
    public var site: Site
    /// Present exactly when `site` is `vertebra`.
    public var level: VertebralLevel?
    public var side: Side
    public var lesion: Lesion
    /// 1–6.
    public var needles: Int
    /// 8–15 (gauge G).
    public var needleGauge: Int
    /// Planned cement in tenths of a millilitre (the contract allows one decimal), kept exact.
    public var plannedCementTenthsMl: Int
    /// Free text from the planner, shown as given.
    public var approach: String?
    public init(id: String, site: Site, level: VertebralLevel?, side: Side, lesion: Lesion, needles: Int,
                needleGauge: Int, plannedCementTenthsMl: Int, approach: String?) {
        self.id = id; self.site = site; self.level = level; self.side = side; self.lesion = lesion
        self.needles = needles; self.needleGauge = needleGauge
        self.plannedCementTenthsMl = plannedCementTenthsMl; self.approach = approach
    }
}

/// An anticoagulant or antiplatelet drug to pause before the procedure.
public struct Anticoagulant: Sendable, Equatable {
    /// When to take the drug again.
    public enum Resume: String, Sendable, CaseIterable {
        case sameDay = "same-day", nextDay = "next-day", asInstructed = "as-instructed"
    }
    public var drug: String, stopDaysBefore: Int, resume: Resume
    public init(drug: String, stopDaysBefore: Int, resume: Resume) {
        self.drug = drug; self.stopDaysBefore = stopDaysBefore; self.resume = resume
    }
}
/// Allergies relevant to the procedure.
public enum Allergy: String, Sendable, CaseIterable {
    case iodinatedContrast = "iodinated-contrast", localAnaesthetics = "local-anaesthetics", latex, pmma, other
}
/// Laboratory tests required before the procedure.
public enum LabTest: String, Sendable, CaseIterable {
    case bloodCount = "blood-count", coagulation, creatinine, pregnancyTest = "pregnancy-test"
}

/// What the patient must do or have done before the procedure.
public struct Preparation: Sendable, Equatable {
    /// 0–12.
    public var fastingHours: Int
    public var anticoagulants: [Anticoagulant]
    public var allergies: [Allergy]
    public var labTests: [LabTest]
    public init(fastingHours: Int, anticoagulants: [Anticoagulant], allergies: [Allergy], labTests: [LabTest]) {
        self.fastingHours = fastingHours; self.anticoagulants = anticoagulants
        self.allergies = allergies; self.labTests = labTests
    }
}

/// A planned follow-up contact, `afterDays` (1–365) after the procedure, `with` a unit or person.
public struct FollowUp: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case visit, phoneCall = "phone-call", imaging }
    public var kind: Kind, afterDays: Int, with: String
    public init(kind: Kind, afterDays: Int, with: String) { self.kind = kind; self.afterDays = afterDays; self.with = with }
}

/// Cement leakage observed for a target.
public enum Leakage: String, Sendable, CaseIterable {
    case none, minorAsymptomatic = "minor-asymptomatic", symptomatic
}
/// Complications of the procedure.
public enum Complication: String, Sendable, CaseIterable {
    case haematoma, infection, cementEmbolism = "cement-embolism", nerveIrritation = "nerve-irritation"
    case allergicReaction = "allergic-reaction", fracture, other
}

/// What was done for one planned target (same `id`).
public struct TargetOutcome: Sendable, Equatable {
    public var id: String, treated: Bool
    /// Injected cement in tenths of a millilitre.
    public var cementTenthsMl: Int
    public var leakage: Leakage
    public init(id: String, treated: Bool, cementTenthsMl: Int, leakage: Leakage) {
        self.id = id; self.treated = treated; self.cementTenthsMl = cementTenthsMl; self.leakage = leakage
    }
}

/// The procedure as performed: `performedStart` < `performedEnd` < `dischargeAt`,
/// one `TargetOutcome` per planned target.
public struct Outcome: Sendable, Equatable {
    public var performedStart: Timestamp, performedEnd: Timestamp
    public var targets: [TargetOutcome]
    public var complications: [Complication]
    public var dischargeAt: Timestamp
    /// Free text from the physician (drug and dose).
    public var analgesia: String?
    public init(performedStart: Timestamp, performedEnd: Timestamp, targets: [TargetOutcome],
                complications: [Complication], dischargeAt: Timestamp, analgesia: String?) {
        self.performedStart = performedStart; self.performedEnd = performedEnd; self.targets = targets
        self.complications = complications; self.dischargeAt = dischargeAt; self.analgesia = analgesia
    }
}
