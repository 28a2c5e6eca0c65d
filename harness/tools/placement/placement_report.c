// SPDX-License-Identifier: GPL-2.0
/*
 * Placement read back (ds_placement_report): where each vCPU thread and
 * the harvester last ran, and on which node a sample of each slot's pages
 * lies, one TSV row each, so that a placed run proves its placement
 * instead of assuming the binding held.
 */
#include <errno.h>
#include <hwloc.h>
#include <hwloc/linux.h>
#include <numa.h>
#include <string.h>
#include <unistd.h>

#include "placement.h"
#include "placement_topo.h"

#define TSV_HEADER "placement\tkind\tname\ttid\trequested\tcpus_allowed\tlast_cpu\tlast_core\tlast_node\tpages_sampled\tpages_by_node\n"

/* One thread's row; returns 1 if it last ran outside @want. */
static int report_thread(FILE *f, const char *pl, const char *name, pid_t tid,
			 const char *spec, const cpu_set_t *want)
{
	hwloc_topology_t t = ds_placement_topology();
	hwloc_bitmap_t b = hwloc_bitmap_alloc();
	hwloc_obj_t pu, core;
	char allowed[256] = "?";
	int cpu = -1, node = -1, corei = -1, bad = 0;

	if (hwloc_linux_get_tid_cpubind(t, tid, b) == 0)
		hwloc_bitmap_list_snprintf(allowed, sizeof(allowed), b);
	/* The kernel's "processor" field, /proc/PID/task/TID/stat field 39. */
	if (hwloc_linux_get_tid_last_cpu_location(t, tid, b) == 0)
		cpu = hwloc_bitmap_first(b);
	if (cpu >= 0) {
		pu = hwloc_get_pu_obj_by_os_index(t, cpu);
		core = pu ? hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_CORE, pu) : NULL;
		corei = core ? (int)core->logical_index : -1;
		node = numa_available() < 0 ? 0 : numa_node_of_cpu(cpu);
	}
	if (want && (cpu < 0 || !CPU_ISSET(cpu, want)))
		bad = 1;
	fprintf(f, "%s\tthread\t%s\t%d\t%s\t%s\t%d\t%d\t%d\t-\t-\n", pl, name, tid,
		*spec ? spec : "-", allowed, cpu, corei, node);
	hwloc_bitmap_free(b);
	return bad;
}

/* A slot's sampled pages by node ("1:64" or "0:3,1:61,absent:0"). */
static int report_slot(FILE *f, struct ds_placement *p, struct ds_slot *s)
{
	void *pages[DS_PLACE_SAMPLES];
	int status[DS_PLACE_SAMPLES], count[64] = { 0 }, absent = 0, other = 0;
	uint64_t step = s->npages / DS_PLACE_SAMPLES ? : 1;
	unsigned int n = 0, i;
	char req[16] = "-", by[256] = "";
	size_t len = 0;
	int bad = 0;

	for (i = 0; i < DS_PLACE_SAMPLES && i * step < s->npages; i++)
		pages[n++] = (char *)s->hva + i * step * DS_PAGE_SIZE;
	if (numa_available() < 0 ||
	    numa_move_pages(0, n, pages, NULL, status, 0) < 0) {
		for (i = 0; i < n; i++)
			status[i] = numa_available() < 0 ? 0 : -errno;
	}
	for (i = 0; i < n; i++) {
		if (status[i] >= 0 && status[i] < 64)
			count[status[i]]++;
		else if (status[i] == -ENOENT)
			absent++;
		else
			other++;
	}
	for (i = 0; i < 64; i++) {
		if (!count[i])
			continue;
		len += snprintf(by + len, sizeof(by) - len, "%s%u:%d",
				len ? "," : "", i, count[i]);
		if (p->mem_node >= 0 && (int)i != p->mem_node)
			bad = 1;
	}
	if (absent)
		len += snprintf(by + len, sizeof(by) - len, "%sabsent:%d", len ? "," : "", absent);
	if (other)
		len += snprintf(by + len, sizeof(by) - len, "%serror:%d", len ? "," : "", other);
	if (p->mem_node >= 0) {
		snprintf(req, sizeof(req), "node:%d", p->mem_node);
		bad |= p->mem_node < 64 && !count[p->mem_node];
	}
	fprintf(f, "%s\tmemory\tslot%u\t-\t%s\t-\t-\t-\t-\t%u\t%s\n",
		*p->name ? p->name : "-", s->id, req, n,
		len ? by : "-");
	return bad;
}

/* The @i-th of the '/'-joined locations of @spec (taken in turn). */
static void spec_nth(const char *spec, unsigned int i, char *buf, size_t len)
{
	const char *s = spec, *e;

	while (i-- && (e = strchr(s, '/')))
		s = e + 1;
	e = strchr(s, '/');
	snprintf(buf, len, "%.*s", e ? (int)(e - s) : (int)strlen(s), s);
}

int ds_placement_report(struct ds_placement *p, struct ds_vm *dvm,
			FILE *tsv, bool header)
{
	const char *pl = *p->name ? p->name : "-";
	char name[32], loc[DS_PLACE_SPEC_LEN] = "";
	const cpu_set_t *want;
	int bad = p->errors;
	uint32_t i;

	if (header)
		fprintf(tsv, "# dirtysuite-placement v1\n" TSV_HEADER);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		want = NULL;
		if (p->nr_vcpu_locs) {
			want = &p->vcpu_cpus[i % p->nr_vcpu_locs];
			spec_nth(p->vcpu_spec, i % p->nr_vcpu_locs, loc, sizeof(loc));
		}
		snprintf(name, sizeof(name), "vcpu%u", i);
		bad += report_thread(tsv, pl, name, dvm->vcpus[i].tid, loc, want);
	}
	bad += report_thread(tsv, pl, "harvest", p->harvest_tid ? : gettid(),
			     p->harvest_spec,
			     p->harvest_pinned ? &p->harvest_cpus : NULL);
	for (i = 0; i < dvm->nr_slots; i++)
		bad += report_slot(tsv, p, &dvm->slots[i]);
	fflush(tsv);
	return bad;
}
