package org.spineformer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;

/**
 * One cylindrical section with a model builder on it, where a mechanism is run alone with NEURON's electrodes and
 * pas: the setting of the single-mechanism reference runs (the tests' {@code ClampProtocol}) and of {@code nmodl
 * compare}, which run the same compartment in NEURON.
 */
public final class SingleCompartment {
    private final ModelBuilder builder;
    private final int section;

    /** A section of {@code nseg} segments of one diameter, on a builder of {@code catalogue}'s mechanisms. */
    public SingleCompartment(double lengthUm, double diamUm, double raOhmCm, double cmUfCm2, int nseg,
                             Catalogue catalogue) {
        Morphology m = new Morphology();
        section = m.addRoot("soma", lengthUm, nseg, raOhmCm, cmUfCm2, Morphology.filled(nseg, diamUm));
        builder = new ModelBuilder(m, catalogue);
    }

    public ModelBuilder builder() {
        return builder;
    }

    /** The section's index. */
    public int section() {
        return section;
    }

    /** The node of the section's first segment in {@code sim}. */
    public int node(Simulation sim) {
        return sim.discretization().segmentNode(section, 0);
    }

    /** Inserts pas with conductance {@code g} (S/cm2) and reversal {@code e} (mV). */
    public void insertPas(double g, double e) {
        builder.insert("pas", section, Map.of("g", g, "e", e));
    }

    /** An SEClamp at {@code x} of series resistance {@code rsMOhm}, its three levels {@code amp} for {@code dur}. */
    public PointProcess addSEClamp(double x, double rsMOhm, double[] durMs, double[] ampMV) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("rs", rsMOhm);
        for (int k = 1; k <= 3; k++) {
            p.put("dur" + k, durMs[k - 1]);
            p.put("amp" + k, ampMV[k - 1]);
        }
        return builder.addPointProcess("SEClamp", section, x, p);
    }

    /** An IClamp at {@code x} injecting {@code ampNA} from {@code delayMs} for {@code durMs}. */
    public PointProcess addIClamp(double x, double delayMs, double durMs, double ampNA) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("del", delayMs);
        p.put("dur", durMs);
        p.put("amp", ampNA);
        return builder.addPointProcess("IClamp", section, x, p);
    }

    /** Runs {@code sim} from {@code vInitMV} to {@code tStopMs}, {@code rec} recording every step; returns it. */
    public static Recorder run(Simulation sim, Recorder rec, double vInitMV, double tStopMs) {
        sim.addObserver(rec);
        sim.initialize(vInitMV);
        sim.run(tStopMs);
        return rec;
    }
}
