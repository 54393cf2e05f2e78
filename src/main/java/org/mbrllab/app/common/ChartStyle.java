package org.mbrllab.app.common;

import java.awt.BasicStroke;
import java.awt.Font;

import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * Makes JFreeChart charts follow the app's theme and font size. JFreeChart draws with AWT colours and
 * fonts, so they are converted here, in one place.
 */
public final class ChartStyle {
    private ChartStyle() {}

    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }

    /**
     * Applies {@code theme}'s colours and a font of {@code fontSize} px to an XY or a category (bar) chart.
     * On the projector, axis labels and tick numbers are as large as the body text, to be read from the back
     * of a room; on a screen, a tenth smaller, so small charts keep room for their data.
     */
    public static void apply(JFreeChart chart, Theme theme, double fontSize) {
        java.awt.Color bg = awt(theme.background());
        java.awt.Color fg = awt(theme.foreground());
        java.awt.Color grid = awt(theme.gridLine());
        double axisShare = theme == Theme.PROJECTOR ? 1.0 : 0.9;
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(fontSize * axisShare));
        Font bold = base.deriveFont(Font.BOLD, (float) (fontSize * 1.0));
        chart.setBackgroundPaint(bg);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(fg);
            title.setFont(bold);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
            chart.getLegend().setItemFont(base);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(bg);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            plot.setOutlinePaint(grid);
            for (int i = 0; i < plot.getDomainAxisCount(); i++) style(plot.getDomainAxis(i), fg, base, axisShare);
            for (int i = 0; i < plot.getRangeAxisCount(); i++) style(plot.getRangeAxis(i), fg, base, axisShare);
            for (int i = 0; i < plot.getRendererCount(); i++) {
                if (plot.getRenderer(i) != null) plot.getRenderer(i).setDefaultStroke(new BasicStroke(2f));
            }
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(bg);
            plot.setRangeGridlinePaint(grid);
            plot.setOutlinePaint(grid);
            style(plot.getDomainAxis(), fg, base, axisShare);
            style(plot.getRangeAxis(), fg, base, axisShare);
        }
    }

    private static void style(Axis axis, java.awt.Color fg, Font font, double tickShare) {
        if (axis == null) return;
        axis.setLabelPaint(fg);
        axis.setTickLabelPaint(fg);
        axis.setAxisLinePaint(fg);
        axis.setTickMarkPaint(fg);
        axis.setLabelFont(font);
        axis.setTickLabelFont(font.deriveFont((float) (font.getSize() * tickShare)));
    }
}
