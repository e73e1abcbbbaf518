package org.spineformer.nmodl.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unit names nocmodl recognizes in a UNITS block, as NEURON 8.2.2's units.cpp reads a unit: the names of its
 * units table (nrnunits.lib; {@code unit-names.txt} beside this class holds them, names only) and those the mod file
 * defined before, each name possibly preceded by prefixes of units.cpp's own list (milli, micro, kilo ...) and
 * followed by a plural 's'. NEURON's single-letter prefixes (m, u, k) are not among them: {@code (mV)} is known
 * only once a UNITS block defines it.
 */
public final class UnitNames {
    /** units.cpp's prefix table, in its order (the first that starts the name is taken). */
    private static final List<String> PREFIXES = List.of("atto", "femto", "pico", "nano", "micro", "milli",
            "centi", "deci", "deka", "hecta", "hecto", "kilo", "mega", "meg", "giga", "tera");
    private static final Set<String> TABLE = load();

    private final Set<String> defined = new HashSet<>();

    /** Remembers a name a UNITS block defines ({@code (mM) = (milli/liter)} defines mM). */
    public void define(String name) {
        defined.add(name);
    }

    /** Whether the name is in NEURON's table or was defined in the file (exactly, before prefixes). */
    public boolean isDefined(String name) {
        return TABLE.contains(name) || defined.contains(name);
    }

    /**
     * The first name of a unit expression (as {@code milli/liter}, {@code k-mole}, {@code 1e-6 um2}) that nocmodl
     * would not recognize (without the prefixes and plural 's' nocmodl took off), or null when it recognizes
     * them all. As units.cpp's convr: a leading number, then names
     * separated by digits 1-9, '-', '/' and blanks (a digit after a name is its power).
     */
    public String unknown(String unit) {
        int at = skipNumber(unit);
        StringBuilder name = new StringBuilder();
        for (int i = at; i <= unit.length(); i++) {
            char c = i < unit.length() ? unit.charAt(i) : ' ';
            if ((c >= '1' && c <= '9') || c == '-' || c == '/' || Character.isWhitespace(c)) {
                String rest = name.length() == 0 ? null : unresolved(name.toString());
                if (rest != null) {
                    return rest;
                }
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        return null;
    }

    /** units.cpp's getflt: digits and '.', then an exponent written '+n' or '-n', then '|' and another number. */
    private static int skipNumber(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        while (true) {
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < s.length() && s.charAt(i) == '|') {
                i++;
                continue;
            }
            return i;
        }
    }

    /**
     * units.cpp's lookup: the name itself, else a prefix taken off, else a plural 's' taken off, repeated; null when
     * that finds a known name, else what is left of the name (what nocmodl names: "molar" for millimolar).
     */
    private String unresolved(String name) {
        while (true) {
            if (name.isEmpty() || isDefined(name)) {
                return null;
            }
            String rest = null;
            for (String p : PREFIXES) {
                if (name.startsWith(p)) {
                    rest = name.substring(p.length());
                    break;
                }
            }
            if (rest != null) {
                name = rest;
            } else if (name.length() > 1 && name.endsWith("s")) {
                name = name.substring(0, name.length() - 1);
            } else {
                return name;
            }
        }
    }

    private static Set<String> load() {
        try (InputStream in = UnitNames.class.getResourceAsStream("unit-names.txt")) {
            Set<String> names = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    names.addAll(List.of(line.trim().split("\\s+")));
                }
            }
            names.remove("");
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
