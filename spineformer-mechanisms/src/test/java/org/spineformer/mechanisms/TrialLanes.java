package org.spineformer.mechanisms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.spineformer.engine.mech.CellState;
import org.spineformer.engine.mech.FieldSpec;
import org.spineformer.engine.mech.Mechanism;
import org.spineformer.engine.mech.MechanismBlock;

/**
 * One mechanism with several trials in lanes against each trial run alone (one lane), on the same inputs: each
 * trial has its own seeded potentials, calcium, calcium current, events and parameter values, drawn in the same
 * order in both runs. After every step it compares, for every trial, every column of the block and the node arrays
 * the block writes (rhs, d, the ca ion's current and concentration).
 */
public final class TrialLanes {
    private static final int NODES = 24;
    private static final double DT = 0.025;
    private static final double CELSIUS = 34;
    private static final int STEPS = 40;
    /** A run of 9 nodes, a gap, a run of 5, and node 20. */
    private static final int[] DENSITY_NODES = IntStream.concat(IntStream.concat(IntStream.range(0, 9),
            IntStream.range(12, 17)), IntStream.of(20)).toArray();
    /** As {@link #DENSITY_NODES}, with two more instances on node 20 and one on 23. */
    private static final int[] POINT_NODES = IntStream.concat(IntStream.concat(IntStream.range(0, 9),
            IntStream.range(12, 17)), IntStream.of(20, 20, 20, 23)).toArray();
    /** The point process instance that never receives an event in any trial (so all its lanes stay quiet). */
    private static final int QUIET_INSTANCE = 3;

    private TrialLanes() {
    }

    /**
     * Runs {@code lanes} trials of {@code inLanes}' block against each trial alone in {@code alone}'s block.
     * {@code parameters}: a base value per parameter, set per trial and instance to base (1 + 0.1 trial + 0.01
     * instance). {@code relative}: 0 for bit for bit, otherwise the largest difference allowed, relative to the
     * largest magnitude of that column (or node array) in that trial.
     */
    public static Result compare(Mechanism inLanes, Mechanism alone, int lanes, boolean tables,
                                 Map<String, Double> parameters, double relative) {
        return compare(inLanes, alone, lanes, tables, parameters, relative, Parameters.PER_TRIAL);
    }

    /** How the trials' parameter values differ. */
    public enum Parameters {
        /** Each trial its own values: base (1 + 0.1 trial + 0.01 instance). */
        PER_TRIAL,
        /** The same in every trial, base (1 + 0.01 instance), as a cell's are. */
        SAME,
        /**
         * The same in every trial until half the steps, then trial 1's values of every parameter given raised by
         * half, with {@code setParameter} for that lane (and for that trial run alone) between two steps.
         */
        SAME_THEN_ONE_TRIAL_CHANGED
    }

    /** {@link #compare(Mechanism, Mechanism, int, boolean, Map, double)} with the parameters set as {@code how}. */
    public static Result compare(Mechanism inLanes, Mechanism alone, int lanes, boolean tables,
                                 Map<String, Double> parameters, double relative, Parameters how) {
        int[] nodes = inLanes.kind() == Mechanism.Kind.POINT_PROCESS ? POINT_NODES : DENSITY_NODES;
        boolean perTrial = how == Parameters.PER_TRIAL;
        Run trials = new Run(inLanes, nodes, lanes, tables, parameters, 0, perTrial);
        List<Run> single = new ArrayList<>();
        for (int t = 0; t < lanes; t++) {
            single.add(new Run(alone, nodes, 1, tables, parameters, t, perTrial));
        }
        double worst = 0;
        boolean trialsDiffer = false;
        for (int step = 0; step < STEPS; step++) {
            if (how == Parameters.SAME_THEN_ONE_TRIAL_CHANGED && step == STEPS / 2) {
                for (String field : parameters.keySet()) {
                    for (int k = 0; k < nodes.length; k++) {
                        double raised = 1.5 * single.get(1).block.get(field, k);
                        trials.block.setParameter(field, k, 1, raised);
                        single.get(1).block.setParameter(field, k, 0, raised);
                    }
                }
            }
            trials.step(step);
            for (int t = 0; t < lanes; t++) {
                Run one = single.get(t);
                one.step(step);
                for (FieldSpec field : inLanes.fields()) {
                    double[] all = trials.block.column(field.name());
                    double[] expected = one.block.column(field.name());
                    worst = Math.max(worst, compare(lane(all, lanes, t), expected, relative,
                            field.name() + " of trial " + t + " at step " + step));
                    trialsDiffer |= t > 0 && !Arrays.equals(lane(all, lanes, t), lane(all, lanes, 0));
                }
                String at = " of trial " + t + " at step " + step;
                worst = Math.max(worst, compare(lane(trials.state.rhs, lanes, t), one.state.rhs, relative, "rhs" + at));
                worst = Math.max(worst, compare(lane(trials.state.d, lanes, t), one.state.d, relative, "d" + at));
                worst = Math.max(worst, compare(lane(trials.state.ion("ca").current(), lanes, t),
                        one.state.ion("ca").current(), relative, "ica" + at));
                worst = Math.max(worst, compare(lane(trials.state.ion("ca").concentration, lanes, t),
                        one.state.ion("ca").concentration, relative, "cai" + at));
            }
        }
        assertThat(trialsDiffer).as("the trials' numbers differ from each other").isTrue();
        return new Result(worst, trials.block);
    }

