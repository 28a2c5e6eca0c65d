// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and running a test VM on the KVM selftests framework.
 *
 * Test memory lives in its own memslots above 4 GiB, identity-mapped in
 * the guest (gva == gpa), with a 2 MiB hole between slots so that no two
 * slots are contiguous in guest-physical space.  Each vCPU owns a slice of
 * the pages (pattern.c), so a page's stamp names exactly one writer.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "processor.h"
#include "ucall_common.h"
#include "mode.h"
#include "postmortem.h"
#include "util.h"
#include "vcpu_arch.h"
#include "vm.h"

/* Before 6.8's framework, __vm_create() took a guest mode, not a shape. */
#ifndef VM_SHAPE_DEFAULT
#define VM_SHAPE_DEFAULT VM_MODE_DEFAULT
#endif

void ds_vm_cfg_default(struct ds_vm_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->nr_vcpus = 2;
	cfg->nr_slots = 1;
	cfg->slot_pages[0] = DS_MIB_PAGES(64);
	cfg->slot_gap = 2ULL << 20;
	cfg->first_slot_id = DS_FIRST_SLOT;
	cfg->backing = DS_BACK_ANON;
	cfg->mode = ds_mode_find("bitmap");
	cfg->mcfg.ring_entries = 4096;
	cfg->mcfg.clear_shift = 6;
	ds_pat_params_default(&cfg->pat);
}

static enum vm_mem_backing_src_type backing_src(enum ds_backing b)
{
	switch (b) {
	case DS_BACK_THP:
		return VM_MEM_SRC_ANONYMOUS_THP;
	case DS_BACK_HUGETLB:
		return VM_MEM_SRC_ANONYMOUS_HUGETLB_2MB;
	default:
		return VM_MEM_SRC_ANONYMOUS;
	}
}

static void add_slots(struct ds_vm *dvm)
{
	const struct ds_vm_cfg *cfg = &dvm->cfg;
	uint64_t gpa = DS_TEST_GPA, first = 0, bytes;
	uint32_t i;

	for (i = 0; i < cfg->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		TEST_ASSERT(cfg->slot_pages[i] && cfg->slot_pages[i] % 512 == 0,
			    "slot %u: size must be a non-zero multiple of 2 MiB", i);
		bytes = cfg->slot_pages[i] * DS_PAGE_SIZE;
		s->id = cfg->first_slot_id + i;
		s->gpa = gpa;
		s->npages = cfg->slot_pages[i];
		s->first = first;
		vm_userspace_mem_region_add(dvm->vm, backing_src(cfg->backing),
					    gpa, s->id, s->npages, 0);
		s->hva = addr_gpa2hva(dvm->vm, gpa);
		if (cfg->map_2m)
			ds_arch_map_2m(dvm->vm, gpa, bytes);
		else
			virt_map(dvm->vm, gpa, gpa, s->npages);
		first += s->npages;
		gpa += bytes + cfg->slot_gap;
	}
	dvm->nr_slots = cfg->nr_slots;
	dvm->nr_pages = first;
}

/* Fill ds_params (host copy), allocate the guest's bitmaps, sync it over. */
static void setup_guest_params(struct ds_vm *dvm)
{
	struct ds_guest_params *p = &ds_params;
	uint64_t per = dvm->nr_pages / dvm->cfg.nr_vcpus;
	uint64_t bytes;
	uint32_t i;

	memset(p, 0, sizeof(*p));
	p->pat = dvm->cfg.pat;
	p->nr_vcpus = dvm->cfg.nr_vcpus;
	p->nr_pages = dvm->nr_pages;
	p->nr_regions = dvm->nr_slots;
	for (i = 0; i < dvm->nr_slots; i++) {
		p->regions[i].gva = dvm->slots[i].gpa;
		p->regions[i].nr_pages = dvm->slots[i].npages;
	}
	/* The last vCPU's slice is the largest: size every bitmap for it. */
	bytes = ((dvm->nr_pages - per * (p->nr_vcpus - 1)) / 64 + 2) * 8;
	for (i = 0; i < p->nr_vcpus; i++) {
		p->truth_gva[i] = vm_vaddr_alloc(dvm->vm, bytes, KVM_UTIL_MIN_VADDR);
		p->freemap_gva[i] = vm_vaddr_alloc(dvm->vm, bytes, KVM_UTIL_MIN_VADDR);
		memset(addr_gva2hva(dvm->vm, p->freemap_gva[i]), 0xff, bytes);
		p->live_gva[i] = vm_vaddr_alloc(dvm->vm, sizeof(struct ds_live_stats),
					       KVM_UTIL_MIN_VADDR);
	}
	sync_global_to_guest(dvm->vm, ds_params);
	dvm->ctl = addr_gva2hva(dvm->vm, (vm_vaddr_t)&ds_ctl);
	memset(dvm->ctl, 0, sizeof(*dvm->ctl));
}

