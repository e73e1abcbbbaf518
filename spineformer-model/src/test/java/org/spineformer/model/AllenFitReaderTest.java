package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;

/**
 * {@link AllenFitReader} on a small fit.json and SWC of its own (invented numbers, the Allen files' layout): the
 * recipe's cell, and every malformed fit refused with file, JSON pointer and value before anything is built.
 */
class AllenFitReaderTest {
    /** A soma point, a 95 um dendrite, a 125 um apical dendrite and a 35 um axon. */
    private static final String SWC = """
            # Spineformer's own test file: a small cell for AllenFitReaderTest
            1 1 0 0 0 5 -1
            2 3 -5 0 0 1 1
            3 3 -50 0 0 1 2
            4 3 -100 0 0 0.8 3
            5 4 0 5 0 2 1
            6 4 0 60 0 1.5 5
            7 4 0 130 0 1 6
            8 2 0 -5 0 1 1
            9 2 0 -40 0 1 8
            """;
    /** The same cell without its apical dendrite and axon. */
    private static final String SWC_SOMA_DEND = """
            # Spineformer's own test file: a small cell without apical dendrite and axon for AllenFitReaderTest
            1 1 0 0 0 5 -1
            2 3 -5 0 0 1 1
            3 3 -50 0 0 1 2
            """;
    private static final String FIT = """
            {"passive": [{"ra": 120.5, "e_pas": -80.25,
               "cm": [{"section": "soma", "cm": 1.5}, {"section": "axon", "cm": 1.25},
                      {"section": "apic", "cm": 3.5}, {"section": "dend", "cm": 2.5}]}],
             "axon_morph": [{"delete_axon": ["..."], "setup_line": "create soma[1], dend[1], apic[1], axon[1]"}],
             "fitting": [{"junction_potential": -14.0, "sweeps": [1]}],
             "conditions": [{"celsius": 30.5, "v_init": -81.5,
                             "erev": [{"section": "soma", "ena": 50.5, "ek": -100.5}]}],
             "genome": [
               {"section": "soma", "name": "gbar_NaTs", "value": 0.75, "mechanism": "NaTs"},
               {"section": "soma", "name": "gamma_CaDynamics", "value": 0.002, "mechanism": "CaDynamics"},
               {"section": "soma", "name": "decay_CaDynamics", "value": 300, "mechanism": "CaDynamics"},
               {"section": "apic", "name": "gbar_Ih", "value": 2e-5, "mechanism": "Ih"},
               {"section": "soma", "name": "g_pas", "value": 1e-5, "mechanism": ""},
               {"section": "dend", "name": "g_pas", "value": 2e-5, "mechanism": ""},
               {"section": "apic", "name": "g_pas", "value": 3e-5, "mechanism": ""},
               {"section": "axon", "name": "g_pas", "value": 4e-4, "mechanism": ""}]}
            """;

    @TempDir
    Path dir;

