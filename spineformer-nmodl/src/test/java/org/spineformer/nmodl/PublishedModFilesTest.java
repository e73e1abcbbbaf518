package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.ast.ModFile;
import org.spineformer.nmodl.check.Checker;
import org.spineformer.nmodl.check.Diagnostic;
import org.spineformer.nmodl.gen.NmodlMechanism;
import org.spineformer.nmodl.parse.NmodlSyntaxException;
import org.spineformer.nmodl.parse.Parser;

/**
 * Published mod files (bmtk's Allen cells, ModelDB 139653 and 244688, NEURON's own): every one parses. Validation
 * tier; needs {@code -Dspineformer.modDirs}.
 */
@Tag("validation")
class PublishedModFilesTest {

    @Test
    void everyFileParses() throws IOException {
        List<Path> files = ModDirs.modFiles();
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                ModFile mod = Parser.parse(f);
                assertThat(mod.items()).as(f.toString()).isNotEmpty();
            } catch (NmodlSyntaxException e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as("of " + files.size() + " files").isEmpty();
        assertThat(files).isNotEmpty();
    }

    /**
     * These files pass nocmodl, so the checker finds no undeclared or twice-declared name, unknown function or
     * SOLVE target in them; it may only reject constructs Spineformer does not support.
     */
    @Test
    void theCheckerFindsOnlyUnsupportedConstructs() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path f : ModDirs.modFiles()) {
            for (Diagnostic d : Checker.check(Parser.parse(f))) {
                System.out.println(d);
                if (!d.message().contains(" is not supported: ")) {
                    wrong.add(d.toString());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Every file the check passes compiles and gives a block (the check does not run the Java compiler). */
    @Test
    void everyFileThatChecksCompiles() throws IOException {
        int compiled = 0;
        for (Path f : ModDirs.modFiles()) {
            if (NmodlCheck.check(f).isEmpty()) {
                NmodlMechanism m = NmodlMechanism.compile(f);
                assertThat(m.newBlock(new int[] {0, 1}).size()).as(f.toString()).isEqualTo(2);
                compiled++;
            }
        }
        assertThat(compiled).isPositive();
    }
}
