package org.spineformer.model.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What to do to a cell in one run (docs/user/protocol-format.md): the run's settings, the stimuli, what to record
 * and how to find somatic spikes. Read from JSON by {@link ProtocolReader}; run by {@link ProtocolRun}.
 *
 * @param description      free text
 * @param tstopMs          end of the run (ms)
 * @param vInitMv          initial voltage (mV); empty: the description's
 * @param dtMs             fixed time step (ms)
 * @param celsius          temperature (degC); empty: the description's
 * @param stimuli          the inputs, in order
 * @param recordings       the recorded columns besides {@code t_ms}, in order
 * @param saveEvery        traces keep every n-th step (t = 0 always)
 * @param spikeThresholdMv somatic spikes are the local maxima of soma v above this, on the trace of every step
 * @param initSteps        steps of their own dt after initialization, before the run goes on at {@code dtMs}
 *                         (a model's own {@code init()}); null for none
 */
public record Protocol(String description, double tstopMs, OptionalDouble vInitMv, double dtMs, OptionalDouble celsius,
                       List<Stimulus> stimuli, List<Recording> recordings, int saveEvery, double spikeThresholdMv,
                       InitSteps initSteps) {
    /** NEURON's default fixed step (ms). */
    public static final double DEFAULT_DT_MS = 0.025;
    /** The spike threshold the reference runs state (mV). */
    public static final double DEFAULT_SPIKE_THRESHOLD_MV = 0;

    /**
     * {@code count} steps of {@code dtMs} right after {@code finitialize(v_init)}, t going on from 0 (hoc's
     * {@code dt = 10  for i = 1, 38 fadvance()} in Almog and Korngreen 2014's {@code init()}); the run then steps at
     * the protocol's dt from where they ended.
     */
    public record InitSteps(int count, double dtMs) {
        public InitSteps {
            if (count < 1) {
                throw new IllegalArgumentException("init_steps: count must be >= 1, was " + count);
            }
            if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
                throw new IllegalArgumentException("init_steps: dt must be finite and > 0 ms, was " + dtMs);
            }
        }
    }

    public Protocol {
        stimuli = List.copyOf(stimuli);
        recordings = List.copyOf(recordings);
        if (!(tstopMs > 0) || Double.isInfinite(tstopMs)) {
            throw new IllegalArgumentException("tstop must be finite and > 0 ms, was " + tstopMs);
        }
        if (!(dtMs > 0) || dtMs > tstopMs) {
            throw new IllegalArgumentException("dt must be > 0 ms and at most tstop, was " + dtMs);
        }
        if (saveEvery < 1) {
            throw new IllegalArgumentException("save_every must be >= 1, was " + saveEvery);
        }
        if (initSteps != null && !(initSteps.count() * initSteps.dtMs() < tstopMs)) {
            throw new IllegalArgumentException("/init_steps: " + initSteps.count() + " steps of " + initSteps.dtMs()
                    + " ms end at or after tstop " + tstopMs + " ms: the run would have nothing left to do");
        }
        if (!Double.isFinite(spikeThresholdMv)) {
            throw new IllegalArgumentException("the spike threshold must be finite, was " + spikeThresholdMv);
        }
        Set<String> names = new HashSet<>();
        for (Stimulus s : stimuli) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException(s.source() + ": a second stimulus named '" + s.name() + "'");
            }
        }
        Set<String> columns = new HashSet<>(Set.of(ProtocolRun.TIME_COLUMN));
        for (Recording r : recordings) {
            if (r.column() != null && !columns.add(r.column())) {
                throw new IllegalArgumentException(r.source() + ": a second column named '" + r.column() + "'");
            }
        }
    }

    /** This protocol with another spike threshold (mV), as the command line sets it. */
    public Protocol withSpikeThreshold(double thresholdMv) {
        return new Protocol(description, tstopMs, vInitMv, dtMs, celsius, stimuli, recordings, saveEvery,
                thresholdMv, initSteps);
    }
}
