package watch

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Lines of /proc/self/mountinfo as real machines write them.
const (
	ext4Root  = `26 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict`
	wsl2C     = `82 65 0:57 / /mnt/c rw,noatime - 9p C:\134 rw,dirsync,aname=drvfs;path=C:\;uid=1000;gid=1000;symlinkroot=/mnt/,mmap,access=client,msize=65536,trans=fd,rfd=5,wfd=5`
	wsl1C     = `71 62 0:56 / /mnt/c rw,noatime - drvfs C:\134 rw,case=off`
	qemuShare = `45 26 0:40 / /home/ana/share rw,relatime - 9p hostshare rw,sync,dirsync,access=client,trans=virtio`
	nfsHome   = `120 26 0:50 / /home rw,relatime shared:70 - nfs4 fileserver:/export/home rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.5,local_lock=none,addr=10.0.0.2`
	dockerFS  = `580 430 0:51 / / rw,relatime master:226 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF,upperdir=/var/lib/docker/overlay2/123/diff,workdir=/var/lib/docker/overlay2/123/work`
	dockerBnd = `601 580 254:1 /home/ana/concurrency /workspace rw,relatime - ext4 /dev/vda1 rw`
	btrfsHome = `30 1 0:27 /@home /home rw,relatime shared:2 - btrfs /dev/sda2 rw,space_cache=v2,subvolid=257,subvol=/@home`
	sshfs     = `60 26 0:55 / /home/ana/remote rw,nosuid,nodev,relatime shared:300 - fuse.sshfs ana@host:/src rw,user_id=1000,group_id=1000`
	smbSpace  = `50 26 0:60 / /mnt/my\040share rw,relatime - cifs //srv/share rw,vers=3.1.1`
)

func TestPollReason(t *testing.T) {
	for _, c := range []struct {
		name, mountinfo, dir string
		want                 string // "" for file events
	}{
		{"ext4", ext4Root, "/home/ana/concurrency", ""},
		{"WSL2 Windows drive", ext4Root + "\n" + wsl2C, "/mnt/c/Users/ana/concurrency", "9p"},
		{"WSL2 own disk", ext4Root + "\n" + wsl2C, "/home/ana/concurrency", ""},
		{"WSL1 drvfs", ext4Root + "\n" + wsl1C, "/mnt/c/concurrency", "drvfs"},
		{"not a prefix by name", ext4Root + "\n" + wsl1C, "/mnt/cdrive/concurrency", ""},
		{"virtual machine share", ext4Root + "\n" + qemuShare, "/home/ana/share/concurrency", "9p"},
		{"nfs4 home", ext4Root + "\n" + nfsHome, "/home/ana/concurrency", "nfs4"},
		{"container's own overlay", dockerFS, "/src/concurrency", ""},
		{"container bind mount", dockerFS + "\n" + dockerBnd, "/workspace", "bind"},
		{"btrfs subvolume", ext4Root + "\n" + btrfsHome, "/home/ana/concurrency", ""},
		{"sshfs", ext4Root + "\n" + sshfs, "/home/ana/remote/concurrency", "fuse.sshfs"},
		{"a mount point with a space", ext4Root + "\n" + smbSpace, "/mnt/my share/concurrency", "cifs"},
		{"the later of two mounts on one point", wsl1C + "\n" + `90 71 8:1 / /mnt/c rw - ext4 /dev/sdb1 rw`, "/mnt/c/x", ""},
		{"no mountinfo", "", "/home", ""},
		{"a broken line", "26 1 254:0 / /", "/home", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, poll := PollReason(c.mountinfo, c.dir)
			assert.Equal(t, c.want, got)
			assert.Equal(t, c.want != "", poll)
		})
	}
}
