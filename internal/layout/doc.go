// Package layout checks the shape of the repository that no other test
// sees (the promises of the README, the dev container, the workflows), so
// that they stay true as the course grows. It holds no code, only tests.
package layout
