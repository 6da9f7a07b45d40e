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
	"Chinese": "中文",
	"English": "英文",
	"cannot keep a backup of %s, so it was not changed: %w":                                                 "无法备份 %s，所以没有改动它：%w",
	"usage: go tool koans lang [-y] zh|en (the language of the koans' comments)":                            "用法：go tool koans lang [-y] zh|en（koan 注释所用的语言）",
	"put the comments of your koan files (lessons, prompts) in Chinese, or back in English; code untouched": "把你的 koan 文件的注释（讲解、空白旁的提示）改写成中文，或改回英文；代码不动",
}
