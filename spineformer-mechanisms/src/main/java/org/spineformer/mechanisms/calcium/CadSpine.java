package org.spineformer.mechanisms.calcium;

import java.util.List;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Ion;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

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

    public CadSpine() {
        super("cadspine", Kind.DENSITY,
                "spine-head calcium pool with first-order removal (Hay et al. 2011 model set)", FIELDS);
    }

    @Override
    public MechanismBlock newBlock(int[] nodes) {
        return new Block(this, nodes);
    }

    private static final class Block extends MechanismBlock {
        private final double[] depth = column("depth");
        private final double[] taur = column("taur");
        private final double[] cainf = column("cainf");
        private final double[] ca = column("ca");
        /** 2 F depth 18, cainf / taur and 1 + dt / taur, the step's constants. */
        private final double[] shell = new double[size];
        private final double[] restingInflux = new double[size];
        private final double[] removal = new double[size];
        private double[] ica;
        private double[] cai;

        Block(Mechanism mechanism, int[] nodes) {
            super(mechanism, nodes);
        }

        @Override
        public void attach(CellState s) {
            Ion ion = s.ion("ca");
            ica = ion.current;
            cai = ion.concentration;
        }

        @Override
        public void initialize(CellState s) {
            for (int k = 0; k < size; k++) {
                shell[k] = 2 * FARADAY * depth[k] * 18.0;
                restingInflux[k] = cainf[k] / taur[k];
                removal[k] = 1 + s.dt / taur[k];
                ca[k] = cainf[k];
                cai[node[k]] = ca[k];
            }
        }

        @Override
        public void advance(CellState s) {
            double dt = s.dt;
            for (int k = 0; k < size; k++) {
                int nd = node[k];
                // the pump cannot move calcium inward: an outward ica gives no drive
                double drive = Math.max(0, -10000 * ica[nd] / shell[k]);
                ca[k] = (ca[k] + dt * (drive + restingInflux[k])) / removal[k];
                cai[nd] = ca[k];
            }
        }
    }
}
