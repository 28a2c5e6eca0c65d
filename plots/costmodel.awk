# SPDX-License-Identifier: GPL-2.0
#
# costmodel.awk: the memory sweep's cost model, per mode
#
#   cost = a + b * GiB + c * pages
#
# fitted by least squares to every (size, fraction) point's median harvest
# time, from the memory sweep's fraction.tsv (all sizes, one header):
#
#   awk -F '\t' -v out=DIR -f costmodel.awk fraction.tsv
#
# (each table written as NAME.tsv.tmp, for the caller to rename)
#
# writes DIR/costmodel.tsv (a, b, c per mode with the fit's residuals),
# DIR/costmodel-points.tsv (each point measured against the model, so a
# reader sees where it holds) and DIR/crossover-model.tsv: for guest sizes
# from the smallest measured to 1 TiB, the dirty fraction at which the
# ring's modelled cost equals the bitmap's; beyond the largest measured
# size that is an extrapolation, and says so.

function solve3(m, v, x,    i, j, k, r, f, t) {
	# Gaussian elimination with partial pivoting on the 3x3 system m x = v.
	for (i = 1; i <= 3; i++) {
		r = i
		for (k = i + 1; k <= 3; k++)
			if ((m[k, i] < 0 ? -m[k, i] : m[k, i]) > (m[r, i] < 0 ? -m[r, i] : m[r, i]))
				r = k
		if (m[r, i] == 0)
			return 0
		for (j = 1; j <= 3; j++) { t = m[i, j]; m[i, j] = m[r, j]; m[r, j] = t }
		t = v[i]; v[i] = v[r]; v[r] = t
		for (k = i + 1; k <= 3; k++) {
			f = m[k, i] / m[i, i]
			for (j = i; j <= 3; j++)
				m[k, j] -= f * m[i, j]
			v[k] -= f * v[i]
		}
	}
	for (i = 3; i >= 1; i--) {
		t = v[i]
		for (j = i + 1; j <= 3; j++)
			t -= m[i, j] * x[j]
		x[i] = t / m[i, i]
	}
	return 1
}
BEGIN { OFS = "\t" }
/^#/ { next }
!h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1; next }
$1 == "dirty_pct" { next }	# a repeated header
$c["mode"] != "off" && $c["harvest_ns_median"] != "nan" && $c["pages_median"] != "nan" {
	md = $c["mode"]
	if (!(md in seen)) { seen[md] = 1; mode[++nm] = md }
	k = ++np[md]
	g[md, k] = $c["mem_MiB"] / 1024
	p[md, k] = $c["pages_median"]
	y[md, k] = $c["harvest_ns_median"] / 1000
	if (g[md, k] > gmax) gmax = g[md, k]
	if (!gmin || g[md, k] < gmin) gmin = g[md, k]
}
END {
	ct = out "/costmodel.tsv.tmp"; cp = out "/costmodel-points.tsv.tmp"; cx = out "/crossover-model.tsv.tmp"
	print "# dirtysuite-bench v1 costmodel: harvest_us = a + b * GiB + c * pages" > ct
	print "mode", "a_us", "b_us_per_GiB", "c_us_per_page", "points", "rms_resid_pct", "max_resid_pct" > ct
	print "# dirtysuite-bench v1 costmodel points" > cp
	print "mode", "GiB", "pages", "measured_us", "model_us", "resid_pct" > cp
	for (q = 1; q <= nm; q++) {
		md = mode[q]
		delete m; delete v; delete x
		# Relative residuals matter (costs span 4 decades): weight 1/y^2.
		for (k = 1; k <= np[md]; k++) {
			w = 1 / (y[md, k] * y[md, k])
			r1 = 1; r2 = g[md, k]; r3 = p[md, k]
			m[1, 1] += w; m[1, 2] += w * r2; m[1, 3] += w * r3
			m[2, 2] += w * r2 * r2; m[2, 3] += w * r2 * r3; m[3, 3] += w * r3 * r3
			v[1] += w * y[md, k]; v[2] += w * r2 * y[md, k]; v[3] += w * r3 * y[md, k]
		}
		m[2, 1] = m[1, 2]; m[3, 1] = m[1, 3]; m[3, 2] = m[2, 3]
		if (np[md] < 4 || !solve3(m, v, x)) {
			print md, "nan", "nan", "nan", np[md], "nan", "nan" > ct
			continue
		}
		A[md] = x[1]; Bg[md] = x[2]; Cp[md] = x[3]
		ss = 0; mx = 0
		for (k = 1; k <= np[md]; k++) {
			fit = x[1] + x[2] * g[md, k] + x[3] * p[md, k]
			rp = 100 * (y[md, k] - fit) / y[md, k]
			ss += rp * rp
			if ((rp < 0 ? -rp : rp) > mx) mx = rp < 0 ? -rp : rp
			printf "%s\t%g\t%d\t%.2f\t%.2f\t%.1f\n", md, g[md, k], p[md, k], y[md, k], fit, rp > cp
		}
		printf "%s\t%.3f\t%.4f\t%.6f\t%d\t%.1f\t%.1f\n", md, x[1], x[2], x[3], np[md],
			sqrt(ss / np[md]), mx > ct
	}
	# Where the ring costs what the bitmap costs, per size, from the model.
	print "# dirtysuite-bench v1 crossover-model: ring = bitmap; measured to " gmax " GiB" > cx
	print "GiB", "crossover_dirty_pct", "crossover_pages", "kind" > cx
	if (("bitmap" in A) && ("ring" in A) && Cp["bitmap"] != Cp["ring"]) {
		for (G = gmin; G <= 1024 * 1.0001; G *= 2) {
			P = ((A["ring"] - A["bitmap"]) + (Bg["ring"] - Bg["bitmap"]) * G) / (Cp["bitmap"] - Cp["ring"])
			pct = 100 * P / (G * 262144)
			fx = (P > 0 && pct <= 100) ? sprintf("%.5f", pct) : "nan"
			fp = (P > 0) ? sprintf("%.0f", P) : "nan"
			kind = (G <= gmax * 1.0001) ? "measured range" : "extrapolation"
			printf "%g\t%s\t%s\t%s\n", G, fx, fp, kind > cx
		}
	}
	close(ct); close(cp); close(cx)
}
