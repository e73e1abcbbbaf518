package org.spineformer.nmodl.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.table.CubicTable;

/**
 * The state phases of generated blocks read from tables of v ({@link JoinableStates}: one cnexp SOLVE, outputs read
 * lazily or none) on the same nodes (or some of them: {@link #join}), in one pass (the engine's {@link
 * MechanismBlock#joinStatePhases}): per slot each node value the blocks copy read once, one position in the grid
 * every {@link VoltageTable} shares, and every state's cnexp factor and target (two functions per state) from one
 * table laid out [interval][power][function], so that a power of all the functions is one contiguous read (vector
 * lanes when {@link Simd#enabled()}). Each function is Horner's rule in fused multiply-adds, as {@link
 * CubicTable#value}, and each state's update its own block's, so every column gets the bits of its own block's
 * state phase; a slot whose interval one block does not use (or outside the table) is computed exactly by that
 * block after the pass, as its own phase does.
 *
 * <p>Why: each block's own phase reads v, copies its node's values, finds the position and reads its table slot by
 * slot (docs/dev/nmodl.md "Speed"). The pass is Java written for the blocks' shape (their states, node copies and
 * kept positions) and compiled once per shape, so that its loop holds no loop over the blocks: written as loops
 * over them it was slower than the blocks' own phases. Only blocks of one trial ({@code lanes() == 1}) are joined.
 *
 * <p>At a step where some blocks cannot be joined (a table off, outputs written at every step: Migliore's cagk, whose
 * table of v is off while cai differs among its compartments), the others are still joined among themselves, by a
 * pass made for that subset, and those do their own phases.
 *
 * <p>Doing a joined block's phase at the first one's turn changes nothing: each reads v, dt, its own columns and its
 * node's ion variables, which the state phases of blocks that write no ion variable (all those after the first
 * one, which NEURON orders after the blocks that write one) leave alone.
 */
public final class JoinedTableStates {
    /** The compiled pass of one shape: the slot loop, with the arrays it reads and writes as arguments. */
    public interface Pass {
        /**
         * {@link #CHUNK} slots at a time: first, slot by slot, the position of {@code v} in {@code grid} into {@code
         * chunkAt} and the functions from {@code co} (laid out [interval][power][function]) into {@code
         * chunkFunctions} (the chunk's slots one after the other); then slot by slot the node copies and each
         * block's states and position, or the slot added to the block's exact slots; {@code counts} how many each.
         * {@code slots}: per block on some of the pass's nodes, its slot at each of the pass's slots (-1: not on
         * that node); null for a block on all of them.
         */
        void run(double[] v, int[] node, CubicTable grid, double[] co, double[][] copies,
                 double[][] states, double[][] positions, boolean[][] notUsed, int[][] exact, int[] counts,
                 int[][] slots, double[] chunkAt, double[] chunkFunctions);
    }

    /**
     * Slots whose functions the pass computes before it steps their states: a chunk's functions (Hay's 16 per slot:
     * 8 KB) stay in the level-1 cache, and the loop that reads the tables holds nothing else, so the processor
     * has many slots' table reads under way at once (docs/dev/performance.md "s40 (h18)").
     */
    static final int CHUNK = 64;

    /** The passes compiled in this JVM, by their source. */
    private static final Map<String, Pass> PASSES = new HashMap<>();

    private final MechanismBlock[] blocks;
    private final JoinableStates[] members;
    /** Per member, its slot at each of the first one's slots (-1: not on that node); null on the same nodes. */
    private final int[][] slotOf;
    /** The passes of the subsets of members seen so far, by the bits of who is in (member m: bit m). */
    private final Map<Long, Group> groups = new HashMap<>();
    private long lastIn = -1;
    private Group last;

    private JoinedTableStates(List<MechanismBlock> joined) {
        blocks = joined.toArray(new MechanismBlock[0]);
        members = new JoinableStates[blocks.length];
        slotOf = new int[blocks.length][];
        int[] nodes = ((JoinableStates) blocks[0]).joinedNodes();
        for (int i = 0; i < blocks.length; i++) {
            members[i] = (JoinableStates) blocks[i];
            slotOf[i] = Arrays.equals(members[i].joinedNodes(), nodes) ? null : slots(nodes, members[i].joinedNodes());
        }
    }

