package org.mbrllab.app.common.text;

import javafx.geometry.Orientation;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A typeset formula as a node. Its baseline is the formula's own baseline, so inline math sits on the
 * line of the surrounding {@code TextFlow} (which places embedded nodes by their baseline offset).
 * Display math may be given less than its width: it then shrinks to fit rather than being cut off.
 */
final class MathView extends Region {

    private final MathRenderer.Typeset math;
    private final ImageView image;
    private final boolean display;

    MathView(MathRenderer.Typeset math, String latex, boolean display) {
        this.math = math;
        this.display = display;
        this.image = new ImageView(math.image());
        image.setSmooth(true);
        image.setPreserveRatio(true);
        image.setFitWidth(math.width());
        getChildren().add(image);
        getStyleClass().add(display ? "lesson-math-display-formula" : "lesson-math");
        setAccessibleText(latex);
        setUserData(latex);
    }

    /** The TeX source, without dollars. */
    String latex() {
        return (String) getUserData();
    }

    @Override
    protected double computePrefWidth(double height) {
        return math.width() + snappedLeftInset() + snappedRightInset();
    }

    /** Display math that has to shrink gets shorter too, so its height depends on its width. */
    @Override
    public Orientation getContentBias() {
        return display ? Orientation.HORIZONTAL : null;
    }

    @Override
    protected double computePrefHeight(double width) {
        return math.height() * scale(width) + snappedTopInset() + snappedBottomInset();
    }

    /** 1, or less when {@code width} (−1: unknown) cannot hold the formula. */
    private double scale(double width) {
        if (width < 0) return 1;
        return Math.min(1, (width - snappedLeftInset() - snappedRightInset()) / math.width());
    }

    @Override
    protected double computeMinWidth(double height) {
        return display ? Math.min(computePrefWidth(height), 1) : computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    public double getBaselineOffset() {
        return snappedTopInset() + math.baseline();
    }

    @Override
    protected void layoutChildren() {
        image.setFitWidth(math.width() * scale(getWidth()));
        image.relocate(snappedLeftInset(), snappedTopInset());
    }
}
