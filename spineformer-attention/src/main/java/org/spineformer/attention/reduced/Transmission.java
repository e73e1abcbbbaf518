package org.spineformer.attention.reduced;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Transmission per selected key: the probability that a value spike of a selected key drives an output spike,
 * {@code p = 1 / (1 + exp(-(b0 + b1 (s / threshold - 1) + b2 distance_um)))}, with s the key's score and distance_um
 * how far its spines sit along their branch ({@link KeyPlacement}), and the delay from a value spike to the output
 * spike it drives. Fitted to the cell's match-and-control trials by {@link TransmissionFit}.
 *
 * @param coefficients b0, b1, b2
 * @param standardErrors their standard errors
 * @param delayMs the median delay from a transmitted value spike to its output spike (ms)
 * @param samples the value spikes the fit saw
 * @param source where the fit comes from (a file, or the bundled resource's label)
 */
public record Transmission(double[] coefficients, double[] standardErrors, double delayMs, int samples,
                           String source) {
    /** The predictors' names in the JSON, after the intercept. */
    public static final List<String> PREDICTORS = List.of("relative_score", "distance_um");
    /** The bundled fit's resource, next to this class. */
    public static final String RESOURCE = "transmission.json";

    public Transmission {
        if (coefficients.length != PREDICTORS.size() + 1 || standardErrors.length != coefficients.length) {
            throw new IllegalArgumentException("transmission from " + source + ": need " + (PREDICTORS.size() + 1)
                    + " coefficients and standard errors, got " + coefficients.length + " and "
                    + standardErrors.length);
        }
        for (double c : coefficients) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("transmission from " + source + ": coefficient " + c);
            }
        }
        if (!(delayMs >= 0 && Double.isFinite(delayMs))) {
            throw new IllegalArgumentException("transmission from " + source + ": delay_ms = " + delayMs
                    + " must be finite and >= 0");
        }
    }

    /** The probability that a value spike of a selected key with this relative score and distance is transmitted. */
    public double probability(double relativeScore, double distanceUm) {
        return LogisticRegression.sigmoid(coefficients[0] + coefficients[1] * relativeScore
                + coefficients[2] * distanceUm);
    }

    /** The fit bundled with the library ({@code transmission.json}; its provenance inside). */
    public static Transmission bundled() {
        try (InputStream in = Transmission.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + RESOURCE + " is missing from the class path");
            }
            return parse(new ObjectMapper().readTree(in), "bundled " + RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + RESOURCE + " cannot be read", e);
        }
    }

    /** A fit written by {@code spineformer attention transmission}: its transmission.json, or the folder holding it. */
    public static Transmission read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(RESOURCE) : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(path + ": no " + RESOURCE + " there (run 'spineformer attention"
                    + " transmission' first)");
        }
        return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
    }

    private static Transmission parse(JsonNode json, String source) {
        if (!json.path("predictors").isArray() || json.path("predictors").size() != PREDICTORS.size()) {
            throw new IllegalArgumentException(source + ": field predictors must be " + PREDICTORS);
        }
        for (int i = 0; i < PREDICTORS.size(); i++) {
            if (!PREDICTORS.get(i).equals(json.path("predictors").get(i).asText())) {
                throw new IllegalArgumentException(source + ": predictors[" + i + "] = "
                        + json.path("predictors").get(i) + ", expected " + PREDICTORS.get(i));
            }
        }
        return new Transmission(numbers(json, "coefficients", source), numbers(json, "standard_errors", source),
                number(json, "delay_ms", source), (int) number(json, "samples", source), source);
    }

    private static double[] numbers(JsonNode json, String field, String source) {
        JsonNode a = json.path(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException(source + ": field " + field + " must be an array of numbers");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException(source + ": " + field + "[" + i + "] = " + a.get(i)
                        + " is not a number");
            }
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static double number(JsonNode json, String field, String source) {
        if (!json.path(field).isNumber()) {
            throw new IllegalArgumentException(source + ": field " + field + " = " + json.path(field)
                    + " is not a number");
        }
        return json.path(field).asDouble();
    }
}
