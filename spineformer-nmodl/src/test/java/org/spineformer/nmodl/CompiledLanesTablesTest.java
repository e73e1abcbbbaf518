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
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.nmodl.LaneRuns.Observed;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * A table of v whose inputs differ between trials in lanes (nmodl.md, "Trials in lanes"): gate_of_cai.mod's gate
 * reads a shift set per lane and cai, which each trial's calcium current changes in its own way. Each lane gets the
 * table its trial alone would have, so the lanes give, bit for bit, each trial run alone, never a stop mid-run. A
 * FUNCTION TABLE whose DEPEND can change during a run is refused lanes when its block is made, before any step.
 */
class CompiledLanesTablesTest {
    private static final double DT_MS = 0.025;
    private static final double CELSIUS = 34;
    private static final double TSTOP_MS = 60;
    private static final double V_INIT_MV = -70;
    private static final String GATE = "gatecai";

    private static List<NmodlMechanism> compiled() {
        List<NmodlMechanism> all = new ArrayList<>(BundledMod.compile("hay2011"));
        all.add(NmodlMechanism.compile("features/gate_of_cai.mod", Resources.text("/mod/features/gate_of_cai.mod")));
        return all;
    }

    /** Trial t: one somatic pulse of its own time and amplitude, the gate's own shift. */
    private record Trial(double pulseMs, double pulseAmpNa, double vshiftMv) {
        static Trial number(int t) {
            return new Trial(5 + 3.1 * t, 0.4 + 0.15 * t, -3 + 1.5 * t);
        }
    }

    private record Cell(Simulation sim, int soma, int dend) {
    }

    /**
     * A soma with spiking channels, a calcium current and pool, and a dendrite; the gate in {@code gateIn}: the soma
     * (one instance whose cai changes every step: the table rebuilt a few times, then the exact functions) or the
     * dendrite (four instances at the resting cai: the table all run, one per shift).
     */
    private static Cell cell(List<Trial> trials, String gateIn, boolean tables) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = m.addChild("dend", 200, 4, 120, 1, Morphology.filled(4, 2), soma, 1);
        Catalogue catalogue = NmodlMechanism.replacing(Catalogue.discover(), compiled(), line -> { });
        ModelBuilder b = new ModelBuilder(m, catalogue);
        for (int section : new int[] {soma, dend}) {
            b.insert("pas", section, Map.of("g", 5e-5, "e", -70.0));
        }
        b.insert("NaTa_t", soma, Map.of("gNaTa_tbar", 2.0));
        b.insert("SKv3_1", soma, Map.of("gSKv3_1bar", 0.5));
        b.insert("Ca_HVA", soma, Map.of("gCa_HVAbar", 0.002));
        b.insert("CaDynamics_E2", soma, Map.of());
        b.insert(GATE, gateIn.equals("soma") ? soma : dend, Map.of());
        int lanes = trials.size();
        PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("dur", 2.0));
        for (int lane = 0; lane < lanes; lane++) {
            b.setLaneParameter(clamp, lane, "del", trials.get(lane).pulseMs());
            b.setLaneParameter(clamp, lane, "amp", trials.get(lane).pulseAmpNa());
        }
        Simulation sim = b.build(DT_MS, CELSIUS, lanes);
        MechanismBlock gate = sim.block(GATE);
        gate.setUseTables(tables);
        for (int k = 0; k < gate.size(); k++) {
            for (int lane = 0; lane < lanes; lane++) {
                gate.setParameter("vshift", k, lane, trials.get(lane).vshiftMv());
            }
        }
        return new Cell(sim, soma, dend);
    }

    /** Per lane: v at the soma and the dendrite's end at every step, then every field of the gate at the end. */
    private static Observed run(List<Trial> trials, String gateIn, boolean tables) {
        Cell cell = cell(trials, gateIn, tables);
        Simulation sim = cell.sim();
        var d = sim.discretization();
        int[] nodes = {d.segmentNode(cell.soma(), 0), d.node(cell.dend(), 1)};
        return LaneRuns.run(sim, nodes, List.of(sim.block(GATE)), V_INIT_MV, TSTOP_MS);
    }

    @ParameterizedTest(name = "{0} lanes, the gate in the {1}")
    @CsvSource({"3, soma", "8, soma", "3, dend", "8, dend"})
    void eachLaneGivesTheBitsOfItsTrialAlone(int lanes, String gateIn) {
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            trials.add(Trial.number(t));
        }
        Observed together = run(trials, gateIn, true);
        List<Observed> alone = trials.stream().map(t -> run(List.of(t), gateIn, true)).toList();
        assertEachLaneIsItsTrialAlone(together, alone);
        double[] soma = together.traces().get(lanes - 1).get(0);
        assertThat(java.util.Arrays.stream(soma).max().orElseThrow()).as("the soma spikes").isGreaterThan(0);
        // the tables are used (else every lane would run exactly and the test would not test them)
        Observed exact = run(trials, gateIn, false);
        assertThat(together.finals()).isNotEqualTo(exact.finals());
    }

    @Test
    void aTableDependingOnAVariableTheFileAssignsRefusesLanesWhenItsBlockIsMade() {
        NmodlMechanism m = NmodlMechanism.compile("features/table_depend_assigned.mod",
                Resources.text("/mod/features/table_depend_assigned.mod"));
        assertThat(m.newBlock(new int[] {0, 1}, 1).size()).isEqualTo(2);
        assertThatThrownBy(() -> m.newBlock(new int[] {0, 1}, 3)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("features/table_depend_assigned.mod: the TABLE of rate DEPENDs on shift, which can change"
                        + " during a run: trials in lanes not supported");
        // a DEPEND on a PARAMETER the file never assigns (table_depend.mod's vhalf) runs in lanes
        NmodlMechanism parameter = NmodlMechanism.compile("features/table_depend.mod",
                Resources.text("/mod/features/table_depend.mod"));
        assertThat(parameter.newBlock(new int[] {0, 1}, 3).size()).isEqualTo(2);
    }
}