    /**
     * The joint pass for {@code first} with every block among {@code following} that can join it (a {@link
     * JoinableStates} of one trial on the same nodes, or on some of them while its functions fit in the lanes the
     * others leave free), or null when {@code first} cannot lead one (it is on one node, or not joinable) or none
     * can join.
     */
    public static JoinedTableStates join(MechanismBlock first, List<MechanismBlock> following) {
        // On one node the pass shares one position among the blocks and costs more than that saves (all its
        // functions in vector lanes, its set-up per step): Allen's soma, ten blocks, was faster alone
        // (docs/dev/performance.md "s34").
        if (!(first instanceof JoinableStates lead) || first.lanes() != 1 || lead.joinedNodes().length < 2) {
            return null;
        }
        List<MechanismBlock> joined = new ArrayList<>(List.of(first));
        int functions = 2 * lead.joinedStates().length;
        for (MechanismBlock b : following) {
            if (joined.size() < Long.SIZE && b instanceof JoinableStates other && b.lanes() == 1
                    && Arrays.equals(other.joinedNodes(), lead.joinedNodes())) {
                joined.add(b);
                functions += 2 * other.joinedStates().length;
            }
        }
        // A block on some of the nodes joins for free while its functions fill vector lanes computed anyway: it
        // saves its own slot loop (v read, position found), as Hay's Im on the apical nodes of the pass of
        // NaTa_t, SKv3_1, Ca_HVA and Ca_LVAst (docs/dev/performance.md "s33"); more would cost every slot a vector.
        int width = padded(functions);
        for (MechanismBlock b : following) {
            if (joined.size() < Long.SIZE && b instanceof JoinableStates other && b.lanes() == 1
                    && !joined.contains(b) && functions + 2 * other.joinedStates().length <= width
                    && slots(lead.joinedNodes(), other.joinedNodes()) != null && !leads(b, following)) {
                joined.add(b);
                functions += 2 * other.joinedStates().length;
            }
        }
        return joined.size() == 1 ? null : new JoinedTableStates(joined);
    }

    /** Whether {@code block} can lead a join of its own: another of {@code following} is on its nodes. */
    private static boolean leads(MechanismBlock block, List<MechanismBlock> following) {
        int[] nodes = ((JoinableStates) block).joinedNodes();
        for (MechanismBlock b : following) {
            if (b != block && b instanceof JoinableStates other && b.lanes() == 1
                    && Arrays.equals(other.joinedNodes(), nodes)) {
                return true;
            }
        }
        return false;
    }

    /** Functions rounded up to whole vectors of the preferred species (as they are laid out). */
    private static int padded(int functions) {
        int vl = Simd.preferredLanes();
        return (functions + vl - 1) / vl * vl;
    }

    /**
     * For each of {@code nodes} (distinct), the index of that node in {@code some} or -1; null when some node of
     * {@code some} is not among {@code nodes} or is there twice.
     */
    static int[] slots(int[] nodes, int[] some) {
        Map<Integer, Integer> slotOfNode = new HashMap<>();
        for (int k = 0; k < nodes.length; k++) {
            if (slotOfNode.put(nodes[k], k) != null) {
                return null;
            }
        }
        int[] slots = new int[nodes.length];
        Arrays.fill(slots, -1);
        for (int q = 0; q < some.length; q++) {
            Integer k = slotOfNode.get(some[q]);
            if (k == null || slots[k] >= 0) {
                return null;
            }
            slots[k] = q;
        }
        return slots;
    }

    /** The blocks whose state phases the first one's in {@code joined} now does; none for null. */
    public static List<MechanismBlock> taken(JoinedTableStates joined) {
        return joined == null ? List.of() : List.of(joined.blocks).subList(1, joined.blocks.length);
    }

    /**
     * Every joined block's state phase at {@code s.v}: those that can be joined at this step in one pass, each other
     * one by its own phase.
     */
    public void advance(CellState s) {
        long in = 0;
        for (int m = 0; m < members.length; m++) {
            if (members[m].joinedPrepare(s)) {
                in |= 1L << m;
            }
        }
        if (in != lastIn) {
            last = Long.bitCount(in) < 2 ? null : groups.computeIfAbsent(in, this::group);
            lastIn = in;
        }
        if (last == null || !last.advance(s)) {
            in = 0;
        }
        for (int m = 0; m < members.length; m++) {
            if ((in & 1L << m) == 0) {
                members[m].advanceAlone(s);
            }
        }
    }

    private Group group(long in) {
        List<JoinableStates> of = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();
        for (int m = 0; m < members.length; m++) {
            if ((in & 1L << m) != 0) {
                of.add(members[m]);
                slots.add(slotOf[m]);
            }
        }
        return new Group(of.toArray(new JoinableStates[0]), members[0].joinedNodes(), slots.toArray(new int[0][]));
    }