static void handle_ucall(struct ds_vcpu *v, bool *stop)
{
	struct ucall uc;

	uint64_t cmd = get_ucall(v->vcpu, &uc);

	ds_pm_vcpu_ucall(v, cmd, uc.args[0]);
	switch (cmd) {
	case UCALL_SYNC:
		v->synced_round = uc.args[0];
		v->round_writes = uc.args[1];
		*stop = true;
		break;
	case UCALL_DONE:
		v->finished = true;
		*stop = true;
		break;
	case UCALL_ABORT:
		REPORT_GUEST_ASSERT(uc);
		break;
#ifdef GUEST_PRINTF	/* guest printf came with 6.6's framework */
	case UCALL_PRINTF:
		printf("# guest vCPU %u: %s", v->id, uc.buffer);
		break;
#endif
	default:
		TEST_FAIL("vCPU %u: unexpected ucall", v->id);
	}
}

/*
 * What a vCPU looked like when it left the guest in a way no test expects
 * (SHUTDOWN is a triple fault: the guest's own tables or memory went bad):
 * enough to tell a wild jump from a page-table walk that read garbage.
 */
static void vcpu_dump_exit(struct ds_vcpu *v)
{
	struct kvm_run *run = v->vcpu->run;
	char regs[512];
	uint32_t i;

	ds_arch_exit_regs(v->vcpu->fd, regs, sizeof(regs));
	printf("# vCPU %u: exit %s (%u) in round %lu: %s\n",
	       v->id, exit_reason_str(run->exit_reason), run->exit_reason,
	       v->dvm->round, regs);
	if (run->exit_reason == KVM_EXIT_INTERNAL_ERROR) {
		printf("# vCPU %u: internal error suberror %u:", v->id,
		       run->internal.suberror);
		for (i = 0; i < run->internal.ndata && i < 16; i++)
			printf(" %#llx", run->internal.data[i]);
		printf("\n");
	}
	fflush(stdout);
}

void ds_vcpu_run_round(struct ds_vcpu *v)
{
	struct kvm_run *run = v->vcpu->run;
	bool stop = false;
	int rc;

	while (!stop) {
		ds_pm_vcpu_enter(v);
		rc = __vcpu_run(v->vcpu);
		ds_pm_vcpu_left(v, run->exit_reason);
		if (rc == -1 && errno == EINTR)
			continue;
		TEST_ASSERT(rc == 0, "vCPU %u: KVM_RUN failed (exit reason %s)",
			    v->id, exit_reason_str(run->exit_reason));
		if (v->dvm->mode->vcpu_exit && v->dvm->mode->vcpu_exit(v)) {
			/* The mode gave up on this VM: this vCPU never syncs. */
			if (__atomic_load_n(&v->dvm->halted, __ATOMIC_ACQUIRE)) {
				v->finished = true;
				return;
			}
			continue;
		}
		if (run->exit_reason != UCALL_EXIT_REASON)
			vcpu_dump_exit(v);
		TEST_ASSERT(run->exit_reason == UCALL_EXIT_REASON,
			    "vCPU %u: unexpected exit reason %s (%u)", v->id,
			    exit_reason_str(run->exit_reason), run->exit_reason);
		handle_ucall(v, &stop);
	}
}

/*
 * Wait for @s: asleep, or with cfg.spin_wait busy, as dirty_log_perf_test's
 * threads wait for each other.  How a CPU waited changes what the next
 * harvest costs (dirtysuite bench --validate), so the comparison with the
 * perf test waits its way.
 */
