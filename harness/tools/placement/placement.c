// SPDX-License-Identifier: GPL-2.0
/*
 * Placement of the vCPU threads, the harvesting thread and the guest's
 * memory, through hwloc (CPU locations, binding, read-back) and libnuma
 * (memory policy, where pages are).  See placement.h for the syntax.
 *
 * Memory is bound in the MEMORY stage of ds_vm_create(): the slots are
 * mapped but no page of them has been touched, so the first fault already
 * allocates on the bound node; MPOL_MF_MOVE moves any page that was.
 * Threads bind themselves (vCPU threads in their own first instructions,
 * the harvester in the caller), so no guest instruction runs unplaced.
 */
#include <errno.h>
#include <hwloc.h>
#include <hwloc/glibc-sched.h>
#include <hwloc/linux.h>
#include <linux/mempolicy.h>
#include <numa.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "placement.h"
#include "placement_topo.h"

/*
 * libnuma's mbind(), declared here: its numaif.h has the same name as the
 * KVM selftests' own include/numaif.h, which is first on the include path
 * and defines (not declares) other syscall wrappers.
 */
long mbind(void *addr, unsigned long len, int mode, const unsigned long *nodemask,
	   unsigned long maxnode, unsigned int flags);

static hwloc_topology_t topo;
static pthread_once_t topo_once = PTHREAD_ONCE_INIT;
static const char *topo_synthetic;	/* tests: a made-up machine */

static void topo_load(void)
{
	if (hwloc_topology_init(&topo) < 0)
		goto fail;
	if (topo_synthetic && hwloc_topology_set_synthetic(topo, topo_synthetic) < 0)
		goto fail;
	if (hwloc_topology_load(topo) < 0)
		goto fail;
	return;
fail:
	fprintf(stderr, "placement: cannot load the hwloc topology: %s\n",
		strerror(errno));
	exit(1);
}

hwloc_topology_t ds_placement_topology(void)
{
	pthread_once(&topo_once, topo_load);
	return topo;
}

/* Tests only: describe the machine instead of reading it (before use). */
void ds_placement_synthetic(const char *desc)
{
	topo_synthetic = desc;
}

void ds_placement_init(struct ds_placement *p)
{
	memset(p, 0, sizeof(*p));
	p->mem_node = -1;
}

int ds_placement_nr_nodes(void)
{
	int n = hwloc_get_nbobjs_by_type(ds_placement_topology(), HWLOC_OBJ_NUMANODE);

	return n > 0 ? n : 1;
}

void ds_cpuset_str(const cpu_set_t *set, char *buf, size_t len)
{
	hwloc_bitmap_t b = hwloc_bitmap_alloc();

	hwloc_cpuset_from_glibc_sched_affinity(ds_placement_topology(), b, set, sizeof(*set));
	hwloc_bitmap_list_snprintf(buf, len, b);
	hwloc_bitmap_free(b);
}

/* "N" or "N-M" into [*a, *b]; the object count checks the upper end. */
static int parse_range(const char *s, unsigned int *a, unsigned int *b)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*a = *b = strtoul(s, &end, 10);
	if (*end == '-') {
		if (end[1] < '0' || end[1] > '9')
			return -1;
		*b = strtoul(end + 1, &end, 10);
	}
	return *end || *b < *a ? -1 : 0;
}

