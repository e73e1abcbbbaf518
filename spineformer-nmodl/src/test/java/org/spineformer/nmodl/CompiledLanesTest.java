package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.nmodl.LaneRuns.assertEachLaneIsItsTrialAlone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.LaneRuns.Observed;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.gen.VectorKernels;

/**
 * Compiled blocks in trial lanes: each lane of a simulation of L trials gets, bit for bit, the numbers of its trial
 * run alone, with the project's compiled mod files: the Hay channels (tables of v, a calcium pool writing cai, SK
 * reading it), the paper's spine synapses and pool, the test mechanisms with net_send from INITIAL and NET_RECEIVE,
 * state per connection, net_event and net_move (artificial cells), a FUNCTION TABLE and a KINETIC scheme; the
 * trials differ in their spike trains, somatic pulses and a synapse's gmax; with the vector kernels on, a group
 * is one instance's 8 trials together and the instances of one trial alone.
 */
class CompiledLanesTest {
    private static final double DT_MS = 0.025;
    private static final double CELSIUS = 34;
    private static final double TSTOP_MS = 80;
    private static final double V_INIT_MV = -75;
    private static final double PULSE_MS = 3;

    /** Every compiled mechanism of the test, compiled once (NmodlMechanism caches by text). */
    private static List<NmodlMechanism> compiled() {
        List<NmodlMechanism> all = new ArrayList<>(BundledMod.compile("hay2011"));
        for (String path : List.of("ellwood2024/AMPA_WITH_CA.mod", "ellwood2024/NMDA.mod",
                "ellwood2024/cadspine.mod")) {
            all.add(NmodlMechanism.compile("mod/" + path, PaperModFiles.text(path)));
        }
        for (String path : List.of("features/function_table.mod", "features/table_depend.mod",
                "kinetic/kin3.mod", "events/pulser.mod", "events/facil.mod", "events/relay.mod",
                "events/mover.mod", "features/exp_synapse.mod")) {
            all.add(NmodlMechanism.compile(path, Resources.text("/mod/" + path)));
        }
        return all;
    }

    /** One trial's inputs: spike trains to the synapses, somatic pulses, AMPA's gmax. */
    private record Trial(double[] spikesMs, double[] pulsesMs, double pulseAmpNa, double ampaGmax) {
        static Trial number(int t) {
            double[] spikes = new double[3 + t % 3];
            for (int k = 0; k < spikes.length; k++) {
                spikes[k] = 4 + 9.5 * k + 1.7 * t;
            }
            double[] pulses = new double[1 + t % 2];
            for (int k = 0; k < pulses.length; k++) {
                pulses[k] = 10 + 2.3 * t + 30 * k;
            }
            return new Trial(spikes, pulses, 0.6 + 0.15 * t, 0.001 + 0.0002 * t);
        }
    }

    private record Cell(ModelBuilder builder, int soma, int dendA, int dendB) {
    }

