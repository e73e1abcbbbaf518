package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shutdown hook's notice: said when a command is cut short, silent when it finished. */
class InterruptNoticeTest {
    @Test
    void anUnfinishedCommandSaysHowToResume() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new InterruptNotice(new PrintStream(bytes, true, StandardCharsets.UTF_8)).shuttingDown();
        assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("interrupted: rerun the same command to resume");
    }

    @Test
    void aFinishedCommandSaysNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        InterruptNotice notice = new InterruptNotice(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        notice.finished();
        notice.shuttingDown();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