    /** The largest relative difference seen, and the block of trials in lanes at the end. */
    public record Result(double worst, MechanismBlock block) {
    }

    /** The lane {@code t} of an array of {@code lanes} lanes per element. */
    private static double[] lane(double[] all, int lanes, int t) {
        double[] one = new double[all.length / lanes];
        for (int k = 0; k < one.length; k++) {
            one[k] = all[k * lanes + t];
        }
        return one;
    }

    private static double compare(double[] actual, double[] expected, double relative, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        if (relative == 0) {
            for (int k = 0; k < expected.length; k++) {
                assertThat(Double.doubleToLongBits(actual[k])).as("%s [%d]: %s against %s", what, k, actual[k],
                        expected[k]).isEqualTo(Double.doubleToLongBits(expected[k]));
            }
            return 0;
        }
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            double difference = Math.abs(actual[k] - expected[k]);
            assertThat(difference).as("%s [%d]: %s against %s", what, k, actual[k], expected[k])
                    .isLessThanOrEqualTo(relative * scale);
            if (difference > 0) {
                worst = Math.max(worst, difference / scale);
            }
        }
        return worst;
    }

    /**
     * One block of {@code lanes} trials (the first trial {@code firstTrial}), each trial's inputs from its own
     * generator, seeded by the trial's number.
     */
    private static final class Run {
        final CellState state;
        final MechanismBlock block;
        final int lanes;
        final int firstTrial;
        final int[] nodes;
        final Random[] random;

        Run(Mechanism mechanism, int[] nodes, int lanes, boolean tables, Map<String, Double> parameters,
            int firstTrial, boolean perTrial) {
            this.lanes = lanes;
            this.firstTrial = firstTrial;
            this.nodes = nodes;
            double[] area = new double[NODES];
            for (int n = 0; n < NODES; n++) {
                area[n] = 1 + 0.1 * n;
            }
            state = new CellState(area, area.clone(), DT, CELSIUS, lanes);
            block = mechanism.newBlock(nodes, lanes);
            block.setUseTables(tables);
            random = new Random[lanes];
            for (int l = 0; l < lanes; l++) {
                int trial = firstTrial + l;
                random[l] = new Random(1000 + trial);
                for (Map.Entry<String, Double> p : parameters.entrySet()) {
                    for (int k = 0; k < nodes.length; k++) {
                        block.setParameter(p.getKey(), k, l,
                                p.getValue() * (1 + (perTrial ? 0.1 * trial : 0) + 0.01 * k));
                    }
                }
            }
            block.attach(state);
            for (int l = 0; l < lanes; l++) {
                setInputs(l, -1);
            }
            block.initialize(state);
        }

        /** The trial in lane l: its potentials, calcium and calcium current for the step (-1: initialization). */
        void setInputs(int l, int step) {
            int trial = firstTrial + l;
            Random r = random[l];
            double[] cai = state.ion("ca").concentration;
            double[] ica = state.ion("ca").current();
            for (int n = 0; n < NODES; n++) {
                int i = n * lanes + l;
                state.v[i] = -90 + 100 * r.nextDouble();
                cai[i] = 1e-3 * r.nextDouble();
                ica[i] = 1e-3 * r.nextGaussian(); // inward (negative) half the time
                state.rhs[i] = 0;
                state.d[i] = 0;
            }
            // where NaTa_t's rate functions are 0/0, and beyond the Hay tables' range, in two trials of every three
            if (step == 3 && trial % 3 != 2) {
                state.v[2 * lanes + l] = trial % 3 == 0 ? -38 : -66;
            } else if (step == 4 && trial % 3 != 2) {
                state.v[5 * lanes + l] = trial % 3 == 0 ? -125 : 65;
            }
        }

        /** Events to a point process, per trial: one instance never, another one in each trial never. */
        void deliver(int l, int step) {
            int trial = firstTrial + l;
            Random r = random[l];
            for (int k = 0; k < nodes.length; k++) {
                double draw = r.nextDouble();
                double weight = 0.5 + r.nextDouble();
                boolean quiet = k == QUIET_INSTANCE || (k + trial) % 4 == 0;
                if (!quiet && draw < 0.3 && step < STEPS / 2) {
                    block.deliver(k, l, weight);
                }
            }
        }

        void step(int step) {
            for (int l = 0; l < lanes; l++) {
                if (block.mechanism().kind() == Mechanism.Kind.POINT_PROCESS) {
                    deliver(l, step);
                }
                setInputs(l, step);
            }
            block.currents(state);
            block.advance(state);
        }
    }
}
