package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A replay whose recorded traces would not fit in memory is refused before the cell is built. */
class TraceMemoryTest {
    private static final long ONE_GB = 1_000_000_000L;

    private static Stimulus recordingSoma(double tstopMs, int saveEvery) {
        return new Stimulus(-70, tstopMs, 0.025, 37, Double.POSITIVE_INFINITY, new double[][] {{}}, new double[0],
                4, 1, 1, List.of(new Stimulus.Location("soma", 0.5)), new int[0], saveEvery);
    }

    @Test
    void tracesBeyondAQuarterOfTheHeapAreRefused() {
        // 1e7 ms at 0.025 ms: 4e8 samples of t and v = 6.4 GB, far more than a quarter of 1 GB
        assertThatThrownBy(() -> Replay.requireTracesFit(recordingSoma(1e7, 1), List.of(), ONE_GB))
                .hasMessageStartingWith("tstop = 1.0E7 ms would record 4.00e+08 samples (dt = 0.025 ms, save_every"
                        + " = 1) of 2 columns: 6.40 GB of traces, more than 25% of the 1.00 GB this JVM may use");
    }

    @Test
    void whatFitsOrRecordsNothingRuns() {
        assertThatCode(() -> Replay.requireTracesFit(recordingSoma(1e5, 1), List.of("v:tuft_0(0.5)"), ONE_GB))
                .doesNotThrowAnyException(); // 4e6 samples x 3 columns = 0.096 GB
        assertThatCode(() -> Replay.requireTracesFit(recordingSoma(1e7, 1000), List.of(), ONE_GB))
                .doesNotThrowAnyException(); // save_every 1000: 6.4 MB
        Stimulus nothing = new Stimulus(-70, 1e12, 0.025, 37, Double.POSITIVE_INFINITY, new double[][] {{}},
                new double[0], 4, 1, 1, List.of(), new int[0], 1);
        assertThatCode(() -> Replay.requireTracesFit(nothing, List.of(), ONE_GB)).doesNotThrowAnyException();
    }
}
