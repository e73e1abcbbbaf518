package org.spineformer.experiments.ellwood2024;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.spineformer.cell.CellModel;
import org.spineformer.experiments.output.Summary;

/**
 * Finished runs of other panels next to an output directory, found by their summary.json (written only when a
 * panel has finished): {@code reproduce all} puts every panel in a subdirectory of one folder, so a panel that needs
 * another's result (the bAP delays of fig2b, the threshold of fig3be) looks among its siblings.
 */
final class PriorRuns {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A finished run: its directory and summary. */
    record Found(Path dir, JsonNode summary) {
    }

    private PriorRuns() {
    }

    /**
     * The sibling of {@code dir} (another subdirectory of its parent) whose summary names {@code panel} and passes
     * {@code filter} (given the run's directory and summary); of several, the one with the largest
     * {@code sizeKey}, then the first by name.
     */
    static Optional<Found> sibling(Path dir, String panel, Predicate<Found> filter, String sizeKey) {
        Path self = dir.toAbsolutePath().normalize();
        Path parent = self.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(parent)) {
            List<Found> found = children.filter(p -> !p.equals(self) && Files.isRegularFile(p.resolve(Summary.FILE)))
                    .sorted()
                    .map(PriorRuns::read)
                    .filter(f -> f != null && panel.equals(f.summary().path("panel").asText())
                            && filter.test(f))
                    .toList();
            return found.stream().max(Comparator.comparingLong((Found f) -> f.summary().path(sizeKey).asLong())
                    .thenComparing(Comparator.comparing((Found f) -> f.dir()).reversed()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    /**
     * Whether a finished run was made on {@code model}: its summary's {@code model_sha256} and
     * {@code morphology_sha256}, absent for the paper's cell (and the latter for a cell without a morphology file).
     */
    static boolean sameModel(Found f, CellModel model) {
        return f.summary().path("model_sha256").asText("").equals(model.isPaper() ? "" : model.sha256())
                && f.summary().path("morphology_sha256").asText("")
                .equals(model.morphologySha256() == null ? "" : model.morphologySha256());
    }

    /** A directory's summary, or null when it is not readable JSON (a folder of something else). */
    private static Found read(Path dir) {
        try {
            return new Found(dir, MAPPER.readTree(dir.resolve(Summary.FILE).toFile()));
        } catch (IOException e) {
            return null;
        }
    }
}
