#!/usr/bin/env python3
"""Classroom 50 autograder for Go Concurrency Koans.

Copy this folder, with the course.tar.gz that `make autograder` builds beside
this file, to CLASSROOM/autograders/ASSIGNMENT/ in the classroom50 config
repository (see docs/instructors.md). Classroom 50's runner calls it once per
submission as `python autograder.py`, with the working directory at the
student's checkout and CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL,
RELEASE_URL and REVIEW_URL in the environment (its wiki: Advanced
Autograding, "Contract").

The learner's repository holds nothing this grade trusts: the course as
shipped (runner, koan helper, go.mod, go.sum, catalogs, koans/) comes from
the bundle, and only the learner's Go files under koans/ are taken from the
checkout, into a fresh copy of that course. `grade -shipped course.tar.gz`
then gives a point to each koan passed within the rules, and writes
./result.json (schema classroom50/result/v1) and the Markdown summary, kept
as ./release-body.md. Exit 0 whenever grading ran, whatever the score; a
non-zero exit is an infrastructure error, as the contract says.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
COURSE = HERE / "course.tar.gz"
# Classroom 50 stops the grade job after 15 minutes, setup and publishing
# included (wiki: Advanced Autograding, "Operational notes"): building the
# runner and grading must end well before. KOANS_GRADE_TIMEOUT (seconds)
# overrides it.
TIMEOUT = int(os.environ.get("KOANS_GRADE_TIMEOUT", "600"))


def extract(archive: pathlib.Path, dest: pathlib.Path) -> None:
    """Extract the course safely (no absolute paths, no links out)."""
    with tarfile.open(archive, "r:gz") as tar:
        if sys.version_info >= (3, 12):
            tar.extractall(dest, filter="data")
            return
        for m in tar.getmembers():
            if not (m.isfile() or m.isdir()) or m.name.startswith(("/", "..")) or "/../" in m.name:
                raise SystemExit(f"autograder: unsafe member in {archive.name}: {m.name!r}")
        tar.extractall(dest)


def take_learners_koans(checkout: pathlib.Path, course: pathlib.Path) -> None:
    """Put the learner's Go files under koans/ into the course, concept by
    concept: only regular files ending in .go, in the concepts the course
    ships; nothing else of the checkout (no go.mod, no link, no runner)."""
    for concept in sorted((course / "koans").iterdir()):
        if not concept.is_dir():
            continue
        for f in concept.glob("*.go"):
            f.unlink()
        mine = checkout / "koans" / concept.name
        if not mine.is_symlink() and mine.is_dir():
            for f in sorted(mine.iterdir()):
                if f.name.endswith(".go") and not f.is_symlink() and f.is_file():
                    shutil.copyfile(f, concept / f.name)
        if not any(concept.glob("*.go")):
            # A concept gone from the checkout goes from the course too:
            # grade counts its koans as shipped but gone, with no point.
            shutil.rmtree(concept)


def run(cmd: list[str], cwd: pathlib.Path, **kw) -> subprocess.CompletedProcess:
    print("autograder: " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=cwd, timeout=TIMEOUT, check=True, **kw)


def main() -> int:
    checkout = pathlib.Path.cwd()
    if not COURSE.is_file():
        print(f"::error::autograder: {COURSE.name} is missing beside autograder.py: run `make autograder` in the course and copy the folder again", file=sys.stderr)
        return 1
    if not (checkout / "koans").is_dir():
        print("::warning::autograder: the submission has no koans/ directory: every koan is graded as gone")
        (checkout / "koans").mkdir()
    with tempfile.TemporaryDirectory(prefix="koans-grade-") as tmp:
        course = pathlib.Path(tmp) / "course"
        extract(COURSE, course)
        take_learners_koans(checkout, course)
        runner = pathlib.Path(tmp) / ("koans-runner.exe" if os.name == "nt" else "koans-runner")
        env = dict(os.environ, GOFLAGS="-mod=readonly", GOWORK="off",
                   KOANS_LANG=os.environ.get("KOANS_LANG", "en"))
        try:
            run(["go", "build", "-o", str(runner), "./cmd/koans"], course, env=env)
            out = run([str(runner), "grade", "-shipped", str(COURSE),
                       "-result", str(checkout / "result.json"), "-markdown"],
                      course, env=env, stdout=subprocess.PIPE, text=True)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"::error::autograder: {exc}", file=sys.stderr)
            return 1
    print(out.stdout)
    (checkout / "release-body.md").write_text(out.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
