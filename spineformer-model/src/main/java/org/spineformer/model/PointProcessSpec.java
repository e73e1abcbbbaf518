package org.spineformer.model;

import java.util.Map;
import org.spineformer.model.expr.Expression;

/** A named point process (electrode, synapse) at a location, with its parameters. */
public record PointProcessSpec(String source, String name, String mechanism, Location at,
                               Map<String, Expression> parameters) {
    public PointProcessSpec {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
