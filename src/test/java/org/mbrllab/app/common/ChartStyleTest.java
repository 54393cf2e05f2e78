package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/** Chart text follows the theme: on the projector, axis labels and ticks are as large as the body text. */
class ChartStyleTest {

    private static JFreeChart chart() {
        return new JFreeChart(new XYPlot(new XYSeriesCollection(), new NumberAxis("t"), new NumberAxis("x"),
                new XYLineAndShapeRenderer()));
    }

    @Test
    void projectorAxisTextIsAsLargeAsTheBodyText() {
        JFreeChart c = chart();
        ChartStyle.apply(c, Theme.PROJECTOR, 20);
        NumberAxis x = (NumberAxis) c.getXYPlot().getDomainAxis();
        assertEquals(20, x.getLabelFont().getSize2D(), 0);
        assertEquals(20, x.getTickLabelFont().getSize2D(), 0);
    }

    @Test
    void onAScreenAxisTextIsATenthSmaller() {
        JFreeChart c = chart();
        ChartStyle.apply(c, Theme.LIGHT, 14);
        NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
        assertEquals(13, y.getLabelFont().getSize2D(), 0);
        assertEquals(11.7, y.getTickLabelFont().getSize2D(), 1e-5);
    }
}
