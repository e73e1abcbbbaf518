package org.spineformer.nmodl;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * Where the BREAKPOINT's statements run, as nocmodl 8.2 places them (noccout.cpp), against NEURON 8.2.2 running the
 * project's {@code mod/breakpoint/} files (references recorded by {@code reference/kinetic/record.py} and
 * {@code reference/events/record_bppoint.py}, PROVENANCE.md), every column:
 * <ul>
 * <li>bpstate (density) and bppoint (POINT_PROCESS), which write no current: the statements after the SOLVE run in
 *     nrn_state, once per step, after the state update, at the step's new v ({@code n = n + 1} counts one per
 *     step, {@code a = m*v} is the new m times the new v, {@code integ} sums once per step), and not at
 *     initialization;
 * <li>bpconc: a concentration writer with no current and no SOLVE: {@code cai = cai + dt*k*(v + 90)} once per step
 *     at the new v, eca following by Nernst;
 * <li>bpif: a SOLVE inside an IF whose condition is 0: nocmodl takes it out of the IF, so the state moves every
 *     step; the current and the ELSE stay in nrn_cur.
 * </ul>
 */
class BreakpointWithoutCurrentTest {
    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("bpstate", "bpconc", "bpif");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void densityMechanismMatchesNeuron(String mechanism, String runName) {
        SingleMechanismRun.assertMatchesNeuron("breakpoint/" + mechanism + ".mod", "breakpoint/" + mechanism,
                runName);
    }

    @Test
    void pointProcessMatchesNeuron() {
        ReferenceRun ref = ReferenceRun.load("/reference/breakpoint/bppoint/iclamp");
        NmodlMechanism compiled = NmodlMechanism.compile("bppoint.mod", Resources.text("/mod/breakpoint/bppoint.mod"));
        EventsCompartment cell = new EventsCompartment(compiled);
        cell.builder.addPointProcess("IClamp", cell.section, 0.5, Map.of("del", 20.0, "dur", 50.0, "amp", 0.3));
        PointProcess pp = cell.builder.addPointProcess("bppoint", cell.section, 0.5, Map.of());
        cell.assertMatches(ref, "bppoint", SingleMechanismRun.TOLERANCE, (sim, rec) -> {
            for (String column : List.of("a", "n", "integ", "m")) {
                rec.add(column, sim.block("bppoint").column(column), pp.instance());
            }
        });
    }
}
