import Mustache

// Field lookup for the templates without reflection: swift-mustache falls back to
// `Mirror` (a linear scan of all children per lookup) unless a type is a
// `MustacheParent`. Keep these in step with the stored properties in ViewModel.swift;
// `ViewModelLookupTests` checks every property is reachable.

extension ViewModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "t": return self.t
        case "doc": return self.doc
        case "facility": return self.facility
        case "patient": return self.patient
        case "procedure": return self.procedure
        case "targets": return self.targets
        case "preparation": return self.preparation
        case "followUps": return self.followUps
        case "outcome": return self.outcome as Any
        case "timeline": return self.timeline
        case "driving": return self.driving
        case "contacts": return self.contacts
        case "is": return self.`is`
        default: return nil
        }
    }
}

extension DocumentInfo: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "documentId": return self.documentId
        case "contentVersion": return self.contentVersion
        case "languageName": return self.languageName
        case "provenance": return self.provenance
        case "approval": return self.approval
        case "notApproved": return self.notApproved
        default: return nil
        }
    }
}

extension FacilityView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "department": return self.department
        case "phone": return self.phone
        case "emergencyNumber": return self.emergencyNumber
        case "address": return self.address
        default: return nil
        }
    }
}

extension PatientView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "fullName": return self.fullName
        case "familyName": return self.familyName
        case "givenName": return self.givenName
        case "birthDate": return self.birthDate
        case "mrn": return self.mrn
        case "fiscalCode": return self.fiscalCode
        case "language": return self.language
        case "representativeName": return self.representativeName
        case "representativeRole": return self.representativeRole
        default: return nil
        }
    }
}

extension ProcedureView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "technicalName": return self.technicalName
        case "indication": return self.indication
        case "scheduled": return self.scheduled
        case "duration": return self.duration
        case "setting": return self.setting
        case "anaesthesia": return self.anaesthesia
        case "guidance": return self.guidance
        case "operatorName": return self.operatorName
        case "operatorTitle": return self.operatorTitle
        case "ablation": return self.ablation
        default: return nil
        }
    }
}

extension TargetView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": return self.number
        case "site": return self.site
        case "side": return self.side
        case "lesion": return self.lesion
        case "needles": return self.needles
        case "cement": return self.cement
        case "approach": return self.approach
        case "siteCode": return self.siteCode
        case "sideCode": return self.sideCode
        case "levelCode": return self.levelCode
        default: return nil
        }
    }
}

extension AnticoagulantView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "drug": return self.drug
        case "stop": return self.stop
        case "resume": return self.resume
        default: return nil
        }
    }
}

extension PreparationView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "fastingText": return self.fastingText
        case "fastingFrom": return self.fastingFrom
        case "anticoagulants": return self.anticoagulants
        case "anticoagulantAdvice": return self.anticoagulantAdvice
        case "allergies": return self.allergies
        case "labTests": return self.labTests
        default: return nil
        }
    }
}

extension FollowUpView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "kind": return self.kind
        case "with": return self.with
        case "when": return self.when
        case "contact": return self.contact
        default: return nil
        }
    }
}

extension OutcomeTargetView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": return self.number
        case "site": return self.site
        case "side": return self.side
        case "lesion": return self.lesion
        case "needles": return self.needles
        case "plannedCement": return self.plannedCement
        case "treated": return self.treated
        case "cement": return self.cement
        case "leakage": return self.leakage
        default: return nil
        }
    }
}

extension OutcomeView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "started": return self.started
        case "ended": return self.ended
        case "discharge": return self.discharge
        case "targets": return self.targets
        case "complications": return self.complications
        case "analgesia": return self.analgesia
        default: return nil
        }
    }
}

extension TimelineEntry: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "when": return self.when
        case "what": return self.what
        default: return nil
        }
    }
}

extension Flags: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "sedation": return self.sedation
        case "general": return self.general
        case "localOnly": return self.localOnly
        case "daySurgery": return self.daySurgery
        case "inpatient": return self.inpatient
        case "ablation": return self.ablation
        case "cementoplasty": return self.cementoplasty
        case "sacroplasty": return self.sacroplasty
        case "vertebroplasty": return self.vertebroplasty
        case "pelvis": return self.pelvis
        case "acetabulum": return self.acetabulum
        case "sacrum": return self.sacrum
        case "vertebra": return self.vertebra
        case "longBone": return self.longBone
        case "ct": return self.ct
        case "fluoroscopy": return self.fluoroscopy
        case "anticoagulants": return self.anticoagulants
        case "childbearing": return self.childbearing
        case "fasting": return self.fasting
        case "allergies": return self.allergies
        case "labTests": return self.labTests
        case "followUps": return self.followUps
        case "interpreter": return self.interpreter
        case "representative": return self.representative
        case "minor": return self.minor
        case "fiscalCode": return self.fiscalCode
        case "address": return self.address
        case "approach": return self.approach
        case "complications": return self.complications
        case "analgesia": return self.analgesia
        case "noDriving": return self.noDriving
        case "drivingDate": return self.drivingDate
        case "drivingPhysician": return self.drivingPhysician
        case "anticoagulantsStopped": return self.anticoagulantsStopped
        case "outOfHours": return self.outOfHours
        case "wardHours": return self.wardHours
        case "parents": return self.parents
        case "draft": return self.draft
        default: return nil
        }
    }
}

extension DrivingView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "statement": return self.statement
        case "notBefore": return self.notBefore
        default: return nil
        }
    }
}

extension ContactsView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "outOfHoursPhone": return self.outOfHoursPhone
        case "wardHours": return self.wardHours
        case "outOfHoursAdvice": return self.outOfHoursAdvice
        default: return nil
        }
    }
}
