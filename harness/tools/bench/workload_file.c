// SPDX-License-Identifier: GPL-2.0
/*
 * Workload files: lines, comments, [section]s and the checks that need
 * the whole workload.  Each key = value line goes through
 * ds_workload_set() (workload.c), so a file and -k share one set of
 * checks and messages.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "workload.h"

/*
 * One line of @f into @buf (at most @size - 1 bytes, newline kept, NUL
 * added).  Unlike fgets(), it returns how many bytes it read, so that a
 * NUL byte in a line is seen, not taken for the line's end.  0 at the end.
 */
static size_t read_line(FILE *f, char *buf, size_t size)
{
	size_t n = 0;
	int c;

	while (n < size - 1 && (c = getc(f)) != EOF) {
		buf[n++] = c;
		if (c == '\n')
			break;
	}
	buf[n] = 0;
	return n;
}

/*
 * The column (from 1) of a line's first control character, or 0.  Tabs
 * are text, and so is the CR of a CR LF line end; anything else would go
 * raw into an error message or, as a NUL, silently cut the line short.
 */
static size_t control_char(const char *line, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = line[i];
		bool eol = i == n - 1 || (i == n - 2 && line[n - 1] == '\n');

		if (c == '\t' || (c == '\n' && i == n - 1) || (c == '\r' && eol))
			continue;
		if (c < 0x20 || c == 0x7f)
			return i + 1;
	}
	return 0;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return s;
}

/* Checks that involve more than one key, once the file is read. */
static bool check_whole(const struct ds_workload *wl, char *why, unsigned int len)
{
	uint64_t per_slot = wl->mem_bytes / wl->nr_slots;

	if (wl->mem_bytes % wl->nr_slots || per_slot % (2 << 20)) {
		snprintf(why, len, "memory: %llu MiB does not split into %u memslots of whole 2 MiB",
			 (unsigned long long)(wl->mem_bytes >> 20), wl->nr_slots);
		return false;
	}
	if (wl->mem_bytes / 4096 / wl->nr_vcpus < 64) {
		snprintf(why, len, "vcpus: %u vCPUs leave fewer than 64 pages each",
			 wl->nr_vcpus);
		return false;
	}
	return true;
}

bool ds_workload_load(const char *path, const char *section,
		      struct ds_workload *wl, char err[DS_WL_ERR])
{
	char line[512], why[384], cur[DS_WL_NAME] = "", *s, *eq;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	bool found = !section, ok = true;
	unsigned int lineno = 0;
	size_t n, col;
	FILE *f = fopen(path, "r");

	ds_workload_default(wl);
	if (!f) {
		snprintf(err, DS_WL_ERR, "%s:0: cannot open: %s", path, strerror(errno));
		return false;
	}
	while (ok && (n = read_line(f, line, sizeof(line)))) {
		lineno++;
		if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
			snprintf(why, sizeof(why), "line longer than %zu characters",
				 sizeof(line) - 2);
			ok = false;
			break;
		}
		col = control_char(line, n);
		if (col) {
			snprintf(why, sizeof(why), "control character 0x%02x in column %zu",
				 (unsigned char)line[col - 1], col);
			ok = false;
			break;
		}
		/* Both comment marks, whichever comes first. */
		line[strcspn(line, "#;")] = 0;
		s = trim(line);
		if (!*s)
			continue;
		if (*s == '[') {
			eq = strchr(s, ']');
			if (!eq || eq[1] || eq == s + 1 || eq - s > DS_WL_NAME - 1) {
				snprintf(why, sizeof(why), "bad section header '%s'", s);
				ok = false;
				break;
			}
			*eq = 0;
			strcpy(cur, s + 1);
			found |= section && !strcmp(cur, section);
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			snprintf(why, sizeof(why), "expected 'key = value', got '%s'", s);
			ok = false;
			break;
		}
		*eq = 0;
		/* Every line is checked; only global and chosen lines apply. */
		if (!*cur || (section && !strcmp(cur, section))) {
			ok = ds_workload_set(wl, trim(s), trim(eq + 1), why, sizeof(why));
		} else {
			struct ds_workload scratch = *wl;

			ok = ds_workload_set(&scratch, trim(s), trim(eq + 1), why,
					     sizeof(why));
		}
	}
	/* A read error (a directory, EIO) is not an empty file. */
	if (ok && ferror(f)) {
		snprintf(why, sizeof(why), "read error: %s", strerror(errno));
		ok = false;
	}
	fclose(f);
	if (!ok) {
		snprintf(err, DS_WL_ERR, "%s:%u: %s", path, lineno, why);
		return false;
	}
	if (!found) {
		snprintf(err, DS_WL_ERR, "%s:%u: no section [%s]", path, lineno, section);
		return false;
	}
	if (!check_whole(wl, why, sizeof(why))) {
		snprintf(err, DS_WL_ERR, "%s:%u: %s", path, lineno, why);
		return false;
	}
	snprintf(wl->name, sizeof(wl->name), "%.*s%s%.20s%s",
		 (int)(strcspn(base, ".") < 30 ? strcspn(base, ".") : 30), base,
		 section ? "[" : "", section ? section : "", section ? "]" : "");
	return true;
}
