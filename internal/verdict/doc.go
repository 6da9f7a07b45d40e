// Package verdict is the runner's machine-readable contract: the -json
// verdict (Verdict: where the learner stands, the failing koan, its kind,
// the blocked goroutines) and list -json's map of the path (PathMap), each
// made from a walk's standing, with the koan's output cleaned of terminal
// controls. It knows nothing of colour or of the terminal: the text printer
// (package render), the graders and the tests all read it. Fields are
// added, never renamed or dropped.
package verdict
