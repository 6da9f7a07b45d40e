package lang

import "maps"

// The Chinese of what issue 23 §1 added: koans that need a newer Go than
// the one at hand, passed over and said once. Kept apart from zh.go so that
// branches that add words elsewhere merge.
func init() { maps.Copy(chinese, goGateChinese) }

var goGateChinese = map[string]string{
	// internal/render: the verdict's note and the progress line
	"Note: %d koan(s) need Go %s, and this is %s: the path passes over them.": "注意：有 %d 个 koan 需要 Go %s，而这里是 %s：路径会跳过它们。",
	"      %s: %s (Go %s)": "      %s：%s（Go %s）",
	"      Install Go %s or newer (or export GOTOOLCHAIN=go%s.0) to walk them too.": "      安装 Go %s 或更新的版本（或者 export GOTOOLCHAIN=go%s.0），就能把它们也走一遍。",
	"Every koan this Go can run holds.":                                             "这个 Go 能运行的 koan 全都成立了。",
	"The rest of the path needs Go %s (see the note above).":                        "路径的其余部分需要 Go %s（见上面的注意）。",
	"         and %d koan(s) more with Go %s":                                       "     用 Go %[2]s 还能再走 %[1]d 个 koan",
	// internal/render: list
	"    - %s (needs Go %s)\n":              "    - %s（需要 Go %s）\n",
	"%d more need Go %s, and this is %s.\n": "另有 %d 个需要 Go %s，而这里是 %s。\n",
	// internal/grade
	"%d koan(s) were not gradable on this Go (%s): they need Go %s or newer, and earn no point here.\n": "有 %d 个 koan 在这个 Go（%s）上无法评分：它们需要 Go %s 或更新的版本，在这里不得分。\n",
	// internal/walk: a look ahead at a koan this Go cannot run
	"%s needs Go %s, and this is %s, which leaves its file out: it cannot run here.\nInstall Go %s or newer, or run it with GOTOOLCHAIN=go%s.0 (the go command then fetches that release).": "%s 需要 Go %s，而这里是 %s，它会把这个文件排除在外：这里运行不了。\n安装 Go %s 或更新的版本，或者用 GOTOOLCHAIN=go%s.0 来运行（go 命令会去下载那个版本）。",
}
