//go:build !unix

package inputfile

// openFlags is 0 where there is no O_NONBLOCK (Windows): there named
// pipes live outside the file system (\\.\pipe\), and the Stat before
// opening refuses devices.
const openFlags = 0
