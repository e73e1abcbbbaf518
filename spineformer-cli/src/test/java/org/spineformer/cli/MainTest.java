package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spineformer.cli.CliRun.run;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionNamesTheProjectAndTheJvm() {
        CliRun r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("spineformer ").contains("java ");
    }

    @Test
    void mechanismsListsTheCatalogueWithUnitsAndDefaults() {
        CliRun r = run("mechanisms");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("pas  (density)").contains("[S/cm2]").contains("default 0.001")
                .contains("IClamp").contains("SEClamp");
    }

    @Test
    void unknownMechanismIsAClearError() {
        CliRun r = run("mechanisms", "nosuch");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("unknown mechanism 'nosuch'");
    }
}
