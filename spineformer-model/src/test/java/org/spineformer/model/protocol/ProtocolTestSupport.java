package org.spineformer.model.protocol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.spineformer.model.AssembledCell;
import org.spineformer.model.CellAssembler;
import org.spineformer.model.DescriptionReader;

/** Small cells and protocols in JSON for the protocol tests. */
final class ProtocolTestSupport {
    /** The one-compartment cell's soma: L = diam = 10 um, so its area is pi * 100 um2. */
    static final double SOMA_AREA_UM2 = Math.PI * 100;
    /** Its leak (S/cm2) and reversal (mV). */
    static final double G_PAS = 1e-3;
    static final double E_PAS = -65;

    private ProtocolTestSupport() {
    }

    /**
     * A small tree, every section nseg 4: soma[0] (L 10, diam 10); apic[0] (L 100, diam 4) at soma[0](1); apic[1]
     * (L 200, diam {@code apic1Diam}) and apic[2] (L 200, diam 3) at apic[0](1); apic[3] (L 100, diam 1) at
     * apic[1](1); dend[0] (L 300, diam 5) at soma[0](0). From apic[0](0) the apical sections span 0-100, 100-300,
     * 100-300 and 300-400 um.
     */
    static AssembledCell tree(double apic1Diam) {
        return cell("""
                {"name": "soma[0]", "L": 10, "diam": 10},
                {"name": "apic[0]", "parent": "soma[0]", "parent_x": 1, "L": 100, "diam": 4},
                {"name": "apic[1]", "parent": "apic[0]", "parent_x": 1, "L": 200, "diam": %s},
                {"name": "apic[2]", "parent": "apic[0]", "parent_x": 1, "L": 200, "diam": 3},
                {"name": "apic[3]", "parent": "apic[1]", "parent_x": 1, "L": 100, "diam": 1},
                {"name": "dend[0]", "parent": "soma[0]", "parent_x": 0, "L": 300, "diam": 5}
                """.formatted(apic1Diam), 4);
    }

    /** One compartment, soma[0] (L = diam = 10 um), pas g = {@link #G_PAS}, e = {@link #E_PAS}. */
    static AssembledCell soma() {
        return cell("{\"name\": \"soma[0]\", \"L\": 10, \"diam\": 10}", 1);
    }

    private static AssembledCell cell(String sections, int nseg) {
        String json = """
                {
                  "format": "spineformer-cell-description/1",
                  "name": "small",
                  "morphology": {"sections": [%s]},
                  "nseg": [{"region": "all", "fixed": %d}],
                  "paint": [{"region": "all", "mechanism": "pas", "parameters": {"g": %s, "e": %s}}],
                  "celsius": 34,
                  "v_init": -65
                }
                """.formatted(sections, nseg, G_PAS, E_PAS);
        return CellAssembler.assemble(DescriptionReader.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "small.json"));
    }

    static Protocol protocol(String json) {
        return ProtocolReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json");
    }
}
