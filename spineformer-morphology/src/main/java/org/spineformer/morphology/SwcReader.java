package org.spineformer.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An SWC file read as NEURON 8.2's {@code Import3d_SWC_read} (share/lib/hoc/import3d/read_swc.hoc) reads it, then
 * instantiated as {@code Import3d_GUI.instantiate} does.
 *
 * <p>Each data line is {@code id type x y z radius parent}, each number read in single precision as hoc's
 * {@code sscanf("%f")} reads it. Points are split into sections at branch points and
 * where the type changes; a section's first point is a copy of its parent point, except that a dendrite on a
 * single-point soma starts at its own first sample and is connected to soma(0.5) (and similar "wire" rules for
 * multi-point somata); a dendrite on the soma takes its own first diameter for the copied point. A single-point
 * soma (or NeuroMorpho's three-point soma) becomes a 3-point cylinder along x with L = diam.
 *
 * <p>Stricter than NEURON, which prints an error and goes on (or fails further on): an unparsable line, a duplicate
 * id, ids out of increasing order, a parent id that does not exist, a cycle, a parent id not smaller than its
 * child's (NEURON's requirement) and a radius that is not positive are errors naming the file, line and value.
 * Several trees are read as NEURON reads them, with a warning: each later root hangs from the first section.
 */
final class SwcReader {
    private final String file;
    private int[] id;
    private int[] type;
    private double[] x;
    private double[] y;
    private double[] z;
    private double[] d;
    private int[] pid;
    private int[] line;
    /** Index of each point's parent point, -1 for the root ({@code pix2ix}). */
    private int[] parentIndex;
    private double[] nchild;
    private double[] nchildSoma;
    private boolean[] connectToProximal;
    private boolean threePointSoma;
    private int[] pointToSection;
    private final List<String> warnings = new ArrayList<>();

    private SwcReader(String file) {
        this.file = file;
    }

    static ImportedMorphology read(String file, List<String> lines, ImportTarget target) {
        return new SwcReader(file).parse(lines, target);
    }

    private ImportedMorphology parse(List<String> lines, ImportTarget target) {
        readPoints(lines);
        checkParents();
        markBranches();
        sectionify();
        List<Import3dSection> sections = makeSections();
        int minType = Arrays.stream(type).min().getAsInt();
        return Import3dInstantiate.instantiate(file, somaKind(sections), sections, minType, warnings, target);
    }

    private void readPoints(List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            if (fields.length < 7) {
                throw new MorphologyFileException(file, i + 1, "expected 7 numbers (id type x y z radius parent), got "
                        + fields.length + " fields: '" + text + "'");
            }
            double[] row = new double[7];
            for (int k = 0; k < 7; k++) {
                row[k] = number(fields[k], FIELDS[k], i + 1, text);
            }
            for (int k : new int[] {0, 1, 6}) {
                if (row[k] != Math.rint(row[k]) || Math.abs(row[k]) > Integer.MAX_VALUE) {
                    throw new MorphologyFileException(file, i + 1, FIELDS[k] + " must be an integer, was " + fields[k]);
                }
            }
            if (row[0] < 0) {
                throw new MorphologyFileException(file, i + 1, "id must be >= 0, was " + fields[0]);
            }
            if (!(row[5] > 0)) {
                throw new MorphologyFileException(file, i + 1, "radius must be > 0, was " + fields[5]);
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new MorphologyFileException(file, 0, "no SWC points");
        }
        int n = rows.size();
        id = new int[n];
        type = new int[n];
        x = new double[n];
        y = new double[n];
        z = new double[n];
        d = new double[n];
        pid = new int[n];
        line = new int[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            id[i] = (int) r[0];
            type[i] = (int) r[1];
            x[i] = r[2];
            y[i] = r[3];
            z[i] = r[4];
            d[i] = r[5] * 2; // radius to diameter
            pid[i] = (int) r[6];
            line[i] = lineNumbers.get(i);
        }
    }

    private static final String[] FIELDS = {"id", "type", "x", "y", "z", "radius", "parent id"};

    /**
     * A field as NEURON reads it: hoc's {@code sscanf("%f")} converts to single precision (a {@code float}), widened
     * to double afterwards.
     */
    private double number(String text, String field, int lineNumber, String wholeLine) {
        if (DecimalNumber.PATTERN.matcher(text).matches()) {
            float v = Float.parseFloat(text);
            if (Float.isFinite(v)) {
                return v;
            }
        }
        throw new MorphologyFileException(file, lineNumber, field + " is not a (single-precision) number: '" + text
                + "' in '" + wholeLine + "'");
    }

