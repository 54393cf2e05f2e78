package org.mbrllab.app.lessons.gridworld;

/** What a click or drag on the grid paints. */
enum PaintTool {
    NONE("Inspect", "Click a cell to see its values; painting is off"),
    WALL("Wall", "Click or drag to paint walls"),
    GOAL("Goal", "Click to place a goal (terminal, goal reward)"),
    PIT("Pit", "Click to place a pit (terminal, pit reward)"),
    START("Start", "Click to move the start cell"),
    ERASE("Erase", "Click or drag to clear cells");

    private final String label;
    private final String tooltip;

    PaintTool(String label, String tooltip) {
        this.label = label;
        this.tooltip = tooltip;
    }

    String tooltip() {
        return tooltip;
    }

    @Override
    public String toString() {
        return label;
    }
}
