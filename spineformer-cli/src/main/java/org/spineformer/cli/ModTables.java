package org.spineformer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.spineformer.model.json.StrictJson;
import org.spineformer.nmodl.gen.FunctionTable;
import org.spineformer.nmodl.gen.NmodlMechanism;

/**
 * The values of a mod file's FUNCTION_TABLEs, from {@code NAME.tables.json} beside {@code NAME.mod} (what NEURON's
 * users give from hoc with {@code table_f_suffix(...)}): an object with one key per table, each
 * <ul>
 * <li>{@code {"value": c}}: c everywhere;
 * <li>{@code {"values": [...], "arguments": [...]}}: values at ascending arguments;
 * <li>{@code {"values": [...], "min": a, "max": b}}: values evenly spaced from a to b;
 * <li>{@code {"values": [...], "x": AXIS, "y": AXIS}} for a table of two arguments, the values row by row of x,
 *     each AXIS {@code {"arguments": [...]}} or {@code {"size": n, "min": a, "max": b}};
 * <li>{@code {"values": [...], "axes": [AXIS, AXIS, AXIS ...]}} for any number of arguments, the values row by
 *     row, the last argument's adjacent.
 * </ul>
 * docs/user/nmodl.md. Every error names the file, the key and the value, before anything runs.
 */
final class ModTables {
    /** The file's suffix after the mod file's name without ".mod". */
    static final String SUFFIX = ".tables.json";

    private ModTables() {
    }

    /** The tables file beside a mod file. */
    static Path beside(Path modFile) {
        String name = modFile.getFileName().toString();
        return modFile.resolveSibling(name.substring(0, name.length() - ".mod".length()) + SUFFIX);
    }

    /** Gives {@code mechanism} the tables of {@code file}; an IllegalArgumentException names what is wrong. */
    static void apply(Path file, NmodlMechanism mechanism) {
        StrictJson root;
        try (InputStream in = Files.newInputStream(file)) {
            root = StrictJson.parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!root.node().isObject()) {
            throw root.error(null, "must be an object of FUNCTION_TABLE names, was " + root.node());
        }
        List<String> known = mechanism.functionTableNames();
        for (String name : root.fieldNames()) {
            if (!known.contains(name)) {
                throw root.error(name, mechanism.name() + " has no FUNCTION_TABLE " + name + " (its FUNCTION_TABLEs: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
            StrictJson t = root.object(name);
            try {
                mechanism.setFunctionTable(name, table(t));
            } catch (IllegalArgumentException e) {
                throw t.error(null, e.getMessage());
            }
        }
    }

    private static FunctionTable table(StrictJson t) {
        if (t.has("value")) {
            t.keys(Set.of("value"), Set.of());
            return FunctionTable.constant(t.number("value"));
        }
        if (t.has("axes")) {
            t.keys(Set.of("values", "axes"), Set.of());
            List<StrictJson> axes = t.array("axes");
            if (axes.isEmpty()) {
                throw t.error("axes", "must hold at least one axis");
            }
            return FunctionTable.of(numbers(t, "values"), axes.stream().map(ModTables::axis)
                    .toArray(FunctionTable.Axis[]::new));
        }
        if (t.has("x") || t.has("y")) {
            t.keys(Set.of("values", "x", "y"), Set.of());
            return FunctionTable.of(numbers(t, "values"), axis(t.object("x")), axis(t.object("y")));
        }
        if (t.has("arguments")) {
            t.keys(Set.of("values", "arguments"), Set.of());
            return FunctionTable.of(numbers(t, "values"), numbers(t, "arguments"));
        }
        t.keys(Set.of("values", "min", "max"), Set.of());
        return FunctionTable.grid(numbers(t, "values"), t.number("min"), t.number("max"));
    }

    private static FunctionTable.Axis axis(StrictJson a) {
        if (a.has("arguments")) {
            a.keys(Set.of("arguments"), Set.of());
            return FunctionTable.Axis.points(numbers(a, "arguments"));
        }
        a.keys(Set.of("size", "min", "max"), Set.of());
        return FunctionTable.Axis.grid(a.positiveInt("size"), a.number("min"), a.number("max"));
    }

    /** A non-empty array of numbers at {@code key}. */
    private static double[] numbers(StrictJson o, String key) {
        if (!o.has(key)) {
            throw o.error(key, "missing");
        }
        List<StrictJson> elements = o.array(key);
        if (elements.isEmpty()) {
            throw o.error(key, "must hold at least one number");
        }
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            StrictJson e = elements.get(i);
            if (!e.node().isNumber()) {
                throw e.error(null, "must be a number, was " + e.node());
            }
            out[i] = e.node().asDouble();
        }
        return out;
    }
}
