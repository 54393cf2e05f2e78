package org.mbrllab.app.lessons.gridworld;

/** What one press of Step does in the grid-world pane. */
enum StepSize {
    BACKUP("One backup"),
    SWEEP("One sweep"),
    CONVERGE("To convergence");

    private final String label;

    StepSize(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
