import PlanImport

/// Everything a template may show, computed from the plan in the document's
/// language. Templates stay logic-less: every decision (which blocks apply,
/// which dates follow from which rule) is made here, in Swift, and tested.
///
/// Values are plain text; the templates print them with `{{…}}`, which escapes
/// them for CommonMark.
public struct ViewModel {
    /// Catalog strings, nested by the dots of their keys (`t.consent.title`).
    public var t: [String: Any]
    public var doc: DocumentInfo
    public var facility: FacilityView
    public var patient: PatientView
    public var procedure: ProcedureView
    public var targets: [TargetView]
    public var preparation: PreparationView
    public var followUps: [FollowUpView]
    public var outcome: OutcomeView?
    public var timeline: [TimelineEntry]
    /// The one driving rule of this document (``DrivingRule``), stated once.
    public var driving: DrivingView
    /// Out-of-hours contacts from the facility's configuration file.
    public var contacts: ContactsView
    /// The conditions templates and prose branch on (`{{#is.sedation}}`).
    public var `is`: Flags
}

public struct DocumentInfo {
    public var title: String
    public var documentId: String
    public var contentVersion: String
    /// Name of the document's language, in that language ("italiano").
    public var languageName: String
    /// Where the plan came from: plan id, planning software and version, export time (small print).
    public var provenance: String
    /// Who approved the Italian text and when, or that nobody has (small print); for a translation
    /// also the translation's date.
    public var approval: String
    /// Shown visibly on the first page when the content is not approved.
    public var notApproved: String
}

/// The driving rule, stated the same way in the timeline, the box and the prose.
public struct DrivingView {
    /// One sentence: "Non guidi per almeno 24 ore…: non prima di …" or "…decide il medico…".
    public var statement: String
    /// Date and clock time from which driving may be considered again; empty when no date is given.
    public var notBefore: String
}

/// What to do out of hours: the facility's configured numbers, or the emergency number.
public struct ContactsView {
    public var outOfHoursPhone: String
    public var wardHours: String
    /// One sentence for the prose: call the out-of-hours number, or the emergency number when none is configured.
    public var outOfHoursAdvice: String
}

public struct FacilityView {
    public var name: String, department: String, phone: String, emergencyNumber: String
    public var address: String
}

public struct PatientView {
    public var fullName: String
    public var familyName: String, givenName: String
    public var birthDate: String
    public var mrn: String
    public var fiscalCode: String
    /// The patient's preferred language, named in the document's language.
    public var language: String
    public var representativeName: String
    public var representativeRole: String
}

public struct ProcedureView {
    public var name: String
    public var technicalName: String
    public var indication: String
    public var scheduled: String
    public var duration: String
    public var setting: String
    public var anaesthesia: String
    public var guidance: String
    public var operatorName: String, operatorTitle: String
    public var ablation: String
}

public struct TargetView {
    public var number: Int
    public var site: String
    public var side: String
    public var lesion: String
    public var needles: String
    public var cement: String
    public var approach: String
    /// The contract's codes, for the body diagram (`acetabulum`, `right`, `L2` or empty).
    public var siteCode: String
    public var sideCode: String
    public var levelCode: String
}

public struct AnticoagulantView {
    public var drug: String
    public var stop: String
    public var resume: String
}


public struct PreparationView {
    public var fastingText: String
    public var fastingFrom: String
    public var anticoagulants: [AnticoagulantView]
    /// Sentences selected from the plan's instructions, for the prose.
    public var anticoagulantAdvice: String
    public var allergies: String
    public var labTests: String
}

public struct FollowUpView {
    public var kind: String
    public var with: String
    /// "tra circa 30 giorni (settimana del 28 dicembre 2026)": an interval, not a booked appointment.
    public var when: String
    /// Who contacts the patient ("Ambulatorio di Oncologia La contatterà per fissare la data.").
    public var contact: String
}

public struct OutcomeTargetView {
    public var number: Int
    public var site: String
    public var side: String
    /// As planned (same texts as in ``TargetView``).
    public var lesion: String
    public var needles: String
    public var plannedCement: String
    public var treated: String
    public var cement: String
    public var leakage: String
}

public struct OutcomeView {
    public var started: String
    public var ended: String
    public var discharge: String
    public var targets: [OutcomeTargetView]
    public var complications: String
    public var analgesia: String
}

/// One row of the recovery timeline: a concrete date/time and what to do.
public struct TimelineEntry {
    public var when: String
    public var what: String
}

public struct Flags: Equatable {
    public var sedation = false, general = false, localOnly = false
    public var daySurgery = false, inpatient = false, ablation = false
    public var cementoplasty = false, sacroplasty = false, vertebroplasty = false
    public var pelvis = false, acetabulum = false, sacrum = false, vertebra = false, longBone = false
    public var ct = false, fluoroscopy = false
    public var anticoagulants = false, childbearing = false, fasting = false
    public var allergies = false, labTests = false, followUps = false
    /// `interpreter`: the plan asks for one, or the document is not in Italian (set in `build`, which knows the language).
    public var interpreter = false, representative = false, minor = false
    public var fiscalCode = false, address = false, approach = false
    public var complications = false, analgesia = false, noDriving = false
    /// Driving: a date is given (sedation/general, no pelvis or lower limb); the physician decides.
    public var drivingDate = false, drivingPhysician = false
    /// Any blood thinner that the plan says to stop before the procedure.
    public var anticoagulantsStopped = false
    /// The facility's configuration gives an out-of-hours number / ward hours.
    public var outOfHours = false, wardHours = false
    /// A minor whose representative is a parent: both parents sign (L. 219/2017 art. 3).
    public var parents = false
    /// The content is not approved for clinical use.
    public var draft = false
    public init() {}
}
