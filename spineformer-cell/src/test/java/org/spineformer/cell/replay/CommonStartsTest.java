package org.spineformer.cell.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.spineformer.cell.CellModel;

/**
 * {@link CommonStarts} across threads, with a stand-in for the rest's simulation: a start is simulated once however
 * many replays ask for it at once, and replays that need different starts do not wait for each other's.
 */
class CommonStartsTest {
    /**
     * How long a stand-in rest waits for another thread before the test counts it as blocked (s): far longer than
     * a thread takes to start and ask for its start, short enough to fail fast.
     */
    private static final long WAIT_S = 10;
    private static final CellModel MODEL = CellModel.paper();

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A one-spine stimulus whose only input, a spike, arrives at {@code spikeMs} + 1 ms. */
    private static List<Stimulus> firstInputAt(double spikeMs) {
        return List.of(new Stimulus(-75, 1000, 0.025, 37, 1, new double[][] {{spikeMs}}, new double[0], 0, 0, 1,
                List.of(), new int[0], 1));
    }

    private static CommonStarts.Start aStart() {
        return new CommonStarts.Start(null, null, null);
    }

    @Test
    void twoStartsAreSimulatedAtTheSameTime() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        List<Boolean> firstSawSecond = new ArrayList<>();
        CommonStarts starts = new CommonStarts((settings, model, record, atMs) -> {
            if (atMs == 240) {
                firstStarted.countDown();
                try {
                    // the other start is simulated while this one is still running
                    firstSawSecond.add(secondStarted.await(WAIT_S, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                secondStarted.countDown();
            }
            return aStart();
        });
        Future<CommonStarts.Start> first = pool.submit(() -> starts.of(firstInputAt(249), MODEL, List.of()));
        assertThat(firstStarted.await(WAIT_S, TimeUnit.SECONDS)).as("the first start is being simulated").isTrue();
        Future<CommonStarts.Start> second = pool.submit(() -> starts.of(firstInputAt(149), MODEL, List.of()));
        assertThat(second.get(WAIT_S, TimeUnit.SECONDS)).as("the second start, while the first runs").isNotNull();
        assertThat(first.get(2 * WAIT_S, TimeUnit.SECONDS)).isNotNull();
        assertThat(firstSawSecond).as("the second start began before the first ended").containsExactly(true);
    }

    @Test
    void aStartIsSimulatedOnceForEveryReplayThatAsksAtOnce() throws Exception {
        AtomicInteger simulated = new AtomicInteger();
        CountDownLatch allAsked = new CountDownLatch(4);
        CommonStarts.Start only = aStart();
        CommonStarts starts = new CommonStarts((settings, model, record, atMs) -> {
            simulated.incrementAndGet();
            try {
                // the other replays ask while the start is being simulated
                allAsked.await(WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return only;
        });
        List<Future<CommonStarts.Start>> asked = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            asked.add(pool.submit(() -> {
                allAsked.countDown();
                return starts.of(firstInputAt(249), MODEL, List.of());
            }));
        }
        for (Future<CommonStarts.Start> f : asked) {
            assertThat(f.get(2 * WAIT_S, TimeUnit.SECONDS)).isSameAs(only);
        }
        assertThat(simulated).as("simulations of the one start").hasValue(1);
    }

    @Test
    void aFailedStartFailsEveryReplayThatNeedsIt() {
        AtomicInteger simulated = new AtomicInteger();
        CommonStarts starts = new CommonStarts((settings, model, record, atMs) -> {
            simulated.incrementAndGet();
            throw new IllegalStateException("rest blew up");
        });
        assertThatThrownBy(() -> starts.of(firstInputAt(249), MODEL, List.of())).hasMessage("rest blew up");
        assertThatThrownBy(() -> starts.of(firstInputAt(249), MODEL, List.of())).hasMessage("rest blew up");
        assertThat(simulated).as("the failed start is not simulated again").hasValue(1);
    }
}
