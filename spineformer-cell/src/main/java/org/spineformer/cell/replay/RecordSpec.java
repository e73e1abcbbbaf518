package org.spineformer.cell.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spineformer.cell.PyramidalCell;
import org.spineformer.engine.Simulation;
import org.spineformer.engine.record.Recorder;

/**
 * A recorded column named as in the reference traces: {@code v:<section>(<x>)}, {@code v:spine_<k>_head},
 * {@code cai:spine_<k>}, {@code g_dynamic:spine_<k>}, {@code g_dynamic_delayed:spine_<k>}.
 */
public final class RecordSpec {
    private static final Pattern SECTION_V = Pattern.compile("v:([A-Za-z0-9_\\[\\]]+)\\(([0-9.eE+-]+)\\)");
    private static final Pattern SPINE_V = Pattern.compile("v:spine_(\\d+)_head");
    private static final Pattern SPINE_FIELD = Pattern.compile("(cai|g_dynamic|g_dynamic_delayed):spine_(\\d+)");

    private RecordSpec() {
    }

    /** The column name of a section's v at x. */
    public static String voltage(Stimulus.Location loc) {
        return "v:" + loc.section() + "(" + loc.x() + ")";
    }

    /** Adds the column named {@code spec} to the recorder; a clear error if the name means nothing here. */
    public static void add(String spec, PyramidalCell cell, Simulation sim, Recorder rec) {
        add(spec, cell, sim, rec, 0);
    }

    /** As {@link #add(String, PyramidalCell, Simulation, Recorder)}, the column of one trial in lanes. */
    public static void add(String spec, PyramidalCell cell, Simulation sim, Recorder rec, int lane) {
        int lanes = sim.lanes();
        if (lane < 0 || lane >= lanes) {
            throw new IllegalArgumentException("record spec '" + spec + "' in lane " + lane + ": the simulation runs "
                    + lanes + " lanes");
        }
        Matcher m;
        if ((m = SPINE_V.matcher(spec)).matches()) {
            int k = spine(spec, m.group(1), cell);
            rec.add(spec, sim.state().v,
                    sim.discretization().segmentNode(cell.spineHeadSection(k), 0) * lanes + lane);
        } else if ((m = SECTION_V.matcher(spec)).matches()) {
            double x;
            try {
                x = Double.parseDouble(m.group(2));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("record spec '" + spec + "': x is not a number");
            }
            int section;
            try {
                section = cell.morphology().indexOf(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("record spec '" + spec + "': " + e.getMessage());
            }
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("record spec '" + spec + "': x must be in [0, 1]");
            }
            rec.add(spec, sim.state().v, sim.discretization().node(section, x) * lanes + lane);
        } else if ((m = SPINE_FIELD.matcher(spec)).matches()) {
            int k = spine(spec, m.group(2), cell);
            switch (m.group(1)) {
                case "cai" -> rec.add(spec, sim.state().ion("ca").concentration,
                        sim.discretization().segmentNode(cell.spineHeadSection(k), 0) * lanes + lane);
                default -> rec.add(spec, sim.block("AMPA_WITH_CA").column(m.group(1)),
                        cell.ampa(k).instance() * lanes + lane);
            }
        } else {
            throw new IllegalArgumentException("record spec '" + spec + "' is not one of v:<section>(<x>), "
                    + "v:spine_<k>_head, cai:spine_<k>, g_dynamic:spine_<k>, g_dynamic_delayed:spine_<k>");
        }
    }

    private static int spine(String spec, String digits, PyramidalCell cell) {
        int k;
        try {
            k = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 0 || k >= cell.spineCount()) {
            throw new IllegalArgumentException("record spec '" + spec + "': the cell has spines 0.."
                    + (cell.spineCount() - 1));
        }
        return k;
    }
}