    /** Some of the members, joined: their layout, node copies and pass. */
    private static final class Group {
        private final JoinableStates[] members;
        /** The first joined block's nodes, which the pass steps through; each member's slot at each (or null). */
        private final int[] node;
        private final int[][] slots;
        /** The states of every member, in order, and how many each member has. */
        private final double[][] states;
        private final int[] stateCounts;
        /** Functions laid out, a multiple of the vector length with the Vector API. */
        private final int width;
        private final int[][] exactSlots;
        private final int[] exactCounts;
        private final double[][] positions;
        private final boolean[][] notUsed;
        /** A chunk's positions and functions, between the pass's two loops. */
        private final double[] chunkAt = new double[CHUNK];
        private final double[] chunkFunctions;
        /** The tables the layout was made from, their grid and the layout. */
        private final VoltageTable[] laidOutFrom;
        private CubicTable grid;
        private double[] byPower;
        /** The node copies (column, per-node array, ...) of every member, made for the state they were asked with. */
        private CellState copiesFor;
        private double[][] copies;
        private Pass pass;

        private Group(JoinableStates[] members, int[] node, int[][] slots) {
            int m = members.length;
            this.members = members;
            this.node = node;
            this.slots = slots;
            List<double[]> cols = new ArrayList<>();
            stateCounts = new int[m];
            for (int i = 0; i < m; i++) {
                double[][] own = members[i].joinedStates();
                cols.addAll(List.of(own));
                stateCounts[i] = own.length;
            }
            states = cols.toArray(new double[0][]);
            width = padded(2 * states.length);
            chunkFunctions = new double[CHUNK * width];
            exactSlots = new int[m][node.length];
            exactCounts = new int[m];
            positions = new double[m][];
            notUsed = new boolean[m][];
            laidOutFrom = new VoltageTable[m];
        }

        /** The members' state phases in one pass (each prepared); false (nothing done) without a common grid. */
        boolean advance(CellState s) {
            if (!layOut()) {
                return false;
            }
            if (copiesFor != s) {
                List<double[]> pairs = new ArrayList<>();
                int[] copyCounts = new int[members.length];
                for (int m = 0; m < members.length; m++) {
                    double[][] own = members[m].joinedCopies(s);
                    pairs.addAll(List.of(own));
                    copyCounts[m] = own.length / 2;
                }
                copies = pairs.toArray(new double[0][]);
                pass = pass(copyCounts, s.v);
                copiesFor = s;
            }
            for (int m = 0; m < members.length; m++) {
                positions[m] = members[m].joinedPositions();
            }
            pass.run(s.v, node, grid, byPower, copies, states, positions, notUsed, exactSlots, exactCounts, slots,
                    chunkAt, chunkFunctions);
            for (int m = 0; m < members.length; m++) {
                if (exactCounts[m] > 0) {
                    members[m].joinedExact(exactSlots[m], exactCounts[m], s);
                }
            }
            return true;
        }

        /** The tables as one, [interval][power][function]; made again when a table is new. False: no common grid. */
        private boolean layOut() {
            boolean same = true;
            for (int m = 0; m < members.length; m++) {
                same &= members[m].joinedTable() == laidOutFrom[m];
            }
            if (same) {
                return true;
            }
            CubicTable first = members[0].joinedTable().cubic();
            for (JoinableStates m : members) {
                CubicTable c = m.joinedTable().cubic();
                if (c.intervals() != first.intervals() || c.argument(0) != first.argument(0)) {
                    return false;
                }
            }
            int intervals = first.intervals();
            double[] laid = new double[intervals * 4 * width];
            int f = 0;
            for (int m = 0; m < members.length; m++) {
                CubicTable c = members[m].joinedTable().cubic();
                for (int own = 0; own < 2 * stateCounts[m]; own++, f++) {
                    for (int i = 0; i < intervals; i++) {
                        for (int p = 0; p < 4; p++) {
                            laid[(i * 4 + p) * width + f] = c.coefficient(i, own, p);
                        }
                    }
                }
                notUsed[m] = members[m].joinedTable().notUsed();
                laidOutFrom[m] = members[m].joinedTable();
            }
            byPower = laid;
            grid = first;
            return true;
        }

