package org.mbrllab.app.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A pane's capability to export its chart data as CSV (File › Export chart data). A pane without it
 * leaves the menu item greyed out. Each table is one CSV file with one header row: the first goes to the
 * file the user chose, the others beside it as {@code NAME-TABLE.csv}, so that no file holds two tables.
 */
@FunctionalInterface
public interface ChartExport {

    /** One CSV table: a short name for its file ("values", "convergence") and its text, header first. */
    record Table(String name, String csv) {}

    /** The tables of what is shown now, the main one first; empty while there is nothing yet. */
    List<Table> tables();

    /** A pane with one table, or none yet. */
    static ChartExport of(Supplier<Optional<String>> csv) {
        return () -> csv.get().map(c -> List.of(new Table("chart", c))).orElse(List.of());
    }
}
