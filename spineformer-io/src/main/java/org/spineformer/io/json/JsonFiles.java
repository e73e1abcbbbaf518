package org.spineformer.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.spineformer.io.AtomicFiles;

/**
 * Writes JSON summaries: indented, {@code "key": value}, a newline at the end; doubles in Java's round-trip form, so
 * json.load gives back the same float64.
 *
 * <p>NaN, Infinity and -Infinity are not JSON numbers; they are all written as {@code null}, everywhere (bean
 * properties, maps, {@code double[]}, tree nodes). That is what JavaScript's JSON.stringify and pandas' to_json do,
 * it keeps every numeric field "a number or null", and {@code numpy.array(values, dtype=float)} turns the nulls
 * back into nan. The price: a null does not say which non-finite value it was; put arrays where that matters in
 * a .npy file.
 */
public final class JsonFiles {
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private JsonFiles() {
    }

    /** Writes {@code value} (a bean, record, map or JsonNode) to {@code path}, whole or not at all. */
    public static void write(Path path, Object value) throws IOException {
        AtomicFiles.write(path, out -> write(WRITER.createGenerator(out), value));
    }

    /** The text {@link #write(Path, Object)} writes. */
    public static String toJson(Object value) {
        StringWriter text = new StringWriter();
        try {
            write(WRITER.createGenerator(text), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator target, Object value) throws IOException {
        try (JsonGenerator g = new NonFiniteAsNull(target)) {
            WRITER.writeValue(g, value);
            g.writeRaw('\n');
        }
    }

    /**
     * Every double Jackson writes passes through writeNumber or writeArray on the generator, whichever serializer
     * or node produced it, so this is the one place that sees them all.
     */
    private static final class NonFiniteAsNull extends JsonGeneratorDelegate {
        NonFiniteAsNull(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