        /**
         * The pass for members with {@code copyCounts} node copies each and their states, compiled once per shape; each
         * per-node array the copies read is read once per slot, as v (for the position).
         */
        private Pass pass(int[] copyCounts, double[] v) {
            boolean[] keepsPositions = new boolean[members.length];
            for (int m = 0; m < members.length; m++) {
                keepsPositions[m] = members[m].joinedPositions() != null;
            }
            List<double[]> sources = new ArrayList<>(List.of(v));
            int[] sourceOf = new int[copies.length / 2];
            for (int c = 0; c < sourceOf.length; c++) {
                double[] from = copies[2 * c + 1];
                int j = 0;
                while (j < sources.size() && sources.get(j) != from) {
                    j++;
                }
                if (j == sources.size()) {
                    sources.add(from);
                }
                sourceOf[c] = j;
            }
            String source = passSource(copyCounts, keepsPositions, sourceOf);
            synchronized (PASSES) {
                return PASSES.computeIfAbsent(source, src -> {
                    try {
                        return (Pass) InProcessCompiler.compile(PASS_CLASS, src).getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("internal error: " + PASS_CLASS + " not made", e);
                    }
                });
            }
        }

        private static final String PASS_CLASS = "JoinedPass";

        /**
         * The pass's Java, per chunk of {@link #CHUNK} slots: first per slot the position and the functions by
         * Horner's rule in fused multiply-adds ({@link CubicTable#value}'s order of operations; in vector lanes with
         * the Vector API, the same bits); then per slot the copies and, per member, its states' cnexp steps x + F (X
         * - x), as each block's own table step writes them, where it uses the interval (outside the grid: every
         * member's slot exact).
         */
        private String passSource(int[] copyCounts, boolean[] keepsPositions, int[] sourceOf) {
            boolean lanes = Simd.enabled();
            StringBuilder b = new StringBuilder();
            b.append("package ").append(JavaGenerator.PACKAGE).append(";\n");
            b.append("import org.spineformer.engine.table.CubicTable;\n");
            if (lanes) {
                b.append("import jdk.incubator.vector.DoubleVector;\nimport jdk.incubator.vector.VectorSpecies;\n");
            }
            b.append("/** Generated by JoinedTableStates for ").append(Arrays.toString(stateCounts)).append(" states and ")
                    .append(Arrays.toString(copyCounts)).append(" node copies, positions kept ")
                    .append(Arrays.toString(keepsPositions)).append("; do not edit. */\n");
            b.append("public final class ").append(PASS_CLASS).append(" implements ")
                    .append(Pass.class.getCanonicalName()).append(" {\n");
            if (lanes) {
                b.append("private static final VectorSpecies VS = DoubleVector.SPECIES_PREFERRED;\n");
            }
            b.append("public void run(double[] v, int[] node, CubicTable grid, double[] co, double[][] copies, "
                    + "double[][] states, double[][] positions, boolean[][] notUsed, int[][] exact, int[] counts, "
                    + "int[][] slots, double[] chunkAt, double[] chunkFunctions) {\n");
            int m = members.length;
            // member i's slot at the pass's slot k: k, or q<i> for a member on some of the nodes (-1: not here)
            String[] at = new String[m];
            int[] memberOf = new int[sourceOf.length];
            for (int i = 0, c = 0; i < m; i++) {
                at[i] = slots[i] == null ? "k" : "q" + i;
                for (int j = 0; j < copyCounts[i]; j++) {
                    memberOf[c++] = i;
                }
            }
            // source 0 is v; source j > 0 the array of the first copy that reads it
            int sourceCount = Arrays.stream(sourceOf).max().orElse(0) + 1;
            boolean[] declared = new boolean[sourceCount];
            for (int c = 0; c < sourceOf.length; c++) {
                b.append("double[] cc").append(c).append(" = copies[").append(2 * c).append("];\n");
                if (sourceOf[c] > 0 && !declared[sourceOf[c]]) {
                    b.append("double[] cs").append(sourceOf[c]).append(" = copies[").append(2 * c + 1).append("];\n");
                    declared[sourceOf[c]] = true;
                }
            }
            for (int x = 0; x < states.length; x++) {
                b.append("double[] x").append(x).append(" = states[").append(x).append("];\n");
            }
            for (int i = 0; i < m; i++) {
                if (slots[i] != null) {
                    b.append("int[] s").append(i).append(" = slots[").append(i).append("];\n");
                }
                b.append("double[] p").append(i).append(" = positions[").append(i).append("];\n");
                b.append("boolean[] n").append(i).append(" = notUsed[").append(i).append("];\n");
                b.append("int[] e").append(i).append(" = exact[").append(i).append("];\n");
                b.append("int ec").append(i).append(" = 0;\n");
            }
            b.append("int w = ").append(width).append(";\n");
            b.append("for (int k0 = 0; k0 < node.length; k0 += ").append(CHUNK).append(") {\n");
            b.append("int k1 = Math.min(node.length, k0 + ").append(CHUNK).append(");\n");
            // the first loop: each slot's position and functions
            b.append("for (int k = k0; k < k1; k++) {\n");
            b.append("double u = grid.position(v[node[k]]);\n");
            b.append("chunkAt[k - k0] = u;\n");
            b.append("if (u >= 0.0) {\n");
            b.append("int i = (int) u;\nint c = i * 4 * w;\ndouble t = u - i;\nint o = (k - k0) * w;\n");
            int functions = 2 * states.length;
            if (lanes) {
                b.append("DoubleVector tv = DoubleVector.broadcast(VS, t);\n");
                int vl = Simd.preferredLanes();
                for (int p = 0; p < width; p += vl) {
                    b.append("DoubleVector g").append(p / vl)
                            .append(" = (DoubleVector) ((DoubleVector) ((DoubleVector) ")
                            .append("DoubleVector.fromArray(VS, co, c + 3 * w + ")
                            .append(p).append(").fma(tv, DoubleVector.fromArray(VS, co, c + 2 * w + ").append(p)
                            .append("))).fma(tv, DoubleVector.fromArray(VS, co, c + w + ").append(p)
                            .append("))).fma(tv, DoubleVector.fromArray(VS, co, c + ").append(p)
                            .append("));\ng").append(p / vl).append(".intoArray(chunkFunctions, o + ").append(p)
                            .append(");\n");
                }
            } else {
                for (int j = 0; j < functions; j++) {
                    b.append("chunkFunctions[o + ").append(j)
                            .append("] = Math.fma(t, Math.fma(t, Math.fma(t, co[c + 3 * w + ").append(j)
                            .append("], co[c + 2 * w + ").append(j).append("]), co[c + w + ").append(j)
                            .append("]), co[c + ").append(j).append("]);\n");
                }
            }
            b.append("}\n}\n");
            // the second loop: each slot's copies, then its states from the functions or the slot listed exact
            b.append("for (int k = k0; k < k1; k++) {\n");
            b.append("int nd = node[k];\n");
            for (int i = 0; i < m; i++) {
                if (slots[i] != null) {
                    b.append("int q").append(i).append(" = s").append(i).append("[k];\n");
                }
            }
            for (int j = 0; j < sourceCount; j++) {
                final int source = j;
                if (Arrays.stream(sourceOf).anyMatch(of -> of == source)) {
                    b.append("double sv").append(j).append(" = ").append(j == 0 ? "v" : "cs" + j).append("[nd];\n");
                }
            }
            for (int c = 0; c < sourceOf.length; c++) {
                b.append(guard(memberOf[c])).append("cc").append(c).append("[").append(at[memberOf[c]])
                        .append("] = sv").append(sourceOf[c]).append(";\n");
            }
            b.append("double u = chunkAt[k - k0];\n");
            b.append("if (u < 0.0) {\n");
            for (int i = 0; i < m; i++) {
                b.append(guard(i)).append("{\n");
                b.append("e").append(i).append("[ec").append(i).append("++] = ").append(at[i]).append(";\n");
                if (keepsPositions[i]) {
                    b.append("p").append(i).append("[").append(at[i]).append("] = -1.0;\n");
                }
                b.append("}\n");
            }
            b.append("continue;\n}\n");
            b.append("int i = (int) u;\nint o = (k - k0) * w;\n");
            for (int j = 0; j < functions; j++) {
                b.append("double f").append(j).append(" = chunkFunctions[o + ").append(j).append("];\n");
            }
            int x = 0;
            for (int i = 0; i < m; i++) {
                String q = at[i];
                b.append(guard(i)).append("if (n").append(i).append("[i]) {\n");
                b.append("e").append(i).append("[ec").append(i).append("++] = ").append(q).append(";\n");
                if (keepsPositions[i]) {
                    b.append("p").append(i).append("[").append(q).append("] = -1.0;\n");
                }
                b.append("} else {\n");
                for (int j = 0; j < stateCounts[i]; j++, x++) {
                    b.append("x").append(x).append("[").append(q).append("] = x").append(x).append("[").append(q)
                            .append("] + f").append(2 * x).append(" * (f").append(2 * x + 1).append(" - x").append(x)
                            .append("[").append(q).append("]);\n");
                }
                if (keepsPositions[i]) {
                    b.append("p").append(i).append("[").append(q).append("] = u;\n");
                }
                b.append("}\n");
            }
            b.append("}\n}\n");
            for (int i = 0; i < m; i++) {
                b.append("counts[").append(i).append("] = ec").append(i).append(";\n");
            }
            b.append("}\n}\n");
            return b.toString();
        }

        /** The pass's condition for member i's part of a slot: none on the same nodes, else that it is on the node. */
        private String guard(int i) {
            return slots[i] == null ? "" : "if (q" + i + " >= 0) ";
        }
    }
}
