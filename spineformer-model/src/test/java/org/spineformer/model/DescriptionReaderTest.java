package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spineformer.model.DescriptionTestSupport.read;
import static org.spineformer.model.DescriptionTestSupport.twoSections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON format: what it reads into, and every malformed input rejected with file, pointer and value. */
class DescriptionReaderTest {
    private static final String PAS = "[{\"region\": \"all\", \"mechanism\": \"pas\", \"parameters\": {\"g\": \"gbase\"}}]";

    @Test
    void readsEveryPartIntoTheDescription() {
        CellDescription d = read(twoSections("""
                [{"region": "all", "membrane": {"cm": 1, "Ra": 100}},
                 {"region": "dendrites", "mechanism": "pas", "parameters": {
                    "g": {"linear": {"at_origin": "gbase", "per_um": 1e-6}},
                    "e": {"step": {"from_um": 50, "to_um": 100, "inside": -60, "outside": -70}}},
                  "origin": {"section": "soma", "x": 0}, "end_value_in_last_segment": true, "round_decimals": 10},
                 {"region": {"distance": {"min_um": 0, "max_um": 80}}, "ions": {"ena": "50 + distance / 100"}}]"""));
        assertThat(d.name()).isEqualTo("small");
        assertThat(d.parameters()).containsEntry("gbase", 1e-4);
        assertThat(d.celsius()).isEqualTo(34);
        assertThat(d.vInitMv()).isEqualTo(-70);
        assertThat(d.regions()).containsEntry("dendrites", Region.named("dend"));
        assertThat(d.nseg()).hasSize(1);
        assertThat(d.nseg().get(0).nseg()).isInstanceOf(Nseg.PerLength.class);
        assertThat(d.paint()).hasSize(3);
        PaintRule pas = d.paint().get(1);
        assertThat(pas.target()).isEqualTo(PaintRule.Target.MECHANISM);
        assertThat(pas.mechanism()).isEqualTo("pas");
        assertThat(pas.values().get("g")).isInstanceOf(Distribution.Linear.class);
        assertThat(pas.values().get("e")).isInstanceOf(Distribution.Step.class);
        assertThat(pas.origin()).isEqualTo(new Location("soma", 0));
        assertThat(pas.endValueInLastSegment()).isTrue();
        assertThat(pas.roundDecimals()).isEqualTo(10);
        assertThat(pas.source()).isEqualTo("small.json: /paint/1");
        assertThat(d.paint().get(2).values().get("ena")).isInstanceOf(Distribution.Formula.class);
        assertThat(d.paint().get(2).region()).isInstanceOf(Region.Distance.class);
    }

    @Test
    void everyBundledDescriptionReads() {
        for (String name : BundledDescriptions.NAMES) {
            assertThat(BundledDescriptions.get(name).name()).isEqualTo(name);
        }
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFilePointerAndTheAllowedKeys() {
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"celsius\"", "\"celcius\": 1, \"celsius\"")))
                .hasMessageStartingWith("small.json: /celcius: unknown key").hasMessageContaining("celsius");
        assertThatThrownBy(() -> read(twoSections(PAS.replace("\"parameters\"", "\"params\""))))
                .hasMessageContaining("small.json: /paint/0/params: unknown key");
        assertThatThrownBy(() -> read(twoSections("[{\"region\": \"all\", \"membrane\": {\"cm\": 1, \"rm\": 5}}]")))
                .hasMessageContaining("small.json: /paint/0/membrane/rm").hasMessageContaining("cm and Ra only");
    }

    @Test
    void missingAndMistypedValuesAreErrors() {
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"v_init\": -70", "\"vinit\": -70")))
                .hasMessageContaining("small.json: /vinit: unknown key");
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"name\": \"small\",", "")))
                .hasMessageContaining("small.json: /name: missing");
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"celsius\": 34", "\"celsius\": true")))
                .hasMessageContaining("small.json: /celsius: must be a number or an expression string, was true");
        assertThatThrownBy(() -> read(twoSections(PAS).replace("spineformer-cell-description/1", "v2")))
                .hasMessageContaining("small.json: /format: must be \"spineformer-cell-description/1\", was \"v2\"");
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"x\": 0.5", "\"x\": 1.5")))
                .hasMessageContaining("small.json: /distance_origin/x: must be in [0, 1], was 1.5");
    }

    @Test
    void modSetsAreBundledNames() {
        String json = twoSections(PAS).replace("\"celsius\"", "\"mod\": %s, \"celsius\"");
        assertThat(read(json.formatted("[\"bundled:hay2011\"]")).mod()).containsExactly("bundled:hay2011");
        assertThat(read(twoSections(PAS)).mod()).isEmpty();
        assertThatThrownBy(() -> read(json.formatted("[\"bundled:hay2011\", \"hay2011\"]")))
                .hasMessageContaining("small.json: /mod/1: a mod set is \"bundled:NAME\"")
                .hasMessageContaining("was \"hay2011\"");
        assertThatThrownBy(() -> read(json.formatted("[\"bundled:\"]"))).hasMessageContaining("small.json: /mod/0");
        assertThatThrownBy(() -> read(json.formatted("\"bundled:hay2011\"")))
                .hasMessageContaining("small.json: /mod: must be an array");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> read("{\n  \"format\": ,\n}")).hasMessageStartingWith("small.json: line 2, column")
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"celsius\": 34", "\"celsius\": 34, \"celsius\": 35")))
                .hasMessageContaining("small.json").hasMessageContaining("Duplicate field 'celsius'");
    }

    @Test
    void anExpressionThatDoesNotParseNamesKeyColumnAndText() {
        assertThatThrownBy(() -> read(twoSections(PAS.replace("\"gbase\"", "\"gbase * (2\""))))
                .hasMessageContaining("small.json: /paint/0/parameters/g").hasMessageContaining("\"gbase * (2\"")
                .hasMessageContaining("column 11").hasMessageContaining("expected ')'");
    }

    @Test
    void anExpressionReadingAnUnknownNameIsAnError() {
        assertThatThrownBy(() -> read(twoSections(PAS.replace("\"gbase\"", "\"gbsae\""))))
                .hasMessageContaining("small.json: /paint/0/parameters/g").hasMessageContaining("unknown name 'gbsae'")
                .hasMessageContaining("gbase");
        // distance is a name of distributions only
        assertThatThrownBy(() -> read(twoSections(PAS).replace("\"celsius\": 34", "\"celsius\": \"distance\"")))
                .hasMessageContaining("small.json: /celsius").hasMessageContaining("unknown name 'distance'");
    }

    @Test
    void aRuleWithTwoTargetsOrNoneIsAnError() {
        assertThatThrownBy(() -> read(twoSections("[{\"region\": \"all\", \"membrane\": {\"cm\": 1}, \"mechanism\": \"pas\"}]")))
                .hasMessageContaining("small.json: /paint/0: has both");
        assertThatThrownBy(() -> read(twoSections("[{\"region\": \"all\"}]")))
                .hasMessageContaining("small.json: /paint/0: needs one of [ions, mechanism, membrane]");
    }

    @Test
    void aMorphologyFileIsResolvedAgainstTheDescriptionsDirectory(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cell.json");
        Files.writeString(file, """
                {"format": "spineformer-cell-description/1", "name": "f", "morphology": {"file": "cell1.asc"},
                 "celsius": 34, "v_init": -70}
                """);
        assertThat(DescriptionReader.read(file).morphology())
                .isEqualTo(new MorphologySource.File(dir.toAbsolutePath().resolve("cell1.asc").toString()));
    }
}
