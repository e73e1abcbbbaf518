package org.spineformer.engine.discrete;

import java.util.Arrays;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;
import org.spineformer.engine.morph.SegmentGeometry;

/**
 * A morphology lowered to NEURON's flat node arrays.
 *
 * <p>Every section contributes one node at the centre of each segment and one zero-area node at its 1-end; the
 * first section also owns a zero-area node at its 0-end, the root of NEURON's tree. A section's first centre node
 * hangs from the node its 0-end is connected to: the parent's 1-end node for x = 1, the parent's 0-end node for
 * x = 0, otherwise the centre node of the parent segment containing x ({@link #parent()}, {@link #riMOhm},
 * {@link #matrixA()} and {@link #matrixB()} describe that tree, as NEURON does).
 *
 * <p>The solver eliminates the same tree rooted elsewhere ({@link #solverParent()}, {@link #solverA()},
 * {@link #solverB()}): at node 0, the middle of a longest path, so that the longest chain of rows that must be
 * eliminated one after the other is as short as it can be (in the paper's cell 513 rows instead of NEURON's 1011:
 * the longest path, from a tuft tip to the axon's end, is 1023 rows). Rerooting swaps a and b on the edges between the two roots; it gives the same
 * system, eliminated in another order, so the results differ from NEURON's by rounding.
 *
 * <p>Node order: by height in the solver's tree (the distance to the deepest leaf below), tallest first, and within
 * a height in the natural order (sections in order, a section's nodes from its 0-end). A parent is taller than its
 * children, so parents precede them; and the backward sweep, which runs from the last node to the first, meets
 * nodes of one height together. Those never depend on each other, so the processor overlaps their divisions: in
 * the paper's cell the six tuft branches are eliminated side by side, and the 1500 spines level by level, instead
 * of as chains of dependent divisions. Mechanisms see the same order ({@link org.spineformer.engine.ModelBuilder}
 * sorts a density mechanism's instances by node), so a branch type's nodes still form long runs of consecutive
 * indices.
 *
 * <p>Each segment's area and half resistances come from {@link Section#geometry()} (cylinders, or the frusta of
 * its 3-D points). Units: areas um2, resistances MOhm, capacitance uF/cm2. Matrix coefficients follow NEURON's
 * {@code connection_coef}: {@code a[i] = -100 / (ri[i] * area[parent])} (the node's term in its parent's row) and
 * {@code b[i] = -100 / (ri[i] * area[i])} (the parent's term in the node's row), in S/cm2, where zero-area nodes
 * count as area 100 so that their rows are current balances in uS and nA.
 */
public final class Discretization {
    /** The area NEURON assigns to zero-area nodes in the matrix, making their rows uS and nA. */
    public static final double ZERO_AREA_NODE_MATRIX_AREA = 100.0;

    private final Morphology morphology;
    private final int nodeCount;
    private final int[] parent;
    private final double[] areaUm2;
    /** The diameter (um) of the segment each node is the centre of; NaN for the sections' end nodes. */
    private final double[] diamUm;
    private final double[] matrixArea;
    private final double[] cm;
    private final double[] riMOhm;
    private final double[] a;
    private final double[] b;
    /** The tree the solver eliminates: rooted at node 0, parents before children. */
    private final int[] solverParent;
    private final double[] solverA;
    private final double[] solverB;
    /** Index of the first leaf: the leaves (zero-area end nodes without children) are the last nodes. */
    private final int firstLeaf;
    /** Centre node of segment j of section s at {@code centreNode[sectionOffset[s] + j]}. */
    private final int[] centreNode;
    private final int[] sectionOffset;
    private final int[] endNode;
    private final int[] zeroEndNode;

