package org.spineformer.model.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.Location;

/** Sites by path distance, Hay's locateSites rule, on {@link ProtocolTestSupport#tree} with answers by hand. */
class SitesTest {
    private static final Location APIC0_0 = new Location("apic[0]", 0);

    private static Sites.Resolved resolve(Morphology m, double um, Location from) {
        return Sites.resolve(new Site.ByDistance(um, from, "apic"), m, "p.json: /stimuli/0/at");
    }

    private static String name(Morphology m, Sites.Resolved r) {
        return m.section(r.section()).name();
    }

    @Test
    void theWidestCandidateAtItsX() {
        Morphology m = ProtocolTestSupport.tree(2).morphology();
        // 150 um: apic[1] and apic[2] both at x = (150 - 100) / 200 = 0.25; apic[2] (diam 3) is wider
        Sites.Resolved r = resolve(m, 150, APIC0_0);
        assertThat(name(m, r)).isEqualTo("apic[2]");
        assertThat(r.x()).isEqualTo(0.25);
        // 350 um: only apic[3], x = (350 - 300) / 100
        r = resolve(m, 350, APIC0_0);
        assertThat(name(m, r)).isEqualTo("apic[3]");
        assertThat(r.x()).isEqualTo(0.5);
        // 50 um: apic[0] only (dend[0] is not in the region)
        r = resolve(m, 50, APIC0_0);
        assertThat(name(m, r)).isEqualTo("apic[0]");
        assertThat(r.x()).isEqualTo(0.5);
    }

    @Test
    void theFirstOfEqualDiameters() {
        Morphology m = ProtocolTestSupport.tree(3).morphology();
        Sites.Resolved r = resolve(m, 150, APIC0_0);
        assertThat(name(m, r)).isEqualTo("apic[1]");
        assertThat(r.x()).isEqualTo(0.25);
    }

    @Test
    void anotherOrigin() {
        Morphology m = ProtocolTestSupport.tree(2).morphology();
        // from soma[0](0.5): apic[0] starts at 5 um, so 155 um is x = 0.25 of apic[1] and apic[2]
        Sites.Resolved r = resolve(m, 155, new Location("soma[0]", 0.5));
        assertThat(name(m, r)).isEqualTo("apic[2]");
        assertThat(r.x()).isEqualTo(0.25);
    }

    @Test
    void aDistanceNoSectionSpansIsAnError() {
        Morphology m = ProtocolTestSupport.tree(2).morphology();
        assertThatThrownBy(() -> resolve(m, 500, APIC0_0))
                .hasMessage("p.json: /stimuli/0/at: no section of apic lies at 500.0 um from apic[0](0.0) (its "
                        + "sections span 0.0 to 400.0 um)");
        assertThatThrownBy(() -> Sites.resolve(new Site.ByDistance(10, APIC0_0, "tuft"), m, "p.json: /record/1/at"))
                .hasMessage("p.json: /record/1/at: region 'tuft': the cell has no section tuft[i]");
        assertThatThrownBy(() -> Sites.resolve(new Site.At("apic[9]", 0.5), m, "p.json: /record/1/at"))
                .hasMessage("p.json: /record/1/at: the cell has no section 'apic[9]'");
    }
}
