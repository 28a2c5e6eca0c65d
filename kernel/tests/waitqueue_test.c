// SPDX-License-Identifier: GPL-2.0
/*
 * waitqueue_test: the self-check of kernel/patches, run inside the patched
 * kernel by `make kernel-check` (dirtysuite vm --cmd).  KTAP on stdout.
 *
 * KVM_CAP_DIRTY_LOG_RING_WAITQUEUE: a vCPU whose dirty ring is soft-full
 * sleeps in KVM_RUN until KVM_RESET_DIRTY_RINGS instead of exiting with
 * KVM_EXIT_DIRTY_RING_FULL.  Checked here: the capability is reported and
 * its enable rules hold; the vCPU sleeps and never exits ring-full; a signal
 * ends the wait with -EINTR / KVM_EXIT_INTR and the next KVM_RUN sleeps
 * again; a reset resumes it, with every written page in the ring and the
 * ring never past its size; closing the VM fd wakes it; SIGKILL of a process
 * whose vCPU sleeps does not hang.  On a kernel without
 * the capability every check is a skip (exit 4).
 */
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "kvm_util.h"
#include "processor.h"
#include "ucall_common.h"
#include "ds_uapi.h"

/* 64 KiB ring: 4096 entries, well above Intel PML's 512 reserved ones */
#define RING_BYTES		(64 * 1024)
#define RING_ENTRIES		(RING_BYTES / sizeof(struct kvm_dirty_gfn))
/* twice the ring, so that one pass must block at least once */
#define TEST_PAGES		(2 * RING_ENTRIES)
#define TEST_SLOT		1
#define TEST_GPA		(1ul << 30)
/* how long a ring that stopped growing must stay still to count as asleep */
#define STILL_MS		300
#define WAIT_MS			60000

static uint64_t guest_nr_pages;

static void guest_code(void)
{
	uint64_t pass, i;

	for (pass = 1;; pass++) {
		for (i = 0; i < READ_ONCE(guest_nr_pages); i++)
			*(volatile uint64_t *)(TEST_GPA + i * 4096) = pass;
		GUEST_SYNC(pass);
	}
}

static struct kvm_vcpu *vcpu;
static struct kvm_dirty_gfn *ring;
static uint32_t fetch_index;
static unsigned long seen[TEST_PAGES / 64 + 1];

/* Written by the vCPU thread, read by the main thread. */
static int stop, nr_runs, nr_eintr, nr_ring_full, nr_syncs, intr_reason_ok;

static void *vcpu_thread(void *arg)
{
	struct ucall uc;
	int r;

	while (!READ_ONCE(stop)) {
		r = __vcpu_run(vcpu);
		if (r < 0) {
			TEST_ASSERT(errno == EINTR, "KVM_RUN: %s", strerror(errno));
			if (vcpu->run->exit_reason == KVM_EXIT_INTR)
				WRITE_ONCE(intr_reason_ok, 1);
			__atomic_add_fetch(&nr_eintr, 1, __ATOMIC_SEQ_CST);
		} else if (vcpu->run->exit_reason == KVM_EXIT_DIRTY_RING_FULL) {
			__atomic_add_fetch(&nr_ring_full, 1, __ATOMIC_SEQ_CST);
		} else {
			switch (get_ucall(vcpu, &uc)) {
			case UCALL_SYNC:
				__atomic_add_fetch(&nr_syncs, 1, __ATOMIC_SEQ_CST);
				break;
			case UCALL_ABORT:
				REPORT_GUEST_ASSERT(uc);
				break;
			default:
				TEST_FAIL("unexpected exit %s",
					  exit_reason_str(vcpu->run->exit_reason));
			}
		}
		__atomic_add_fetch(&nr_runs, 1, __ATOMIC_SEQ_CST);
	}
	return NULL;
}

