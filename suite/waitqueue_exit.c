// SPDX-License-Identifier: GPL-2.0
/*
 * WAITQUEUE-005 and -006: a process that ends while its vCPUs sleep in the
 * ring's wait, by closing the VM fd or by SIGKILL, must not hang.  Each
 * test forks a child that puts its vCPUs to sleep, so that a hang costs
 * the child, which the parent reaps within a bound or kills.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#include "util.h"
#include "waitqueue.h"

/*
 * In a child: @n vCPUs of a wait-queue VM on watched threads, all asleep
 * at their soft limit.  Exits the child with KSFT_FAIL when one is not.
 */
static struct ds_vm *wq_child_asleep(const struct ds_test_opts *o, uint32_t n,
				     struct ds_watch *w)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	uint32_t i;

	wq_cfg(&cfg, o, n, 16);
	dvm = ds_vm_create(&cfg);
	for (i = 0; i < n; i++)
		ds_watch_start(&w[i], &dvm->vcpus[i], 0);
	for (i = 0; i < n; i++)
		ok &= ds_check(wq_wait_asleep(&w[i]), "child: vCPU %u asleep in KVM_RUN", i);
	if (!ok)
		exit(KSFT_FAIL);
	return dvm;
}

/*
 * Fork a child whose WQ_MAX_VCPUS vCPUs all sleep at their soft limit.
 * The child gets 0, with *dvm set, once it has told the parent; the
 * parent gets the pid, and *ready false when the child exited before its
 * vCPUs slept (its exit status then says why).
 */
static pid_t wq_fork_asleep(const struct ds_test_opts *o, struct ds_watch *w,
			    struct ds_vm **dvm, bool *ready)
{
	int fds[2];
	pid_t pid;
	char c;

	TEST_ASSERT(!pipe(fds), "pipe");
	pid = fork();
	TEST_ASSERT(pid >= 0, "fork");
	if (!pid) {
		close(fds[0]);
		*dvm = wq_child_asleep(o, WQ_MAX_VCPUS, w);
		TEST_ASSERT(write(fds[1], "c", 1) == 1, "write");
		return 0;
	}
	close(fds[1]);
	*ready = read(fds[0], &c, 1) == 1;
	close(fds[0]);
	return pid;
}

/* Reap @pid within @bound_ms, else SIGKILL it; false when it hung. */
static bool wq_reap(pid_t pid, int *status, uint64_t bound_ms, uint64_t *ms)
{
	uint64_t t0 = ds_now_ns();

	for (;;) {
		*ms = (ds_now_ns() - t0) / 1000000;
		if (waitpid(pid, status, WNOHANG) == pid)
			return true;
		if (*ms > bound_ms) {
			kill(pid, SIGKILL);
			return false;
		}
		wq_nap();
	}
}

/*
 * WAITQUEUE-005: closing the VM fd while vCPUs sleep wakes them; as nobody
 * can reset any more, they exit with KVM_EXIT_DIRTY_RING_FULL, and the
 * process then exits (destroying the VM) without hanging.
 */
int wq_close(const struct ds_test_opts *o)
{
	struct ds_watch w[WQ_MAX_VCPUS];
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t ms;
	const char *why;
	int status = 0;
	bool ok = true, reaped, closed;
	uint32_t i;
	pid_t pid;

	why = wq_cfg(&cfg, o, WQ_MAX_VCPUS, 16);
	if (why)
		return ds_skip("%s", why);
	pid = wq_fork_asleep(o, w, &dvm, &closed);
	if (!pid) {
		close(dvm->vm->fd);
		for (i = 0; i < WQ_MAX_VCPUS; i++) {
			wq_poll(wq_cond_returned, &w[i], 0);
			ok &= ds_check(DS_WATCH_GET(w[i].ring_full) == 1 &&
				       DS_WATCH_GET(w[i].runs) == 1,
				       "child: vCPU %u after the close: %lu KVM_RUN returns, %lu ring-full",
				       i, DS_WATCH_GET(w[i].runs), DS_WATCH_GET(w[i].ring_full));
		}
		/* Exiting closes the vCPU fds: the VM goes with them. */
		_exit(ok ? KSFT_PASS : KSFT_FAIL);
	}
	/* The child waits WQ_WAIT_MS at most for its threads, then exits. */
	reaped = wq_reap(pid, &status, 2 * WQ_WAIT_MS, &ms);
	/* Only now: the child's lines and ours must not interleave. */
	ok = ds_check(closed, "child: its vCPUs asleep, it closed the VM fd");
	ok &= ds_check(reaped, "child reaped %lu ms after the close", ms);
	ok &= ds_check(WIFEXITED(status) && WEXITSTATUS(status) == KSFT_PASS,
		       "child exit status %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return ds_result(ok);
}

/*
 * WAITQUEUE-006: SIGKILL of a process whose vCPUs sleep (VM fd open):
 * the process dies and is reaped, its VM destroyed, without a hang.
 */
int wq_kill(const struct ds_test_opts *o)
{
	struct ds_watch w[WQ_MAX_VCPUS];
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	int status = 0;
	const char *why;
	uint64_t ms;
	bool ok, reaped, ready;
	pid_t pid;

	why = wq_cfg(&cfg, o, WQ_MAX_VCPUS, 16);
	if (why)
		return ds_skip("%s", why);
	pid = wq_fork_asleep(o, w, &dvm, &ready);
	if (!pid)
		for (;;)
			pause();
	ok = ds_check(ready, "child: its vCPUs asleep");
	if (ok)
		kill(pid, SIGKILL);
	reaped = wq_reap(pid, &status, WQ_WAIT_MS, &ms);
	ok &= ds_check(reaped, "child reaped %lu ms after SIGKILL", ms);
	ok &= ds_check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		       "child died of SIGKILL (status %#x)", status);
	return ds_result(ok);
}
