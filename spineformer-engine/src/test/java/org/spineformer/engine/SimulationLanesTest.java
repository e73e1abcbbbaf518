package org.spineformer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spineformer.engine.event.PointProcess;
import org.spineformer.engine.event.Synapse;
import org.spineformer.engine.mech.AbstractMechanism;
import org.spineformer.engine.mech.Catalogue;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.record.PeakDetector;
import org.spineformer.engine.record.Recorder;
import org.spineformer.engine.simd.Simd;

/**
 * Trials in lanes: each lane of a simulation of L trials gets, bit for bit, the numbers of its trial run alone
 * (L = 1), with the engine's own mechanisms (pas, IClamp, SEClamp), spike sources and events to a test synapse,
 * events to itself and out ({@link Kick}); a lane that blows up is reported by lane and changes no other lane.
 */
class SimulationLanesTest {
    private static final double DT_MS = 0.025;
    private static final double TSTOP_MS = 60;
    private static final double V_INIT_MV = -65;
    /** Peaks of v above this (mV) count: the pulses and synaptic inputs lift the passive cell well above it. */
    private static final double PEAK_THRESHOLD_MV = -64;

    /** Pulse length (ms). */
    private static final double PULSE_MS = 4;

    /**
     * One trial's inputs: a spike train to synapse 0, somatic pulses (1 to 3, starting at {@code pulsesMs}), a weak
     * clamp's first level.
     */
    private record Trial(double[] spikesMs, double[] pulsesMs, double pulseAmpNa, double clampMv, double clampMs) {
        static Trial number(int t) {
            double[] spikes = new double[2 + t % 3];
            for (int k = 0; k < spikes.length; k++) {
                spikes[k] = 3 + 7.5 * k + 1.3 * t;
            }
            double[] pulses = new double[1 + t % 3];
            for (int k = 0; k < pulses.length; k++) {
                pulses[k] = 5 + 2.1 * t + 17 * k;
            }
            return new Trial(spikes, pulses, 0.05 + 0.04 * t, -70 + 4 * t, 10 + 3 * t);
        }
    }

    /** The nodes recorded: soma(0.5), both dendrites' tips, the branch point. */
    private record Cell(ModelBuilder builder, int soma, int dendA, int dendB) {
    }