static void round_wait(const struct ds_vm *dvm, sem_t *s)
{
	if (!dvm->cfg.spin_wait) {
		sem_wait(s);
		return;
	}
	while (sem_trywait(s))
		;
}

static void *vcpu_thread(void *arg)
{
	struct ds_vcpu *v = arg;

	v->tid = gettid();
	if (v->dvm->cfg.hooks.vcpu_start)
		v->dvm->cfg.hooks.vcpu_start(v, v->dvm->cfg.hooks.arg);
	for (;;) {
		ds_pm_vcpu_state(v, DS_VCPU_IDLE);
		round_wait(v->dvm, &v->go);
		if (v->finished)
			break;
		ds_vcpu_run_round(v);
		sem_post(&v->done);
		if (v->finished)
			break;
	}
	ds_pm_vcpu_state(v, DS_VCPU_DONE);
	return NULL;
}

struct ds_vm *ds_vm_create(const struct ds_vm_cfg *cfg)
{
	struct ds_vm *dvm = ds_calloc(1, sizeof(*dvm));
	uint64_t test_pages = 0, extra;
	uint32_t i;

	TEST_ASSERT(cfg->nr_vcpus >= 1 && cfg->nr_vcpus <= DS_MAX_VCPUS,
		    "vCPUs must be 1..%d", DS_MAX_VCPUS);
	TEST_ASSERT(cfg->nr_slots >= 1 && cfg->nr_slots <= DS_MAX_SLOTS,
		    "memslots must be 1..%d", DS_MAX_SLOTS);
	TEST_ASSERT(cfg->pat.pattern < ds_nr_patterns, "pattern index %u out of range",
		    cfg->pat.pattern);
	dvm->cfg = *cfg;
	dvm->mode = cfg->mode;
	pthread_mutex_init(&dvm->lock, NULL);
	for (i = 0; i < cfg->nr_slots; i++)
		test_pages += cfg->slot_pages[i];

	/*
	 * __vm_create() sizes slot 0 for the page tables of its own pages and
	 * of @extra pages that live elsewhere (2 table pages per 512), not for
	 * those pages themselves: the test slots are that memory.  Their 4 KiB
	 * mappings need 1 table page per 512, so the other half covers the
	 * guest's bitmaps in slot 0 (2 bits a test page).  A smaller @extra
	 * left a 1 GiB guest without room for its page tables.
	 */
	extra = test_pages + 256;
	dvm->vm = __vm_create(VM_SHAPE_DEFAULT, cfg->nr_vcpus, extra);
	add_slots(dvm);
	if (cfg->hooks.mapped)
		cfg->hooks.mapped(dvm, cfg->hooks.arg);
	setup_guest_params(dvm);
	ds_set_init(&dvm->pending, dvm->nr_pages);

	dvm->mode->enable(dvm);
	dvm->vcpus = ds_calloc(cfg->nr_vcpus, sizeof(*dvm->vcpus));
	for (i = 0; i < cfg->nr_vcpus; i++) {
		struct ds_vcpu *v = &dvm->vcpus[i];

		v->dvm = dvm;
		v->id = i;
		v->tid = gettid();	/* inline: the caller runs it */
		v->vcpu = vm_vcpu_add(dvm->vm, i, ds_guest_main);
		vcpu_args_set(v->vcpu, 1, i);
		if (dvm->mode->vcpu_init)
			dvm->mode->vcpu_init(v);
	}
	ds_pm_vm_add(dvm);
	if (!cfg->inline_vcpus) {
		for (i = 0; i < cfg->nr_vcpus; i++) {
			struct ds_vcpu *v = &dvm->vcpus[i];

			sem_init(&v->go, 0, 0);
			sem_init(&v->done, 0, 0);
			pthread_create(&v->thread, NULL, vcpu_thread, v);
		}
		dvm->threads_started = true;
	}
	if (cfg->hooks.vcpus_started)
		cfg->hooks.vcpus_started(dvm, cfg->hooks.arg);
	return dvm;
}

/* Every vCPU must have synced the round the host started. */
static void round_synced(struct ds_vm *dvm)
{
	uint32_t i;

	if (__atomic_load_n(&dvm->halted, __ATOMIC_ACQUIRE))
		return;
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		TEST_ASSERT(dvm->vcpus[i].synced_round == dvm->round,
			    "vCPU %u synced round %lu, host expected %lu", i,
			    dvm->vcpus[i].synced_round, dvm->round);
}

