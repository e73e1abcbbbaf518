package org.spineformer.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The sweep engines on the class path, by name. */
public final class SweepEngines {
    /** The engine a sweep uses unless told otherwise. */
    public static final String DEFAULT = LocalSweepEngine.NAME;

    private SweepEngines() {
    }

    /**
     * The engine called {@code name}.
     *
     * @throws IllegalArgumentException naming the engines there are, and for {@code spark}, how to get it
     */
    public static SweepEngine find(String name) {
        List<String> names = new ArrayList<>();
        for (SweepEngine engine : ServiceLoader.load(SweepEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
            names.add(engine.name());
        }
        String hint = "spark".equals(name) ? ": the Spark engine is in spineformer-spark.jar (built with the project, "
                + "in spineformer-spark/target); run the sweep with spark-submit and that jar, see docs/user/spark.md"
                : "";
        throw new IllegalArgumentException("--engine " + name + " is not available in this build (available: "
                + String.join(", ", names) + ")" + hint);
    }
}
