package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PanelsTest {
    @Test
    void namesAreCheckedAndMissingPanelsSaidSo() {
        assertThat(Panels.find("fig5").name()).isEqualTo("fig5");
        assertThat(Panels.notImplemented()).doesNotContain("fig5", "fig2b", "fig3be", "fig4a");
        for (String missing : Panels.notImplemented()) {
            assertThatThrownBy(() -> Panels.find(missing)).hasMessageContaining("not implemented yet")
                    .hasMessageContaining(missing);
        }
        assertThatThrownBy(() -> Panels.find("fig9")).hasMessageContaining("unknown panel 'fig9'");
    }

    @Test
    void everyPanelOfTheSpecIsListed() {
        assertThat(Panels.ALL_NAMES).containsExactly("fig2a", "fig2b", "fig2cd", "fig3a", "fig3be", "fig3fg", "fig4a",
                "fig4bef", "fig4c", "fig4d", "fig5");
        Panels.IMPLEMENTED.forEach(p -> assertThat(Panels.ALL_NAMES).contains(p.name()));
    }

    @Test
    void quickCountsArePrintedWithTheirCost() {
        StringWriter text = new StringWriter();
        Panels.printQuickCounts(new PrintWriter(text));
        assertThat(text.toString()).contains("fig5").contains("4 trials").contains("core-minutes")
                .contains("core-seconds per simulated second");
    }

    @Test
    void theDefaultRunIsAnnouncedWithItsCost() {
        // 3000 s of cell time at 3 core-seconds per simulated second: 9000 core-seconds, 2.5 core-hours.
        assertThat(Panels.estimate(Panels.find("fig5"), 2)).isEqualTo("fig5: 1000 trials of 3 s (1 s window) (the"
                + " paper's count; --trials N for fewer): 3000 s of cell time, about 2.5 core-hours (1.3 hours on 2"
                + " threads)");
        assertThat(Panels.estimate(Panels.find("fig4a"), 2)).isEqualTo("fig4a: no simulation");
    }

    @Test
    void allRefusesATrialCount() {
        Request r = new Request(Path.of("x"), 3, null, null, 1, true, new PrintWriter(new StringWriter()), null,
                false);
        assertThatThrownBy(() -> Panels.reproduceAll(r)).hasMessageContaining("--trials = 3");
    }

    @Test
    void windowFoldersReadNaturally() {
        assertThat(Panels.windowName(0.5)).isEqualTo("0.5");
        assertThat(Panels.windowName(2.0)).isEqualTo("2");
    }
}
