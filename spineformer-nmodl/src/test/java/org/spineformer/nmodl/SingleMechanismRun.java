package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * One run of {@code reference/kinetic/record.py} (test resources' reference/PROVENANCE.md) rebuilt with the compiled
 * mechanism and compared with NEURON's: a mod file's mechanism alone in one compartment with pas, under a
 * voltage-clamp step or a current clamp, every column of the reference recorded. The reference and the recording,
 * for a test's own further checks.
 */
record SingleMechanismRun(ReferenceRun reference, Recorder recording) {
    /**
     * The single-mechanism bound of issue 17, 1e-6 of each trace's scale. The references print 13 significant
     * digits (5e-14 relative); the compiled code differs from NEURON's only in roundings: the linear systems are
     * solved by Gaussian elimination with partial pivoting where NEURON's sparse solver eliminates in its own order,
     * Java's exp against the C library's.
     */
    static final double TOLERANCE = 1e-6;
    /** The runs record.py makes of every file: three voltage-clamp steps and a current clamp. */
    static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp");

    /** The four runs, as a parameterized test's arguments. */
    static Stream<Arguments> runs() {
        return RUNS.stream().map(Arguments::of);
    }

    /** Each reference's four runs, as a parameterized test's arguments (reference, run). */
    static Stream<Arguments> runs(String... references) {
        return Stream.of(references).flatMap(r -> RUNS.stream().map(run -> Arguments.of(r, run)));
    }

    /**
     * The project's {@code /mod/MOD_FILE} (such as {@code runge/rk.mod}) compiled and run as NEURON ran it in
     * {@code /reference/REFERENCE/RUN} (such as {@code runge/rk}), every column asserted by
     * {@link #assertEveryColumn}, labelled with the reference's last name and the run ("rk vclamp_m60").
     */
    static SingleMechanismRun assertMatchesNeuron(String modFile, String reference, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/" + reference + "/" + runName);
        NmodlMechanism compiled = NmodlMechanism.compile(modFile.substring(modFile.lastIndexOf('/') + 1),
                Resources.text("/mod/" + modFile));
        Recorder rec = run(ref, compiled);
        assertEveryColumn(reference.substring(reference.lastIndexOf('/') + 1) + " " + runName, ref, rec);
        return new SingleMechanismRun(ref, rec);
    }

    /**
     * Every recorded column against the reference at {@link #TOLERANCE}, each named "{@code label} column"; prints
     * the largest error of the mechanism's own columns (not the clamps' currents), of the trace's scale.
     */
    static void assertEveryColumn(String label, ReferenceRun ref, Recorder rec) {
        double worst = 0;
        for (String column : rec.names()) {
            assertTrace(label + " " + column, ref.column(column), rec.column(column), TOLERANCE);
            if (!column.startsWith("i_seclamp") && !column.startsWith("i_iclamp")) {
                worst = Math.max(worst, TraceAssert.relativeError(ref.column(column), rec.column(column)));
            }
        }
        System.out.printf("%s: largest error of the mechanism's columns %.2e of the trace's scale%n", label, worst);
    }

    /** The run rebuilt with the compiled mechanism: every column of the reference but t and v recorded. */
    static Recorder run(ReferenceRun ref, NmodlMechanism compiled) {
        return run(ref, compiled, Catalogue.discover());
    }

    /** The same with tables (the file's TABLEs and tables of v) on or off. */
    static Recorder run(ReferenceRun ref, NmodlMechanism compiled, boolean tables) {
        return run(ref, compiled, Catalogue.discover(), tables);
    }

    /** The same with the electrodes (SEClamp, IClamp) and pas of the given catalogue. */
    static Recorder run(ReferenceRun ref, NmodlMechanism compiled, Catalogue electrodes) {
        return run(ref, compiled, electrodes, true);
    }

    private static Recorder run(ReferenceRun ref, NmodlMechanism compiled, Catalogue electrodes, boolean tables) {
        String mechanism = compiled.name();
        Catalogue catalogue = electrodes.register(compiled);
        ClampProtocol protocol = new ClampProtocol(ref, catalogue);
        Map<String, Double> range = new HashMap<>();
        JsonNode s = ref.settings();
        s.get("mechanism_parameters").get(mechanism).get("range").fields()
                .forEachRemaining(e -> range.put(e.getKey(), e.getValue().asDouble()));
        protocol.builder().insert(mechanism, protocol.section(), range);
        Simulation sim = protocol.builder().build(s.get("dt_ms").asDouble(), s.get("celsius_degC").asDouble());
        sim.setUseTables(tables);
        s.get("ion_reversal_potentials").fields().forEachRemaining(e -> Arrays.fill(
                sim.state().ion(e.getKey().replace("_mV", "").substring(1)).reversal(), e.getValue().asDouble()));
        return protocol.run(sim, (simulation, r) -> {
            for (JsonNode column : s.get("columns")) {
                String name = column.asText();
                if (!name.equals("t_ms") && !name.equals("v_mV")) {
                    r.add(name, source(simulation, protocol, mechanism, name), 0);
                }
            }
        });
    }

    private static double[] source(Simulation sim, ClampProtocol protocol, String mechanism, String column) {
        return switch (column) {
            case "i_seclamp_nA", "i_iclamp_nA" -> sim.block(protocol.electrode().mechanism()).column("i");
            default -> sim.block(mechanism).column(column.replaceAll("_mA_cm2$", ""));
        };
    }
}