void ds_vm_round_begin(struct ds_vm *dvm)
{
	uint32_t i;

	TEST_ASSERT(dvm->threads_started, "a round beside the caller needs vCPU threads");
	TEST_ASSERT(!dvm->in_round, "round %lu begun twice", dvm->round);
	/* A halted VM's vCPU threads may be gone: nothing to run. */
	if (dvm->halted)
		return;
	dvm->round++;
	dvm->in_round = true;
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		sem_post(&dvm->vcpus[i].go);
}

void ds_vm_round_end(struct ds_vm *dvm)
{
	uint32_t i;

	if (!dvm->in_round)
		return;
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		round_wait(dvm, &dvm->vcpus[i].done);
	dvm->in_round = false;
	round_synced(dvm);
}

void ds_vm_round(struct ds_vm *dvm)
{
	uint32_t i;

	if (dvm->threads_started) {
		ds_vm_round_begin(dvm);
		ds_vm_round_end(dvm);
		return;
	}
	if (dvm->halted)
		return;
	dvm->round++;
	for (i = 0; i < dvm->cfg.nr_vcpus && !dvm->halted; i++)
		ds_vcpu_run_round(&dvm->vcpus[i]);
	round_synced(dvm);
}

void ds_vm_truth(struct ds_vm *dvm, struct ds_set *truth)
{
	uint64_t per = dvm->nr_pages / dvm->cfg.nr_vcpus;
	uint32_t i;

	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		uint64_t first = per * i;
		uint64_t nr = i == dvm->cfg.nr_vcpus - 1 ? dvm->nr_pages - first : per;

		ds_set_or_bitmap(truth, first,
				 addr_gva2hva(dvm->vm, ds_params.truth_gva[i]), nr);
	}
}

struct ds_slot *ds_vm_slot_by_id(struct ds_vm *dvm, uint32_t slot_id)
{
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++)
		if (dvm->slots[i].id == slot_id)
			return &dvm->slots[i];
	return NULL;
}

uint64_t ds_vm_page(struct ds_vm *dvm, uint32_t slot_id, uint64_t off, bool *ok)
{
	struct ds_slot *s = ds_vm_slot_by_id(dvm, slot_id);

	*ok = s && off < s->npages;
	return *ok ? s->first + off : 0;
}

void ds_vm_slot_flags(struct ds_vm *dvm, struct ds_slot *s, uint32_t flags)
{
	vm_mem_region_set_flags(dvm->vm, s->id, flags);
}

void ds_vm_slots_flags(struct ds_vm *dvm, uint32_t flags)
{
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++)
		ds_vm_slot_flags(dvm, &dvm->slots[i], flags);
}

void ds_vm_slot_recreate(struct ds_vm *dvm, struct ds_slot *s, uint32_t flags)
{
	vm_mem_region_delete(dvm->vm, s->id);
	vm_userspace_mem_region_add(dvm->vm, backing_src(dvm->cfg.backing),
				    s->gpa, s->id, s->npages, flags);
	s->hva = addr_gpa2hva(dvm->vm, s->gpa);
}

void ds_vm_destroy(struct ds_vm *dvm)
{
	uint32_t i;

	if (dvm->threads_started) {
		/* Let each guest leave its loop, then each thread. */
		dvm->ctl->stop = 1;
		for (i = 0; i < dvm->cfg.nr_vcpus; i++)
			if (!dvm->vcpus[i].finished)
				sem_post(&dvm->vcpus[i].go);
		for (i = 0; i < dvm->cfg.nr_vcpus; i++)
			pthread_join(dvm->vcpus[i].thread, NULL);
	}
	ds_pm_vm_del(dvm);
	if (dvm->mode->free)
		dvm->mode->free(dvm);
	kvm_vm_free(dvm->vm);
	ds_set_free(&dvm->pending);
	free(dvm->vcpus);
	free(dvm);
}

double ds_vm_cycles_per_ns(struct ds_vm *dvm)
{
	return ds_arch_cycles_per_ns(dvm->vcpus[0].vcpu->fd);
}
