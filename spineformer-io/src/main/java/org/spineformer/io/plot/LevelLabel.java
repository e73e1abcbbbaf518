package org.spineformer.io.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Annotation;

/** Text above the right end of a horizontal line at a y value (a threshold), inside the plot. */
final class LevelLabel extends Annotation {
    /** Gap between the text and the line and the plot's right edge (px). */
    private static final int GAP_PX = 4;

    private final String text;
    private final double y;
    private final Font font;
    private final Color ink;

    LevelLabel(String text, double y, Font font, Color ink) {
        super(true);
        this.text = text;
        this.y = y;
        this.font = font;
        this.ink = ink;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        double sy = ((XYChart) chart).getScreenYFromChart(y);
        g.setFont(font);
        g.setColor(ink);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (getXAxisScreenValueForMax() - GAP_PX - fm.stringWidth(text)),
                (float) (sy - GAP_PX - fm.getDescent()));
    }
}