/* One location, "TYPE:RANGE" or a PU list, OR-ed into @set. */
static int parse_loc(const char *loc, hwloc_bitmap_t set, char *err,
		     size_t errlen)
{
	hwloc_topology_t t = ds_placement_topology();
	const char *colon = strchr(loc, ':');
	hwloc_bitmap_t one = hwloc_bitmap_alloc();
	hwloc_obj_type_t type;
	unsigned int a, b, i;
	char tname[32];
	int nb, rc = -1;

	if (!colon) {
		if (!*loc || strspn(loc, "0123456789,-") != strlen(loc) ||
		    hwloc_bitmap_list_sscanf(one, loc) < 0) {
			snprintf(err, errlen, "'%s': not a location (TYPE:N, TYPE:N-M or a CPU list)", loc);
			goto out;
		}
		hwloc_bitmap_or(set, set, one);
		rc = 0;
		goto out;
	}
	snprintf(tname, sizeof(tname), "%.*s", (int)(colon - loc), loc);
	if (hwloc_type_sscanf(tname, &type, NULL, 0) < 0) {
		snprintf(err, errlen, "'%s': unknown object type '%s'", loc, tname);
		goto out;
	}
	if (parse_range(colon + 1, &a, &b) < 0) {
		snprintf(err, errlen, "'%s': index must be N or N-M", loc);
		goto out;
	}
	nb = hwloc_get_nbobjs_by_type(t, type);
	if (nb <= 0 || b >= (unsigned int)nb) {
		snprintf(err, errlen, "'%s': this machine has %d %s object(s)",
			 loc, nb < 0 ? 0 : nb, hwloc_obj_type_string(type));
		goto out;
	}
	for (i = a; i <= b; i++)
		hwloc_bitmap_or(set, set, hwloc_get_obj_by_type(t, type, i)->cpuset);
	rc = 0;
out:
	hwloc_bitmap_free(one);
	return rc;
}

int ds_placement_parse_cpus(const char *spec, cpu_set_t *sets,
			    unsigned int max, char *err, size_t errlen)
{
	hwloc_topology_t t = ds_placement_topology();
	hwloc_bitmap_t set = hwloc_bitmap_alloc();
	char buf[DS_PLACE_SPEC_LEN], *loc, *save;
	unsigned int n = 0;
	int rc = -1;

	if (strlen(spec) >= sizeof(buf)) {
		snprintf(err, errlen, "location too long");
		goto out;
	}
	strcpy(buf, spec);
	for (loc = strtok_r(buf, "/", &save); loc; loc = strtok_r(NULL, "/", &save)) {
		if (n == max) {
			snprintf(err, errlen, "more than %u locations", max);
			goto out;
		}
		hwloc_bitmap_zero(set);
		if (parse_loc(loc, set, err, errlen) < 0)
			goto out;
		hwloc_bitmap_and(set, set, hwloc_topology_get_allowed_cpuset(t));
		if (hwloc_bitmap_iszero(set)) {
			snprintf(err, errlen, "'%s': no CPU of this machine we may use", loc);
			goto out;
		}
		hwloc_cpuset_to_glibc_sched_affinity(t, set, &sets[n++], sizeof(sets[0]));
	}
	if (!n)
		snprintf(err, errlen, "empty location");
	else
		rc = n;
out:
	hwloc_bitmap_free(set);
	return rc;
}

int ds_placement_parse(struct ds_placement *p, const char *vcpu_cpus,
		       const char *harvest_cpu, int mem_node,
		       char *err, size_t errlen)
{
	int n;

	ds_placement_init(p);
	if (vcpu_cpus && *vcpu_cpus) {
		n = ds_placement_parse_cpus(vcpu_cpus, p->vcpu_cpus,
					    DS_PLACE_MAX_LOCS, err, errlen);
		if (n < 0)
			return -1;
		p->nr_vcpu_locs = n;
		snprintf(p->vcpu_spec, sizeof(p->vcpu_spec), "%s", vcpu_cpus);
	}
	if (harvest_cpu && *harvest_cpu) {
		if (ds_placement_parse_cpus(harvest_cpu, &p->harvest_cpus, 1,
					    err, errlen) < 0)
			return -1;
		p->harvest_pinned = true;
		snprintf(p->harvest_spec, sizeof(p->harvest_spec), "%s", harvest_cpu);
	}
	if (mem_node >= 0) {
		if (mem_node >= ds_placement_nr_nodes()) {
			snprintf(err, errlen, "node %d: this machine has %d NUMA node(s)",
				 mem_node, ds_placement_nr_nodes());
			return -1;
		}
		p->mem_node = mem_node;
	}
	return 0;
}

