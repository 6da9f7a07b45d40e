package lang

import "maps"

// The Chinese of what issue 20 added to the walk (look ahead, the saved
// map of the path, the koan's own output, the first run's words), kept
// apart from zh.go so that branches that add words elsewhere merge.
func init() { maps.Copy(chinese, walkChinese) }

var walkChinese = map[string]string{
	// cmd/koans: list from the saved standing
	"print the map as one JSON object (runs every concept)":                                         "把地图打印成一个 JSON 对象（会运行所有概念）",
	"run every concept now, rather than show what the last walk judged":                             "现在运行所有概念，而不是显示上一次走路径时的判定",
	"Nothing has been judged here yet: walk the path first, or run `%s` to judge every koan now.\n": "这里还没有判定过任何 koan：先走一遍路径，或者运行 `%s` 现在判定每一个 koan。\n",
	"As judged %s (%s); a koan that walk did not reach shows ·. `%s` judges every koan now.\n":      "以上是上一次判定的结果（%[2]s，%[1]s）；那次没有走到的 koan 显示为 ·。`%[3]s` 会现在判定每一个 koan。\n",
	"just now":    "刚才",
	"%d min ago":  "%d 分钟前",
	"%d h ago":    "%d 小时前",
	"%d days ago": "%d 天前", "unexpected arguments: %v": "多余的参数：%v",
	// look ahead: make koans KOAN=TestName, make hint KOAN=TestName
	"(%d of %d. Ask again with `make hint KOAN=%s` for a stronger one.)\n":     "（第 %d 条，共 %d 条。再运行 `make hint KOAN=%s` 可以得到更直接的提示。）\n",
	"(%d of %d. Ask again with `go tool koans hint %s` for a stronger one.)\n": "（第 %d 条，共 %d 条。再运行 `go tool koans hint %s` 可以得到更直接的提示。）\n",
	"Looking ahead at %s: your place on the path stays at %s.":                 "提前看看 %s：你在路径上的位置仍然是 %s。",
	"Looking ahead at %s: your place on the path stays where it is.":           "提前看看 %s：你在路径上的位置不变。",
	"It holds: %s.":           "这个 koan 成立：%s。",
	"Every koan of %s holds.": "%s 的每个 koan 都成立。",
	"no koan or concept %q in %s/: name a koan as its test function is named (TestName), or a concept as its folder (05_waitgroup)": "%[2]s/ 里没有叫 %[1]q 的 koan 或概念：koan 用它的测试函数名来指定（TestName），概念用它的目录名来指定（05_waitgroup）",
	"no koan %s in %s/ (name it as its test function is named)":                                                                     "%[2]s/ 里没有 koan %[1]s（用它的测试函数名来指定）",
	"Meditate on %s, edit it, and run `go tool koans %s` again.\nStuck? `go tool koans hint %s` offers a nudge.":                    "好好琢磨 %s，修改它，然后再运行 `go tool koans %s`。\n卡住了？`go tool koans hint %s` 会给你一点提示。",
	"Meditate on %s, edit it, and run `make koans %s` again.\nStuck? `make hint KOAN=%s` offers a nudge.":                           "好好琢磨 %s，修改它，然后再运行 `make koans %s`。\n卡住了？`make hint KOAN=%s` 会给你一点提示。",
	// the koan's own output under the verdict
	"What the koan printed:": "这个 koan 自己打印的内容：",
	// a koan that passes outside the rules, said as it passes
	"✓ %s passes, but is not graded: %s":                                                    "✓ %s 通过了，但不计分：%s",
	"  It counts on your path; for a grade, only a koan whose blanks alone changed counts.": "  它在你的路径上算数；但计分时，只有只改了空白的 koan 才算。",
	// a race between goroutines that wg.Go started
	"by goroutine %s, started by %s in %s": "来自 goroutine %s（由 %s 在 %s 中启动）",
	// the first run: what it builds, and how long that takes
	"First run in this folder: building the course's own packages with the race detector (%d packages; Go's standard library is built already; under a minute).\n": "在这个文件夹里第一次运行：正在带竞态检测器构建课程自己的包（%d 个包；Go 标准库已经构建好了；不到一分钟）。\n",
	"First run in this folder: building the course's own packages (%d packages; Go's standard library is built already; under a minute).\n":                        "在这个文件夹里第一次运行：正在构建课程自己的包（%d 个包；Go 标准库已经构建好了；不到一分钟）。\n",
	"First run here: building Go's standard library and the koans' dependencies with the race detector (%d packages; a few minutes on a small machine, once).\n":   "在这里第一次运行：正在带竞态检测器构建 Go 标准库和 koan 的依赖（%d 个包；在小机器上要几分钟，只有这一次）。\n",
	"First run here: building Go's standard library and the koans' dependencies (%d packages; a few minutes on a small machine, once).\n":                          "在这里第一次运行：正在构建 Go 标准库和 koan 的依赖（%d 个包；在小机器上要几分钟，只有这一次）。\n",
	// stats on a journal of one walk
	"  %d. %s (%s): %d runs, %s\n": "  %d. %s（%s）：运行 %d 次，用时 %s\n",
	"  (none yet)\n":               "（还没有）\n",
	// without a C compiler
	"    ? %s (not judged: the race detector is unavailable here)\n": "    ? %s（未判定：这里没有竞态检测器）\n",
	// a course the learner may not write
	"Note: this walk could not be saved in .koans/ (%v).":                                                     "注意：这次运行没能保存到 .koans/ 中（%v）。",
	"      Your place, the map of the path and your journal are not kept: make the course's folder writable.": "      你在路径上的位置、路径地图和你的日志都没有保存下来：请让课程的文件夹可写。",
	// a package that stopped building
	"(%d passed at the last walk: the koans beyond a package that does not build cannot run, and count again once %s builds.)": "（上一次有 %d 个通过：一个包不能构建时，它后面的 koan 都无法运行；等 %s 能构建了，它们会重新计入。）",
	// GOFLAGS that go test took
	"go test failed before running any koan:\n%s\nGOFLAGS=%s is set in your environment, and go test took its flags from it: unset it (or drop what does not suit this course) and run again.": "go test 还没运行任何 koan 就失败了：\n%s\n你的环境里设置了 GOFLAGS=%s，go test 从中取了参数：取消它（或者去掉不适合这门课程的部分），再运行一次。",
	// reset of a deleted file
	"Bring %s back as shipped in %s? [y/N] ": "把 %s 恢复成发布时的版本（%s）吗？[y/N] ",
	// an import no module of the course provides
	"The koan imports a package that no module of the course provides: the course's go.mod does not require it. The koans need nothing beyond what the course ships: take the import out (adding the module, as go suggests, changes go.mod).": "这个 koan 导入的包不由课程的任何模块提供：课程的 go.mod 里没有 require 它。koan 不需要课程自带之外的任何东西：把这个导入去掉（照 go 的建议添加这个模块，会改动 go.mod）。",
}
