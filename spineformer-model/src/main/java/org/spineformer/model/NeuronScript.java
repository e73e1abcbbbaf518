package org.spineformer.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Pt3d;
import org.spineformer.engine.morph.Section;

/**
 * An assembled cell as a plain Python script for NEURON 8.2 that builds the same cell: every section by name with its
 * 3-D points (the single-precision values NEURON would store, written exactly) or its cylinders, nseg, Ra, cm per
 * segment and connection point; every density mechanism with its painted parameters per segment, painted ion values,
 * spine sections, spine synapses (each with a source-less NetCon carrying its weight and delay) and point processes.
 * Run with {@code --structure-out FILE} it writes NEURON's side in {@link StructureDump}'s schema, so the two dumps
 * can be diffed. The script loads the user's compiled mechanisms ({@code --mechanisms DIR}, {@code --mod-lib FILE});
 * {@code --geometry-only} builds the sections and pas only, for cells whose mechanisms are not compiled.
 */
public final class NeuronScript {
    /** The passive mechanism every NEURON has, the only one {@code --geometry-only} inserts. */
    private static final String PAS = "pas";

    private NeuronScript() {
    }

    /** The script's text, for a cell without experiment settings (its {@code --stimulus} stops with an error). */
    public static String of(AssembledCell cell) {
        return of(cell, null);
    }

    /**
     * The script's text; with {@code experiment} (the description's {@code experiment} part, may be null) its
     * {@code --stimulus} replays a stimulus in the paper's format: query pulses at the query site, spikes detected at
     * the spike site.
     */
    public static String of(AssembledCell cell, ExperimentSettings experiment) {
        Morphology m = cell.morphology();
        StringBuilder out = new StringBuilder();
        Set<String> pointMechanisms = new LinkedHashSet<>();
        cell.synapses().forEach(s -> pointMechanisms.add(s.mechanism()));
        cell.pointProcesses().forEach(p -> pointMechanisms.add(p.mechanism()));
        out.append(HEADER.replace("@NAME@", cell.name())
                .replace("@MODEL@", str(cell.name()))
                .replace("@CELSIUS@", num(cell.celsius()))
                .replace("@V_INIT@", num(cell.vInitMv()))
                .replace("@REPLAY@", replay(cell, experiment))
                .replace("@SPINES@", Integer.toString(cell.spines().size()))
                .replace("@DENSITY@", list(cell.mechanismOrder()))
                .replace("@POINT@", list(List.copyOf(pointMechanisms))));
        out.append("\n\ndef build(geometry_only):\n");
        out.append("    \"\"\"Creates the cell; returns its sections in Spineformer's order and its point processes.\"\"\"\n");
        out.append("    secs = []\n");
        for (int i = 0; i < m.size(); i++) {
            section(out, cell, i);
        }
        out.append("    if geometry_only:\n        return secs, {}, {}\n");
        out.append("    points = {}\n    netcons = {}\n");
        for (AssembledCell.PlacedSynapse s : cell.synapses()) {
            out.append("    synapse(points, netcons, ").append(str("spine " + s.spine() + " " + s.name())).append(", ")
                    .append(str(s.mechanism())).append(", secs[").append(s.section()).append("](")
                    .append(num(s.x())).append("), ").append(dict(s.parameters())).append(", ")
                    .append(num(s.weight())).append(", ").append(num(s.delayMs())).append(")\n");
        }
        for (AssembledCell.PlacedPointProcess p : cell.pointProcesses()) {
            out.append("    point_process(points, ").append(str(p.source() + ":" + p.name())).append(", ")
                    .append(str(p.mechanism())).append(", secs[").append(p.section()).append("](")
                    .append(num(p.x())).append("), ").append(dict(p.parameters())).append(")\n");
        }
        out.append("    return secs, points, netcons\n");
        out.append(FOOTER.replace("@ORIGIN_SECTION@", Integer.toString(cell.distanceOriginSection()))
                .replace("@ORIGIN_X@", num(cell.distanceOriginX())));
        return out.toString();
    }

