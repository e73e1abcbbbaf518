package org.spineformer.nmodl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Hay's epsp reference runs rebuilt with a compiled epsp: one compartment with pas, the epsp at 0.5 and, for the
 * clamped run, an SEClamp holding one level; records the epsp's current and its copy of v, pas's current and the
 * clamp's current under the reference's column names.
 */
final class PointProcessRun {
    private PointProcessRun() {
    }

    static Recorder run(ReferenceRun ref, NmodlMechanism epsp) {
        JsonNode s = ref.settings();
        JsonNode sec = s.get("section");
        Morphology morphology = new Morphology();
        int section = morphology.addRoot("soma", sec.get("L_um").asDouble(), sec.get("nseg").asInt(),
                sec.get("Ra_ohm_cm").asDouble(), sec.get("cm_uF_cm2").asDouble(),
                Morphology.filled(sec.get("nseg").asInt(), sec.get("diam_um").asDouble()));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(epsp));
        JsonNode pas = s.get("mechanism_parameters").get("pas").get("range");
        b.insert("pas", section, Map.of("g", pas.get("g_S_cm2").asDouble(), "e", pas.get("e_mV").asDouble()));
        JsonNode e = s.get("mechanism_parameters").get("epsp");
        PointProcess pp = b.addPointProcess("epsp", section, 0.5, Map.of("onset", e.get("onset_ms").asDouble(),
                "tau0", e.get("tau0_ms").asDouble(), "tau1", e.get("tau1_ms").asDouble(),
                "imax", e.get("imax_nA").asDouble()));
        JsonNode stim = s.get("stimulus");
        PointProcess clamp = null;
        if (stim.get("type").asText().equals("SEClamp")) {
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("rs", stim.get("rs_MOhm").asDouble());
            p.put("dur1", stim.get("dur1_ms").asDouble());
            p.put("amp1", stim.get("amp1_mV").asDouble());
            clamp = b.addPointProcess("SEClamp", section, stim.get("location").asDouble(), p);
        }
        Simulation sim = b.build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        Recorder rec = new Recorder(1);
        rec.add("v_mV", sim.state().v, sim.discretization().segmentNode(section, 0));
        rec.add("i_epsp_nA", sim.block("epsp").column("i"), pp.instance());
        rec.add("myv_mV", sim.block("epsp").column("myv"), pp.instance());
        rec.add("i_pas_mA_cm2", sim.block("pas").column("i"), 0);
        if (clamp != null) {
            rec.add("i_seclamp_nA", sim.block("SEClamp").column("i"), clamp.instance());
        }
        sim.addObserver(rec);
        sim.initialize(s.get("v_init_mV").asDouble());
        sim.run(s.get("tstop_ms").asDouble());
        return rec;
    }
}
