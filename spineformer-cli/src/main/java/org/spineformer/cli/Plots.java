package org.spineformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes charts (stacked vertically) to an image file, whole or not at all. */
final class Plots {
    private Plots() {
    }

    static void savePng(Path file, List<? extends Chart<?, ?>> charts) throws IOException {
        AtomicFiles.write(file, os -> {
            java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(charts.get(0));
            int width = img.getWidth();
            int height = 0;
            java.util.List<java.awt.image.BufferedImage> parts = new java.util.ArrayList<>();
            for (Chart<?, ?> c : charts) {
                java.awt.image.BufferedImage p = BitmapEncoder.getBufferedImage(c);
                parts.add(p);
                height += p.getHeight();
                width = Math.max(width, p.getWidth());
            }
            java.awt.image.BufferedImage all = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = all.createGraphics();
            int y = 0;
            for (java.awt.image.BufferedImage p : parts) {
                g.drawImage(p, 0, y, null);
                y += p.getHeight();
            }
            g.dispose();
            javax.imageio.ImageIO.write(all, "png", os);
        });
    }
}
