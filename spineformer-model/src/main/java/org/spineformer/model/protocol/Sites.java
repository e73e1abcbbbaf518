package org.spineformer.model.protocol;

import java.util.regex.Pattern;
import org.spineformer.engine.morph.Morphology;
import org.spineformer.engine.morph.Section;
import org.spineformer.model.Location;

/** Resolves {@link Site}s on a cell's morphology to a section index and x. */
public final class Sites {
    private Sites() {
    }

    /** A resolved site: section index and x in [0, 1]. */
    public record Resolved(int section, double x) {
    }

    /**
     * The section and x of a site on {@code morphology}; {@code source} names the site in errors.
     *
     * @throws IllegalArgumentException naming {@code source} when a section does not exist or no section of the
     *     region spans the distance
     */
    public static Resolved resolve(Site site, Morphology morphology, String source) {
        if (site instanceof Site.At at) {
            return new Resolved(section(morphology, at.section(), source), at.x());
        }
        Site.ByDistance d = (Site.ByDistance) site;
        Location from = d.from();
        int origin = section(morphology, from.section(), source);
        Pattern member = Pattern.compile(Pattern.quote(d.region()) + "\\[\\d+]");
        int best = -1;
        double bestX = Double.NaN;
        double bestDiam = 0;
        double nearest = Double.POSITIVE_INFINITY;
        double farthest = Double.NEGATIVE_INFINITY;
        int members = 0;
        for (int s = 0; s < morphology.size(); s++) {
            Section sec = morphology.section(s);
            if (!member.matcher(sec.name()).matches()) {
                continue;
            }
            members++;
            double d0 = morphology.pathDistance(origin, from.x(), s, 0);
            double d1 = morphology.pathDistance(origin, from.x(), s, 1);
            if (d0 > d1) { // locateSites orders the ends by distance, and measures x from the nearer one
                double swap = d0;
                d0 = d1;
                d1 = swap;
            }
            nearest = Math.min(nearest, d0);
            farthest = Math.max(farthest, d1);
            if (d.distanceUm() >= d0 && d.distanceUm() <= d1) {
                double x = (d.distanceUm() - d0) / (d1 - d0);
                double diam = sec.diamUm()[sec.segmentAt(x)];
                if (diam > bestDiam) { // strictly larger: the first of equal diameters stays
                    best = s;
                    bestX = x;
                    bestDiam = diam;
                }
            }
        }
        if (members == 0) {
            throw new IllegalArgumentException(source + ": region '" + d.region() + "': the cell has no section "
                    + d.region() + "[i]");
        }
        if (best < 0) {
            throw new IllegalArgumentException(source + ": no section of " + d.region() + " lies at "
                    + d.distanceUm() + " um from " + from + " (its sections span " + nearest + " to " + farthest
                    + " um)");
        }
        return new Resolved(best, bestX);
    }

    private static int section(Morphology morphology, String name, String source) {
        try {
            return morphology.indexOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": the cell has no section '" + name + "'", e);
        }
    }
}
