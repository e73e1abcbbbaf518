package org.spineformer.mechanisms.calcium;

import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.simd.Simd;
import org.spineformer.mechanisms.simd.Vectors;

/**
 * Calcium pool of a spine head (Destexhe et al. 1993, modified by Badoual 2004), from HayEtAl_2011_cadspine.mod:
 * ca' = drive + (cainf - ca)/taur with drive = max(0, -10000 ica / (2 F depth 18)), and cai = ca.
 *
 * <p>It reads the ca ion's current and writes its concentration, so the engine advances it before every other
 * mechanism ({@link #writesIonConcentration()}): the others read the concentration of the step's end, as in NEURON.
 * The mod file's METHOD derivimplicit is one backward-Euler step, solved here in closed form since the equation is
 * linear in ca. depth, taur and cainf are GLOBAL in the mod file; they are per-instance parameters here, read at
 * initialization (the step's divisions by them are done once there): a change takes effect at the next
 * initialization. The diffusion term is commented out in the mod file, so its globals (D, cadend, lneck, sneck,
 * vspine) are left out.
 */
public final class CadSpine extends AbstractMechanism {
    /** NEURON 8.2's FARADAY (C/mol), the 2019 SI value. */
    private static final double FARADAY = 96485.33212331001;
    private static final List<FieldSpec> FIELDS = List.of(
            FieldSpec.positive("depth", "um", 0.125, "depth of the submembrane shell"),
            FieldSpec.positive("taur", "ms", 15, "time constant of calcium removal"),
            FieldSpec.positive("cainf", "mM", 5e-7, "resting calcium concentration"),
            FieldSpec.state("ca", "mM", "calcium concentration (copied to the ion's cai)"));

    @Override
    public boolean writesIonConcentration() {
        return true;
    }

    private final boolean simd;

    public CadSpine() {
        this(Simd.enabled());
    }

    /** With the state phase in vector lanes ({@code simd}: needs jdk.incubator.vector) or scalar only. */
    CadSpine(boolean simd) {
        super("cadspine", Kind.DENSITY,
                "spine-head calcium pool with first-order removal (Hay et al. 2011 model set)", FIELDS);
        this.simd = simd;
    }

    /** The type of the paper's HayEtAl_2011_cadspine.mod (NEURON 8.2.2, the paper's mod folder compiled). */
    @Override
    public int neuronType() {
        return 40;
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return newBlock(nodes, 1);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes, int lanes) {
        return new Block(this, nodes, lanes, simd);
    }

    private static final class Block extends MechanismBlock {
        /** ca is a column (and cai the ion's); the step's constants are made from the parameters and dt. */
        @Override
        public boolean stateInColumns() {
            return true;
        }

        private final double[] depth = column("depth");
        private final double[] taur = column("taur");
        private final double[] cainf = column("cainf");
        private final double[] ca = column("ca");
        /** 2 F depth 18, cainf / taur and 1 + dt / taur, the step's constants (per instance and trial). */
        private final double[] shell = new double[size * lanes];
        private final double[] restingInflux = new double[size * lanes];
        private final double[] removal = new double[size * lanes];
        /** One trial: the node runs for the vector lanes; null when they are off or for several trials. */
        private final int[] runs;
        /** Several trials, one vector per instance ({@link Lanes#trialAdvance}). */
        private final boolean trialVectors;
        private double[] ica;
        private double[] cai;

        Block(Mechanism mechanism, int[] nodes, int lanes, boolean simd) {
            super(mechanism, nodes, lanes);
            runs = simd && lanes == 1 ? Simd.runs(node) : null;
            trialVectors = simd && lanes > 1 && lanes == Simd.preferredLanes();
        }

        @Override
        public void attach(CellState s) {
            Ion ion = s.ion("ca");
            ica = ion.current();
            cai = ion.concentration;
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    shell[j] = 2 * FARADAY * depth[j] * 18.0;
                    restingInflux[j] = cainf[j] / taur[j];
                    removal[j] = 1 + s.dt / taur[j];
                    ca[j] = cainf[j];
                    cai[nd] = ca[j];
                }
            }
        }

        @Override
        public void advance(CellState s) {
            if (lanes > 1) {
                if (trialVectors) {
                    Lanes.trialAdvance(this, s);
                } else {
                    trialAdvance(s);
                }
                return;
            }
            if (runs == null) {
                advance(s, 0, size);
                return;
            }
            for (int r = 0; r + 1 < runs.length; r++) {
                advance(s, Lanes.advance(this, s, runs[r], runs[r + 1]), runs[r + 1]);
            }
        }

        /** The state update of the instances [from, to). */
        private void advance(CellState s, int from, int to) {
            double dt = s.dt;
            for (int k = from; k < to; k++) {
                int nd = node[k];
                // the pump cannot move calcium inward: an outward ica gives no drive
                double drive = Math.max(0, -10000 * ica[nd] / shell[k]);
                ca[k] = (ca[k] + dt * (drive + restingInflux[k])) / removal[k];
                cai[nd] = ca[k];
            }
        }

        /** The state update of several trials, each lane as {@link #advance(CellState, int, int)} computes it. */
        private void trialAdvance(CellState s) {
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                for (int l = 0, nd = node[k] * lanes, j = k * lanes; l < lanes; l++, nd++, j++) {
                    double drive = Math.max(0, -10000 * ica[nd] / shell[j]);
                    ca[j] = (ca[j] + dt * (drive + restingInflux[j])) / removal[j];
                    cai[nd] = ca[j];
                }
            }
        }
    }

    /**
     * The state update in vector lanes over a run of consecutive nodes: the scalar loop's operations, so its bits.
     * Loaded only when {@link Simd#enabled()}.
     */
    private static final class Lanes {
        private static final VectorSpecies<Double> SPECIES = Vectors.SPECIES;

        /** {@link Block#trialAdvance} with one vector per instance (its trials): the same operations. */
        static void trialAdvance(Block b, CellState s) {
            for (int k = 0; k < b.size(); k++) {
                advanceVector(b, s, k * SPECIES.length(), b.node(k) * SPECIES.length());
            }
        }

        /** The instances from {@code from} in whole vectors within the run; returns the first not done. */
        static int advance(Block b, CellState s, int from, int to) {
            int k = from;
            for (int shift = b.node(from) - from; k + SPECIES.length() <= to; k += SPECIES.length()) {
                advanceVector(b, s, k, k + shift);
            }
            return k;
        }

        /** One vector of instances (or trials) at {@code k}, on the nodes (or trials) at {@code nd}. */
        private static void advanceVector(Block b, CellState s, int k, int nd) {
            DoubleVector drive = DoubleVector.fromArray(SPECIES, b.ica, nd).mul(-10000)
                    .div(DoubleVector.fromArray(SPECIES, b.shell, k)).max(0);
            DoubleVector ca = DoubleVector.fromArray(SPECIES, b.ca, k)
                    .add(drive.add(DoubleVector.fromArray(SPECIES, b.restingInflux, k)).mul(s.dt))
                    .div(DoubleVector.fromArray(SPECIES, b.removal, k));
            ca.intoArray(b.ca, k);
            ca.intoArray(b.cai, nd);
        }
    }
}
