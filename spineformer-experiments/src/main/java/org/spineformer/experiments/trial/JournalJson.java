package org.spineformer.experiments.trial;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * How a trial result is written to {@code trials.jsonl} and read back, so that a resumed run has exactly the results
 * of an uninterrupted one, in strict JSON (no {@code "NaN"} strings):
 * <ul>
 * <li>NaN is written as {@code null}, as in every other JSON file the program writes, and a {@code null} read where
 * a {@code double} is expected (a field or an element of a {@code double[]}) becomes NaN again, not 0.0;</li>
 * <li>+Infinity and -Infinity are written as the numbers {@code 1e999} and {@code -1e999}: valid JSON that overflows
 * to the infinity of the same sign in every reader that parses numbers as float64 (this one, Python's json,
 * JavaScript's JSON.parse), so an infinite result survives a resume unchanged.</li>
 * </ul>
 * Lines written by earlier versions, with {@code "NaN"} and {@code "Infinity"} strings, still read back.
 */
final class JournalJson {
    private static final NumberDeserializers.DoubleDeserializer DOUBLE =
            new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN);
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("journal")
            .addDeserializer(Double.TYPE, DOUBLE)
            .addDeserializer(double[].class, new DoubleArrayNullAsNaN()));

    private JournalJson() {
    }

    /** {@code value} as one line of JSON text (no newline). */
    static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new NonFiniteAsNumbers(MAPPER.createGenerator(text))) {
            MAPPER.writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    static <R> R read(JsonNode node, Class<R> type) throws JsonProcessingException {
        return MAPPER.treeToValue(node, type);
    }

    /**
     * Every double Jackson writes passes through writeNumber or writeArray on the generator, whichever serializer
     * or node produced it, so this is the one place that sees them all.
     */
    private static final class NonFiniteAsNumbers extends JsonGeneratorDelegate {
        NonFiniteAsNumbers(JsonGenerator g) {
            super(g, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isNaN(v)) {
                writeNull();
            } else if (Double.isInfinite(v)) {
                writeRawValue(v > 0 ? "1e999" : "-1e999");
            } else {
                super.writeNumber(v);
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            writeNumber((double) v);
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

    /** A {@code double[]} whose null elements are NaN (Jackson's own reads them as 0.0). */
    private static final class DoubleArrayNullAsNaN extends StdDeserializer<double[]> {
        DoubleArrayNullAsNaN() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            double[] values = new double[8];
            int n = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = t == JsonToken.VALUE_NULL ? Double.NaN : DOUBLE.deserialize(p, ctxt);
            }
            return Arrays.copyOf(values, n);
        }
    }
}
