// Package shipped finds the koans as the course shipped them, so that
// reset can put a koan back and grading can tell a filled blank from a
// rewritten assertion.
//
// The learner's own history cannot say what was shipped: in a GitHub
// Classroom repository, or any copy the learner pushes to, origin is their
// own work. So the course records, in the committed file koans.shipped at
// the root, the git tree hash of koans/ as shipped (what `git rev-parse
// HEAD:koans` prints in the course's repository). A git tree hash names
// the content itself: every copy that holds the course's commit holds that
// tree, whatever the learner commits or pushes on top, and git reads the
// shipped files straight from it. The course's tests keep the record true
// in the course's own repository (TestTheRecordNamesTheKoansOnDisk, with
// KOANS_MAINTAINER=1, see CourseEnv); in a learner's copy they leave it
// alone. A remote named upstream is the
// fallback for a course whose record is missing or not in this clone.
//
// Without git (a downloaded ZIP) nothing can be found: Find says so, and
// reset and grading say so in turn.
package shipped
