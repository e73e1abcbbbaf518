package org.spineformer.nmodl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.spineformer.nmodl.gen.NmodlMechanism;

/** The bundled mod sets: every listed file is there and compiles, every file of a set's folder is listed. */
class BundledModTest {
    /** The sets' folder in this module's sources (tests run in the module's directory). */
    private static final Path BUNDLED = Path.of("src", "main", "resources", "mod");

    @Test
    void everySetCompilesAndListsEveryFileOfItsFolder() throws IOException {
        for (String set : BundledMod.SETS.keySet()) {
            try (Stream<Path> files = Files.list(BUNDLED.resolve(set))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).as(set)
                        .containsExactlyElementsOf(BundledMod.files(set).stream().sorted().toList());
            }
            List<NmodlMechanism> compiled = BundledMod.compile(set);
            // each file's SUFFIX or POINT_PROCESS is its file name, as NEURON's users expect
            assertThat(compiled.stream().map(NmodlMechanism::name).toList()).as(set)
                    .containsExactlyElementsOf(BundledMod.SETS.get(set));
            assertThat(compiled.get(0).file()).isEqualTo("bundled:" + set + "/" + BundledMod.files(set).get(0));
        }
    }

    @Test
    void anUnknownSetIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> BundledMod.compile("hay2012")).hasMessage(
                "no bundled mod set 'hay2012'; bundled: " + BundledMod.SETS.keySet());
    }
}