    private static Cell cell(List<Trial> trials) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = m.addChild("dend", 200, 5, 120, 1, Morphology.filled(5, 2), soma, 1);
        int dendA = m.addChild("dendA", 150, 4, 150, 1, Morphology.filled(4, 1), dend, 1);
        int dendB = m.addChild("dendB", 100, 3, 150, 2, Morphology.filled(3, 0.8), dend, 1);
        Catalogue catalogue = NmodlMechanism.replacing(Catalogue.discover(), compiled(), line -> { });
        ModelBuilder b = new ModelBuilder(m, catalogue);
        for (int section : new int[] {soma, dend, dendA, dendB}) {
            b.insert("pas", section, Map.of("g", 5e-5, "e", -75.0));
        }
        for (int section : new int[] {soma, dend}) {
            b.insert("NaTa_t", section, Map.of("gNaTa_tbar", section == soma ? 2.0 : 0.2));
            b.insert("SKv3_1", section, Map.of("gSKv3_1bar", 0.5));
            b.insert("Im", section, Map.of("gImbar", 0.001));
            b.insert("Ih", section, Map.of("gIhbar", 0.0001));
            b.insert("Ca_HVA", section, Map.of("gCa_HVAbar", 0.001));
            b.insert("Ca_LVAst", section, Map.of("gCa_LVAstbar", 0.003));
            b.insert("SK_E2", section, Map.of("gSK_E2bar", 0.01));
            b.insert("CaDynamics_E2", section, Map.of());
        }
        b.insert("cadspine", dendA, Map.of());
        b.insert("ft", dendB, Map.of());
        b.insert("tabdep", dendB, Map.of());
        b.insert("kin3", dendB, Map.of());
        int lanes = trials.size();
        List<Synapse> driven = new ArrayList<>();
        for (double x : new double[] {0.3, 0.8}) {
            PointProcess ampa = b.addPointProcess("AMPA_WITH_CA", dendA, x, Map.of());
            for (int lane = 0; lane < lanes; lane++) {
                b.setLaneParameter(ampa, lane, "gmax", trials.get(lane).ampaGmax());
            }
            driven.add(new Synapse(ampa, 0.001, 1.0));
            driven.add(new Synapse(b.addPointProcess("NMDA", dendA, x, Map.of()), 0.001, 1.0));
        }
        driven.add(new Synapse(b.addPointProcess("Facil", dendA, 0.5, Map.of()), 0.002, 1.0));
        driven.add(new Synapse(b.addPointProcess("Pulser", dendB, 0.5, Map.of()), 0.002, 1.0));
        PointProcess relay = b.addPointProcess("Relay", dendB, 0.5, Map.of());
        PointProcess mover = b.addPointProcess("Mover", dendB, 0.5, Map.of());
        driven.add(new Synapse(relay, 1, 0));
        driven.add(new Synapse(mover, 1, 0));
        PointProcess toSoma = b.addPointProcess("expsynapse", soma, 0.5, Map.of());
        b.addEventSource(relay, List.of(new Synapse(toSoma, 0.002, 1.5)));
        b.addEventSource(mover, List.of(new Synapse(toSoma, 0.001, 0.5)));
        b.addSpikeSource(trials.stream().map(Trial::spikesMs).toArray(double[][]::new), driven);
        b.addPointProcess("epsp", dend, 0.5, Map.of("onset", 25.0, "imax", 0.2));
        int electrodes = trials.stream().mapToInt(t -> t.pulsesMs().length).max().orElseThrow();
        for (int j = 0; j < electrodes; j++) {
            PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("dur", PULSE_MS));
            for (int lane = 0; lane < lanes; lane++) {
                if (j < trials.get(lane).pulsesMs().length) {
                    b.setLaneParameter(clamp, lane, "del", trials.get(lane).pulsesMs()[j]);
                    b.setLaneParameter(clamp, lane, "amp", trials.get(lane).pulseAmpNa());
                }
            }
        }
        return new Cell(b, soma, dendA, dendB);
    }

    /** Per lane: v at three nodes over time, then every field of every compiled block at the end, slot by slot. */
    private static Observed run(List<Trial> trials, boolean vector) {
        Cell cell = cell(trials);
        Simulation sim = cell.builder().build(DT_MS, CELSIUS, trials.size());
        for (MechanismBlock block : compiledBlocks(sim)) {
            ((VectorKernels) block).setVectorKernels(vector);
        }
        var d = sim.discretization();
        int[] nodes = {d.segmentNode(cell.soma(), 0), d.node(cell.dendA(), 1), d.node(cell.dendB(), 1)};
        return LaneRuns.run(sim, nodes, compiledBlocks(sim), V_INIT_MV, TSTOP_MS);
    }

    private static List<MechanismBlock> compiledBlocks(Simulation sim) {
        List<MechanismBlock> blocks = new ArrayList<>();
        for (NmodlMechanism m : compiled()) {
            if (sim.has(m.name())) {
                blocks.add(sim.block(m.name()));
            }
        }
        return blocks;
    }

    @ParameterizedTest(name = "{0} lanes, vector kernels {1}")
    @CsvSource({"3, false", "8, false", "8, true"})
    void eachLaneGivesTheBitsOfItsTrialAlone(int lanes, boolean vector) {
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            trials.add(Trial.number(t));
        }
        Observed together = run(trials, vector);
        List<Observed> alone = trials.stream().map(t -> run(List.of(t), vector)).toList();
        assertEachLaneIsItsTrialAlone(together, alone);
        double[] soma = together.traces().get(0).get(0);
        assertThat(java.util.Arrays.stream(soma).max().orElseThrow()).as("the soma spikes").isGreaterThan(0);
    }

    @Test
    void aTableWhoseDependDiffersBetweenLanesIsRefused() {
        List<Trial> trials = List.of(Trial.number(0), Trial.number(1));
        Simulation sim = cell(trials).builder().build(DT_MS, CELSIUS, 2);
        sim.block("tabdep").setParameter("vhalf", 0, 1, -30.0);
        assertThatThrownBy(() -> sim.initialize(V_INIT_MV)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("table_depend.mod: the DEPEND values of the TABLE of")
                .hasMessageEndingWith("differ between trials in lanes: not supported yet");
    }
}
