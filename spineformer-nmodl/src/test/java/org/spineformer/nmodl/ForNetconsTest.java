package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.Parser;

/**
 * FOR_NETCONS in NET_RECEIVE as NEURON 8.2.2 runs it (nocmodl's fornetcon, netcvode.cpp's fornetcon_prepare): the
 * body once per connection to the event's point process, its arguments that connection's weight vector, shared
 * with NET_RECEIVE's own arguments.
 */
class ForNetconsTest {
    /** The single-mechanism bound of issue 17: 1e-6 of each trace's scale (13-digit prints are 5e-14). */
    private static final double TOLERANCE = 1e-6;

    /**
     * The project's stdpw (mod/events/stdpw.mod) at two synapses of one compartment, against NEURON
     * (reference/events/stdpw, recorded by reference/events/record_stdpw.py): presynaptic trains A (to both
     * synapses) and B (to syn1), postsynaptic events C (weight -1, to both). Each postsynaptic event potentiates
     * every connection of its synapse by that connection's last presynaptic time (later conductance steps show
     * the factors), visiting 3 connections at syn1 and 2 at syn2 (nvisit: a loop over all connections, or over
     * another synapse's, gives other counts), its own connection included: it sets its own tpre to t before the
     * loop, the loop raises its f by dp, and the conductance step after the loop reads that f (with the event's
     * arguments copied in and written back, as a block without FOR_NETCONS has them, the step or the factor
     * differs from NEURON's).
     */
    @Test
    void potentiatesEveryConnectionOfItsSynapseAsNeuron() {
        ReferenceRun ref = ReferenceRun.load("/reference/events/stdpw/pre_post");
        Wiring w = Wiring.make();
        EventsCompartment cell = w.cell();
        PointProcess syn1 = w.syn1();
        PointProcess syn2 = w.syn2();
        cell.assertMatches(ref, "stdpw", TOLERANCE, (sim, rec) -> {
            for (var e : Map.of("syn1", syn1, "syn2", syn2).entrySet()) {
                for (String field : List.of("i", "g", "nvisit", "tpost")) {
                    rec.add(e.getKey() + "_" + field, sim.block("stdpw").column(field), e.getValue().instance());
                }
            }
        });
    }

    /**
     * Trials in lanes: the same wiring in every lane, dp (the potentiation) set per lane; each lane's v and every
     * field at the end equal its trial run alone, bit for bit (the loop's connections taken in another lane's
     * slots fails it).
     */
    @Test
    void eachLaneIsItsTrialAlone() {
        double[] dps = {0.4, 0.05, 0.9};
        LaneRuns.Observed together = runInLanes(dps);
        List<LaneRuns.Observed> alone = java.util.Arrays.stream(dps).mapToObj(dp -> runInLanes(new double[] {dp}))
                .toList();
        LaneRuns.assertEachLaneIsItsTrialAlone(together, alone);
    }

    private static LaneRuns.Observed runInLanes(double[] dps) {
        Wiring w = Wiring.make();
        EventsCompartment cell = w.cell();
        PointProcess syn1 = w.syn1();
        PointProcess syn2 = w.syn2();
        Simulation sim = cell.builder.build(0.025, 37, dps.length);
        MechanismBlock block = sim.block("stdpw");
        for (int lane = 0; lane < dps.length; lane++) {
            block.setParameter("dp", syn1.instance(), lane, dps[lane]);
            block.setParameter("dp", syn2.instance(), lane, dps[lane]);
        }
        int soma = sim.discretization().segmentNode(cell.section, 0);
        return LaneRuns.run(sim, new int[] {soma}, List.of(block), -70, 100);
    }

    /** The compartment with two stdpw synapses and the reference run's three trains, as NEURON's script wires them. */
    private record Wiring(EventsCompartment cell, PointProcess syn1, PointProcess syn2) {
        static Wiring make() {
            NmodlMechanism compiled = NmodlMechanism.compile("stdpw.mod", Resources.text("/mod/events/stdpw.mod"));
            EventsCompartment cell = new EventsCompartment(compiled);
            PointProcess syn1 = cell.builder.addPointProcess("stdpw", cell.section, 0.5, Map.of());
            PointProcess syn2 = cell.builder.addPointProcess("stdpw", cell.section, 0.5, Map.of());
            // NEURON's NetStims: start, start + interval, ... (noise 0)
            cell.builder.addSpikeSource(new double[] {10, 25, 40, 55},
                    List.of(new Synapse(syn1, 0.001, 1.0), new Synapse(syn2, 0.0015, 1.0)));
            cell.builder.addSpikeSource(new double[] {18, 48}, List.of(new Synapse(syn1, 0.002, 2.0)));
            cell.builder.addSpikeSource(new double[] {30, 62},
                    List.of(new Synapse(syn1, -1.0, 0.5), new Synapse(syn2, -1.0, 0.5)));
            return new Wiring(cell, syn1, syn2);
        }
    }

    private static List<String> check(String netReceive) {
        String mod = "NEURON { POINT_PROCESS p }\nASSIGNED { n }\n" + netReceive;
        return Checker.check(Parser.parse("x.mod", mod)).stream().map(Diagnostic::toString).toList();
    }

    /** nocmodl's two checks (parse1.ypp): inside NET_RECEIVE only, with as many arguments as it. */
    @Test
    void outsideNetReceiveOrWithAnotherArgumentCountIsAnError() {
        assertThat(check("NET_RECEIVE(w, a) {\n  FOR_NETCONS(w1, a1) { a1 = a1 + w1  n = n + 1 }\n}\n")).isEmpty();
        assertThat(check("NET_RECEIVE(w, a) {\n  FOR_NETCONS(w1) { n = w1 }\n}\n")).containsExactly("x.mod:4:3:"
                + " FOR_NETCONS has 1 argument, NET_RECEIVE 2 (nocmodl: FOR_NETCONS and NET_RECEIVE do not have same"
                + " number of arguments)");
        assertThat(check("NET_RECEIVE(w) { p() }\nPROCEDURE p() {\n  FOR_NETCONS(w1) { n = w1 }\n}\n"))
                .containsExactly("x.mod:5:3: FOR_NETCONS is allowed only in NET_RECEIVE (nocmodl: \"FOR_NETCONS\""
                        + " statement only allowed in NET_RECEIVE block)");
        // the loop's names are its own: not declared outside it
        assertThat(check("NET_RECEIVE(w) {\n  FOR_NETCONS(w1) { }\n  n = w1\n}\n")).singleElement().asString()
                .startsWith("x.mod:5:7: 'w1' is used but not declared");
    }
}