static void bind_self(struct ds_placement *p, const cpu_set_t *set,
		      const char *who)
{
	hwloc_bitmap_t b = hwloc_bitmap_alloc();

	hwloc_cpuset_from_glibc_sched_affinity(ds_placement_topology(), b, set, sizeof(*set));
	if (hwloc_set_cpubind(ds_placement_topology(), b, HWLOC_CPUBIND_THREAD) < 0) {
		fprintf(stderr, "placement: binding %s: %s\n", who, strerror(errno));
		__atomic_add_fetch(&p->errors, 1, __ATOMIC_RELAXED);
	}
	hwloc_bitmap_free(b);
}

static void bind_memory(struct ds_placement *p, struct ds_vm *dvm)
{
	struct bitmask *nodes;
	uint32_t i;

	if (numa_available() < 0) {
		fprintf(stderr, "placement: no NUMA support in this kernel; memory not bound\n");
		p->errors++;
		return;
	}
	nodes = numa_allocate_nodemask();
	numa_bitmask_setbit(nodes, p->mem_node);
	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		if (mbind(s->hva, s->npages * DS_PAGE_SIZE, MPOL_BIND,
			  nodes->maskp, nodes->size + 1, MPOL_MF_MOVE) < 0) {
			fprintf(stderr, "placement: mbind slot %u to node %d: %s\n",
				s->id, p->mem_node, strerror(errno));
			p->errors++;
		}
	}
	numa_free_nodemask(nodes);
}

/* The VM's hooks: memory once mapped, each vCPU thread, the harvester. */
static void place_memory(struct ds_vm *dvm, void *arg)
{
	struct ds_placement *p = arg;

	if (p->mem_node >= 0)
		bind_memory(p, dvm);
}

static void place_vcpu(struct ds_vcpu *v, void *arg)
{
	struct ds_placement *p = arg;
	char who[32];

	snprintf(who, sizeof(who), "vCPU %u", v->id);
	if (p->nr_vcpu_locs)
		bind_self(p, &p->vcpu_cpus[v->id % p->nr_vcpu_locs], who);
}

static void place_harvester(struct ds_vm *dvm, void *arg)
{
	struct ds_placement *p = arg;

	(void)dvm;
	p->harvest_tid = gettid();
	if (p->harvest_pinned)
		bind_self(p, &p->harvest_cpus, "the harvester");
}

void ds_placement_apply(struct ds_placement *p, struct ds_vm_cfg *cfg)
{
	cfg->hooks.mapped = place_memory;
	cfg->hooks.vcpu_start = place_vcpu;
	cfg->hooks.vcpus_started = place_harvester;
	cfg->hooks.arg = p;
}

/* Add one sweep entry if its locations exist here. */
static int sweep_add(struct ds_placement *out, int n, int max, const char *name,
		     const char *vcpus, const char *harvest, int node)
{
	char err[128];

	if (n >= max || ds_placement_parse(&out[n], vcpus, harvest, node,
					   err, sizeof(err)) < 0)
		return n;
	snprintf(out[n].name, sizeof(out[n].name), "%s", name);
	return n + 1;
}

int ds_placement_sweep(struct ds_placement *out, int max)
{
	hwloc_topology_t t = ds_placement_topology();
	int n = 0, cores = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_CORE);

	/* The vCPUs stay on core 0 and memory near them; only the harvester moves. */
	n = sweep_add(out, n, max, "same-core", "core:0", "core:0", -1);
	if (cores > 1)
		n = sweep_add(out, n, max, "other-core", "core:0",
			      cores > 1 ? "core:1" : "core:0", -1);
	if (ds_placement_nr_nodes() > 1)
		n = sweep_add(out, n, max, "other-node", "node:0", "node:1", 0);
	return n;
}