    @Test
    void buildsTheCellByTheAllenRecipe() throws IOException {
        AssembledCell cell = CellAssembler.assemble(AllenFitReader.read(file("fit.json", FIT),
                file("cell.swc", SWC), "small"));
        Morphology m = cell.morphology();
        assertThat(m.sections().stream().map(Section::name))
                .containsExactly("soma[0]", "dend[0]", "apic[0]", "axon[0]", "axon[1]");
        assertThat(cell.celsius()).isEqualTo(30.5);
        assertThat(cell.vInitMv()).isEqualTo(-81.5);
        // nseg = 1 + 2*int(L/40): the 95 um dendrite 5, the 125 um apical 7; the stubs 1
        assertThat(m.section(m.indexOf("dend[0]")).nseg()).isEqualTo(5);
        assertThat(m.section(m.indexOf("apic[0]")).nseg()).isEqualTo(7);
        for (String stub : new String[] {"axon[0]", "axon[1]"}) {
            Section s = m.section(m.indexOf(stub));
            assertThat(s.lengthUm()).as(stub).isEqualTo(30);
            assertThat(s.nseg()).as(stub).isEqualTo(1);
            assertThat(s.diamUm()).as(stub).containsExactly(1.0);
        }
        assertThat(m.section(m.indexOf("axon[0]")).parent()).isEqualTo(m.indexOf("soma[0]"));
        assertThat(m.section(m.indexOf("axon[0]")).parentX()).isEqualTo(0.5);
        assertThat(m.section(m.indexOf("axon[1]")).parent()).isEqualTo(m.indexOf("axon[0]"));

        String[] names = {"soma[0]", "dend[0]", "apic[0]", "axon[0]"};
        double[] cm = {1.5, 2.5, 3.5, 1.25};
        double[] gPas = {1e-5, 2e-5, 3e-5, 4e-4};
        for (int k = 0; k < names.length; k++) {
            int s = m.indexOf(names[k]);
            assertThat(m.section(s).raOhmCm()).as(names[k] + " Ra").isEqualTo(120.5);
            assertThat(m.section(s).cmUfPerCm2()).as(names[k] + " cm").containsOnly(cm[k]);
            assertThat(cell.parameter(s, 0, "pas", "e")).as(names[k] + " e_pas").isEqualTo(-80.25);
            assertThat(cell.parameter(s, 0, "pas", "g")).as(names[k] + " g_pas").isEqualTo(gPas[k]);
        }
        int soma = m.indexOf("soma[0]");
        assertThat(cell.mechanisms().get(soma).keySet()).containsExactlyInAnyOrder("pas", "NaTs", "CaDynamics");
        assertThat(cell.parameter(soma, 0, "NaTs", "gbar")).isEqualTo(0.75);
        assertThat(cell.parameter(soma, 0, "CaDynamics", "gamma")).isEqualTo(0.002);
        assertThat(cell.parameter(soma, 0, "CaDynamics", "decay")).isEqualTo(300);
        assertThat(cell.ions().get(soma).get("ena")).containsOnly(50.5);
        assertThat(cell.ions().get(soma).get("ek")).containsOnly(-100.5);
        int apic = m.indexOf("apic[0]");
        assertThat(cell.mechanisms().get(apic).keySet()).containsExactlyInAnyOrder("pas", "Ih");
        assertThat(cell.parameter(apic, 6, "Ih", "gbar")).isEqualTo(2e-5);
        assertThat(cell.ions().get(apic)).isEmpty();
        assertThat(cell.mechanisms().get(m.indexOf("dend[0]")).keySet()).containsExactly("pas");
    }

    @Test
    void entriesForASectionTypeTheCellLacksSetNothingAndTheStubsComeWithoutAnAxon() throws IOException {
        AssembledCell cell = CellAssembler.assemble(AllenFitReader.read(file("fit.json", FIT),
                file("cell.swc", SWC_SOMA_DEND), "no apic"));
        assertThat(cell.morphology().sections().stream().map(Section::name))
                .containsExactly("soma[0]", "dend[0]", "axon[0]", "axon[1]");
        assertThat(cell.mechanismOrder()).doesNotContain("Ih");
        int stub = cell.morphology().indexOf("axon[0]");
        assertThat(cell.parameter(stub, 0, "pas", "g")).isEqualTo(4e-4);
        assertThat(cell.morphology().section(stub).cmUfPerCm2()).containsOnly(1.25);
    }

    @Test
    void aPairFileNamesTheFitAndTheMorphologyRelativeToItself() throws IOException {
        file("fit.json", FIT);
        file("cell.swc", SWC);
        Path pair = file("model.json", """
                {"format": "spineformer-allen-fit/1", "fit": "fit.json", "morphology": "cell.swc"}""");
        CellDescription d = DescriptionReader.read(pair);
        assertThat(d.name()).isEqualTo("fit");
        assertThat(d.morphology()).isEqualTo(new MorphologySource.File(dir.resolve("cell.swc").toString()));
        assertThat(AllenFitReader.fitFile(pair)).contains(dir.resolve("fit.json"));
        assertThat(AllenFitReader.fitFile(file("other.json", "{\"format\": \"x\"}"))).isEmpty();

        assertThatThrownBy(() -> DescriptionReader.read(dir.resolve("fit.json")))
                .hasMessageContaining("fit.json: /: is an Allen fit.json, not a cell description: name it and its "
                        + "morphology in a file {\"format\": \"spineformer-allen-fit/1\"");

        Path named = file("named.json", """
                {"format": "spineformer-allen-fit/1", "name": "mine", "fit": "fit.json", "morphology": "cell.swc"}""");
        assertThat(DescriptionReader.read(named).name()).isEqualTo("mine");
    }

