import BodyDiagram
import PlanImport
import XCTest

final class ContractTests: XCTestCase {
    /// The figure knows exactly the contract's codes.
    func testCodesMatchTheContract() {
        XCTAssertEqual(Set(PlanImport.Site.allCases.map(\.rawValue)), Set(BodyDiagram.Site.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(PlanImport.Side.allCases.map(\.rawValue)), Set(BodyDiagram.Side.allCases.map(\.rawValue)))
        for site in PlanImport.Site.allCases {
            XCTAssertEqual(BodyDiagram.Site(rawValue: site.rawValue)?.allowsMidline, site.allowsMidline, site.rawValue)
        }
        for region in ["C": 7, "T": 12, "L": 5] {
            for n in 1...region.value {
                let code = region.key + String(n)
                XCTAssertNotNil(PlanImport.VertebralLevel(code))
                XCTAssertEqual(BodyDiagram.VertebralLevel(code)?.code, code)
            }
        }
        XCTAssertNil(BodyDiagram.VertebralLevel("T13"))
        XCTAssertNil(BodyDiagram.VertebralLevel("L05"))
    }

}
