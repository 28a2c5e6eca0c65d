// SPDX-License-Identifier: GPL-2.0
/*
 * Workload files: every shipped file parses, sections override globals,
 * and each kind of mistake gives one "FILE:LINE: problem" line.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pattern.h"
#include "workload.h"
#include "unit.h"

static char path[] = "/tmp/ds-wl-XXXXXX";

static bool load_text(const char *text, const char *section,
		      struct ds_workload *wl, char *err)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	err[0] = 0;
	return ds_workload_load(path, section, wl, err);
}

/* The text must fail, and the message name the line and contain @what. */
static void bad(const char *text, unsigned int line, const char *what)
{
	struct ds_workload wl;
	char err[DS_WL_ERR], want[64];

	snprintf(want, sizeof(want), ":%u: ", line);
	CHECK(!load_text(text, NULL, &wl, err) && strstr(err, want) &&
	      strstr(err, what) && !strchr(err, '\n'), "rejected: %s", err);
}

static void shipped(const char *name, const char *section)
{
	struct ds_workload wl;
	char err[DS_WL_ERR], p[256];

	const char *root = getenv("DS_ROOT");

	if (getenv("DS_WORKLOADS"))
		snprintf(p, sizeof(p), "%s/%s.wl", getenv("DS_WORKLOADS"), name);
	else
		snprintf(p, sizeof(p), "%s%sworkloads/%s.wl", root ?: "",
			 root ? "/" : "", name);
	err[0] = 0;	/* printed below even when the load succeeds */
	CHECK(ds_workload_load(p, section, &wl, err), "%s parses %s", p, err);
}

int main(void)
{
	struct ds_workload wl;
	char err[DS_WL_ERR];
	int fd = mkstemp(path);

	close(fd);
	CHECK(load_text("# only a comment\n\n", NULL, &wl, err) &&
	      wl.mem_bytes == 64ULL << 20 && wl.nr_vcpus == 2, "empty file = defaults");
	CHECK(load_text("memory = 128M\nvcpus=4 # four\npattern = hotset\n"
			"dirty_pct = 0.1\nbacking = thp\nmodes = bitmap, ring\n"
			"ring_entries = 1024\nclear_shift = 18\n", NULL, &wl, err) &&
	      wl.mem_bytes == 128ULL << 20 && wl.nr_vcpus == 4 &&
	      wl.pat.pattern == (uint32_t)ds_pattern_find("hotset") &&
	      wl.pat.fraction_ppm == 1000 && wl.backing == DS_WL_THP &&
	      wl.nr_modes == 2 && !strcmp(wl.modes[1], "ring") &&
	      wl.ring_entries == 1024 && wl.clear_shift == 18, "every kind of key");
	CHECK(load_text("rounds = 5\n[a]\nrounds = 7\n[b]\nrounds = 9\n", "a",
			&wl, err) && wl.rounds == 7, "section a overrides");
	CHECK(load_text("rounds = 5\n[a]\nrounds = 7\n", NULL, &wl, err) &&
	      wl.rounds == 5, "no section: globals only");
	CHECK(load_text("dirty_pct = 100\n", NULL, &wl, err) &&
	      wl.pat.fraction_ppm == 1000000, "100%%");
	CHECK(load_text("modes = all\n", NULL, &wl, err) && wl.nr_modes == 0, "all");
	CHECK(load_text("vcpu_cpus = pu:1/pu:0\nharvest_cpu = none\nspin_wait = 1\n"
			"live_gaps = 0\npattern = rw\nwrite_pct = 30\nwarm_set = 0\n", NULL, &wl, err) &&
	      !strcmp(wl.vcpu_cpus, "pu:1/pu:0") && !wl.harvest_cpu[0] && wl.spin_wait &&
	      !wl.live_gaps && wl.pat.write_pct == 30 && !wl.warm_set,
	      "pins, none, spin_wait, live_gaps, write_pct, warm_set");
	CHECK(load_text("rounds = 5\n", NULL, &wl, err) && wl.warm_set == 1 && !wl.spin_wait,
	      "warm_set on and spin_wait off unless asked");
	bad("warm_set = 2\n", 1, "out of range");

	bad("rounds = 5\nbogus = 1\n", 2, "unknown key 'bogus'");
	bad("rounds = 5x\n", 1, "not a number");
	bad("rounds = 0\n", 1, "out of range");
	bad("vcpus = 65\n", 1, "out of range");
	bad("memory = 1M\n", 1, "out of range");
	bad("memory = 64MB\n", 1, "sizes take K, M or G");
	bad("dirty_pct = 101\n", 1, "not a percentage");
	bad("dirty_pct = 0.00001\n", 1, "not a percentage");
	bad("dirty_pct = 0\n", 1, "out of range [0.0001, 100]");
	bad("ring_entries = 1000\n", 1, "not a power of two");
	bad("clear_shift = 5\n", 1, "out of range");
	bad("backing = shm\n", 1, "unknown value 'shm'");
	bad("pattern = zipf\n", 1, "unknown pattern 'zipf'");
	bad("modes = Bitmap\n", 1, "not a mode name");
	bad("write_pct = 101\n", 1, "out of range [0, 100]");
	bad("live_gaps = 2\n", 1, "out of range [0, 1]");
	bad("vcpu_cpus = 0123456789012345678901234567890123456789012345678901234567890123\n",
	    1, "longer than 63 characters");
	bad("\n\nrounds\n", 3, "expected 'key = value'");
	bad("rounds =\n", 1, "no value");
	bad("[oops\n", 1, "bad section header");
	bad("[a]\nrounds = -1\n", 2, "not a number");	/* unchosen sections too */
	bad("memory = 6M\nmemslots = 2\n", 2, "whole 2 MiB");
	/* Found by tests/fuzz: control bytes, comments, CR LF, read errors. */
	bad("rounds = 5\nrou\033nds = 1\n", 2, "control character 0x1b in column 4");
	CHECK(load_text("rounds = 7\r\n", NULL, &wl, err) && wl.rounds == 7,
	      "CR LF line ends");
	CHECK(load_text("rounds = 3 ; why # more\n", NULL, &wl, err) && wl.rounds == 3,
	      "a ';' comment before a '#'");
	CHECK(!ds_workload_load("/", NULL, &wl, err) && strstr(err, "read error"),
	      "a directory is an error: %s", err);
	CHECK(!load_text("rounds = 1\n", "nope", &wl, err) &&
	      strstr(err, "no section [nope]"), "missing section: %s", err);
	CHECK(!ds_workload_load("/nonexistent/x.wl", NULL, &wl, err) &&
	      strstr(err, "/nonexistent/x.wl:0: cannot open"), "missing file: %s", err);

	shipped("default", NULL);
	shipped("idle-vm", NULL);
	shipped("db-hotset", NULL);
	shipped("db-hotset", "hot");
	shipped("streaming-writer", NULL);
	shipped("streaming-writer", "burst");
	shipped("checkpoint", NULL);
	shipped("migration-storm", NULL);
	shipped("alloc-free", NULL);
	unlink(path);
	return unit_exit();
}
