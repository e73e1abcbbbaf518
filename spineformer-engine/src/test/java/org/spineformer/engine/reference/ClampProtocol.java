package org.spineformer.engine.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.SingleCompartment;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;

/**
 * Rebuilds the single-compartment protocol of a reference run (cylinder, pas background for current clamp, the
 * SEClamp or IClamp) so that a test only says how to insert the mechanism under test and what to record.
 */
public final class ClampProtocol {
    private final ReferenceRun run;
    private final SingleCompartment compartment;
    private PointProcess electrode;

    public ClampProtocol(ReferenceRun run, Catalogue catalogue) {
        this.run = run;
        JsonNode sec = run.settings().get("section");
        compartment = new SingleCompartment(sec.get("L_um").asDouble(), sec.get("diam_um").asDouble(),
                sec.get("Ra_ohm_cm").asDouble(), sec.get("cm_uF_cm2").asDouble(), sec.get("nseg").asInt(), catalogue);
        JsonNode pas = run.settings().path("mechanism_parameters").path("pas").path("range");
        if (!pas.isMissingNode()) {
            compartment.insertPas(pas.get("g_S_cm2").asDouble(), pas.get("e_mV").asDouble());
        }
        JsonNode stim = run.settings().get("stimulus");
        if (stim != null && !stim.isNull()) {
            double x = stim.get("location").asDouble();
            switch (stim.get("type").asText()) {
                case "SEClamp" -> {
                    double[] dur = new double[3], amp = new double[3];
                    for (int k = 1; k <= 3; k++) {
                        dur[k - 1] = stim.get("dur" + k + "_ms").asDouble();
                        amp[k - 1] = stim.get("amp" + k + "_mV").asDouble();
                    }
                    electrode = compartment.addSEClamp(x, stim.get("rs_MOhm").asDouble(), dur, amp);
                }
                case "IClamp" -> electrode = compartment.addIClamp(x, stim.get("delay_ms").asDouble(),
                        stim.get("dur_ms").asDouble(), stim.get("amp_nA").asDouble());
                default -> throw new IllegalArgumentException("unknown stimulus " + stim);
            }
        }
    }

    public ModelBuilder builder() {
        return compartment.builder();
    }

    /** The compartment's section index. */
    public int section() {
        return compartment.section();
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
        Simulation sim = compartment.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        return run(sim, record);
    }

    /** As {@link #run(BiConsumer)} on an already built simulation. */
    public Recorder run(Simulation sim, BiConsumer<Simulation, Recorder> record) {
        JsonNode s = run.settings();
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, compartment.node(sim));
        record.accept(sim, rec);
        return SingleCompartment.run(sim, rec, s.get("v_init_mV").asDouble(), s.get("tstop_ms").asDouble());
    }
}
