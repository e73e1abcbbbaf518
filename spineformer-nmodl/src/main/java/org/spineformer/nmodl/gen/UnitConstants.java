package org.spineformer.nmodl.gen;

import java.util.Map;

/**
 * The named constants of UNITS blocks ({@code FARADAY = (faraday) (coulomb)}) with NEURON 8.2's default, modern
 * values (nrnunits.lib, 2018 CODATA; {@code nrnunit_use_legacy = 0}). Only the conversions published models use
 * are known; another is reported as not supported rather than guessed.
 */
final class UnitConstants {
    private static final double ELECTRON_CHARGE = 1.602176634e-19;
    private static final double AVOGADRO = 6.02214076e+23;
    private static final double BOLTZMANN = 1.380649e-23;
    /** 96485.33212... C/mol, as NEURON 8.2 computes it (nrnunits_modern.h). */
    static final double FARADAY = ELECTRON_CHARGE * AVOGADRO;
    /** 8.314462618... J/(mol K). */
    static final double GAS_CONSTANT = BOLTZMANN * AVOGADRO;

    private static final Map<String, Double> KNOWN = Map.ofEntries(
            Map.entry("faraday/coulomb", FARADAY),
            Map.entry("faraday/coulombs", FARADAY),
            Map.entry("faraday/coul", FARADAY),
            Map.entry("faraday/kilocoulombs", FARADAY / 1000),
            // the NEURON book's calcium diffusion files (cadifus.mod and its copies); nocmodl 8.2.2's C holds
            // 0x1.34c0c8b92a9b7p+3, the quotient's bits
            Map.entry("faraday/10000 coulomb", FARADAY / 10000),
            Map.entry("faraday/kilocoulomb", FARADAY / 1000),
            Map.entry("k-mole/joule/degC", GAS_CONSTANT),
            Map.entry("k-mole/joule/degK", GAS_CONSTANT),
            Map.entry("k-mole/joule/K", GAS_CONSTANT),
            // nocmodl 8.2.2's C holds 0x1.03d3b37125759p+13 (8314.46261815323851): R divided by the millivolt's 1e-3,
            // which the product R * 1000 misses by one bit
            Map.entry("mole k/mV-coulomb/degC", GAS_CONSTANT / 1e-3),
            Map.entry("k/joule/degC", BOLTZMANN),
            Map.entry("k/joule/degK", BOLTZMANN),
            Map.entry("k/joule/K", BOLTZMANN),
            Map.entry("e/coulomb", ELECTRON_CHARGE),
            Map.entry("e/coulombs", ELECTRON_CHARGE),
            Map.entry("pi/1", Math.PI),
            Map.entry("avogadro/1", AVOGADRO));

    private UnitConstants() {
    }

    /** The value of {@code (from)} expressed in {@code (to)}, or null when not known. */
    static Double value(String from, String to) {
        return KNOWN.get(from.trim().replaceAll("\\s+", " ") + "/" + to.trim().replaceAll("\\s+", " "));
    }
}
