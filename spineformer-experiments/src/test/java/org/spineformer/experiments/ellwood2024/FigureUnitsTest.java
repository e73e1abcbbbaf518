package org.spineformer.experiments.ellwood2024;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.spineformer.cell.CellModel;
import org.spineformer.io.plot.Plots;

/** Every axis of the figures names its unit (the two figures the issue found without one). */
class FigureUnitsTest {
    private static void assertUnits(String name, XYChart chart) {
        assertThat(Plots.hasUnit(chart.getXAxisTitle())).as(name + " x: " + chart.getXAxisTitle()).isTrue();
        assertThat(Plots.hasUnit(chart.getYAxisTitle())).as(name + " y: " + chart.getYAxisTitle()).isTrue();
    }

    @Test
    void fig2aPlotsNameTheirUnits() {
        double[] trace = {0, 1, 2};
        Fig2aMatchExample.Run run = new Fig2aMatchExample.Run(1, 2, new double[0], new double[0], new double[0],
                new double[0], 0.1, trace, trace, trace, trace, trace, trace, trace, 1);
        Map<String, XYChart> charts = Fig2aMatchExample.charts(run, new double[] {0, 0.1, 0.2});
        assertThat(charts).containsOnlyKeys("_voltage", "_calcium", "_integral");
        charts.forEach(FigureUnitsTest::assertUnits);
        assertThat(charts.get("_integral").getYAxisTitle()).isEqualTo("Ca^4 integral (mM^4 ms)");
    }

    @Test
    void fig3beDensityNamesItsUnits() {
        List<Fig3beMatchRoc.Run> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] values = new double[Ellwood2024.AXONS];
            for (int a = 0; a < values.length; a++) {
                values[a] = 1e-14 * (1 + (a * 7 + i * 3) % 10 / 10.0);
            }
            int axon = Fig3beMatchRoc.matchedAxon(CellModel.paper(), i);
            values[axon] = 1e-14 * (1.8 + i % 5 / 10.0);
            runs.add(new Fig3beMatchRoc.Run(axon, Fig3beMatchRoc.delaySpine(CellModel.paper(), i), 2, 6, values, 1));
        }
        Fig3beMatchRoc.Result r = Fig3beMatchRoc.analyse(Fig3beMatchRoc.Config.paper(1).withRuns(20), runs);
        XYChart density = Fig3beMatchRoc.densityChart("t", r, Fig3beMatchRoc.densities(r));
        assertUnits("fig3be density", density);
        assertThat(density.getYAxisTitle()).isEqualTo("density (per threshold)");
        assertThat(density.getXAxisTitle()).isEqualTo("Ca^4 integral (thresholds)");
    }
}
