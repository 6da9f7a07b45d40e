package watch

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// unreliable are the filesystem types whose file events miss saves: the
// change is made by another machine or kernel (a network share, WSL2's
// drvfs for Windows drives, a virtual machine's shared folder), and the
// events, if any, are only those made through this one.
var unreliable = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true,
	"9p": true, "drvfs": true, "virtiofs": true, "vboxsf": true, "fuse": true,
}

// PollReason says whether dir, given the text of /proc/self/mountinfo,
// lies on a mount where file events are not to be trusted, and names that
// mount for the learner: its filesystem type, or "bind" for a bind mount
// (a container's view of its host's folder, whose edits on the host
// the container does not hear of). dir must be absolute, its links
// resolved.
func PollReason(mountinfo, dir string) (reason string, poll bool) {
	m, ok := mountOf(mountinfo, dir)
	switch {
	case !ok:
		return "", false
	case unreliable[m.fsType] || strings.HasPrefix(m.fsType, "fuse."):
		return m.fsType, true
	case m.root != "/" && m.fsType != "btrfs":
		// btrfs mounts a subvolume with its path as root (/@home): that is
		// no bind mount.
		return "bind", true
	}
	return "", false
}

// DetectPolling is PollReason for dir on this machine; it says nothing
// where there is no /proc/self/mountinfo (not Linux).
func DetectPolling(dir string) (reason string, poll bool) {
	info, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return "", false
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return PollReason(string(info), dir)
}

// mount is what matters of one line of mountinfo.
type mount struct {
	root, point, fsType string
}

// mountOf finds the mount dir is on: the one with the longest mount point
// that holds dir, the last one listed when one mount hides another.
func mountOf(mountinfo, dir string) (mount, bool) {
	var best mount
	found := false
	for _, line := range strings.Split(mountinfo, "\n") {
		m, ok := parseMountinfo(line)
		if !ok || !within(dir, m.point) {
			continue
		}
		if !found || len(m.point) >= len(best.point) {
			best, found = m, true
		}
	}
	return best, found
}

// parseMountinfo reads one line of /proc/self/mountinfo:
//
//	36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
//
// fields 4 and 5 are the root of the mount within its filesystem and the
// mount point; the filesystem type follows the lone "-".
func parseMountinfo(line string) (mount, bool) {
	f := strings.Fields(line)
	if len(f) < 7 {
		return mount{}, false
	}
	for i := 6; i < len(f)-1; i++ {
		if f[i] == "-" {
			return mount{root: unescape(f[3]), point: unescape(f[4]), fsType: f[i+1]}, true
		}
	}
	return mount{}, false
}

// unescape undoes mountinfo's octal escapes of blanks and backslashes
// (\040 is a space).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// within: dir is point or under it.
func within(dir, point string) bool {
	if point == "/" || dir == point {
		return true
	}
	return strings.HasPrefix(dir, point+"/")
}
