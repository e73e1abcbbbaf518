package org.spineformer.attention.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.io.npy.Npy;
import org.spineformer.io.npy.NpyArray;

class VectorTaskTest {
    private static final double MAX_RATE_KHZ = 0.05;

    private static Path write(Path dir, String name, double[][] rows) throws IOException {
        Path file = dir.resolve(name);
        Npy.write(file, NpyArray.of(rows));
        return file;
    }

    @Test
    void encodesInTheWindowsAndTargetsTheLargestDotProduct(@TempDir Path dir) throws IOException {
        Path k = write(dir, "k.npy", new double[][] {{1, 0, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 1}});
        Path v = write(dir, "v.npy", new double[][] {{1, 0}, {0, 1}, {1, 1}});
        Path q = write(dir, "q.npy", new double[][] {{0, 1, 0.5, 0}, {0.2, 0, 0, 1}});
        VectorTask t = VectorTask.read(q, k, v, 0.5, MAX_RATE_KHZ, 3);
        assertThat(t.task().sources()).containsExactly(1, 2);
        assertThat(t.keyCode().binMs()).isEqualTo(125);
        assertThat(t.valueCode().binMs()).isEqualTo(500);
        // Key 0 fires only in its first bin, value 0 only in the first half of the control window.
        assertThat(Arrays.stream(t.task().inputs().keys()[0]).boxed()).allSatisfy(x -> assertThat(x)
                .isBetween(0.0, 125.0));
        assertThat(Arrays.stream(t.task().inputs().values()[0]).boxed()).allSatisfy(x -> assertThat(x)
                .isBetween(0.0, 500.0));
        assertThat(t.task().inputs().queries()).hasNumberOfRows(2);
        // The same seed gives the same trains.
        assertThat(VectorTask.read(q, k, v, 0.5, MAX_RATE_KHZ, 3).task().inputs().queries()[1])
                .containsExactly(t.task().inputs().queries()[1]);
    }

    @Test
    void badFilesAreNamed(@TempDir Path dir) throws IOException {
        Path k = write(dir, "k.npy", new double[][] {{1, 0}, {0, 1}});
        Path v = write(dir, "v.npy", new double[][] {{1}});
        Path q3 = write(dir, "q3.npy", new double[][] {{1, 0, 0}});
        Path negative = write(dir, "neg.npy", new double[][] {{1, -1}});
        Path ints = dir.resolve("ints.npy");
        Npy.write(ints, NpyArray.of(new long[][] {{1, 0}}));
        assertThatThrownBy(() -> VectorTask.read(q3, k, v, 1, MAX_RATE_KHZ, 0))
                .hasMessageContaining("k.npy has 2 rows but").hasMessageContaining("v.npy has 1");
        Path v2 = write(dir, "v2.npy", new double[][] {{1}, {1}});
        assertThatThrownBy(() -> VectorTask.read(q3, k, v2, 1, MAX_RATE_KHZ, 0))
                .hasMessageContaining("q3.npy has 3 columns");
        assertThatThrownBy(() -> VectorTask.read(negative, k, v2, 1, MAX_RATE_KHZ, 0))
                .hasMessageContaining("neg.npy row 0").hasMessageContaining("vector[1] = -1.0");
        assertThatThrownBy(() -> VectorTask.read(dir.resolve("none.npy"), k, v2, 1, MAX_RATE_KHZ, 0))
                .hasMessage(dir.resolve("none.npy") + " (queries): no such file");
        Path flags = dir.resolve("flags.npy");
        Npy.write(flags, NpyArray.of(new boolean[][] {{true, false}}));
        assertThatThrownBy(() -> VectorTask.read(flags, k, v2, 1, MAX_RATE_KHZ, 0))
                .hasMessageContaining("flags.npy (queries) holds booleans");
    }

    @Test
    void integerVectorsAreReadAsTheSameNumbers(@TempDir Path dir) throws IOException {
        Path k = write(dir, "k.npy", new double[][] {{1, 0}, {0, 1}});
        Path v = write(dir, "v.npy", new double[][] {{1}, {1}});
        Path doubles = write(dir, "q.npy", new double[][] {{1, 0}, {0, 2}});
        Path ints = dir.resolve("ints.npy");
        Npy.write(ints, NpyArray.of(new long[][] {{1, 0}, {0, 2}}));
        double[][] expected = VectorTask.read(doubles, k, v, 1, MAX_RATE_KHZ, 0).task().inputs().queries();
        double[][] actual = VectorTask.read(ints, k, v, 1, MAX_RATE_KHZ, 0).task().inputs().queries();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).containsExactly(expected[i]);
        }
    }
}