static void on_sigusr1(int sig)
{
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

static bool gfn_dirtied(struct kvm_dirty_gfn *gfn)
{
	return __atomic_load_n(&gfn->flags, __ATOMIC_ACQUIRE) == KVM_DIRTY_GFN_F_DIRTY;
}

/* ring_used: entries pushed and not yet harvested */
static uint32_t ring_used(void)
{
	uint32_t n = 0;

	while (n < RING_ENTRIES && gfn_dirtied(&ring[(fetch_index + n) % RING_ENTRIES]))
		n++;
	return n;
}

/* ring_harvest: collect every dirty entry into seen[]; returns how many */
static uint32_t ring_harvest(void)
{
	struct kvm_dirty_gfn *e;
	uint32_t n = 0;

	for (;; n++) {
		e = &ring[fetch_index % RING_ENTRIES];
		if (!gfn_dirtied(e))
			break;
		TEST_ASSERT(e->slot == TEST_SLOT && e->offset < TEST_PAGES,
			    "bad entry slot %u offset %llu", e->slot, e->offset);
		seen[e->offset / 64] |= 1ul << (e->offset % 64);
		__atomic_store_n(&e->flags, KVM_DIRTY_GFN_F_RESET, __ATOMIC_RELEASE);
		fetch_index++;
	}
	return n;
}

/* ring_wait_still: wait until the ring stops growing; returns its fill */
static uint32_t ring_wait_still(void)
{
	uint32_t last = ring_used(), now;
	long waited;

	for (waited = 0; waited < WAIT_MS; waited += STILL_MS) {
		sleep_ms(STILL_MS);
		now = ring_used();
		if (now == last && now > 0)
			return now;
		last = now;
	}
	TEST_FAIL("the ring never stopped growing (%u entries)", last);
	return 0;
}

static bool wait_counter(int *counter, int want)
{
	long waited;

	for (waited = 0; waited < WAIT_MS; waited += 10) {
		if (__atomic_load_n(counter, __ATOMIC_SEQ_CST) >= want)
			return true;
		sleep_ms(10);
	}
	return false;
}

static void result(int n, bool ok, const char *what)
{
	printf("%sok %d waitqueue: %s\n", ok ? "" : "not ", n, what);
	if (!ok) {
		/* later checks build on this one: stop here */
		printf("# Totals: pass:%d fail:1 xfail:0 xpass:0 skip:0 error:0\n", n - 1);
		exit(KSFT_FAIL);
	}
}

/* vm_setup: one vCPU, wait-queue ring, TEST_PAGES logged pages at TEST_GPA */
static struct kvm_vm *vm_setup(void)
{
	struct kvm_vm *vm = vm_create(1);

	vm_enable_dirty_ring(vm, RING_BYTES);
	vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, 0);
	vcpu = vm_vcpu_add(vm, 0, guest_code);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, TEST_GPA, TEST_SLOT,
				    TEST_PAGES, KVM_MEM_LOG_DIRTY_PAGES);
	virt_map(vm, TEST_GPA, TEST_GPA, TEST_PAGES);
	guest_nr_pages = TEST_PAGES;
	sync_global_to_guest(vm, guest_nr_pages);
	ring = vcpu_map_dirty_ring(vcpu);
	return vm;
}

/*
 * check_kill: a process whose vCPU sleeps in the ring, VM fd open, dies of
 * SIGKILL; its exit (closing the fds, destroying the VM) must not hang.
 */
static void check_kill(void)
{
	int fds[2], status = 0;
	pthread_t thread;
	long waited;
	pid_t pid;
	char c;

	TEST_ASSERT(!pipe(fds), "pipe");
	pid = fork();
	TEST_ASSERT(pid >= 0, "fork");
	if (!pid) {
		close(fds[0]);
		fetch_index = 0;
		stop = 0;
		vm_setup();
		pthread_create(&thread, NULL, vcpu_thread, NULL);
		ring_wait_still();
		TEST_ASSERT(write(fds[1], "b", 1) == 1, "write");
		for (;;)
			pause();
	}
	close(fds[1]);
	TEST_ASSERT(read(fds[0], &c, 1) == 1, "the child never blocked");
	kill(pid, SIGKILL);
	for (waited = 0; waited < WAIT_MS; waited += 10) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		sleep_ms(10);
	}
	printf("# child reaped after %ld ms\n", waited);
	result(7, waited < WAIT_MS && WIFSIGNALED(status),
	       "SIGKILL of a process with a sleeping vCPU does not hang");
}

