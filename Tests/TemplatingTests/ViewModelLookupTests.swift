import Mustache
import XCTest
@testable import Templating

/// The hand-written template lookups (ViewModel+Mustache.swift) reach every stored property.
final class ViewModelLookupTests: XCTestCase {
    private func check(_ value: Any, file: StaticString = #filePath, line: UInt = #line) {
        guard let parent = value as? MustacheParent else { return XCTFail("\(type(of: value)) is not a MustacheParent", file: file, line: line) }
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            XCTAssertNotNil(parent.child(named: label), "\(type(of: value)).\(label) is not reachable from templates", file: file, line: line)
            XCTAssertEqual(String(describing: unwrap(parent.child(named: label)!)), String(describing: unwrap(child.value)),
                           "\(type(of: value)).\(label)", file: file, line: line)
        }
    }

    private func unwrap(_ value: Any) -> Any {
        let m = Mirror(reflecting: value)
        if m.displayStyle == .optional, let first = m.children.first { return first.value }
        return value
    }

    func testEveryPropertyIsReachable() throws {
        let vm = try build(examplePlan(), .discharge)
        check(vm)
        for value: Any in [vm.doc, vm.facility, vm.patient, vm.procedure, vm.preparation, vm.is, vm.outcome!,
                           vm.targets[0], vm.followUps[0], vm.timeline[0], vm.outcome!.targets[0],
                           vm.preparation.anticoagulants[0], vm.driving, vm.contacts] {
            check(value)
        }
    }
}
