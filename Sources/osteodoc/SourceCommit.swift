/// The source commit this program was built from (`git describe --always --dirty`), or "unknown".
/// The release scripts (scripts/install.sh, scripts/build-deb.sh, through scripts/build-release.sh)
/// write the commit into this file for the length of the build and restore it afterwards; any
/// other build, and a build from a tree without git, says "unknown".
let sourceCommit = "unknown"
