package org.spineformer.experiments.sweep;

import java.util.Map;

/**
 * One combination of a sweep's parameter values.
 *
 * @param name its directory under the sweep's, {@code name=value} per parameter nested in the order given
 *     ({@code matchWindowS=0.5/jitterMs=1}, as Hive partitions, so Spark reads all points' Parquet files as one
 *     table with the parameters as columns); "" when the sweep has no parameters
 * @param values the parameter values, in the order given
 * @param config the experiment's config at this point
 */
public record GridPoint<C extends Record>(String name, Map<String, Object> values, C config) {
}