    /** The experiment settings a replay needs, as a Python dict (None without them). */
    private static String replay(AssembledCell cell, ExperimentSettings experiment) {
        if (experiment == null) {
            return "None";
        }
        Morphology m = cell.morphology();
        int root = 0;
        while (m.section(root).parent() >= 0) {
            root++;
        }
        Location query = experiment.queryAt() != null ? experiment.queryAt()
                : new Location(m.section(root).name(), 0.5);
        Location spike = experiment.spikeSite() != null ? experiment.spikeSite() : query;
        return "{\"query\": (" + index(m, query, experiment.source() + "/query/at") + ", " + num(query.x())
                + "), \"amp_nA\": " + num(experiment.queryAmpNa()) + ", \"dur_ms\": " + num(experiment.queryDurMs())
                + ", \"spike_site\": (" + index(m, spike, experiment.source() + "/spike_site") + ", " + num(spike.x())
                + ")}";
    }

    private static int index(Morphology m, Location at, String key) {
        try {
            return m.indexOf(at.section());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private static void section(StringBuilder out, AssembledCell cell, int i) {
        Section s = cell.morphology().section(i);
        if (s.parent() >= i) {
            throw new IllegalArgumentException("section " + s.name() + ": its parent must come before it");
        }
        out.append("\n    # ").append(s.name()).append(s.parent() < 0 ? " (root)"
                : " at " + cell.morphology().section(s.parent()).name() + "(" + s.parentX() + ")").append('\n');
        out.append("    sec = section(secs, ").append(str(s.name())).append(", ")
                .append(s.parent() < 0 ? "None, 0" : s.parent() + ", " + num(s.parentX())).append(")\n");
        Pt3d p = s.pt3d();
        if (p != null) {
            out.append("    points3d(sec, [\n");
            for (int k = 0; k < p.size(); k++) {
                out.append("        (").append(num(p.x(k))).append(", ").append(num(p.y(k))).append(", ")
                        .append(num(p.z(k))).append(", ").append(num(p.diam(k))).append("),\n");
            }
            out.append("    ])\n");
            out.append("    discretize(sec, ").append(s.nseg()).append(", ").append(num(s.raOhmCm())).append(")\n");
        } else {
            out.append("    sec.L = ").append(num(s.lengthUm())).append('\n');
            out.append("    discretize(sec, ").append(s.nseg()).append(", ").append(num(s.raOhmCm())).append(")\n");
            out.append("    per_segment(sec, \"diam\", ").append(values(s.diamUm())).append(")\n");
        }
        out.append("    per_segment(sec, \"cm\", ").append(values(s.cmUfPerCm2())).append(")\n");
        for (Map.Entry<String, Map<String, double[]>> mech : cell.mechanisms().get(i).entrySet()) {
            String indent = "    ";
            if (!mech.getKey().equals(PAS)) {
                out.append("    if not geometry_only:\n");
                indent = "        ";
            }
            out.append(indent).append("sec.insert(").append(str(mech.getKey())).append(")\n");
            for (Map.Entry<String, double[]> param : mech.getValue().entrySet()) {
                out.append(indent).append("per_segment(sec, ").append(str(param.getKey() + "_" + mech.getKey()))
                        .append(", ").append(values(param.getValue())).append(")\n");
            }
        }
        if (!cell.ions().get(i).isEmpty()) {
            out.append("    if not geometry_only:\n");
            for (Map.Entry<String, double[]> ion : cell.ions().get(i).entrySet()) {
                out.append("        per_segment(sec, ").append(str(ion.getKey())).append(", ")
                        .append(values(ion.getValue())).append(")\n");
            }
            for (String reversal : cell.fixedReversals().get(i)) {
                out.append("        fix_reversal(sec, ").append(str(reversal.substring(1) + "_ion")).append(")\n");
            }
        }
    }

    /** One value for every segment, or a list with one per segment (None: not painted there). */
    private static String values(double[] v) {
        boolean uniform = true;
        for (double d : v) {
            uniform &= Double.compare(d, v[0]) == 0;
        }
        if (uniform && !Double.isNaN(v[0])) {
            return num(v[0]);
        }
        StringBuilder b = new StringBuilder("[");
        for (int k = 0; k < v.length; k++) {
            b.append(k == 0 ? "" : ", ").append(Double.isNaN(v[k]) ? "None" : num(v[k]));
        }
        return b.append(']').toString();
    }

    private static String dict(Map<String, Double> parameters) {
        StringBuilder b = new StringBuilder("{");
        parameters.forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(str(k)).append(": ").append(num(v)));
        return b.append('}').toString();
    }

    private static String list(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        names.forEach(n -> b.append(b.length() == 1 ? "" : ", ").append(str(n)));
        return b.append(']').toString();
    }

    /**
     * A Python float expression that reads back as exactly {@code v} (Java's repr round-trips; an infinite value,
     * e.g. a threshold that is never reached, as {@code float("inf")}).
     */
    private static String num(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("cannot write NaN into a NEURON script");
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
        }
        return Double.toString(v);
    }

