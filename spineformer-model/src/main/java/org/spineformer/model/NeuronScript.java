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

    /** The script's text. */
    public static String of(AssembledCell cell) {
        Morphology m = cell.morphology();
        StringBuilder out = new StringBuilder();
        Set<String> pointMechanisms = new LinkedHashSet<>();
        cell.synapses().forEach(s -> pointMechanisms.add(s.mechanism()));
        cell.pointProcesses().forEach(p -> pointMechanisms.add(p.mechanism()));
        out.append(HEADER.replace("@NAME@", cell.name())
                .replace("@MODEL@", str(cell.name()))
                .replace("@CELSIUS@", num(cell.celsius()))
                .replace("@V_INIT@", num(cell.vInitMv()))
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

            --mechanisms DIR     a directory where `nrnivmodl` compiled your mod files (neuron.load_mechanisms(DIR))
            --mod-lib FILE       a compiled mechanism library (.so) to load with nrn_load_dll
            --geometry-only      build the sections, their geometry and pas only (when mechanisms are not compiled)
            --structure-out FILE write NEURON's side in Spineformer's structure dump schema, after h.finitialize(v_init),
                                 to diff with `spineformer model check MODEL --structure FILE`
            \"\"\"
            import argparse
            import json
            import os
            import sys

            import neuron
            from neuron import h

            MODEL = @MODEL@
            CELSIUS = @CELSIUS@
            V_INIT = @V_INIT@
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
                args = parser.parse_args()
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
                return secs, points, netcons


            if __name__ == "__main__":
                main()
            """;
}
