package org.spineformer.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.cell.TinySpinyDescription.PLASTIC;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morphology files' hash of a {@code --model}: recorded when the model is loaded, and a model read again (a
 * Spark task deserializes it and reads the description on first use) refuses files whose bytes changed, whether the
 * one file or a {@code "then"} file of a cell made by several hoc files.
 */
class CellModelMorphologyHashTest {
    @TempDir
    Path dir;

    /** A soma and a 100 um dendrite. */
    private static final String SWC = """
            1 1 0 0 0 10 -1
            2 3 0 10 0 0.5 1
            3 3 0 110 0 0.5 2
            """;

    /** A soma and a 100 um dendrite in hoc, and an axon made but not yet shaped (the next file shapes it). */
    private static final String DENDRITES = """
            create soma, dend, axon
            soma { pt3dclear() pt3dadd(0, 0, 0, 10) pt3dadd(10, 0, 0, 10) }
            dend { pt3dclear() pt3dadd(10, 0, 0, 1) pt3dadd(110, 0, 0, 1) }
            connect dend(0), soma(1)
            soma connect axon(0), 0
            """;

    /** The second file: the axon's shape. */
    private static final String AXON = "axon { L = 50 diam = 1 }\n";

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path description(String morphology) throws IOException {
        return TinySpinyDescription.write(dir, morphology, PLASTIC,
                ", \"experiment\": {\"axons\": {\"consecutive\": 1}}");
    }

    /** The model as a Spark worker gets it: serialized, deserialized, its description read on first use. */
    private static CellModel shipped(CellModel m) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (CellModel) in.readObject();
        }
    }

    /** A file's SHA-256 as lower-case hex, as {@code sha256sum} prints it. */
    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void oneFilesHashIsItsSha256AndAChangedFileIsRefused() throws Exception {
        Path swc = write("cell.swc", SWC);
        Path file = description("{\"file\": \"cell.swc\"}");
        CellModel m = CellModel.load(file.toString());
        String recorded = sha256(swc);
        assertThat(m.morphologySha256()).isEqualTo(recorded);
        // unchanged, the model read again is the same cell
        CellModel again = shipped(m);
        assertThat(again.spineCount()).isEqualTo(4);
        assertThat(again.morphologySha256()).isEqualTo(recorded);

        write("cell.swc", SWC.replace("0 110 0", "0 90 0"));
        CellModel changed = shipped(m);
        assertThatThrownBy(changed::spineCount).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model " + file.toAbsolutePath() + ": its morphology file " + swc.toAbsolutePath()
                        + " changed since the run started (sha256 " + recorded + ", now " + sha256(swc) + ")");
    }

    @Test
    void severalFilesHashAsSha256sumOfTheirSha256sAndAChangeToEitherIsRefused() throws Exception {
        Path dend = write("dend.hoc", DENDRITES);
        Path axon = write("axon.hoc", AXON);
        Path file = description("{\"file\": \"dend.hoc\", \"then\": [\"axon.hoc\"]}");
        CellModel m = CellModel.load(file.toString());
        // the files as written here: sha256sum dend.hoc axon.hoc | cut -c1-64 | sha256sum
        String recorded = "30bda5c87abe4db311709d4680abff10b05dfa745b914834b416e60fcd22e740";
        assertThat(m.morphologySha256()).isEqualTo(recorded);
        assertThat(shipped(m).spineCount()).isEqualTo(4);

        String files = "--model " + file.toAbsolutePath() + ": its morphology files " + dend.toAbsolutePath() + ", "
                + axon.toAbsolutePath() + " changed since the run started (sha256 " + recorded + ", now ";
        write("dend.hoc", DENDRITES.replace("110, 0, 0, 1", "90, 0, 0, 1"));
        assertRefused(shipped(m), files, recorded);
        write("dend.hoc", DENDRITES);
        write("axon.hoc", AXON.replace("L = 50", "L = 60"));
        assertRefused(shipped(m), files, recorded);

        write("axon.hoc", AXON);
        assertThat(shipped(m).spineCount()).isEqualTo(4);
    }

    @Test
    void bytesMovedFromOneFileToTheNextMakeAnotherCellAndAreRefused() throws Exception {
        // The first file gives the axon 20 um and ends in a line comment with no newline: the comment ends with the
        // file, and the second file makes the axon 50 um. Moved to the head of the second file, the same comment
        // swallows that line: the files' bytes one after the other are the same, the cell is not.
        String dendrites = DENDRITES + "axon { L = 20 diam = 1 }\n";
        String comment = "// the axon is reshaped next:";
        write("dend.hoc", dendrites + comment);
        write("axon.hoc", AXON);
        Path file = description("{\"file\": \"dend.hoc\", \"then\": [\"axon.hoc\"]}");
        CellModel m = CellModel.load(file.toString());
        assertThat(axonLengthUm(m)).isEqualTo(50);

        write("dend.hoc", dendrites);
        write("axon.hoc", comment + AXON);
        CellModel moved = CellModel.load(file.toString());
        assertThat(axonLengthUm(moved)).isEqualTo(20);
        assertThat(moved.morphologySha256()).isNotEqualTo(m.morphologySha256());
        CellModel shipped = shipped(m);
        assertThatThrownBy(shipped::spineCount).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("changed since the run started (sha256 " + m.morphologySha256() + ", now "
                        + moved.morphologySha256() + ")");
    }

    /** The model's first use fails with this message, then another hash than the recorded one. */
    private static void assertRefused(CellModel m, String message, String recorded) {
        assertThatThrownBy(m::spineCount).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(Pattern.quote(message) + "[0-9a-f]{64}\\)")
                .hasMessageNotContaining("now " + recorded);
    }

    private static double axonLengthUm(CellModel m) {
        PyramidalCell cell = m.build(Double.POSITIVE_INFINITY);
        return cell.morphology().section(cell.morphology().indexOf("axon")).lengthUm();
    }
}
