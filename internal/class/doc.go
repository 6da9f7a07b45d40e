// Package class answers an instructor's question no peer answers: where do
// my learners get stuck? It reads many learners' results, each in one of
// the forms a course leaves behind:
//
//   - a Classroom 50 result.json (schema classroom50/result/v1, as
//     `grade -result` writes it): which koans passed within the rules, and
//     how the others fail;
//   - a learner's journal (.koans/journal.jsonl, or a copy of it named
//     journal-NAME.jsonl), committed on purpose: when each koan was reached
//     and passed, the runs and hints it took, how it failed (package
//     journal);
//   - a folder of clones, or of such files: each clone (a directory with
//     koans/ or .koans/) is one learner, named by its directory.
//
// A learner is named by result.json's owner, by the journal file's NAME, or
// by the directory that holds it; both forms of one learner are merged (the
// grade decides what passed, the journal how it went). Build sums them up
// per koan (reached, passed, median runs and time to green, the mix of
// failure kinds, hints asked; the hardest first) and per learner (progress
// by concept), and writes CSV, JSON, and one self-contained HTML page (no
// network: inline CSS, SVG and JavaScript) with a koan × learner heatmap,
// readable on a phone. Anonymize replaces the names by learner-01,
// learner-02..., in the order of the names, so a class view can be shown
// without them.
package class
