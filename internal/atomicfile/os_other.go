//go:build !unix

package atomicfile

// SyncDir does nothing where a folder cannot be opened to be synced
// (Windows): there NTFS journals its folder entries itself, and
// MoveFileEx, which os.Rename uses, replaces the file in one step.
func SyncDir(dir string) error { return nil }

// journalFlags is 0 where there is no O_NOFOLLOW: the Lstat before
// opening refuses a link.
const journalFlags = 0

// loopErr reports whether err is what a no-follow open gives for a link;
// there is none here.
func loopErr(error) bool { return false }
