package org.spineformer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spineformer.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spineformer.nmodl.BundledMod;

class ModelCommandTest {
    /** The paper's soma: a cylinder as long as wide, area pi*d*L = its area parameter; a few ulps of sqrt and pi. */
    private static final double AREA_ULPS = 1e-12;
    private static final double PAPER_SOMA_AREA_UM2 = 1682.96028429;

    /**
     * The published morphology files: spineformer-morphology's test copies (its PROVENANCE.md), read where they are
     * (tests run in the module's directory).
     */
    private static final Path MORPHOLOGY_FILES = Path.of("..", "spineformer-morphology", "src", "test", "resources",
            "reference");

    @TempDir
    Path dir;

    @Test
    void checkBuildsTheBundledPaperCellAndWritesItsStructure() throws IOException {
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", "ellwood2024", "--structure", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ellwood2024: 3013 sections, 5021 segments").contains("1500 spines")
                .contains("3000 spine synapses").contains("structure written to");
        JsonNode s = new ObjectMapper().readTree(out.toFile());
        assertThat(s.get("n_sections").asInt()).isEqualTo(3013);
        JsonNode soma = s.get("sections").get(0);
        assertThat(soma.get("name").asText()).isEqualTo("soma");
        assertThat(soma.get("segments").get(0).get("area_um2").asDouble())
                .isCloseTo(PAPER_SOMA_AREA_UM2, within(PAPER_SOMA_AREA_UM2 * AREA_ULPS));
        JsonNode mechs = soma.get("segments").get(0).get("mechanisms");
        assertThat(mechs.get("na_ion").get("ena").asDouble()).isEqualTo(55);
        assertThat(mechs.get("pas").get("e_pas").asDouble()).isEqualTo(-75);
        assertThat(Files.exists(dir.resolve("structure.json.tmp"))).isFalse();
    }

    @Test
    void aBadDescriptionIsRejectedNamingFileAndKeyAndNothingIsWritten() throws IOException {
        Path description = dir.resolve("bad.json");
        Files.writeString(description, """
                {"format": "spineformer-cell-description/1", "name": "bad",
                 "morphology": {"sections": [{"name": "soma", "L": 10, "diam": 10}]},
                 "paint": [{"region": "soma", "mechanism": "pas", "parameters": {"g": 1e-4}, "colour": "red"}],
                 "celsius": 34, "v_init": -70}
                """);
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--structure", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json: /paint/0/colour: unknown key");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anUnknownMechanismIsRejectedAndNothingIsWritten() throws IOException {
        Path description = dir.resolve("ih.json");
        Files.writeString(description, """
                {"format": "spineformer-cell-description/1", "name": "ih",
                 "morphology": {"sections": [{"name": "soma", "L": 10, "diam": 10}]},
                 "paint": [{"region": "soma", "mechanism": "Ih", "parameters": {"gIhbar": 1e-4}}],
                 "celsius": 34, "v_init": -70}
                """);
        Path out = dir.resolve("structure.json");
        CliRun r = run("model", "check", description.toString(), "--structure", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ih.json: /paint/0").contains("unknown mechanism 'Ih'");
        assertThat(Files.exists(out)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // NEURON's totals for each model as its own code builds it (shared/reference/models/*/README.md)
        "allen_scnn1a, 122, 264, 7115.77",
        "hay2011_l5pc, 196, 642, 31192.17",
        "migliore2018_ca1, 165, 507, 24739.65"})
    void checkBuildsAPublishedModelFromItsMorphologyFile(String model, int sections, int segments, String areaUm2)
            throws IOException {
        Path out = dir.resolve(model + ".json");
        CliRun r = run("model", "check", model, "--morphology-dir", MORPHOLOGY_FILES.resolve(model).toString(),
                "--painted-only", "--structure", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(model + ": " + sections + " sections, " + segments + " segments, membrane area "
                + areaUm2 + " um2").contains("painted values only");
        JsonNode s = new ObjectMapper().readTree(out.toFile());
        assertThat(s.get("n_sections").asInt()).isEqualTo(sections);
        assertThat(s.get("sections").get(sections - 1).get("name").asText()).isEqualTo("axon[1]");
    }

    @Test
    void whatReadingTheMorphologySkippedIsShown() {
        CliRun r = run("model", "check", "hay2011_l5pc", "--morphology-dir",
                MORPHOLOGY_FILES.resolve("hay2011_l5pc").toString(), "--painted-only");
        assertThat(r.exit()).as(r.err()).isZero();
        // cell1.asc holds 33 markers and a contour that are not part of the cell (spineformer-morphology's tests)
        assertThat(r.out()).contains("morphology file: skipped, not part of the cell: contour \"Section_1Contour\" x1,"
                + " marker x33");
    }

    @Test
    void aPublishedModelNeedsItsMorphologyFileAndItsMechanisms() {
        CliRun missing = run("model", "check", "hay2011_l5pc", "--morphology-dir", dir.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains(dir.resolve("cell1.asc").toString()).contains("does not exist");
        CliRun unknown = run("model", "check", "hay2011_l5pc", "--morphology-dir",
                MORPHOLOGY_FILES.resolve("hay2011_l5pc").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown mechanism").contains("--painted-only");
        assertThat(run("model", "check", dir.resolve("none.json").toString()).err())
                .contains("no such description file");
    }

    @Test
    void exportWritesTheNeuronScriptOfTheCell() throws IOException {
        Path out = dir.resolve("export");
        CliRun r = run("model", "export", "--neuron", "ellwood2024", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ellwood2024: 3013 sections written to");
        String script = Files.readString(out.resolve("build_cell.py"));
        assertThat(script).startsWith("#!/usr/bin/env python3").contains("MODEL = \"ellwood2024\"");
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).containsExactly("build_cell.py");
    }

    @Test
    void theSpinyHayCellRunsOnItsBundledModSetAndExportsIt() throws IOException {
        String morphology = MORPHOLOGY_FILES.resolve("hay2011_l5pc").toString();
        CliRun check = run("model", "check", "hay2011_l5pc_spiny", "--morphology-dir", morphology);
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("NaTa_t: compiled from bundled:hay2011/NaTa_t.mod replaces the built-in")
                .contains("hay2011_l5pc_spiny: 3196 sections, 3642 segments").contains("1500 spines")
                .contains("3000 spine synapses");
        Path out = dir.resolve("export");
        CliRun export = run("model", "export", "--neuron", "hay2011_l5pc_spiny", "--morphology-dir", morphology,
                "--out", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("13 mod files of [bundled:hay2011] written to " + out.resolve("mod"));
        try (var files = Files.list(out.resolve("mod"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(BundledMod.files("hay2011").stream().sorted().toList());
        }
        assertThat(Files.readString(out.resolve("mod").resolve("Ih.mod"), StandardCharsets.ISO_8859_1))
                .isEqualTo(BundledMod.text("hay2011", "Ih.mod"));
    }

    @Test
    void exportOfABadModelFailsCleanlyAndWritesNothing() {
        Path out = dir.resolve("export");
        CliRun missing = run("model", "export", "--neuron", dir.resolve("none.json").toString(), "--out",
                out.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.json: no such description file, and not a bundled description");
        CliRun noMorphology = run("model", "export", "--neuron", "hay2011_l5pc", "--morphology-dir", dir.toString(),
                "--out", out.toString());
        assertThat(noMorphology.exit()).isEqualTo(2);
        assertThat(noMorphology.err()).contains("cell1.asc");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeTheCellIsBuilt() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "mine");
        CliRun export = run("model", "export", "--neuron", "ellwood2024", "--out", file.toString());
        assertThat(export.exit()).isEqualTo(2);
        assertThat(export.err().strip()).isEqualTo("spineformer: --out " + file + " is a file, not a folder");
        assertThat(export.out()).doesNotContain("sections written");
        Path structure = file.resolve("structure.json");
        CliRun check = run("model", "check", "ellwood2024", "--structure", structure.toString());
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err().strip()).isEqualTo("spineformer: --structure " + structure + ": " + file + " is a file,"
                + " not a folder");
        assertThat(check.out()).doesNotContain("sections");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }
}
