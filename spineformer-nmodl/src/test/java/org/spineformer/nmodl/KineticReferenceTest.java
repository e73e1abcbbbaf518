package org.spineformer.nmodl;

import static org.spineformer.engine.reference.TraceAssert.assertTrace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.reference.ClampProtocol;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.engine.reference.TraceAssert;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * KINETIC schemes solved by METHOD sparse and coupled derivimplicit, against NEURON 8.2.2 running the same mod files (the project's own,
 * {@code mod/kinetic/}; references recorded by {@code reference/kinetic/record.py}, see PROVENANCE.md), three
 * voltage-clamp steps and a current clamp with pas each, every column:
 * <ul>
 * <li>kin3: a linear three-state scheme with CONSERVE, started by STEADYSTATE sparse;
 * <li>bind: a nonlinear scheme (A + B, 2 A: Newton iterations, negative states clipped), COMPARTMENT volumes, a
 *     flux (&lt;&lt;), an irreversible reaction (-&gt;), f_flux and b_flux read after a reaction, CONSERVE with
 *     volumes;
 * <li>lin4: a linear four-state scheme started by a LINEAR block (SOLVE name in INITIAL, as Allen's NaV);
 * <li>cpl: a DERIVATIVE block of two coupled nonlinear equations by METHOD derivimplicit (NEURON's Newton
 *     iteration with its numerical Jacobian);
 * <li>ksum: rates written as sums without parentheses ({@code ~ C <-> O (ka + a1, b1 - ka)}), whose fluxes nocmodl
 *     makes by pasting the species after the rate's text ({@code ka + a1 * C}, Jacobian term {@code ka + a1}),
 *     beside one in parentheses, in a nonlinear scheme (O + O);
 * <li>nconv: a nonlinear scheme (A + A) whose forward rate switches with A, so that its Newton iterations never
 *     converge: NEURON goes on with sparse()'s last (21st) iterate, every step (A cycles with period 4), and so
 *     must the compiled block (it stopped with an error before);
 * <li>shells: a scheme over STATE arrays as calcium diffusion shells are written (c[4], B[4], CB[4]): a flux into
 *     c[0], diffusion {@code ~ c[j] <-> c[j + 1]} and buffering {@code ~ c[j] + B[j] <-> CB[j]} in FROM loops,
 *     {@code COMPARTMENT j, vol[j] {c B CB}} giving each element its volume;
 * <li>conarr: a CONSERVE of STATE array elements and a scalar ({@code CONSERVE F + c[0] + c[1] + c[2] = 0.8*tot},
 *     the scalar F taking the law's row as nocmodl's, each element's volume from an indexed COMPARTMENT) in a
 *     nonlinear scheme started by STEADYSTATE sparse;
 * <li>kineu, kinrk: a scheme over a scalar and a STATE array solved by METHOD euler and runge (nocmodl's
 *     derivative form: each state's derivative its fluxes over its volume, the CONSERVE ignored), a rate moving
 *     with t, an assigned variable read from f_flux and b_flux;
 * <li>linarr: a chain over a STATE array and a scalar started by a LINEAR block whose equations run in a FROM loop
 *     with an IF (the rows counted as they run, as nocmodl's _counte), the array's elements unknowns;
 * <li>confrom: a CONSERVE inside a FROM loop over a STATE array ({@code CONSERVE F + c[j] = 0.8*tot}), which
 *     nocmodl runs in place at each pass: each pass sets the law's row again, so the row ends with the last pass's
 *     right-hand side and every pass's columns (a scheme that runs away to ~1e8: NEURON's numbers all the same).
 * </ul>
 */
class KineticReferenceTest {
    /**
     * The single-mechanism bound of issue 17, 1e-6 of each trace's scale. The references print 13 significant
     * digits (5e-14 relative); the compiled code differs from NEURON's only in roundings: the linear systems are
     * solved by Gaussian elimination with partial pivoting where NEURON's sparse solver eliminates in its own order,
     * Java's exp against the C library's.
     */
    static final double TOLERANCE = 1e-6;
    private static final List<String> RUNS = List.of("vclamp_m60", "vclamp_m20", "vclamp_p20", "iclamp");

    static Stream<Arguments> runs() {
        return Stream.of("kin3", "bind", "lin4", "cpl", "ksum", "nconv", "shells", "conarr", "kineu", "kinrk", "linarr", "confrom")
                .flatMap(m -> RUNS.stream().map(run -> Arguments.of(m, run)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void matchesNeuron(String mechanism, String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/kinetic/" + mechanism + "/" + runName);
        String file = switch (mechanism) {
            case "lin4" -> "lin_init";
            case "cpl" -> "derivimplicit_coupled";
            default -> mechanism;
        };
        NmodlMechanism compiled = NmodlMechanism.compile(file + ".mod", Resources.text("/mod/kinetic/" + file
                + ".mod"));
        Recorder rec = run(ref, compiled);
        assertEveryColumn(mechanism + " " + runName, ref, rec);
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
                sim.state().ion(e.getKey().replace("_mV", "").substring(1)).reversal, e.getValue().asDouble()));
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