    private static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static final String HEADER = """
            #!/usr/bin/env python3
            \"\"\"The cell @NAME@ for NEURON 8.2, written by `spineformer model export --neuron` from the cell as Spineformer
            builds it (generated code: edit the description, not this file).

            Usage:
              python3 build_cell.py [--mechanisms DIR] [--mod-lib FILE] [--geometry-only] [--structure-out FILE]
              python3 build_cell.py [--mechanisms DIR] [--mod-lib FILE] --stimulus STIM.json --out DIR

            --mechanisms DIR     a directory where `nrnivmodl` compiled your mod files (neuron.load_mechanisms(DIR))
            --mod-lib FILE       a compiled mechanism library (.so) to load with nrn_load_dll
            --geometry-only      build the sections, their geometry and pas only (when mechanisms are not compiled)
            --structure-out FILE write NEURON's side in Spineformer's structure dump schema, after h.finitialize(v_init),
                                 to diff with `spineformer model check MODEL --structure FILE`
            --stimulus FILE      replay a stimulus in Spineformer's stimulus format (docs/user/stimulus-format.md) and
            --out DIR            write DIR/result.json (and DIR/traces.csv.gz when anything is recorded) as
                                 `spineformer replay` does
            \"\"\"
            import argparse
            import gzip
            import hashlib
            import json
            import math
            import os
            import shlex
            import sys
            import time

            import neuron
            from neuron import h

            MODEL = @MODEL@
            CELSIUS = @CELSIUS@
            V_INIT = @V_INIT@
            # the description's experiment settings: query site (section index, x), the query pulses' amplitude and
            # duration (a stimulus's iclamp overrides them, as replay --model reads it), spike site
            REPLAY = @REPLAY@
            PLASTIC_SYNAPSE = "AMPA_WITH_CA"
            SPINES = @SPINES@
            # dt must divide tstop within this fraction of the step count (as Spineformer's stimulus reader: a few ulps
            # of binary rounding pass, a real fraction of a step does not)
            WHOLE_STEPS_TOLERANCE = 1e-9
            DENSITY_MECHANISMS = @DENSITY@
            POINT_PROCESSES = @POINT@


            def available(kind):
                \"\"\"Names of the mechanisms NEURON knows: kind 0 density mechanisms, 1 point processes.\"\"\"
                types = h.MechanismType(kind)
                name = h.ref("")
                names = set()
                for i in range(int(types.count())):
                    types.select(i)
                    types.selected(name)
                    names.add(name[0])
                return names


            def section(secs, name, parent, parent_x):
                sec = h.Section(name=name)
                if parent is not None:
                    sec.connect(secs[parent](parent_x), 0)
                secs.append(sec)
                return sec


            def points3d(sec, points):
                h.pt3dclear(sec=sec)
                for x, y, z, diam in points:
                    h.pt3dadd(x, y, z, diam, sec=sec)


            def discretize(sec, nseg, ra):
                sec.nseg = nseg
                sec.Ra = ra


            GLOBALS = {}


            def per_segment(sec, variable, values):
                \"\"\"Sets a range variable in every segment: one value for all, or one per segment (None: left as is).\"\"\"
                segments = list(sec)
                if not isinstance(values, list):
                    values = [values] * len(segments)
                if not hasattr(segments[0], variable):
                    if not hasattr(h, variable):
                        sys.exit(sec.name() + ": NEURON has no variable " + variable + " (neither RANGE nor GLOBAL)")
                    for value in values:
                        if value is not None:
                            set_global(variable, value)
                    return
                for seg, value in zip(segments, values):
                    if value is not None:
                        setattr(seg, variable, value)


            def fix_reversal(sec, ion):
                \"\"\"The ion's reversal potential kept as set (e_style 1, no einit or eadvance), other styles kept.\"\"\"
                style = int(h.ion_style(ion, sec=sec))  # c_style bits 0-1, cinit bit 6
                h.ion_style(ion, style & 3, 1, 0, 0, (style >> 6) & 1, sec=sec)


            def set_global(variable, value):
                \"\"\"A parameter its mod file declares GLOBAL: one value for the whole cell.\"\"\"
                if GLOBALS.setdefault(variable, value) != value:
                    sys.exit(variable + " is GLOBAL in its mod file (one value for all sections), but the cell has "
                             + repr(GLOBALS[variable]) + " and " + repr(value))
                setattr(h, variable, value)


            def synapse(points, netcons, key, mechanism, seg, parameters, weight, delay):
                \"\"\"A spine synapse and its source-less NetCon (weight, delay): netcons[key].event(t) delivers a spike.\"\"\"
                syn = point_process(points, key, mechanism, seg, parameters)
                netcons[key] = h.NetCon(None, syn, 0, delay, weight)


            def point_process(points, key, mechanism, seg, parameters):
                pp = getattr(h, mechanism)(seg)
                for name, value in parameters.items():
                    setattr(pp, name, value)
                points[key] = pp
                return pp
            """;

