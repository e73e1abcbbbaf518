package org.spineformer.engine.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;

/**
 * Rebuilds the single-compartment protocol of a reference run (cylinder, pas background for current clamp, the
 * SEClamp or IClamp) so that a test only says how to insert the mechanism under test and what to record.
 */
public final class ClampProtocol {
    private final ReferenceRun run;
    private final ModelBuilder builder;
    private final int section;
    private PointProcess electrode;

    public ClampProtocol(ReferenceRun run, Catalogue catalogue) {
        this.run = run;
        JsonNode sec = run.settings().get("section");
        Morphology m = new Morphology();
        int nseg = sec.get("nseg").asInt();
        section = m.addRoot("soma", sec.get("L_um").asDouble(), nseg, sec.get("Ra_ohm_cm").asDouble(),
                sec.get("cm_uF_cm2").asDouble(), Morphology.filled(nseg, sec.get("diam_um").asDouble()));
        builder = new ModelBuilder(m, catalogue);
        JsonNode pas = run.settings().path("mechanism_parameters").path("pas").path("range");
        if (!pas.isMissingNode()) {
            builder.insert("pas", section, Map.of("g", pas.get("g_S_cm2").asDouble(), "e", pas.get("e_mV").asDouble()));
        }
        JsonNode stim = run.settings().get("stimulus");
        if (stim != null && !stim.isNull()) {
            double x = stim.get("location").asDouble();
            Map<String, Double> p = new LinkedHashMap<>();
            switch (stim.get("type").asText()) {
                case "SEClamp" -> {
                    p.put("rs", stim.get("rs_MOhm").asDouble());
                    for (int k = 1; k <= 3; k++) {
                        p.put("dur" + k, stim.get("dur" + k + "_ms").asDouble());
                        p.put("amp" + k, stim.get("amp" + k + "_mV").asDouble());
                    }
                    electrode = builder.addPointProcess("SEClamp", section, x, p);
                }
                case "IClamp" -> {
                    p.put("del", stim.get("delay_ms").asDouble());
                    p.put("dur", stim.get("dur_ms").asDouble());
                    p.put("amp", stim.get("amp_nA").asDouble());
                    electrode = builder.addPointProcess("IClamp", section, x, p);
                }
                default -> throw new IllegalArgumentException("unknown stimulus " + stim);
            }
        }
    }

    public ModelBuilder builder() {
        return builder;
    }

    /** The compartment's section index. */
    public int section() {
        return section;
    }

    /** The electrode (SEClamp or IClamp), or null when the run has none. */
    public PointProcess electrode() {
        return electrode;
    }

    /**
     * Builds, lets {@code record} add columns, runs from the run's v_init to its tstop recording every step, and
     * returns the recorder.
     */
    public Recorder run(BiConsumer<Simulation, Recorder> record) {
        JsonNode s = run.settings();
        Simulation sim = builder.build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        return run(sim, record);
    }

    /** As {@link #run(BiConsumer)} on an already built simulation. */
    public Recorder run(Simulation sim, BiConsumer<Simulation, Recorder> record) {
        JsonNode s = run.settings();
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, sim.discretization().segmentNode(section, 0));
        record.accept(sim, rec);
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        return rec;
    }
}
