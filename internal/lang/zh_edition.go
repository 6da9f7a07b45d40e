package lang

import "maps"

// The Chinese of lang zh|en (internal/edition), kept apart from zh.go so
// that branches that add words elsewhere merge.
func init() { maps.Copy(chinese, editionChinese) }

var editionChinese = map[string]string{
	"%s: the lesson above %s reads as neither the course's English nor its Chinese: left as it is.\n":              "%s：%s 上方的讲解注释既不是课程的英文，也不是它的中文：保持原样。\n",
	"%s: the comment beside a blank of %s reads as neither the course's English nor its Chinese: left as it is.\n": "%s：%s 里空白旁的注释既不是课程的英文，也不是它的中文：保持原样。\n",
	"Nothing to change: the koans' comments are already in %s.\n":                                                  "无需改动：koan 的注释已经是%s了。\n",
	"Rewrite the comments of %d koan file(s) in %s? The code stays as it is; your files are kept in %s. [y/N] ":    "把 %d 个 koan 文件的注释改写成%s吗？代码保持不变；你的文件会保存在 %s。[y/N] ",
	"The comments of %d koan file(s) are now in %s; your files as they were are in %s.\n":                          "%d 个 koan 文件的注释已改写成%s；改写之前的文件保存在 %s。\n",
	// koan: the helper's reports, when a koan runs under plain go test
	"%s %s made no progress for %v, and every goroutine of it is blocked (KOANS_STUCK_AFTER=off turns this guard off). Its goroutines:\n": "%s %s 已经 %v 没有任何进展，它的 goroutine 全都阻塞了（KOANS_STUCK_AFTER=off 可以关掉这个卡死守卫）。它的 goroutine：\n",
	"koan: each of them waits for another: a deadlock.\n":                                                                    "koan: 它们每一个都在等另一个：死锁。\n",
	"koan: all goroutines at that moment:\n\n%s\n":                                                                           "koan: 那一刻的所有 goroutine：\n\n%s\n",
	"%s %s has run for %v of the %v go test allows, and is not blocked: it is slow, or a loop never ends. Its goroutines:\n": "%s %s 已运行 %v（go test 允许 %v），而它并没有阻塞：要么它很慢，要么有个循环永不结束。它的 goroutine：\n",
	"%s these goroutines outlived the koan that started them:\n":                                                             "%s 这些 goroutine 比启动它们的 koan 活得还久：\n",
	"koan: a goroutine must be able to finish; nothing else will stop it.\n\n%s\n":                                           "koan: goroutine 必须能够自己结束；没有别的东西会让它停下。\n\n%s\n",
	"koan:   goroutine %d of %s is running at %s":                                                                            "koan:   %[2]s 的 goroutine %[1]d 正在 %[3]s 运行",
	"koan:   goroutine %d of %s waits (%s) at %s":                                                                            "koan:   %[2]s 的 goroutine %[1]d 在 %[4]s 等待（%[3]s）",
	", started at %s:%d": "，在 %s:%d 启动",
	// internal/shipped: which version of the koans reset compares with
	"this copy of the course is not a git repository (a downloaded ZIP?), so the koans as shipped are not here: download the course again, or clone it, to compare with them": "这份课程不是一个 git 仓库（是下载的 ZIP 吗？），所以这里没有发布时的 koan：请重新下载或克隆课程，再拿来比较",
	"the course as shipped (koans/ tree %s, named in %s)": "发布时的课程（koans/ 树 %s，记在 %s 里）",
	"koans/ of %s (commit %s)":                            "%s 的 koans/（提交 %s）",
	"%s names the koans/ tree %s, which this clone does not hold (a shallow clone? `git fetch --unshallow` brings the course's history)":                                                                    "%s 记的是 koans/ 树 %s，而这个克隆里没有它（是浅克隆吗？`git fetch --unshallow` 可以取回课程的历史）",
	"there is no %s at the root and no upstream remote, so the koans as shipped cannot be told from yours: add the course as a remote (`git remote add upstream <the course's URL> && git fetch upstream`)": "根目录下没有 %s，也没有 upstream 远程仓库，所以分不清哪些是发布时的 koan、哪些是你的：请把课程添加为远程仓库（`git remote add upstream <the course's URL> && git fetch upstream`）",
	"the course as shipped in %s": "%s 里发布时的课程",
	"%d of %d koans have no Chinese in their catalog yet: their comments stay in English.\n": "%[2]d 个 koan 中有 %[1]d 个在 catalog 里还没有中文：它们的注释仍是英文。\n",
	"Chinese": "中文",
	", ":      "、", // between the kinds of failure stats lists
	"English": "英文",
	"cannot keep a backup of %s, so it was not changed: %w":                                                 "无法备份 %s，所以没有改动它：%w",
	"usage: go tool koans lang [-y] zh|en (the language of the koans' comments)":                            "用法：go tool koans lang [-y] zh|en（koan 注释所用的语言）",
	"put the comments of your koan files (lessons, prompts) in Chinese, or back in English; code untouched": "把你的 koan 文件的注释（讲解、空白旁的提示）改写成中文，或改回英文；代码不动",
}

// kindWords name the kinds of failure (internal/kind's ids, as the journal
// records them) in Chinese, in the glossary's terms.
var kindWords = map[string]string{
	"blank":    "填空",
	"assert":   "断言",
	"race":     "数据竞争",
	"leak":     "goroutine 泄漏",
	"deadlock": "死锁",
	"panic":    "panic",
	"fatal":    "fatal error",
	"compile":  "编译错误",
	"vet":      "go vet",
	"timeout":  "超时",
	"missing":  "koan 缺失",
	"skipped":  "跳过",
}

// Kind names a kind of failure, given by its id (blank, race, ...): the
// id itself in English, a word in Chinese.
func (l Lang) Kind(id string) string {
	if w, ok := kindWords[id]; ok && l == Chinese {
		return w
	}
	return id
}