    private static final String FOOTER = """

            def read_stimulus(path):
                \"""The stimulus, checked as `spineformer replay` checks it, with its defaults filled in.\"""
                try:
                    with open(path) as f:
                        stim = json.load(f)
                except (OSError, ValueError) as e:
                    sys.exit(path + ": cannot read a JSON stimulus: " + str(e))
                if not isinstance(stim, dict):
                    sys.exit(path + ": a stimulus is a JSON object")

                def fail(key, message):
                    sys.exit(path + ": key '" + key + "' " + message)

                def number(value, key):
                    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                        fail(key, "must be a finite number, was " + json.dumps(value))
                    return float(value)

                def get(obj, key, name, default):
                    if key not in obj:
                        if default is None:
                            fail(name, "is required but missing")
                        return default
                    return number(obj[key], name)

                def times(values, key, tstop):
                    if not isinstance(values, list):
                        fail(key, "must be a list of times (ms), was " + json.dumps(values))
                    out = []
                    for i, t in enumerate(values):
                        t = number(t, key + "[" + str(i) + "]")
                        if t < 0 or t > tstop:
                            fail(key + "[" + str(i) + "]", "is " + repr(t) + " ms, outside [0, tstop = " + repr(tstop) + "]")
                        if out and t <= out[-1]:
                            fail(key + "[" + str(i) + "]", "is " + repr(t) + " ms, not after the previous time " + repr(out[-1])
                                 + " ms: times must be in increasing order")
                        out.append(t)
                    return out

                s = {"v_init": get(stim, "v_init", "v_init", None), "tstop": get(stim, "tstop", "tstop", None)}
                if not s["tstop"] > 0:
                    fail("tstop", "must be > 0 ms, was " + repr(s["tstop"]))
                s["dt"] = get(stim, "dt", "dt", 0.025)
                if not 0 < s["dt"] <= s["tstop"]:
                    fail("dt", "must be > 0 and at most tstop, was " + repr(s["dt"]))
                steps = s["tstop"] / s["dt"]
                if abs(steps - round(steps)) > WHOLE_STEPS_TOLERANCE * steps:
                    fail("dt", "is " + repr(s["dt"]) + " ms, which does not divide tstop = " + repr(s["tstop"]) + " ms")
                s["steps"] = int(round(steps))
                s["celsius"] = get(stim, "celsius", "celsius", CELSIUS)  # the description's, as replay --model
                if not -20 <= s["celsius"] <= 60:
                    fail("celsius", "is " + repr(s["celsius"]) + " degC, outside [-20.0, 60.0]")
                s["potentiation"] = stim.get("potentiation", False)
                if not isinstance(s["potentiation"], bool):
                    fail("potentiation", "must be true or false, was " + json.dumps(s["potentiation"]))
                s["threshold"] = float("inf")
                if s["potentiation"]:
                    s["threshold"] = get(stim, "threshold", "threshold", None)
                    if not s["threshold"] > 0:
                        fail("threshold", "must be > 0 when potentiation is true, was " + repr(s["threshold"]))
                pre = stim.get("pre")
                if not isinstance(pre, list):
                    fail("pre", "is required: a list with one list of spike times per spine")
                if len(pre) != SPINES:
                    fail("pre", "has " + str(len(pre)) + " spine lists, the cell has " + str(SPINES) + " spines")
                s["pre"] = [times(p, "pre[" + str(k) + "] (spine " + str(k) + ")", s["tstop"]) for k, p in enumerate(pre)]
                if "post" not in stim:
                    fail("post", "is required but missing")
                s["post"] = times(stim["post"], "post", s["tstop"])
                iclamp = stim.get("iclamp", {})
                if not isinstance(iclamp, dict):
                    fail("iclamp", "must be an object, was " + json.dumps(iclamp))
                # without them the description's query pulses, as Spineformer's replay --model reads the same file
                s["amp"] = get(iclamp, "amp_nA", "iclamp.amp_nA", REPLAY["amp_nA"])
                s["dur"] = get(iclamp, "dur_ms", "iclamp.dur_ms", REPLAY["dur_ms"])
                if s["dur"] < 0:
                    fail("iclamp.dur_ms", "must be >= 0, was " + repr(s["dur"]))
                s["delay"] = get(stim, "netcon_delay_ms", "netcon_delay_ms", 1.0)
                if s["delay"] < 0:
                    fail("netcon_delay_ms", "must be >= 0, was " + repr(s["delay"]))
                s["record_v"] = []
                for i, loc in enumerate(stim.get("record_v", [])):
                    if not (isinstance(loc, list) and len(loc) == 2 and isinstance(loc[0], str)):
                        fail("record_v[" + str(i) + "]", "must be [section, x], was " + json.dumps(loc))
                    x = number(loc[1], "record_v[" + str(i) + "][1]")
                    if not 0 <= x <= 1:
                        fail("record_v[" + str(i) + "][1]", "must be in [0, 1], was " + repr(x))
                    s["record_v"].append((loc[0], x))
                s["record_spines"] = stim.get("record_spines", [])
                for i, k in enumerate(s["record_spines"]):
                    if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k < SPINES:
                        fail("record_spines[" + str(i) + "]", "must be a spine index in [0, " + str(SPINES - 1) + "], was "
                             + json.dumps(k))
                s["save_every"] = stim.get("save_every", 1)
                if isinstance(s["save_every"], bool) or not isinstance(s["save_every"], int) or s["save_every"] < 1:
                    fail("save_every", "must be an integer >= 1, was " + json.dumps(s["save_every"]))
                return s


            def replay(secs, points, netcons, stim, stim_path, out):
                \"""Plays a stimulus (read_stimulus's) as `spineformer replay` does; writes out/result.json (and
                out/traces.csv.gz).\"""
                by_name = {sec.name(): sec for sec in secs}
                spine_netcons = [[] for _ in range(SPINES)]
                plastic = [None] * SPINES
                for key, nc in netcons.items():  # keys "spine K NAME"
                    k = int(key.split(" ")[1])
                    spine_netcons[k].append(nc)
                    if points[key].hname().split("[")[0] == PLASTIC_SYNAPSE:
                        plastic[k] = points[key]
                        points[key].ca_potentiation_threshold = stim["threshold"]
                query, x = REPLAY["query"]
                clamps = []
                for t in stim["post"]:
                    clamp = h.IClamp(secs[query](x))
                    clamp.delay, clamp.dur, clamp.amp = t, stim["dur"], stim["amp"]
                    clamps.append(clamp)
                site, x = REPLAY["spike_site"]
                spike_v = h.Vector().record(secs[site](x)._ref_v)
                columns = {}
                for name, x in stim["record_v"]:
                    if name not in by_name:
                        sys.exit(stim_path + ": key 'record_v': the cell has no section " + name)
                    columns["v:" + name + "(" + repr(x) + ")"] = by_name[name](x)._ref_v
                for k in stim["record_spines"]:
                    head = by_name["spine_" + str(k) + "_head"](0.5)
                    columns["v:spine_" + str(k) + "_head"] = head._ref_v
                    columns["cai:spine_" + str(k)] = head._ref_cai
                    columns["g_dynamic:spine_" + str(k)] = plastic[k]._ref_g_dynamic
                    if stim["potentiation"]:
                        columns["g_dynamic_delayed:spine_" + str(k)] = plastic[k]._ref_g_dynamic_delayed
                vectors = {name: h.Vector().record(ref) for name, ref in columns.items()}

                start = time.perf_counter()
                h.celsius = stim["celsius"]
                h.dt = stim["dt"]
                h.finitialize(stim["v_init"])
                for k, times in enumerate(stim["pre"]):
                    for t in times:
                        for nc in spine_netcons[k]:
                            nc.event(t + stim["delay"])  # source-less: delivered at the given time
                for _ in range(stim["steps"]):
                    h.fadvance()
                wall = time.perf_counter() - start

                v = spike_v.to_python()
                spikes = [k * stim["dt"] for k in range(1, len(v) - 1) if v[k] > 0 and v[k] > v[k - 1] and v[k] > v[k + 1]]
                result = {"soma_spike_times_ms": spikes,
                          "final_g_dynamic": [p.g_dynamic if p is not None else None for p in plastic]}
                if stim["potentiation"]:
                    result["final_g_dynamic_delayed"] = [p.g_dynamic_delayed if p is not None else None for p in plastic]
                with open(stim_path, "rb") as f:
                    sha256 = hashlib.sha256(f.read()).hexdigest()
                result["wall_seconds"] = wall
                result["provenance"] = {"output": "build_cell.py --stimulus", "model": MODEL,
                                        "simulator": "NEURON " + neuron.__version__,
                                        "command_line": " ".join(shlex.quote(a) for a in sys.argv),
                                        "inputs": {"stimulus": {"path": stim_path, "sha256": sha256}}}
                os.makedirs(out, exist_ok=True)
                traces = os.path.join(out, "traces.csv.gz")
                if vectors:
                    every = stim["save_every"]
                    rows = range(0, stim["steps"] + 1, every)
                    data = [[k * stim["dt"] for k in rows]] + [[vec[k] for k in rows] for vec in vectors.values()]
                    with gzip.open(traces + ".tmp", "wt") as f:
                        f.write(",".join(["t_ms"] + list(vectors)) + "\\n")
                        for row in zip(*data):
                            f.write(",".join(repr(value) for value in row) + "\\n")
                    os.replace(traces + ".tmp", traces)
                elif os.path.exists(traces):
                    os.remove(traces)
                path = os.path.join(out, "result.json")
                with open(path + ".tmp", "w") as f:
                    json.dump(result, f, indent=1)
                os.replace(path + ".tmp", path)
                print(str(len(spikes)) + " somatic spikes; " + "%.1f" % wall + " s wall for " + repr(stim["tstop"])
                      + " ms simulated; wrote " + out)


            def structure(secs):
                \"\"\"NEURON's side of the cell in Spineformer's structure dump schema.\"\"\"
                origin = secs[@ORIGIN_SECTION@](@ORIGIN_X@)
                name = h.ref("")
                sections = []
                for sec in secs:
                    parent = sec.parentseg()
                    segments = []
                    for seg in sec:
                        mechanisms = {}
                        for mech in seg:
                            if mech.name().endswith("_ion"):
                                ion = mech.name()[:-4]
                                mechanisms[mech.name()] = {v: getattr(seg, v) for v in ("e" + ion, ion + "i", ion + "o")}
                                continue
                            standard = h.MechanismStandard(mech.name(), 1)
                            values = {}
                            for i in range(int(standard.count())):
                                standard.name(name, i)
                                values[name[0]] = getattr(seg, name[0])
                            mechanisms[mech.name()] = values
                        segments.append({"x": seg.x, "diam": seg.diam, "cm": seg.cm, "area_um2": seg.area(),
                                         "ri_MOhm": seg.ri(), "distance_um": h.distance(origin, seg),
                                         "mechanisms": mechanisms})
                    sections.append({"name": sec.name(), "nseg": sec.nseg, "L": sec.L, "Ra": sec.Ra,
                                     "parent": None if parent is None else parent.sec.name(),
                                     "parent_x": None if parent is None else parent.x, "segments": segments})
                return {"simulator": "NEURON " + neuron.__version__, "model": MODEL, "celsius": h.celsius,
                        "v_init": V_INIT, "n_sections": len(secs), "n_segments": sum(s.nseg for s in secs),
                        "distance_origin": "distance_um: path distance from " + origin.sec.name() + "(" + str(origin.x)
                                           + ")",
                        "sections": sections}


            def main():
                parser = argparse.ArgumentParser(description="Builds the cell " + MODEL + " in NEURON.")
                parser.add_argument("--mechanisms", metavar="DIR", action="append", default=[],
                                    help="a directory with mod files compiled by nrnivmodl")
                parser.add_argument("--mod-lib", metavar="FILE", action="append", default=[],
                                    help="a compiled mechanism library to load with nrn_load_dll")
                parser.add_argument("--geometry-only", action="store_true",
                                    help="sections, geometry and pas only")
                parser.add_argument("--structure-out", metavar="FILE",
                                    help="write NEURON's structure dump here")
                parser.add_argument("--stimulus", metavar="FILE",
                                    help="replay this stimulus (Spineformer's stimulus format); needs --out")
                parser.add_argument("--out", metavar="DIR", help="where the replay writes result.json")
                args = parser.parse_args()
                if (args.stimulus is None) != (args.out is None):
                    sys.exit("--stimulus and --out go together")
                if args.stimulus and args.geometry_only:
                    sys.exit("--stimulus needs the cell's mechanisms: it cannot replay with --geometry-only")
                if args.stimulus and REPLAY is None:
                    sys.exit(MODEL + ": the description has no \\"experiment\\" part (query site, spike site):"
                             " cannot replay")
                stim = read_stimulus(args.stimulus) if args.stimulus else None
                for directory in args.mechanisms:
                    if not neuron.load_mechanisms(directory):
                        sys.exit(directory + ": no compiled mechanisms there (run nrnivmodl in it)")
                for library in args.mod_lib:
                    if not os.path.isfile(library) or not h.nrn_load_dll(library):
                        sys.exit(library + ": cannot load this mechanism library")
                if not args.geometry_only:
                    missing = sorted(set(DENSITY_MECHANISMS) - available(0)) + sorted(set(POINT_PROCESSES) - available(1))
                    if missing:
                        sys.exit("cannot insert " + ", ".join(missing) + ": not known to NEURON; compile their mod files"
                                 " with nrnivmodl and pass --mechanisms DIR (or --mod-lib FILE), or use --geometry-only")
                h.celsius = CELSIUS
                secs, points, netcons = build(args.geometry_only)
                h.finitialize(V_INIT)
                print(MODEL + ": " + str(len(secs)) + " sections, " + str(sum(s.nseg for s in secs)) + " segments, "
                      + str(len(points)) + " point processes" + (" (geometry and pas only)" if args.geometry_only else ""))
                if args.structure_out:
                    tmp = args.structure_out + ".tmp"
                    with open(tmp, "w") as f:
                        json.dump(structure(secs), f, indent=1)
                    os.replace(tmp, args.structure_out)
                    print("structure written to " + args.structure_out)
                if args.stimulus:
                    replay(secs, points, netcons, stim, args.stimulus, args.out)
                return secs, points, netcons


            if __name__ == "__main__":
                main()
            """;
}
