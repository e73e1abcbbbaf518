package org.spineformer.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path dir;

    private final ObjectMapper strict = new ObjectMapper(); // rejects NaN tokens: only valid JSON passes

    record Summary(String name, double rate, double latency, double[] weights, List<Double> boxed, float f) {
    }

    @Test
    void writesNonFiniteDoublesAsNullWhereverTheyAre() throws IOException {
        Summary s = new Summary("trial", Double.NaN, Double.POSITIVE_INFINITY,
                new double[] {1.0, Double.NEGATIVE_INFINITY, Double.NaN}, Arrays.asList(Double.NaN, 2.0),
                Float.NaN);
        JsonNode json = strict.readTree(JsonFiles.toJson(s));
        assertThat(json.get("rate").isNull()).isTrue();
        assertThat(json.get("latency").isNull()).isTrue();
        assertThat(json.get("weights").toString()).isEqualTo("[1.0,null,null]");
        assertThat(json.get("boxed").toString()).isEqualTo("[null,2.0]");
        assertThat(json.get("f").isNull()).isTrue();

        ObjectNode tree = strict.createObjectNode();
        tree.put("direct", Double.NaN);
        tree.putPOJO("pojo", new double[] {Double.POSITIVE_INFINITY});
        tree.putArray("array").add(Double.NEGATIVE_INFINITY);
        assertThat(strict.readTree(JsonFiles.toJson(tree)).toString())
                .isEqualTo("{\"direct\":null,\"pojo\":[null],\"array\":[null]}");
    }

    @Test
    void writesDoublesThatReadBackExactly() throws IOException {
        double[] values = {0.1 + 0.2, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1.0 / 3, 123456789.123456789};
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("values", values);
        Path file = dir.resolve("out/summary.json");
        JsonFiles.write(file, summary);
        double[] back = strict.treeToValue(strict.readTree(file.toFile()).get("values"), double[].class);
        assertThat(back).containsExactly(values);
    }

    @Test
    void indentsAndEndsWithANewline() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("spikes", 3);
        summary.put("nested", Map.of("ok", true));
        assertThat(JsonFiles.toJson(summary)).isEqualTo("""
                {
                  "spikes": 3,
                  "nested": {
                    "ok": true
                  }
                }
                """);
    }

    @Test
    void aValueThatCannotBeSerializedLeavesNoFile() {
        Path file = dir.resolve("bad.json");
        assertThatThrownBy(() -> JsonFiles.write(file, new Object())).isInstanceOf(IOException.class);
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }
}