    public Discretization(Morphology morphology) {
        this.morphology = morphology;
        int sections = morphology.size();
        if (sections == 0) {
            throw new IllegalArgumentException("cannot discretize an empty morphology");
        }
        int n = 1;
        for (Section s : morphology.sections()) {
            n += s.nseg() + 1;
        }
        nodeCount = n;
        parent = new int[n];
        areaUm2 = new double[n];
        diamUm = new double[n];
        Arrays.fill(diamUm, Double.NaN);
        cm = new double[n];
        riMOhm = new double[n];

        parent[0] = -1;
        int next = 1;
        int[] firstNode = new int[sections];
        int[] endNode = new int[sections];
        int[] zeroEndNode = new int[sections];
        for (int si = 0; si < sections; si++) {
            Section s = morphology.section(si);
            int attach = si == 0 ? 0 : naturalAttachment(firstNode, endNode, zeroEndNode, s.parent(), s.parentX());
            zeroEndNode[si] = attach;
            firstNode[si] = next;
            SegmentGeometry geometry = s.geometry();
            double[] area = geometry.areaUm2();
            double[] diam = geometry.diamUm();
            double[] leftHalf = geometry.leftHalfMOhm();
            double[] rightHalf = geometry.rightHalfMOhm();
            double[] cms = s.cmUfPerCm2();
            double rightHalfOfPrevious = 0;
            int previous = attach;
            for (int j = 0; j < s.nseg(); j++) {
                int node = next++;
                parent[node] = previous;
                areaUm2[node] = area[j];
                diamUm[node] = diam[j];
                cm[node] = cms[j];
                riMOhm[node] = leftHalf[j] + rightHalfOfPrevious;
                rightHalfOfPrevious = rightHalf[j];
                previous = node;
            }
            int end = next++;
            parent[end] = previous;
            riMOhm[end] = rightHalfOfPrevious;
            endNode[si] = end;
        }

        int[][] neighbours = neighbours(parent);
        int[] solverParent = new int[n];
        int[] visit = breadthFirst(neighbours, centre(neighbours), solverParent);
        int[] order = heightOrder(visit, solverParent);
        int[] newIndex = new int[n];
        for (int i = 0; i < n; i++) {
            newIndex[order[i]] = i;
        }
        renumberParents(parent, order, newIndex);
        renumberParents(solverParent, order, newIndex);
        this.solverParent = solverParent;
        permute(areaUm2, order);
        permute(diamUm, order);
        permute(cm, order);
        permute(riMOhm, order);
        for (int si = 0; si < sections; si++) {
            endNode[si] = newIndex[endNode[si]];
            zeroEndNode[si] = newIndex[zeroEndNode[si]];
        }
        this.sectionOffset = new int[sections + 1];
        for (int si = 0; si < sections; si++) {
            sectionOffset[si + 1] = sectionOffset[si] + morphology.section(si).nseg();
        }
        this.centreNode = new int[sectionOffset[sections]];
        for (int si = 0; si < sections; si++) {
            for (int j = 0; j < morphology.section(si).nseg(); j++) {
                centreNode[sectionOffset[si] + j] = newIndex[firstNode[si] + j];
            }
        }
        this.endNode = endNode;
        this.zeroEndNode = zeroEndNode;
        boolean[] hasChild = new boolean[n];
        for (int i = 1; i < n; i++) {
            hasChild[solverParent[i]] = true;
        }
        int leaves = 0;
        for (int i = 0; i < n; i++) {
            leaves += hasChild[i] ? 0 : 1;
        }
        this.firstLeaf = n - leaves;

        matrixArea = new double[n];
        for (int i = 0; i < n; i++) {
            matrixArea[i] = areaUm2[i] > 0 ? areaUm2[i] : ZERO_AREA_NODE_MATRIX_AREA;
        }
        a = new double[n];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                double rinv = 1.0 / riMOhm[i];
                a[i] = -1e2 * rinv / matrixArea[parent[i]];
                b[i] = -1e2 * rinv / matrixArea[i];
            }
        }
        solverA = new double[n];
        solverB = new double[n];
        for (int i = 1; i < n; i++) {
            int p = solverParent[i];
            if (parent[i] == p) {
                solverA[i] = a[i];
                solverB[i] = b[i];
            } else { // the edge runs the other way in NEURON's tree: i is p's parent there, its coefficients at p
                solverA[i] = b[p];
                solverB[i] = a[p];
            }
        }
    }

    private int attachmentNode(int section, double x) {
        if (x == 1.0) {
            return endNode[section];
        }
        if (x == 0.0) {
            return zeroEndNode[section];
        }
        return centreNode[sectionOffset[section] + morphology.section(section).segmentAt(x)];
    }

    /** As {@link #attachmentNode} during construction, in the natural (section) numbering. */
    private int naturalAttachment(int[] firstNode, int[] endNode, int[] zeroEndNode, int section, double x) {
        if (x == 1.0) {
            return endNode[section];
        }
        if (x == 0.0) {
            return zeroEndNode[section];
        }
        return firstNode[section] + morphology.section(section).segmentAt(x);
    }

    /** Each node's neighbours in the tree given by its parents (-1 for the root). */
    private static int[][] neighbours(int[] parent) {
        int n = parent.length;
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                degree[i]++;
                degree[parent[i]]++;
            }
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                neighbours[i][degree[i]++] = parent[i];
                neighbours[parent[i]][degree[parent[i]]++] = i;
            }
        }
        return neighbours;
    }

    /**
     * The nodes in breadth-first order from {@code root}, each node's parent in the tree rooted there written to
     * {@code parentOut} (-1 for the root).
     */
    private static int[] breadthFirst(int[][] neighbours, int root, int[] parentOut) {
        int[] visit = new int[neighbours.length];
        Arrays.fill(parentOut, -2);
        parentOut[root] = -1;
        visit[0] = root;
        for (int head = 0, tail = 1; head < tail; head++) {
            int u = visit[head];
            for (int w : neighbours[u]) {
                if (parentOut[w] == -2) {
                    parentOut[w] = u;
                    visit[tail++] = w;
                }
            }
        }
        return visit;
    }

    /** The middle node of a longest path in the tree: rooted there, the tree is as short as it can be. */
    private static int centre(int[][] neighbours) {
        int[] parentOf = new int[neighbours.length];
        int[] visit = breadthFirst(neighbours, 0, parentOf);
        int end = visit[visit.length - 1]; // farthest from node 0: one end of a longest path
        visit = breadthFirst(neighbours, end, parentOf);
        int other = visit[visit.length - 1];
        int length = 0;
        for (int u = other; u != end; u = parentOf[u]) {
            length++;
        }
        int middle = other;
        for (int step = 0; step < length / 2; step++) {
            middle = parentOf[middle];
        }
        return middle;
    }

    /**
     * The nodes by height in the tree rooted at {@code visit[0]} (a breadth-first order of it), tallest first,
     * ties in the natural order (a counting sort).
     */
    private static int[] heightOrder(int[] visit, int[] parent) {
        int n = parent.length;
        int[] height = new int[n];
        for (int k = n - 1; k > 0; k--) { // children before their parents
            int i = visit[k];
            height[parent[i]] = Math.max(height[parent[i]], height[i] + 1);
        }
        int tallest = height[visit[0]];
        int[] start = new int[tallest + 2];
        for (int h : height) {
            start[tallest - h + 1]++;
        }
        for (int level = 1; level <= tallest + 1; level++) {
            start[level] += start[level - 1];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[start[tallest - height[i]]++] = i;
        }
        return order;
    }

    private static void permute(double[] values, int[] order) {
        double[] old = values.clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = old[order[i]];
        }
    }

    /** Reorders parent indices: node i takes old node order[i]'s parent, renumbered. */
    private static void renumberParents(int[] parent, int[] order, int[] newIndex) {
        int[] old = parent.clone();
        for (int i = 0; i < parent.length; i++) {
            int p = old[order[i]];
            parent[i] = p < 0 ? -1 : newIndex[p];
        }
    }

    /**
     * The node that represents location x of a section, as NEURON's {@code node_index}: the 0-end node for
     * x = 0, the 1-end node for x = 1, otherwise the centre of the segment containing x.
     */
    public int node(int section, double x) {
        if (!(x >= 0 && x <= 1)) {
            throw new IllegalArgumentException("location x must be in [0, 1], was " + x + " on section "
                    + morphology.section(section).name());
        }
        return attachmentNode(section, x);
    }

    /**
     * Where a node lies, as NEURON names a location: {@code section(x)} with x its segment's centre, 1 for a
     * section's 1-end and 0 for the root (x to 4 decimals). Where several sections meet at a node, the first one
     * found names it.
     */
    public String locationName(int node) {
        for (int si = 0; si < morphology.size(); si++) {
            Section s = morphology.section(si);
            for (int j = 0; j < s.nseg(); j++) {
                if (centreNode[sectionOffset[si] + j] == node) {
                    return s.name() + "(" + Math.round(s.segmentX(j) * 1e4) / 1e4 + ")";
                }
            }
            if (endNode[si] == node) {
                return s.name() + "(1)";
            }
        }
        if (node == zeroEndNode[0]) {
            return morphology.section(0).name() + "(0)";
        }
        throw new IllegalArgumentException("no node " + node + " (the model has " + nodeCount + ")");
    }

    /** The centre node of segment {@code segment} of a section. */
    public int segmentNode(int section, int segment) {
        Section s = morphology.section(section);
        if (segment < 0 || segment >= s.nseg()) {
            throw new IllegalArgumentException("section " + s.name() + " has no segment " + segment);
        }
        return centreNode[sectionOffset[section] + segment];
    }

    public Morphology morphology() {
        return morphology;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /**
     * The index of the first leaf node of the solver's tree; every node from here on is a zero-area section end
     * without children (its voltage follows its parent's, unless something is attached to it).
     */
    public int firstLeaf() {
        return firstLeaf;
    }

    /** Each node's parent in NEURON's tree; -1 for its root, the 0-end node of the first section. */
    public int[] parent() {
        return parent.clone();
    }

    /**
     * Each node's parent in the tree the solver eliminates: NEURON's tree rooted at node 0 instead, so that
     * parents precede their children; -1 for node 0.
     */
    public int[] solverParent() {
        return solverParent.clone();
    }

    /** {@link #matrixA()} for the {@link #solverParent() solver's tree}: each node's term in its parent's row. */
    public double[] solverA() {
        return solverA.clone();
    }

    /** {@link #matrixB()} for the {@link #solverParent() solver's tree}: the parent's term in each node's row. */
    public double[] solverB() {
        return solverB.clone();
    }

    /** Membrane area (um2); 0 for the zero-area end nodes. */
    public double areaUm2(int node) {
        return areaUm2[node];
    }

    /** The diameter (um) of the segment whose centre is this node (NEURON's seg.diam); NaN for an end node. */
    public double diamUm(int node) {
        return diamUm[node];
    }

    /** The area used to scale the node's matrix row (um2, or 100 for zero-area nodes, as NEURON). */
    public double matrixAreaUm2(int node) {
        return matrixArea[node];
    }

    /** Resistance (MOhm) between a node and its parent node, NEURON's {@code ri}. */
    public double riMOhm(int node) {
        return riMOhm[node];
    }

    public double cmUfPerCm2(int node) {
        return cm[node];
    }

    /** NEURON's {@code NODEA}: each node's term in its (NEURON) parent's row (S/cm2); 0 for the root. */
    public double[] matrixA() {
        return a.clone();
    }

    /** NEURON's {@code NODEB}: the (NEURON) parent's term in each node's row (S/cm2); 0 for the root. */
    public double[] matrixB() {
        return b.clone();
    }

    public double[] matrixAreas() {
        return matrixArea.clone();
    }

    public double[] capacitances() {
        return cm.clone();
    }
}
