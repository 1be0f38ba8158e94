//go:build !linux

package main

// yieldToInteractive: only Linux has SCHED_BATCH (sched_linux.go); elsewhere the database runs
// under the usual policy.
func yieldToInteractive() error { return nil }
