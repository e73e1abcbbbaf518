package org.spineformer.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.List;
import org.spineformer.experiments.train.TrialSeeds;
import org.spineformer.experiments.trial.TrialRunner;

/**
 * Any trial of a sweep, by (point, set, index), for workers that run them away from the sweep's directory (a
 * cluster's executors). Serializable: the configs travel as JSON, which gives back the same records.
 */
public final class SweepTrials<C extends Record, I extends Serializable, R> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SweepableExperiment<C, I, R> experiment;
    private final I inputs;
    private final String[] configs;
    private final long[][] seeds;

    SweepTrials(SweepableExperiment<C, I, R> experiment, I inputs, List<GridPoint<C>> points,
                List<List<TrialSet>> sets) {
        this.experiment = experiment;
        this.inputs = inputs;
        this.configs = new String[points.size()];
        this.seeds = new long[points.size()][];
        for (int p = 0; p < configs.length; p++) {
            configs[p] = json(points.get(p).config());
            seeds[p] = sets.get(p).stream().mapToLong(TrialSet::seed).toArray();
        }
    }

    /**
     * Trial {@code index} of set {@code set} of point {@code point}, as its journal records it
     * ({@link TrialRunner#toJson}): the same text as a local run's.
     */
    public String run(int point, int set, int index) throws JsonProcessingException {
        C config = MAPPER.readValue(configs[point], experiment.configType());
        R result = experiment.trial(config, inputs, set, index, TrialSeeds.random(seeds[point][set], index),
                fraction -> {
                });
        return TrialRunner.toJson(result);
    }

    /** Fails, before anything runs, if a config does not come back from JSON as it was. */
    static <C extends Record> void checkRoundTrip(SweepableExperiment<C, ?, ?> experiment, List<GridPoint<C>> points) {
        for (GridPoint<C> p : points) {
            String json = json(p.config());
            C back;
            try {
                back = MAPPER.readValue(json, experiment.configType());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(experiment.name() + ": config " + json + " cannot be read back: "
                        + e.getOriginalMessage(), e);
            }
            if (!back.equals(p.config())) {
                throw new IllegalStateException(experiment.name() + ": config " + p.config()
                        + " comes back from JSON as " + back);
            }
        }
    }

    private static String json(Object config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config " + config + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
