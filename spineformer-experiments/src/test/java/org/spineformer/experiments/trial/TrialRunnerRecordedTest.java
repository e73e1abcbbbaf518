package org.spineformer.experiments.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TrialRunner#recorded}: a folder's results only when every trial asked for is recorded, never a trial run,
 * nothing written into a folder without a run, and a folder in use by a run under way counts as not recorded.
 */
class TrialRunnerRecordedTest {
    record Settings(String panel) {
    }

    private static final Settings SETTINGS = new Settings("fake");

    @TempDir
    Path tmp;

    /** A trial whose result is its index squared, counting its calls. */
    private static Trial<Integer> counting(AtomicInteger calls) {
        return (index, random, progress) -> {
            calls.incrementAndGet();
            return index * index;
        };
    }

    @Test
    void givesTheResultsOnlyWhenEveryTrialIsRecordedAndRunsNone() {
        Path dir = tmp.resolve("run");
        TrialRunner runner = TrialRunner.inDirectory(dir, 1, null, false);
        assertThat(runner.recorded(SETTINGS, 3, 4, Integer.class)).isEmpty();
        assertThat(dir).doesNotExist(); // nothing created where no run is

        AtomicInteger calls = new AtomicInteger();
        runner.run("fake", SETTINGS, 3, 2, counting(calls), Integer.class); // 2 of 4 trials, as if stopped
        assertThat(calls).hasValue(2);
        assertThat(runner.recorded(SETTINGS, 3, 4, Integer.class)).isEmpty();
        assertThat(runner.recorded(SETTINGS, 3, 2, Integer.class)).contains(List.of(0, 1));

        runner.run("fake", SETTINGS, 3, 4, counting(calls), Integer.class); // resumed: trials 2 and 3
        assertThat(calls).hasValue(4);
        assertThat(runner.recorded(SETTINGS, 3, 4, Integer.class)).contains(List.of(0, 1, 4, 9));
        assertThat(calls).hasValue(4); // reading ran no trial
    }

    @Test
    void aRunWithOtherSettingsIsRefusedAndOneUnderWayIsNotRecorded() throws IOException {
        Path dir = tmp.resolve("run");
        TrialRunner runner = TrialRunner.inDirectory(dir, 1, null, false);
        runner.run("fake", SETTINGS, 3, 2, counting(new AtomicInteger()), Integer.class);
        assertThatThrownBy(() -> runner.recorded(new Settings("other"), 3, 2, Integer.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds a run with other arguments");
        assertThatThrownBy(() -> runner.recorded(SETTINGS, 4, 2, Integer.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");

        // While a run holds the folder (its trials under way), its trials are not read.
        try (TrialJournal underWay = TrialJournal.open(dir, SETTINGS, 3)) {
            assertThat(TrialJournal.inUse(dir)).isTrue();
            Optional<List<Integer>> read = runner.recorded(SETTINGS, 3, 2, Integer.class);
            assertThat(read).isEmpty();
        }
        assertThat(TrialJournal.inUse(dir)).isFalse();
        assertThat(Files.readAllLines(dir.resolve(TrialJournal.TRIALS_FILE))).hasSize(2);
    }
}
