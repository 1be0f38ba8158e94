//go:build linux

package main

import (
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// Linux's SCHED_BATCH policy (sched.h). Unprivileged processes may take it.
const schedBatch = 3

// yieldToInteractive puts every thread of this process under SCHED_BATCH (ADR 054): the
// scheduler then never lets this process preempt a running one when it wakes, so the app
// server's write of the update log (every 60 ms) no longer hands its core to the database in the
// middle of relaying keystrokes. The database still runs as soon as the server waits for input,
// and gets its fair share of the CPU as before. Threads started later inherit the policy from
// the thread that starts them; passes repeat until one finds every thread already set.
func yieldToInteractive() error {
	for pass := 0; pass < 5; pass++ {
		changed, err := setBatchOnEveryThread()
		if err != nil || !changed {
			return err
		}
	}
	return nil
}

func setBatchOnEveryThread() (bool, error) {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return false, err
	}
	changed := false
	for _, task := range tasks {
		tid, err := strconv.Atoi(task.Name())
		if err != nil {
			continue
		}
		policy, _, errno := syscall.RawSyscall(syscall.SYS_SCHED_GETSCHEDULER, uintptr(tid), 0, 0)
		if errno == syscall.ESRCH {
			continue // the thread ended meanwhile
		}
		if errno != 0 {
			return changed, errno
		}
		if policy == schedBatch {
			continue
		}
		var param struct{ priority int32 }
		_, _, errno = syscall.RawSyscall(
			syscall.SYS_SCHED_SETSCHEDULER,
			uintptr(tid),
			schedBatch,
			uintptr(unsafe.Pointer(&param)),
		)
		if errno != 0 && errno != syscall.ESRCH {
			return changed, errno
		}
		changed = true
	}
	return changed, nil
}
