package org.spineformer.experiments.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void showsDoneTotalTimePerTrialAndEta() {
        AtomicLong clock = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "fig5", 10, 2, false, clock::get);
        // 4 trials done after 60 s, 2 of them resumed: 30 s per trial, 6 left.
        String line = bar.line(4, 60_000_000_000L);
        assertThat(line)
                .isEqualTo("fig5 [############                  ] 4/10 trials (2 resumed), 30s/trial, ETA 3m00s");
        assertThat(bar.line(2, 0)).endsWith("ETA ?");
        assertThat(bar.line(5, 1_000_000_000L)).contains("3.0 trials/s");
    }

    @Test
    void interactiveBarRedrawsOneLineAndThrottles() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", 3, 0, true, clock::get);
        bar.update(0.5);
        clock.set(100_000_000L);
        bar.update(1); // within half a second: not drawn
        clock.set(2_000_000_000L);
        bar.finish(3);
        String out = text.toString();
        assertThat(out.chars().filter(c -> c == '\r').count()).isEqualTo(2);
        assertThat(out).endsWith(System.lineSeparator()).contains("3/3 trials");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(ProgressBar.duration(42.4)).isEqualTo("42s");
        assertThat(ProgressBar.duration(185)).isEqualTo("3m05s");
        assertThat(ProgressBar.duration(7620)).isEqualTo("2h07m");
    }
}
