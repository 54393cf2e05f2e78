package org.mbrllab.app.common;

import java.util.Optional;

/**
 * A pane's capability to export its chart data as CSV (File › Export chart data). A pane without it
 * leaves the menu item greyed out.
 */
@FunctionalInterface
public interface ChartExport {

    /** The data of the charts shown now, or empty while there is none yet (nothing has run). */
    Optional<String> csv();
}
