package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.nmodl.LaneRuns.assertEachLaneIsItsTrialAlone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spineformer.engine.ModelBuilder;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.FieldRole;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.reference.ReferenceRun;
import org.spineformer.nmodl.LaneRuns.Observed;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * RANGE ASSIGNED variables a model sets before the run, as NEURON's hoc sets {@code seg.NAME_SUFFIX} before
 * {@code finitialize} (docs/dev/nmodl.md, "RANGE variables hoc sets"): {@code settable/rset.mod}'s shift (never
 * assigned by the file: a parameter, 0 until set), boost (assigned in INITIAL from its own value) and level (read by
 * INITIAL, assigned in BREAKPOINT), set to 7, 0.5 and 0.7 and run as NEURON 8.2.2 ran them
 * ({@code reference/settable/rset}, recorded by {@code reference/kinetic/record.py}, PROVENANCE.md).
 */
class RangeAssignedTest {
    private static final String FILE = "settable/rset.mod";

    private static NmodlMechanism rset() {
        return NmodlMechanism.compile("rset.mod", Resources.text("/mod/" + FILE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void valuesSetBeforeTheRunMatchNeuron(String reference, String runName) {
        SingleMechanismRun.assertMatchesNeuron(FILE, reference, runName);
    }

    static Stream<Arguments> runs() {
        return SingleMechanismRun.runs("settable/rset");
    }

    /**
     * NEURON's own values say when each was applied (so the test above tells the semantics apart): before INITIAL,
     * which added 1 to boost and copied level into start; never again, as boost keeps 1.5 (not 0.5 + 1 at a later
     * INITIAL, nor 1 from 0) and shift 7; level overwritten by BREAKPOINT from t = 0 on.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.spineformer.nmodl.SingleMechanismRun#runs")
    void neuronAppliedTheValuesBeforeInitial(String runName) {
        ReferenceRun ref = ReferenceRun.load("/reference/settable/rset/" + runName);
        assertThat(ref.column("shift")).containsOnly(7);
        assertThat(ref.column("boost")).containsOnly(1.5);
        assertThat(ref.column("start")).containsOnly(0.7);
        assertThat(ref.column("level")[0]).isNotEqualTo(0.7);
    }

    @Test
    void theFileDecidesWhatEachVariableIs() {
        NmodlMechanism m = rset();
        FieldSpec shift = m.field("shift");
        assertThat(shift.role()).isEqualTo(FieldRole.PARAMETER);
        assertThat(shift.defaultValue()).isZero();
        assertThat(shift.description()).isEqualTo("ASSIGNED listed RANGE, never assigned by the file: set per"
                + " instance as NEURON's hoc sets shift_rset, 0 until set");
        for (String name : List.of("boost", "level", "start", "i")) {
            assertThat(m.field(name).role()).as(name).isEqualTo(FieldRole.ASSIGNED);
            assertThat(m.field(name).settable()).as(name).isTrue();
        }
        assertThat(m.field("boost").description()).isEqualTo("ASSIGNED (RANGE), assigned by the file in INITIAL: a"
                + " value set before the run is overwritten there, as NEURON's hoc value");
        assertThat(m.field("level").description()).contains("assigned by the file in BREAKPOINT:");
        assertThat(m.field("minf").settable()).isFalse();
        assertThat(m.field("m").settable()).isFalse();
    }

    /** What NEURON's hoc cannot set is refused when the model is described, naming mechanism and field. */
    @Test
    void aStateAndAnAssignedWithoutHocNameAreRefused() {
        NmodlMechanism m = rset();
        assertThatThrownBy(() -> m.field("m").validate("rset", 0.3)).hasMessage("rset.m is a STATE, not a parameter:"
                + " it cannot be set (NEURON sets every STATE at INITIAL, from its start value, so a value set before"
                + " the run is lost)");
        assertThatThrownBy(() -> m.field("minf").validate("rset", 0.3)).hasMessage("rset.minf is an assigned"
                + " variable, not a parameter: it cannot be set (ASSIGNED, neither RANGE nor GLOBAL in the mod file:"
                + " one value per instance, no hoc name)");
        assertThatThrownBy(() -> m.requireSettable("nothing")).hasMessage("mechanism rset has no parameter"
                + " 'nothing'; its parameters: [boost, gbar, i, level, shift, start]");
        assertThatThrownBy(() -> m.field("boost").validate("rset", Double.NaN))
                .hasMessage("rset.boost = NaN is invalid: it must be a number (infinities allowed)");
    }

    /** Trial t: its own pulse and its own values of the three variables. */
    private record Trial(double pulseAmpNa, double shiftMv, double boost, double level) {
        static Trial number(int t) {
            return new Trial(0.1 + 0.05 * t, 7 - 2 * t, 0.5 + 0.25 * t, 0.7 - 0.1 * t);
        }
    }

    /** Set per lane, as parameters are: each lane gives the bits of its trial alone. */
    @ParameterizedTest(name = "{0} lanes")
    @ValueSource(ints = {3, 8})
    void valuesSetPerLaneGiveEachTrialsBits(int lanes) {
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            trials.add(Trial.number(t));
        }
        Observed together = run(trials);
        List<Observed> alone = trials.stream().map(t -> run(List.of(t))).toList();
        assertEachLaneIsItsTrialAlone(together, alone);
    }

    private static Observed run(List<Trial> trials) {
        Morphology morphology = new Morphology();
        int soma = morphology.addRoot("soma", 20, 1, 35.4, 1, Morphology.filled(1, 20));
        ModelBuilder b = new ModelBuilder(morphology, Catalogue.discover().register(rset()));
        b.insert("pas", soma, Map.of("g", 1e-4, "e", -70.0));
        b.insert("rset", soma, Map.of());
        PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("del", 5.0, "dur", 20.0));
        int lanes = trials.size();
        for (int lane = 0; lane < lanes; lane++) {
            b.setLaneParameter(clamp, lane, "amp", trials.get(lane).pulseAmpNa());
        }
        Simulation sim = b.build(0.025, 37, lanes);
        MechanismBlock block = sim.block("rset");
        for (int lane = 0; lane < lanes; lane++) {
            block.setParameter("shift", 0, lane, trials.get(lane).shiftMv());
            block.setParameter("boost", 0, lane, trials.get(lane).boost());
            block.setParameter("level", 0, lane, trials.get(lane).level());
        }
        int node = sim.discretization().segmentNode(soma, 0);
        return LaneRuns.run(sim, new int[] {node}, List.of(block), -70, 40);
    }
}
