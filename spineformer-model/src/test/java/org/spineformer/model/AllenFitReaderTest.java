package org.spineformer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

    /** The small cell with a branching axon: axon[0] (diam 2), then axon[1] (2 to 1.0) and axon[2] (2 to 0.7). */
    private static final String SWC_BRANCHED_AXON = SWC + """
            10 2 5 -60 0 0.5 9
            11 2 -5 -60 0 0.35 9
            """;
    /** An all-active fit (invented numbers, the layout of bmtk's 318331342): values as strings, no cm in passive. */
    private static final String ALL_ACTIVE = """
            {"passive": [{"ra": 100}],
             "fitting": [{"junction_potential": -14.0, "sweeps": [1]}],
             "conditions": [{"celsius": 34, "v_init": -90,
                             "erev": [{"section": "soma", "ena": 53.5, "ek": -107.5},
                                      {"section": "axon", "ena": 52.5, "ek": -106.5},
                                      {"section": "dend", "ena": 51.5, "ek": -105.5}]}],
             "genome": [
               {"section": "soma", "name": "g_pas", "value": "0.0005", "mechanism": ""},
               {"section": "soma", "name": "e_pas", "value": "-70.5", "mechanism": ""},
               {"section": "dend", "name": "e_pas", "value": "-60.25", "mechanism": ""},
               {"section": "soma", "name": "cm", "value": "2.5", "mechanism": ""},
               {"section": "soma", "name": "Ra", "value": "80.5", "mechanism": ""},
               {"section": "axon", "name": "Ra", "value": "150.5", "mechanism": ""},
               {"section": "axon", "name": "gbar_NaV", "value": "0.05", "mechanism": "NaV"},
               {"section": "soma", "name": "gbar_NaV", "value": "0.04", "mechanism": "NaV"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void buildsAnAllActiveFitByBmtksAllActiveRecipe() throws IOException {
        // the stubs at soma[0](1); diameters: the original axon[0] (points of diam 2), and the last original
        // axon section, axon[2] (2 and 0.7, a float as NEURON stores it), each as one segment: the mean of its two
        // points; stored as define_shape's single-precision 3-D points (NEURON 8.2.2 gives 2.0 and
        // 1.350000023841858 for this cell)
        AssembledCell cell = cellWithStubsAt(ALL_ACTIVE, SWC_BRANCHED_AXON, "all-active", 1);
        Morphology m = cell.morphology();
        int stub0 = m.indexOf("axon[0]"), stub1 = m.indexOf("axon[1]");
        assertThat(m.section(stub0).diamUm()).containsExactly(2.0);
        assertThat(m.section(stub1).diamUm()).containsExactly((double) (float) ((2.0 + (double) 0.7f) / 2));
        for (int s : new int[] {stub0, stub1}) {
            assertThat(m.section(s).lengthUm()).isEqualTo(30);
            assertThat(m.section(s).nseg()).isEqualTo(1);
        }
        int soma = m.indexOf("soma[0]"), dend = m.indexOf("dend[0]"), apic = m.indexOf("apic[0]");
        // Ra: passive's 100 everywhere, then the genome's by type; cm: the genome's, NEURON's 1 elsewhere
        assertThat(m.section(soma).raOhmCm()).isEqualTo(80.5);
        assertThat(m.section(stub0).raOhmCm()).isEqualTo(150.5);
        assertThat(m.section(dend).raOhmCm()).isEqualTo(100);
        assertThat(m.section(soma).cmUfPerCm2()).containsOnly(2.5);
        assertThat(m.section(apic).cmUfPerCm2()).containsOnly(1.0);
        // pas on every section, the genome's values where given
        assertThat(cell.parameter(soma, 0, "pas", "g")).isEqualTo(0.0005);
        assertThat(cell.parameter(soma, 0, "pas", "e")).isEqualTo(-70.5);
        assertThat(cell.parameter(dend, 0, "pas", "e")).isEqualTo(-60.25);
        assertThat(cell.mechanisms().get(apic).keySet()).containsExactly("pas");
        assertThat(cell.parameter(stub1, 0, "NaV", "gbar")).isEqualTo(0.05);
        // ena, ek where the genome puts channels (soma, axon), not on the passive dendrite
        assertThat(cell.ions().get(soma).get("ena")).containsOnly(53.5);
        assertThat(cell.ions().get(stub0).get("ek")).containsOnly(-106.5);
        assertThat(cell.ions().get(dend)).isEmpty();
        assertThat(cell.celsius()).isEqualTo(34);
        assertThat(cell.vInitMv()).isEqualTo(-90);
    }

    @Test
    void buildsTheCellByTheAllenRecipe() throws IOException {
        AssembledCell cell = cellWithStubsAt(FIT, SWC, "small", 0.5);
        Morphology m = cell.morphology();
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
        assertThat(d.sourceFiles()).containsExactly(Map.entry("allen_fit", dir.resolve("fit.json")));

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
                        "\"section\": \"soma\", \"name\": \"diam\", \"value\": 1"),
                "fit.json: /genome/4/name: \"diam\" is not a parameter of pas", "cm or Ra");
        refused(FIT.replace("\"section\": \"soma\", \"name\": \"g_pas\", \"value\": 1e-5",
                        "\"section\": \"soma\", \"name\": \"cm\", \"value\": 0"),
                "fit.json: /genome/4/value: must be > 0, was 0.0");
        refused(FIT.replace("\"mechanism\": \"NaTs\"", "\"mechanism\": \"Na Ts\""),
                "fit.json: /genome/0/mechanism: is not a mechanism name: \"Na Ts\"");
        refused(FIT.replace("\"value\": 0.75", "\"value\": \"0.75 mS\""),
                "fit.json: /genome/0/value: must be a number or a string holding one, was \"0.75 mS\"");
        refused(FIT.replace("\"value\": 0.75", "\"value\": \"NaN\""), "fit.json: /genome/0/value: must be finite");
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
        refused(FIT.replace("\"ra\": 120.5, ", "\"ra\": 120.5, \"gamma\": 1, "),
                "fit.json: /passive/0/gamma: unknown key");
        refused(ALL_ACTIVE.replace("\"ra\": 100", "\"ra\": 100, \"e_pas\": \"-70\""),
                "fit.json: /passive/0/e_pas: must be a number");
    }

    @Test
    void anAllActiveFitOnAMorphologyWithoutAxonIsRefused() throws IOException {
        Path fit = file("fit.json", ALL_ACTIVE);
        Path swc = file("cell.swc", SWC_SOMA_DEND);
        assertThatThrownBy(() -> AllenFitReader.read(fit, swc, "no axon"))
                .hasMessageContaining("fit.json: /: is an all-active fit (no passive cm), whose recipe takes the axon"
                        + " stubs' diameters from the morphology's axon, but ")
                .hasMessageContaining("cell.swc has no axon sections");
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

    /**
     * The cell of a fit on an SWC of this test's: soma, dend, apic and the two stubs, the first at soma[0](stubX),
     * the second on the first's 1-end.
     */
    private AssembledCell cellWithStubsAt(String fit, String swc, String name, double stubX) throws IOException {
        AssembledCell cell = CellAssembler.assemble(AllenFitReader.read(file("fit.json", fit), file("cell.swc", swc),
                name));
        Morphology m = cell.morphology();
        assertThat(m.sections().stream().map(Section::name))
                .containsExactly("soma[0]", "dend[0]", "apic[0]", "axon[0]", "axon[1]");
        assertThat(m.section(m.indexOf("axon[0]")).parent()).isEqualTo(m.indexOf("soma[0]"));
        assertThat(m.section(m.indexOf("axon[0]")).parentX()).isEqualTo(stubX);
        assertThat(m.section(m.indexOf("axon[1]")).parent()).isEqualTo(m.indexOf("axon[0]"));
        return cell;
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