static void check_enable_rules(void)
{
	struct kvm_enable_cap cap = { .cap = KVM_CAP_DIRTY_LOG_RING_WAITQUEUE };
	struct kvm_vm *vm;
	bool ok;
	int r;

	vm = vm_create_barebones();
	r = __vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, 0);
	ok = r == -1 && errno == EINVAL;
	printf("# without a ring: %d (%s)\n", r, r ? strerror(errno) : "ok");
	kvm_vm_free(vm);

	vm = vm_create_barebones();
	vm_enable_dirty_ring(vm, RING_BYTES);
	cap.flags = 1;
	r = __vm_ioctl(vm, KVM_ENABLE_CAP, &cap);
	ok &= r == -1 && errno == EINVAL;
	printf("# flags 1: %d (%s)\n", r, r ? strerror(errno) : "ok");
	__vm_vcpu_add(vm, 0);
	r = __vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, 0);
	ok &= r == -1 && errno == EINVAL;
	printf("# after a vCPU: %d (%s)\n", r, r ? strerror(errno) : "ok");
	kvm_vm_free(vm);

	result(2, ok, "KVM_ENABLE_CAP: EINVAL without ring, with flags, after a vCPU");
}

int main(int argc, char *argv[])
{
	struct sigaction sa = { .sa_handler = on_sigusr1 };
	uint32_t used, i, missing = 0;
	pthread_t thread;
	struct kvm_vm *vm;
	int runs, r;

	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("KTAP version 1\n1..7\n");

	vm = vm_create_barebones();
	r = vm_check_cap(vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE);
	kvm_vm_free(vm);
	if (r != 1) {
		for (i = 1; i <= 7; i++)
			printf("ok %u waitqueue # SKIP KVM_CAP_DIRTY_LOG_RING_WAITQUEUE is %d\n",
			       i, r);
		return KSFT_SKIP;
	}
	result(1, true, "KVM_CHECK_EXTENSION reports 1");
	check_enable_rules();

	TEST_ASSERT(!sigaction(SIGUSR1, &sa, NULL), "sigaction");
	vm = vm_setup();

	/* 3: the vCPU fills its ring to the soft limit and sleeps there. */
	pthread_create(&thread, NULL, vcpu_thread, NULL);
	used = ring_wait_still();
	runs = READ_ONCE(nr_runs);
	printf("# asleep with %u of %lu entries used, %d KVM_RUN returns\n",
	       used, RING_ENTRIES, runs);
	result(3, used >= RING_ENTRIES / 2 && used <= RING_ENTRIES && runs == 0 &&
	       !READ_ONCE(nr_ring_full),
	       "soft-full vCPU sleeps in KVM_RUN, no KVM_EXIT_DIRTY_RING_FULL");

	/* 4: a signal ends the wait; KVM_RUN again sleeps again. */
	pthread_kill(thread, SIGUSR1);
	r = wait_counter(&nr_eintr, 1);
	sleep_ms(STILL_MS);
	printf("# after the signal: %d EINTR, exit_reason INTR %d, %u entries used\n",
	       READ_ONCE(nr_eintr), READ_ONCE(intr_reason_ok), ring_used());
	result(4, r && READ_ONCE(intr_reason_ok) && ring_used() == used &&
	       READ_ONCE(nr_runs) == 1 && !READ_ONCE(nr_ring_full),
	       "signal: KVM_RUN -EINTR with KVM_EXIT_INTR, then sleeps again");

	/* 5: resets resume it; one whole pass shows up in the ring. */
	while (READ_ONCE(nr_syncs) < 1) {
		used = ring_used();
		TEST_ASSERT(used <= RING_ENTRIES, "ring past its size");
		if (ring_harvest())
			kvm_vm_reset_dirty_ring(vm);
		sleep_ms(1);
	}
	ring_harvest();	/* the tail of the pass, pushed before GUEST_SYNC */
	for (i = 0; i < TEST_PAGES; i++)
		missing += !(seen[i / 64] & (1ul << (i % 64)));
	printf("# one pass: %u of %lu pages missing, %d ring-full exits\n",
	       missing, TEST_PAGES, READ_ONCE(nr_ring_full));
	result(5, !missing && !READ_ONCE(nr_ring_full),
	       "KVM_RESET_DIRTY_RINGS resumes it; no entry lost");

	/* 6: closing the VM fd wakes a sleeping vCPU: it exits ring-full. */
	ring_wait_still();
	close(vm->fd);
	r = wait_counter(&nr_ring_full, 1);
	WRITE_ONCE(stop, 1);
	pthread_kill(thread, SIGUSR1);
	pthread_join(thread, NULL);
	result(6, r, "closing the VM fd wakes it with KVM_EXIT_DIRTY_RING_FULL");

	check_kill();
	/* The vCPU fd still holds the VM: exiting destroys it. */
	printf("# Totals: pass:7 fail:0 xfail:0 xpass:0 skip:0 error:0\n");
	return 0;
}
