package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheProjectAndTheJvm() {
        Run r = run("version");
        assertThat(r.exit).isZero();
        assertThat(r.out).startsWith("spineformer ").contains("java ");
    }

    @Test
    void mechanismsListsTheCatalogueWithUnitsAndDefaults() {
        Run r = run("mechanisms");
        assertThat(r.exit).isZero();
        assertThat(r.out).contains("pas  (density)").contains("[S/cm2]").contains("default 0.001")
                .contains("IClamp").contains("SEClamp");
    }

    @Test
    void unknownMechanismIsAClearError() {
        Run r = run("mechanisms", "nosuch");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("unknown mechanism 'nosuch'");
    }
}
