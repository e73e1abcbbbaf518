package org.spineformer.mechanisms.hay2011;

import static org.spineformer.mechanisms.simd.Vectors.SPECIES;

import java.util.ArrayList;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.engine.table.CubicTable;

/**
 * The state phases of NaTa_t, SKv3_1 and Im on the same nodes (as the paper's cell has them) in one pass: per
 * instance and trial one position in the tables, whose grid the three share ({@link
 * org.spineformer.engine.table.StepTable}), and the eight gate functions (NaTa_t's m and h, SKv3_1's m, Im's m:
 * each steady state and cnexp factor) in vector lanes, one function per lane, from one table laid out
 * [interval][power][function] so that a power of all eight is one contiguous read. Horner's rule in fused
 * multiply-adds per lane is what {@link CubicTable#value} computes, and each gate's update is its own block's, so
 * every state gets the bits of its own block's state phase; where a block evaluates its rates exactly (outside
 * the table, and NaTa_t at its nudged potentials) this calls that block's exact update.
 *
 * <p>Why: each channel's own phase reads its table with scalar loads and a scalar cubic per function, and that
 * is what its time goes to (docs/dev/performance.md, "The Hay state phases in one pass"); here the eight cubics
 * are 4 vector reads and 3 fused multiply-adds. Used only with the Vector API ({@link Simd#enabled()}) and while
 * all three read their tables; otherwise each block's own state phase runs.
 */
final class HayStates {
    /** The gate functions: NaTa_t's four, then SKv3_1's two, then Im's two. */
    private static final int FUNCTIONS = 8;

    private final TabulatedGates na;
    private final TabulatedGates sk;
    private final TabulatedGates im;
    private final int[] node;
    private final int lanes;
    /** The tables the layout was made from (rebuilt when dt changes) and the layout. */
    private CubicTable naTable;
    private CubicTable skTable;
    private CubicTable imTable;
    private double[] byPower;
    /** One element's eight function values, between the vector lanes and the scalar updates. */
    private final double[] values = new double[FUNCTIONS];

    private final MechanismBlock leader;

    private HayStates(MechanismBlock leader, MechanismBlock na, MechanismBlock sk, MechanismBlock im) {
        this.leader = leader;
        this.na = (TabulatedGates) na;
        this.sk = (TabulatedGates) sk;
        this.im = (TabulatedGates) im;
        this.node = new int[na.size()];
        for (int k = 0; k < node.length; k++) {
            node[k] = na.node(k);
        }
        this.lanes = na.lanes();
    }

    /**
     * The joint pass led by {@code first}, one of the three channels' blocks, with the first blocks of the other two
     * among {@code following} on the same nodes with the same lanes, or null when there are none or the vector
     * kernels are off ({@code simd} false: only with {@link Simd#enabled()}). Whichever comes first in the type
     * order leads (Im, in the paper's mod folder's order); the three state phases read only v, dt and their own
     * gates, so one pass at its turn gives each the bits of its own.
     */
    static HayStates join(MechanismBlock first, List<MechanismBlock> following, boolean simd) {
        if (!simd || FUNCTIONS % Simd.preferredLanes() != 0) {
            return null;
        }
        List<MechanismBlock> candidates = new ArrayList<>();
        candidates.add(first);
        candidates.addAll(following);
        MechanismBlock na = partner(first, candidates, NaTaT.class);
        MechanismBlock sk = partner(first, candidates, SKv31.class);
        MechanismBlock im = partner(first, candidates, Im.class);
        return na == null || sk == null || im == null ? null : new HayStates(first, na, sk, im);
    }

    /** The blocks whose state phases this pass takes over from the engine: the two not leading. */
    List<MechanismBlock> taken() {
        List<MechanismBlock> taken = new ArrayList<>(List.of((MechanismBlock) na, (MechanismBlock) sk,
                (MechanismBlock) im));
        taken.remove(leader);
        return taken;
    }

    private static MechanismBlock partner(MechanismBlock first, List<MechanismBlock> candidates,
                                          Class<? extends Mechanism> kind) {
        for (MechanismBlock b : candidates) {
            if (kind.isInstance(b.mechanism()) && b instanceof TabulatedGates && sameInstances(first, b)) {
                return b;
            }
        }
        return null;
    }