    @Test
    void aPairFileWithAMissingFileOrAnUnknownKeyIsRefused() throws IOException {
        file("cell.swc", SWC);
        Path pair = file("model.json", """
                {"format": "spineformer-allen-fit/1", "fit": "nofit.json", "morphology": "cell.swc"}""");
        assertThatThrownBy(() -> DescriptionReader.read(pair)).hasMessageContaining("model.json: /fit: no such file")
                .hasMessageContaining("nofit.json");
        Path extra = file("extra.json", """
                {"format": "spineformer-allen-fit/1", "fit": "fit.json", "morphology": "cell.swc", "axon": 1}""");
        assertThatThrownBy(() -> DescriptionReader.read(extra)).hasMessageContaining("extra.json: /axon: unknown key");
    }

    @Test
    void everyMalformedFitIsRefusedNamingFileFieldAndValue() throws IOException {
        refused(FIT.replace("\"section\": \"apic\", \"name\": \"gbar_Ih\"",
                        "\"section\": \"spine\", \"name\": \"gbar_Ih\""),
                "fit.json: /genome/3/section: \"spine\" is not a section type of the Allen recipe");
        refused(FIT.replace("\"name\": \"gbar_NaTs\"", "\"name\": \"gbar_NaT\""),
                "fit.json: /genome/0/name: \"gbar_NaT\" is not a parameter of NaTs");
        refused(FIT.replace("\"section\": \"soma\", \"name\": \"g_pas\", \"value\": 1e-5",
                        "\"section\": \"soma\", \"name\": \"cm\", \"value\": 1"),
                "fit.json: /genome/4/name: \"cm\" is not a parameter of pas", "all-active");
        refused(FIT.replace("\"mechanism\": \"NaTs\"", "\"mechanism\": \"Na Ts\""),
                "fit.json: /genome/0/mechanism: is not a mechanism name: \"Na Ts\"");
        refused(FIT.replace("\"value\": 0.75", "\"value\": \"0.75\""), "fit.json: /genome/0/value: must be a number");
        refused(FIT.replace("{\"section\": \"dend\", \"cm\": 2.5}", "{\"section\": \"soma\", \"cm\": 2.5}"),
                "fit.json: /passive/0/cm/3/section: cm for soma is already given at /passive/0/cm/0");
        refused(FIT.replace(", {\"section\": \"dend\", \"cm\": 2.5}", ""),
                "fit.json: /passive/0/cm: gives no cm for section type dend, which the cell has");
        refused(FIT.replace("\"ra\": 120.5, ", ""), "fit.json: /passive/0/ra: missing");
        refused(FIT.replace("\"ra\": 120.5", "\"ra\": -1"), "fit.json: /passive/0/ra: must be > 0, was -1.0");
        refused(FIT.replace("\"celsius\": 30.5, ", ""), "fit.json: /conditions/0/celsius: missing");
        refused(FIT.replace(", \"ena\": 50.5, \"ek\": -100.5", ""), "fit.json: /conditions/0/erev/0: gives neither"
                + " ena nor ek");
        refused(FIT.replace("\"fitting\"", "\"fittings\""), "fit.json: /fittings: unknown key");
        refused(FIT.replace("\"passive\": [{", "\"passive\": [{\"ra\": 1}, {"),
                "fit.json: /passive: must be an array of one object, has 2 elements");
        // an all-active fit: Ra, cm and e_pas in the genome, no cm by section type
        refused("""
                {"passive": [{"ra": 100}], "conditions": [{"celsius": 34, "v_init": -90, "erev": []}],
                 "genome": [{"section": "soma", "name": "cm", "value": 1, "mechanism": ""}]}""",
                "fit.json: /passive/0/cm: missing (a fit without cm by section type is an all-active fit");
    }

    @Test
    void aMorphologyWithSectionsOutsideTheRecipesTypesIsRefused() throws IOException {
        Path swc = file("custom.swc", SWC + "10 7 0 -50 0 1 9\n11 7 0 -60 0 1 10\n");
        assertThatThrownBy(() -> AllenFitReader.read(file("fit.json", FIT), swc, "custom"))
                .hasMessageContaining("custom.swc: section dend_7[0] (SWC type 7) is none of the Allen recipe's"
                        + " section types");
    }

    private void refused(String fit, String... messages) throws IOException {
        Path swc = file("cell.swc", SWC);
        Path f = file("fit.json", fit);
        var thrown = assertThatThrownBy(() -> AllenFitReader.read(f, swc, "bad"))
                .isInstanceOf(IllegalArgumentException.class);
        for (String m : messages) {
            thrown.hasMessageContaining(m);
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
