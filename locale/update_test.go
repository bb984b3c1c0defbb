package locale

// go test ./... -update hands -update to this package's tests too, which
// have no golden files: the flag is defined once, in internal/golden (its
// package comment says why), and imported here for the flag alone.
import _ "handout/internal/golden"