    private static boolean sameInstances(MechanismBlock a, MechanismBlock b) {
        if (a.size() != b.size() || a.lanes() != b.lanes()) {
            return false;
        }
        for (int k = 0; k < a.size(); k++) {
            if (a.node(k) != b.node(k)) {
                return false;
            }
        }
        return true;
    }

    /** The three state phases at {@code s.v}. */
    void advance(CellState s) {
        if (!na.usesTables() || !sk.usesTables() || !im.usesTables()) {
            na.advanceAlone(s);
            sk.advanceAlone(s);
            im.advanceAlone(s);
            return;
        }
        layOut(s.dt);
        Lanes.advance(this, s.v, s.dt);
    }

    /** The three tables at dt as one, [interval][power][function]; made again only when a table is new. */
    private void layOut(double dt) {
        CubicTable a = na.table(dt), b = sk.table(dt), c = im.table(dt);
        if (a == naTable && b == skTable && c == imTable) {
            return;
        }
        int intervals = a.intervals();
        if (b.intervals() != intervals || c.intervals() != intervals || b.argument(0) != a.argument(0)
                || c.argument(0) != a.argument(0)) {
            throw new IllegalStateException("the Hay channels' tables do not share one grid");
        }
        double[] laid = new double[intervals * 4 * FUNCTIONS];
        for (int i = 0; i < intervals; i++) {
            for (int p = 0; p < 4; p++) {
                int at = (i * 4 + p) * FUNCTIONS;
                for (int f = 0; f < 4; f++) {
                    laid[at + f] = a.coefficient(i, f, p);
                }
                for (int f = 0; f < 2; f++) {
                    laid[at + 4 + f] = b.coefficient(i, f, p);
                    laid[at + 6 + f] = c.coefficient(i, f, p);
                }
            }
        }
        byPower = laid;
        naTable = a;
        skTable = b;
        imTable = c;
    }

    /** The pass; loaded only when {@link Simd#enabled()}. */
    private static final class Lanes {
        /**
         * Every element [instance][lane] in one loop, the lane and node counted along (an inner loop over the lanes
         * cost the JIT's loop set-up per instance: with it, one trial's pass took 1.7x as long, 8 lanes' 1.07x).
         */
        static void advance(HayStates g, double[] v, double dt) {
            CubicTable grid = g.naTable;
            double[] co = g.byPower, f = g.values;
            double[] mNa = g.na.gate(0), hNa = g.na.gate(1), mSk = g.sk.gate(0), mIm = g.im.gate(0);
            int lanes = g.lanes, elements = g.node.length * lanes;
            if (elements == 0) {
                return;
            }
            for (int j = 0, k = 0, l = 0, nd = g.node[0] * lanes; j < elements; j++) {
                double vj = v[nd];
                if (++l < lanes) {
                    nd++;
                } else if (++k < g.node.length) {
                    l = 0;
                    nd = g.node[k] * lanes;
                }
                double u = grid.position(vj);
                if (u < 0) {
                    g.na.advanceExactly(j, vj, dt);
                    g.sk.advanceExactly(j, vj, dt);
                    g.im.advanceExactly(j, vj, dt);
                    continue;
                }
                int c = (int) u * 4 * FUNCTIONS;
                DoubleVector t = DoubleVector.broadcast(SPECIES, u - (int) u);
                for (int p = 0; p < FUNCTIONS; p += SPECIES.length()) {
                    DoubleVector.fromArray(SPECIES, co, c + 3 * FUNCTIONS + p)
                            .fma(t, DoubleVector.fromArray(SPECIES, co, c + 2 * FUNCTIONS + p))
                            .fma(t, DoubleVector.fromArray(SPECIES, co, c + FUNCTIONS + p))
                            .fma(t, DoubleVector.fromArray(SPECIES, co, c + p))
                            .intoArray(f, p);
                }
                if (NaTaT.nudged(vj)) {
                    g.na.advanceExactly(j, vj, dt);
                } else {
                    mNa[j] += f[1] * (f[0] - mNa[j]);
                    hNa[j] += f[3] * (f[2] - hNa[j]);
                }
                mSk[j] += f[5] * (f[4] - mSk[j]);
                mIm[j] += f[7] * (f[6] - mIm[j]);
            }
        }
    }
}