    private void checkParents() {
        int n = id.length;
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Integer previous = index.put(id[i], i);
            if (previous != null) {
                throw new MorphologyFileException(file, line[i], "duplicate id " + id[i] + " (also on line "
                        + line[previous] + ")");
            }
        }
        parentIndex = new int[n];
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pid[i] < 0) {
                parentIndex[i] = -1;
                roots.add(i);
                continue;
            }
            Integer p = index.get(pid[i]);
            if (p == null) {
                throw new MorphologyFileException(file, line[i], "parent id " + pid[i] + " of point " + id[i]
                        + " does not exist");
            }
            parentIndex[i] = p;
        }
        for (int i = 0; i < n; i++) {
            if (pid[i] >= id[i]) {
                List<Integer> cycle = cycleFrom(i);
                if (!cycle.isEmpty()) {
                    throw new MorphologyFileException(file, line[i], "cycle: the parent ids of points "
                            + cycle + " lead back to point " + id[i]);
                }
                throw new MorphologyFileException(file, line[i], "parent id " + pid[i] + " is not less than id "
                        + id[i] + " (NEURON's Import3d needs each parent listed with a smaller id)");
            }
        }
        for (int i = 1; i < n; i++) {
            if (id[i] < id[i - 1]) {
                throw new MorphologyFileException(file, line[i], "id " + id[i] + " follows id " + id[i - 1]
                        + " (line " + line[i - 1] + "): the ids must increase down the file (NEURON 8.2's Import3d"
                        + " fails on a file out of id order: the sort in its check_pid breaks)");
            }
        }
        if (roots.size() > 1) {
            List<Integer> rootLines = roots.stream().map(r -> line[r]).toList();
            warnings.add("more than one tree: roots (parent id < 0) on lines " + rootLines + "; as NEURON's Import3d,"
                    + " each later root is read as if its parent were the first point (hoc's x[-1] is x[0])");
        }
    }

    /** The ids on the cycle through point i, or an empty list if following parents from i reaches a root. */
    private List<Integer> cycleFrom(int i) {
        List<Integer> path = new ArrayList<>();
        boolean[] seen = new boolean[id.length];
        int p = i;
        while (p >= 0 && !seen[p]) {
            seen[p] = true;
            path.add(p);
            p = parentIndex[p];
        }
        if (p < 0) {
            return List.of();
        }
        return path.subList(path.indexOf(p), path.size()).stream().map(k -> id[k]).toList();
    }

    /**
     * {@code mark_branch}: per point, 1 for each child, plus 0.01 if the child does not follow it directly or
     * has another type (a section ends at every point whose count is not exactly 1). A branch that leaves the
     * first point of a dendrite wired to the soma (or a non-soma root) is connected to that section's 0-end.
     */
    private void markBranches() {
        int n = id.length;
        connectToProximal = new boolean[n];
        nchild = new double[n];
        for (int i = 0; i < n; i++) {
            int p = parentIndex[i];
            if (p < 0) {
                continue;
            }
            nchild[p] += 1;
            if (p != i - 1) {
                nchild[p] += .01;
                if (p > 1) {
                    if (type[p] != 1 && type[parentIndex[p]] == 1) {
                        connectToProximal[i] = true;
                        nchild[p] = 1;
                        warnings.add("line " + line[i] + ": point " + id[i] + " branches from point " + id[p]
                                + ", the first point of a dendrite wired to the soma: connected to its 0-end");
                    }
                } else if (p == 0 && type[p] != 1) {
                    connectToProximal[i] = true;
                    nchild[p] = 1;
                }
            }
            if (type[p] != type[i]) {
                nchild[p] += .01;
            }
        }
    }

    /** {@code sectionify}: which section every point belongs to. */
    private void sectionify() {
        int n = id.length;
        nchildSoma = new double[n];
        int somaPoints = type[0] == 1 ? 1 : 0;
        for (int i = 1; i < n; i++) {
            if (type[i] == 1) {
                somaPoints++;
                int p = parentIndex[i];
                if (p >= 0 && type[p] == 1) {
                    nchildSoma[p] += 1;
                }
            }
        }
        if (somaPoints == 3) {
            threePointSoma = neuroMorphoThreePointSoma();
        }
        for (int i = 0; i < n - 1; i++) {
            if (type[i] == 1 && type[i + 1] == 1 && parentIndex[i + 1] == i && !(i != 0 && nchildSoma[i] > 1)) {
                nchild[i] = 1; // not a section end
            }
        }
        List<Integer> sectionEnds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (nchild[i] != 1) {
                sectionEnds.add(i);
            }
        }
        pointToSection = new int[n];
        int si = 0;
        for (int i = 1; i < n; i++) {
            if (i > sectionEnds.get(si)) {
                si++;
            }
            pointToSection[i] = si;
        }
    }

    /**
     * NeuroMorpho's three-point soma (both outer points children of the first, no other children, one diameter,
     * total length within 1% of the diameter) is read as a sphere: the last two points are dropped.
     */
    private boolean neuroMorphoThreePointSoma() {
        if (id.length < 3 || parentIndex[1] != 0 || parentIndex[2] != 0 || nchild[1] != 0 || nchild[2] != 0
                || !HocCompare.eq(d[1], d[0]) || !HocCompare.eq(d[2], d[0])) {
            return false;
        }
        double len = 0;
        for (int i = 1; i <= 2; i++) {
            len += Math.sqrt(Math.pow(x[i] - x[0], 2) + Math.pow(y[i] - y[0], 2) + Math.pow(z[i] - z[0], 2));
        }
        if (HocCompare.lt(Math.abs(len / d[0] - 1), .01)) {
            pid[2] = id[1]; // as NEURON: keeps the three points one section
            parentIndex[2] = 1;
            return true;
        }
        return false;
    }

    private List<Import3dSection> makeSections() {
        List<Import3dSection> sections = new ArrayList<>();
        int isec = 0;
        int first = 0;
        int i;
        for (i = 0; i < id.length; i++) {
            if (pointToSection[i] > isec) {
                sections.add(makeSection(sections, isec, first, i));
                isec++;
                first = i;
            }
        }
        sections.add(makeSection(sections, isec, first, i));
        return sections;
    }

    /** {@code mksection}: section isec holds points first .. end-1 (and, unless the root, its parent point). */
    private Import3dSection makeSection(List<Import3dSection> sections, int isec, int first, int end) {
        Import3dSection sec;
        if (isec == 0) {
            int last = threePointSoma ? 1 : end;
            sec = new Import3dSection(first, last - first);
            for (int k = 0; k < last - first; k++) {
                sec.set(k, x[first + k], y[first + k], z[first + k], d[first + k]);
            }
        } else {
            sec = new Import3dSection(first, end - first + 1);
            // pix2ix(first): -1 for the root of a later tree, which hoc's arrays read as index 0 (x[-1] is x[0])
            int pix = parentIndex[first];
            int parentPoint = Math.max(pix, 0);
            Import3dSection psec = sections.get(pointToSection[parentPoint]);
            sec.parent = psec;
            boolean dendriteOnSoma = psec.type == 1 && type[first] != 1;
            boolean onSoma = psec.type == 1;
            boolean handled = false;
            if (psec == sections.get(0)) {
                handled = true;
                if (dendriteOnSoma && psec.size() == 1) { // single-point soma: wired to its centre
                    sec.parentX = 0.5;
                    if (end - first > 1) {
                        sec.first = 1;
                    }
                } else if (pix == psec.id) { // the root's first point
                    sec.parentX = 0.0;
                    if (type[first] != 1 && nchildSoma[parentPoint] > 1) {
                        sec.first = 1;
                    }
                } else {
                    handled = false;
                }
            }
            if (!handled && onSoma) {
                int offset = psec.id == 0 ? -1 : -2;
                if (pix < psec.id + psec.size() + offset) { // an interior soma point
                    sec.parentX = 0.5;
                    if (dendriteOnSoma && end - first > 1) {
                        sec.first = 1;
                    }
                } else if (end - first > 1 && nchildSoma[parentPoint] > 1 && type[first] != 1) {
                    sec.first = 1;
                }
            }
            sec.set(0, x[parentPoint], y[parentPoint], z[parentPoint], d[parentPoint]);
            for (int k = 0; k < end - first; k++) {
                sec.set(k + 1, x[first + k], y[first + k], z[first + k], d[first + k]);
            }
        }
        sec.type = type[first];
        sec.line = line[first];
        if (sec.parent != null && sec.parent.type == 1 && sec.type != 1) {
            sec.d[0] = sec.d[1]; // a dendrite on the soma starts with its own diameter
        }
        if (connectToProximal[first]) {
            sec.parentX = 0;
        }
        return sec;
    }

    private ImportedMorphology.SomaKind somaKind(List<Import3dSection> sections) {
        Import3dSection root = sections.get(0);
        if (root.type != 1) {
            return ImportedMorphology.SomaKind.NONE;
        }
        if (threePointSoma) {
            return ImportedMorphology.SomaKind.THREE_POINT_SPHERE;
        }
        return root.size() == 1 ? ImportedMorphology.SomaKind.SINGLE_POINT : ImportedMorphology.SomaKind.POINTS;
    }
}