    /**
     * A soma with a dendrite that branches into two; pas everywhere (g per section); synapse 0 on branch A gets the
     * trial's spike train, synapse 1 on branch B the same train in every trial and synapse 0's events out; pulse
     * electrodes at the soma (with lanes as many as the busiest lane needs, the others' extra ones at amp 0, their
     * pulses set per lane on the builder), a weak voltage clamp on branch B (set per lane on the built block).
     */
    private static Cell cell(List<Trial> trials, boolean perLane) {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 20, 1, 100, 1, Morphology.filled(1, 20));
        int dend = m.addChild("dend", 200, 5, 120, 1, Morphology.filled(5, 2), soma, 1);
        int dendA = m.addChild("dendA", 150, 4, 150, 1, Morphology.filled(4, 1), dend, 1);
        int dendB = m.addChild("dendB", 100, 3, 150, 2, Morphology.filled(3, 0.8), dend, 1);
        Catalogue catalogue = Catalogue.discover().register(Kick.mechanism());
        ModelBuilder b = new ModelBuilder(m, catalogue);
        b.insert("pas", soma, Map.of("g", 2e-4, "e", -65.0));
        b.insert("pas", dend, Map.of("g", 1e-4, "e", -65.0));
        b.insert("pas", dendA, Map.of("g", 5e-5, "e", -65.0));
        b.insert("pas", dendB, Map.of("g", 1e-4, "e", -67.0));
        PointProcess syn0 = b.addPointProcess("Kick", dendA, 0.7, Map.of("decay", 0.97));
        PointProcess syn1 = b.addPointProcess("Kick", dendB, 0.5, Map.of("decay", 0.9, "e", -10.0));
        int electrodes = trials.stream().mapToInt(t -> t.pulsesMs().length).max().orElseThrow();
        for (int j = 0; j < electrodes; j++) {
            PointProcess clamp = b.addPointProcess("IClamp", soma, 0.5, Map.of("dur", PULSE_MS));
            for (int lane = 0; lane < trials.size(); lane++) {
                if (j < trials.get(lane).pulsesMs().length) {
                    b.setLaneParameter(clamp, lane, "del", trials.get(lane).pulsesMs()[j]);
                    b.setLaneParameter(clamp, lane, "amp", trials.get(lane).pulseAmpNa());
                }
            }
        }
        b.addPointProcess("SEClamp", dendB, 0.9, Map.of("rs", 500.0));
        List<Synapse> toSyn0 = List.of(new Synapse(syn0, 0.004, 1.0));
        if (perLane) {
            b.addSpikeSource(trials.stream().map(Trial::spikesMs).toArray(double[][]::new), toSyn0);
        } else {
            b.addSpikeSource(trials.get(0).spikesMs(), toSyn0);
        }
        b.addSpikeSource(new double[] {20, 21, 40}, List.of(new Synapse(syn1, 0.001, 0.5)));
        b.addEventSource(syn0, List.of(new Synapse(syn1, 0.003, 0.75)));
        return new Cell(b, soma, dendA, dendB);
    }

    /** Sets each lane's clamp on the built simulation. */
    private static void setInputs(Simulation sim, List<Trial> trials) {
        for (int lane = 0; lane < trials.size(); lane++) {
            Trial t = trials.get(lane);
            sim.block("SEClamp").setParameter("amp1", 0, lane, t.clampMv());
            sim.block("SEClamp").setParameter("dur1", 0, lane, t.clampMs());
        }
    }

    /** What is compared: per lane, every recorded trace and the peak times at the soma. */
    private record Observed(List<List<double[]>> traces, List<double[]> peaks) {
    }

    private static Observed run(Cell cell, List<Trial> trials) {
        Simulation sim = cell.builder().build(DT_MS, 34, trials.size());
        setInputs(sim, trials);
        int lanes = sim.lanes();
        var d = sim.discretization();
        int[] nodes = {d.segmentNode(cell.soma(), 0), d.node(cell.dendA(), 1), d.node(cell.dendB(), 1),
                d.segmentNode(cell.dendB(), 0)};
        List<Recorder> recorders = new ArrayList<>();
        List<PeakDetector> detectors = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Recorder rec = new Recorder(1);
            for (int node : nodes) {
                rec.add("v" + node, sim.state().v, node * lanes + lane);
            }
            rec.add("g0", sim.block("Kick").column("g"), lane);
            rec.add("g1", sim.block("Kick").column("g"), lanes + lane);
            rec.add("i1", sim.block("Kick").column("i"), lanes + lane);
            rec.add("iclamp", sim.block("IClamp").column("i"), lane);
            rec.add("seclamp", sim.block("SEClamp").column("i"), lane);
            rec.add("pas", sim.block("pas").column("i"), 3 * lanes + lane);
            recorders.add(rec);
            sim.addObserver(rec);
            PeakDetector peaks = new PeakDetector(nodes[0], lane, PEAK_THRESHOLD_MV);
            detectors.add(peaks);
            sim.addObserver(peaks);
        }
        sim.initialize(V_INIT_MV);
        sim.run(TSTOP_MS);
        List<List<double[]>> traces = new ArrayList<>();
        for (Recorder rec : recorders) {
            traces.add(rec.names().stream().map(rec::column).toList());
        }
        return new Observed(traces, detectors.stream().map(PeakDetector::times).toList());
    }

    private static Observed alone(Trial trial) {
        return run(cell(List.of(trial), false), List.of(trial));
    }

    @ParameterizedTest(name = "{0} lanes (0: the preferred vector length)")
    @ValueSource(ints = {0, 3, 4})
    void eachLaneGivesTheBitsOfItsTrialAlone(int lanesOrPreferred) {
        assertThat(Simd.enabled()).as("the tests run with the Vector API, so the vector path is compared").isTrue();
        int lanes = lanesOrPreferred == 0 ? Simd.preferredLanes() : lanesOrPreferred;
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            trials.add(Trial.number(t));
        }

        Observed together = run(cell(trials, true), trials);

        for (int lane = 0; lane < lanes; lane++) {
            Observed one = alone(trials.get(lane));
            List<double[]> expected = one.traces().get(0);
            List<double[]> actual = together.traces().get(lane);
            for (int c = 0; c < expected.size(); c++) {
                assertThat(actual.get(c)).as("lane %d, trace %d", lane, c).isEqualTo(expected.get(c));
            }
            assertThat(together.peaks().get(lane)).as("peaks of lane %d", lane).isEqualTo(one.peaks().get(0));
        }
        // the trials differ, so equal lanes are not an accident of equal inputs
        assertThat(together.traces().get(0).get(0)).isNotEqualTo(together.traces().get(1).get(0));
        assertThat(together.traces().get(0).get(4)).as("synapse 0 saw events").isNotEqualTo(
                new double[together.traces().get(0).get(4).length]);
        assertThat(together.peaks().get(0)).isNotEmpty();
    }

    @Test
    void aLaneThatBlowsUpIsReportedByLaneAndTheOthersRunOnUnchanged() {
        int lanes = 4;
        int bad = 2;
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            Trial trial = Trial.number(t);
            // the first step of the pulse overflows the voltage change to infinity
            trials.add(t == bad ? new Trial(trial.spikesMs(), trial.pulsesMs(), Double.MAX_VALUE, trial.clampMv(),
                    trial.clampMs()) : trial);
        }
        Simulation sim = cell(trials, true).builder().build(DT_MS, 34, lanes);
        setInputs(sim, trials);
        sim.initialize(V_INIT_MV);
        sim.run(TSTOP_MS);

        assertThat(sim.t()).as("the other lanes ran to the end").isGreaterThan(TSTOP_MS - DT_MS);
        NonFiniteStateException e = sim.failure(bad);
        assertThat(e).isNotNull();
        assertThat(e.lane()).isEqualTo(bad);
        assertThat(e.getMessage()).startsWith("the simulation blew up in lane 2: ");
        double onset = trials.get(bad).pulsesMs()[0];
        assertThat(e.timeMs()).isGreaterThan(onset).isLessThanOrEqualTo(onset + Simulation.FINITE_CHECK_MS + DT_MS);
        Observed together = run(cell(trials, true), trials);
        for (int lane = 0; lane < lanes; lane++) {
            if (lane != bad) {
                assertThat(sim.failure(lane)).isNull();
                List<double[]> expected = alone(trials.get(lane)).traces().get(0);
                for (int c = 0; c < expected.size(); c++) {
                    assertThat(together.traces().get(lane).get(c)).as("lane %d, trace %d", lane, c)
                            .isEqualTo(expected.get(c));
                }
            }
        }
    }

    @Test
    void whenEveryLaneHasBlownUpTheRunStops() {
        List<Trial> trials = List.of(new Trial(new double[0], new double[] {1}, Double.MAX_VALUE, -65, 1),
                new Trial(new double[0], new double[] {2}, Double.MAX_VALUE, -65, 1));
        Simulation sim = cell(trials, true).builder().build(DT_MS, 34, 2);
        setInputs(sim, trials);
        sim.initialize(V_INIT_MV);
        sim.run(TSTOP_MS);
        assertThat(sim.failure(0)).isNotNull();
        assertThat(sim.failure(1)).isNotNull();
        assertThat(sim.t()).isLessThan(2 + 2 * Simulation.FINITE_CHECK_MS);
    }

    @Test
    void aMechanismWrittenForOneTrialRefusesLanesAtBuild() {
        Morphology m = new Morphology();
        int soma = m.addRoot("soma", 10, 1, 100, 1, new double[] {10});
        Mechanism oneTrial = new AbstractMechanism("Single", Mechanism.Kind.POINT_PROCESS, "test", List.of()) {
            @Override
            public MechanismBlock newBlock(int[] nodes) {
                return new MechanismBlock(this, nodes) {
                    @Override
                    public void initialize(CellState s) {
                    }
                };
            }
        };
        ModelBuilder b = new ModelBuilder(m, Catalogue.discover().register(oneTrial));
        b.addPointProcess("Single", soma, 0.5, Map.of());
        assertThat(b.build(DT_MS, 37, 1).lanes()).isEqualTo(1);
        assertThatThrownBy(() -> b.build(DT_MS, 37, 4)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Single does not run several trials in lanes yet");
    }

    @Test
    void aLaneParameterMustBeInALaneOfTheModel() {
        List<Trial> trials = List.of(Trial.number(0), Trial.number(2));
        ModelBuilder b = cell(trials, false).builder();
        assertThatThrownBy(() -> b.build(DT_MS, 34, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PointProcess[mechanism=IClamp, instance=0].del is set for lane 1, but the model is built"
                        + " with 1 lanes");
    }

    @Test
    void spikeTimesPerLaneMustCoverEveryLane() {
        List<Trial> trials = List.of(Trial.number(0), Trial.number(1));
        ModelBuilder b = cell(trials, true).builder();
        assertThatThrownBy(() -> b.build(DT_MS, 34, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spike source 0 has times for 2 lanes, but the model is built with 3");
    }
}
