package org.spineformer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.model.expr.Expression;

/** Applies one {@link PaintRule} to the segments of its region, at segment centres (see the rule's options). */
final class Painter {
    private final Morphology topology;
    private final Regions regions;
    private final Location defaultOrigin;
    private final Expression.Variables params;
    private final BiConsumer<String, String> skipped;

    /**
     * {@code skipped} hears of every rule on section types the cell lacks, which paints nothing: why
     * ({@link Regions#absence}), and the rule.
     */
    Painter(Morphology topology, Regions regions, Location defaultOrigin, Expression.Variables params,
            BiConsumer<String, String> skipped) {
        this.topology = topology;
        this.regions = regions;
        this.defaultOrigin = defaultOrigin;
        this.params = params;
        this.skipped = skipped;
    }

    void apply(PaintRule rule, double[][] cm, double[] ra, List<Map<String, Map<String, double[]>>> mechanisms,
               List<Map<String, double[]>> ions, List<Set<String>> fixedReversals, List<String> mechanismOrder,
               Map<String, String> sources) {
        if (rule.when() != null && rule.when().evaluate(params) == 0) {
            return;
        }
        boolean[][] selected = regions.segments(rule.region(), rule.source() + "/region");
        if (Regions.none(selected)) {
            skipped.accept(regions.absence(rule.region()), rule.source() + "/region");
            return;
        }
        Location origin = rule.origin() != null ? rule.origin() : defaultOrigin;
        int o = regions.indexOf(origin.section(), rule.source() + "/origin");
        double maxDistance = Double.NaN;
        boolean needsDistance = false;
        for (Distribution v : rule.values().values()) {
            needsDistance |= !(v instanceof Distribution.Constant || v instanceof Distribution.Between);
        }
        if (needsDistance) {
            maxDistance = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < selected.length; s++) {
                if (selected[s] != null) {
                    maxDistance = Math.max(maxDistance, topology.pathDistance(o, origin.x(), s, 1));
                }
            }
        }
        double max = maxDistance;
        Expression.Variables vars = name -> name.equals("max_distance") ? max : params.get(name);
        if (rule.target() == PaintRule.Target.MECHANISM) {
            if (!mechanismOrder.contains(rule.mechanism())) {
                mechanismOrder.add(rule.mechanism());
            }
            sources.putIfAbsent(rule.mechanism(), rule.source());
            for (String key : rule.values().keySet()) {
                sources.putIfAbsent(rule.mechanism() + "." + key, rule.source() + "/parameters/" + key);
            }
        }
        for (int s = 0; s < selected.length; s++) {
            boolean[] segs = selected[s];
            if (segs == null) {
                continue;
            }
            int nseg = segs.length;
            String section = topology.section(s).name();
            Map<String, double[]> target;
            if (rule.target() == PaintRule.Target.MECHANISM) {
                Map<String, Map<String, double[]>> here = mechanisms.get(s);
                if (!here.containsKey(rule.mechanism())) {
                    for (boolean b : segs) {
                        if (!b) {
                            throw new IllegalArgumentException(rule.source() + "/region: inserts " + rule.mechanism()
                                    + " in part of section " + section + "; a mechanism is inserted in whole"
                                    + " sections (paint the part after inserting it in the whole section)");
                        }
                    }
                    here.put(rule.mechanism(), new LinkedHashMap<>());
                }
                target = here.get(rule.mechanism());
            } else if (rule.target() == PaintRule.Target.IONS) {
                target = ions.get(s);
                if (rule.fixedReversal()) {
                    fixedReversals.get(s).addAll(rule.values().keySet());
                }
            } else {
                target = null;
            }
            for (Map.Entry<String, Distribution> e : rule.values().entrySet()) {
                String key = e.getKey();
                double[] values = target == null ? null : target.computeIfAbsent(key, k -> nan(nseg));
                if (rule.whereMiddle() != null && !middleReplaced(rule, key, values, cm[s], section,
                        topology.section(s).segmentAt(0.5), e.getValue().at(Double.NaN, vars))) {
                    continue;
                }
                // section_ends: hoc's p(0:1) = f(distance(0)):f(distance(1)), a line between the two ends
                Distribution ends = rule.sectionEnds() ? new Distribution.Between(
                        Expression.constant(e.getValue().at(topology.pathDistance(o, origin.x(), s, 0), vars)),
                        Expression.constant(e.getValue().at(topology.pathDistance(o, origin.x(), s, 1), vars))) : null;
                double first = Double.NaN;
                for (int j = 0; j < nseg; j++) {
                    if (!segs[j]) {
                        continue;
                    }
                    double theta = rule.xRange() == null ? Double.NaN : rule.xRange().theta(topology.section(s), j);
                    if (rule.xRange() != null && Double.isNaN(theta)) {
                        continue;
                    }
                    double x = rule.endValueInLastSegment() && j == nseg - 1 ? 1 : topology.section(s).segmentX(j);
                    double d = e.getValue() instanceof Distribution.Constant || ends != null || rule.xRange() != null
                            ? Double.NaN : topology.pathDistance(o, origin.x(), s, x);
                    // range_interpolate's y1 * (1 - theta) + y2 * theta, theta the segment's x for p(0:1)
                    double v = ends != null ? ends.at(x, vars)
                            : e.getValue().at(rule.xRange() != null ? theta : d, vars);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(rule.source() + "/" + valuesKey(rule) + key + ": gives " + v
                                + " at " + section + "(" + x + "), distance " + d + " um");
                    }
                    if (rule.roundDecimals() != null) {
                        v = CellAssembler.roundDecimals(v, rule.roundDecimals());
                    }
                    if (target != null) {
                        values[j] = v;
                    } else if (key.equals("cm")) {
                        cm[s][j] = v;
                    } else if (key.equals("Ra")) {
                        if (!Double.isNaN(first) && v != first) {
                            throw new IllegalArgumentException(rule.source() + "/membrane/Ra: Ra is one value per section,"
                                    + " but it varies along " + section);
                        }
                        first = v;
                        ra[s] = v;
                    } else {
                        throw new IllegalArgumentException(rule.source() + "/membrane/" + key
                                + ": a membrane rule paints cm and Ra only");
                    }
                }
            }
        }
    }

    /**
     * Whether a {@code where_middle} rule paints this section: its value so far at the middle (the segment holding
     * x = 0.5, which hoc's {@code p} reads) below (or above) {@code painted}, strictly, as hoc's {@code if (p < c)}.
     * The value must have been painted before: the mechanism's default is not known here.
     */
    private static boolean middleReplaced(PaintRule rule, String key, double[] values, double[] cm, String section,
                                          int middleSegment, double painted) {
        if (values == null && !key.equals("cm")) {
            throw new IllegalArgumentException(rule.source() + "/membrane/" + key + ": where_middle compares cm only"
                    + " among the membrane values (Ra is one value per section)");
        }
        double[] now = values != null ? values : cm;
        double middle = now[middleSegment];
        if (Double.isNaN(middle)) {
            throw new IllegalArgumentException(rule.source() + "/" + valuesKey(rule) + key + ": where_middle compares"
                    + " the value at the middle of " + section + ", which no rule before painted (a mechanism's"
                    + " default is not known to the description): paint it first");
        }
        return rule.whereMiddle() == PaintRule.Middle.BELOW ? middle < painted : middle > painted;
    }

    private static String valuesKey(PaintRule rule) {
        return switch (rule.target()) {
            case MECHANISM -> "parameters/";
            case MEMBRANE -> "membrane/";
            case IONS -> "ions/";
        };
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
