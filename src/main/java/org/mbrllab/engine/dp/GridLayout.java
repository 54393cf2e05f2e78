package org.mbrllab.engine.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mbrllab.engine.core.Check;
import org.mbrllab.engine.core.Format;

/**
 * An immutable grid-world layout: the cells, the start, the parameters and the algorithm a lesson
 * opens with. It is what a {@code .grid} file holds; {@link GridWorld} turns it into an MDP.
 *
 * <h2>The {@code .grid} file format</h2>
 * A plain UTF-8 text file: header lines {@code key: value}, then the line {@code grid:}, then the grid.
 * <pre>
 * # Comment lines start with '#'.
 * name: Sutton &amp; Barto, Example 4.1
 * description: The 4×4 world: random policy, every move costs 1.
 * algorithm: policy-evaluation      # value-iteration | policy-iteration | policy-evaluation
 * gamma: 1
 * slip: 0                           # a probability, or the word frozenlake (= 2/3)
 * living_reward: -1
 * bump_reward: -1
 * goal_reward: -1
 * pit_reward: -1
 * teleport: A a 10                  # leaving A by any action lands on a, reward 10
 * terminal: L 1 goal                # custom terminal L, entry reward 1, drawn as a goal (goal|pit)
 * grid:
 * G . . .
 * . . . .
 * . . . .
 * . . . G
 * </pre>
 *
 * <h3>Header</h3>
 * <ul>
 *   <li>Blank lines and lines starting with {@code #} are ignored. In a header line, a {@code #} that
 *       starts the value or follows a space or tab starts a comment, which runs to the end of the line
 *       ({@code C#} stays a value).</li>
 *   <li>Keys (lower case, each at most once unless said otherwise):
 *     <ul>
 *       <li>{@code name}, {@code description}: free text on one line (defaults: the file name without
 *           {@code .grid}, and empty).</li>
 *       <li>{@code algorithm}: {@code value-iteration} (default), {@code policy-iteration} or
 *           {@code policy-evaluation}; what the lesson runs first.</li>
 *       <li>{@code gamma}, {@code slip}, {@code living_reward}, {@code bump_reward}, {@code goal_reward},
 *           {@code pit_reward}: numbers in the ranges of {@link GridWorldParams#specs()} (γ and slip in
 *           [0, 1], rewards in [−1000, 1000]); {@code slip} may also be the word {@code frozenlake}
 *           (= 2/3). Missing keys take the spec defaults (γ 0.9, slip 0, living 0, bump 0, goal 1,
 *           pit −1). Numbers are plain decimals ({@code -1}, {@code 0.25}, {@code 1e-3}).</li>
 *       <li>{@code teleport: X y R} (repeatable): the cell marked {@code X} is a teleport source; every
 *           action taken there lands on the cell marked {@code y} with reward {@code R}, without slip
 *           (Sutton &amp; Barto, Example 3.5). {@code y} is an ordinary cell otherwise. Both letters must
 *           be in the grid exactly once; several sources may share one target.</li>
 *       <li>{@code terminal: X R goal|pit} (repeatable): the cells marked {@code X} are terminal, with
 *           entry reward {@code R}, drawn like a goal or like a pit.</li>
 *       <li>{@code grid:} comes last; only a comment may follow it on its line.</li>
 *     </ul></li>
 *   <li>Declared symbols are single ASCII letters or digits other than {@code S}, {@code G} and
 *       {@code H}, each declared once (a teleport target may be shared).</li>
 * </ul>
 *
 * <h3>Grid</h3>
 * Every line after {@code grid:} is a row, top to bottom. Whitespace is ignored and blank lines are
 * skipped; every other character is one cell, left to right. There are no comments here: {@code #} is a
 * wall.
 * <ul>
 *   <li>{@code .} empty, {@code #} wall, {@code S} the start (an empty cell; at most one),
 *       {@code G} goal (terminal, reward {@code goal_reward}), {@code H} pit or hole (terminal, reward
 *       {@code pit_reward}), and the declared teleport letters and terminal symbols.</li>
 *   <li>All rows have the same length; the grid is at least 1×1 and at most
 *       {@value #MAX_SIDE}×{@value #MAX_SIDE}.</li>
 * </ul>
 *
 * <h3>Errors</h3>
 * Every problem is a {@link LayoutException} whose message reads {@code SOURCE:LINE: what is wrong} or
 * {@code SOURCE:LINE:COLUMN: what is wrong}, e.g. {@code frozen.grid:7:4: unknown cell 'Q' (allowed: . #
 * S G H A a)}. Range errors name the range, e.g. {@code gamma = 1.5 is out of range: allowed [0, 1]}.
 *
 * <h2>Editing</h2>
 * The {@code with…} methods return changed copies for the layout editor. They keep the layout valid:
 * painting over a teleport source or target removes the whole teleport, a start is always on an empty
 * cell, and a resize drops what falls outside (teleports that lose an end included).
 *
 * @see GridWorld for what the cells mean to the agent
 */
public final class GridLayout {

    /** Largest number of rows and of columns. */
    public static final int MAX_SIDE = 300;
    /** Target of every cell that is not a teleport source. */
    public static final char NO_TARGET = '\0';

    /** What a cell is. */
    public enum Kind {
        /** An ordinary cell ({@code .}), or a teleport target (its letter). */
        EMPTY,
        /** A wall ({@code #}): never entered; a move into it leaves the agent in place. */
        WALL,
        /** A terminal cell drawn as a goal: {@code G} or a custom terminal declared {@code goal}. */
        GOAL,
        /** A terminal cell drawn as a pit: {@code H} or a custom terminal declared {@code pit}. */
        PIT,
        /** A teleport source: every action lands on the cell marked {@code target}. */
        TELEPORT
    }

    /**
     * One cell.
     *
     * @param kind   what it is
     * @param symbol its character in the file: {@code . # G H}, or a declared letter
     * @param reward a custom terminal's entry reward or a teleport's reward; 0 for empty cells and walls;
     *               NaN for the built-in {@code G} and {@code H}, whose rewards are the layout's
     *               {@code goal_reward} and {@code pit_reward} (see {@link #entryReward})
     * @param target the letter a teleport source lands on; {@link #NO_TARGET} for every other cell
     */
    public record Cell(Kind kind, char symbol, double reward, char target) {

        private static final Cell EMPTY_CELL = new Cell(Kind.EMPTY, '.', 0, NO_TARGET);
        private static final Cell WALL_CELL = new Cell(Kind.WALL, '#', 0, NO_TARGET);
        private static final Cell GOAL_CELL = new Cell(Kind.GOAL, 'G', Double.NaN, NO_TARGET);
        private static final Cell PIT_CELL = new Cell(Kind.PIT, 'H', Double.NaN, NO_TARGET);

        public Cell {
            Objects.requireNonNull(kind, "kind");
            boolean builtIn = symbol == 'G' || symbol == 'H';
            switch (kind) {
                case EMPTY -> require(symbol == '.' || isCustomSymbol(symbol), "an empty cell is '.' or a teleport target letter", symbol);
                case WALL -> require(symbol == '#', "a wall is '#'", symbol);
                case GOAL -> require(symbol == 'G' || isCustomSymbol(symbol), "a goal is 'G' or a declared letter", symbol);
                case PIT -> require(symbol == 'H' || isCustomSymbol(symbol), "a pit is 'H' or a declared letter", symbol);
                case TELEPORT -> {
                    require(isCustomSymbol(symbol), "a teleport source is a declared letter", symbol);
                    require(isCustomSymbol(target) && target != symbol,
                            "a teleport lands on another declared letter", target);
                }
            }
            if (kind != Kind.TELEPORT && target != NO_TARGET) {
                throw new IllegalArgumentException("only a teleport source has a target, not " + kind);
            }
            if (builtIn) {
                if (!Double.isNaN(reward)) {
                    throw new IllegalArgumentException("the reward of '" + symbol + "' is a layout parameter, not a cell's");
                }
            } else if (kind == Kind.TELEPORT || kind == Kind.GOAL || kind == Kind.PIT) {
                Check.inRange(kind == Kind.TELEPORT ? "teleport reward" : "terminal reward", reward,
                        -GridWorldParams.MAX_REWARD, GridWorldParams.MAX_REWARD);
            } else if (reward != 0) {
                throw new IllegalArgumentException("an empty cell or wall has no reward of its own");
            }
        }

        private static void require(boolean ok, String rule, char symbol) {
            if (!ok) throw new IllegalArgumentException(rule + ", not '" + printable(symbol) + "'");
        }

        /** An ordinary cell {@code .}. */
        public static Cell empty() { return EMPTY_CELL; }

        /** A wall {@code #}. */
        public static Cell wall() { return WALL_CELL; }

        /** The built-in goal {@code G}: terminal, entry reward {@code goal_reward}. */
        public static Cell goal() { return GOAL_CELL; }

        /** The built-in pit {@code H}: terminal, entry reward {@code pit_reward}. */
        public static Cell pit() { return PIT_CELL; }

        /** A custom terminal: {@code kind} is {@link Kind#GOAL} or {@link Kind#PIT} (how it is drawn). */
        public static Cell terminal(char symbol, double reward, Kind kind) {
            if (kind != Kind.GOAL && kind != Kind.PIT) throw new IllegalArgumentException("a terminal is drawn as GOAL or PIT, not " + kind);
            return new Cell(kind, symbol, reward, NO_TARGET);
        }

        /** A teleport source {@code symbol} landing on the cell marked {@code target}. */
        public static Cell teleport(char symbol, char target, double reward) {
            return new Cell(Kind.TELEPORT, symbol, reward, target);
        }

        /** The landing cell of a teleport: an ordinary cell marked with {@code symbol}. */
        public static Cell teleportTarget(char symbol) {
            return new Cell(Kind.EMPTY, symbol, 0, NO_TARGET);
        }

        /** Goal or pit: the episode ends on entering it. */
        public boolean isTerminal() { return kind == Kind.GOAL || kind == Kind.PIT; }

        /** Whether this is the landing cell of a teleport. */
        public boolean isTeleportTarget() { return kind == Kind.EMPTY && symbol != '.'; }

        /** The built-in {@code G} or {@code H}. */
        public boolean isBuiltInTerminal() { return symbol == 'G' || symbol == 'H'; }

        /** In words, for messages: "wall '#'", "teleport 'A' → 'a' (reward 10)" … */
        @Override
        public String toString() {
            return switch (kind) {
                case EMPTY -> symbol == '.' ? "empty cell '.'" : "teleport target '" + symbol + "'";
                case WALL -> "wall '#'";
                case GOAL, PIT -> (kind == Kind.GOAL ? "goal '" : "pit '") + symbol + "'"
                        + (isBuiltInTerminal() ? "" : " (reward " + Format.number(reward) + ")");
                case TELEPORT -> "teleport '" + symbol + "' → '" + target + "' (reward " + Format.number(reward) + ")";
            };
        }

        /** The reward for entering this terminal cell under {@code params}. */
        public double entryReward(GridWorldParams params) {
            if (!isTerminal()) throw new IllegalStateException("'" + symbol + "' is not a terminal cell");
            if (symbol == 'G') return params.goalReward();
            if (symbol == 'H') return params.pitReward();
            return reward;
        }
    }

    /** Whether {@code c} may be declared as a teleport letter or a custom terminal. */
    public static boolean isCustomSymbol(char c) {
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return alnum && c != 'S' && c != 'G' && c != 'H';
    }

    private final String name;
    private final String description;
    private final Algorithm algorithm;
    private final GridWorldParams params;
    private final int rows;
    private final int cols;
    private final Cell[] cells;
    private final int startRow;
    private final int startCol;

    GridLayout(String name, String description, Algorithm algorithm, GridWorldParams params,
               int rows, int cols, Cell[] cells, int startRow, int startCol) {
        this.name = checkText("name", name);
        this.description = checkText("description", description);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.params = Objects.requireNonNull(params, "params");
        this.rows = Check.inRange("rows", rows, 1, MAX_SIDE);
        this.cols = Check.inRange("cols", cols, 1, MAX_SIDE);
        if (cells.length != rows * cols) throw new IllegalArgumentException("cells: " + cells.length + " for " + rows + "×" + cols);
        this.cells = cells;
        this.startRow = startRow;
        this.startCol = startCol;
        checkCells();
    }

    // ---------------------------------------------------------------- reading and writing

    /**
     * Reads a layout in the format described above.
     *
     * @param text       the file's contents
     * @param sourceName the file name used in error messages, e.g. {@code frozen.grid}
     * @throws LayoutException naming {@code sourceName}, the line and what is wrong
     */
    public static GridLayout parse(String text, String sourceName) throws LayoutException {
        return new LayoutParser(text, sourceName).parse();
    }

    /** An all-empty layout without a start, running value iteration. */
    public static GridLayout empty(int rows, int cols, GridWorldParams params) {
        Check.inRange("rows", rows, 1, MAX_SIDE);
        Check.inRange("cols", cols, 1, MAX_SIDE);
        Cell[] cells = new Cell[rows * cols];
        Arrays.fill(cells, Cell.empty());
        return new GridLayout("Empty " + rows + "×" + cols, "", Algorithm.VALUE_ITERATION, params,
                rows, cols, cells, -1, -1);
    }

    /** The text of a {@code .grid} file that {@link #parse} reads back to an equal layout. */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(name).append('\n');
        if (!description.isEmpty()) b.append("description: ").append(description).append('\n');
        b.append("algorithm: ").append(algorithm.cliName()).append('\n');
        b.append("gamma: ").append(Format.number(params.gamma())).append('\n');
        b.append("slip: ").append(GridWorldParams.formatSlip(params.slip())).append('\n');
        b.append("living_reward: ").append(Format.number(params.livingReward())).append('\n');
        b.append("bump_reward: ").append(Format.number(params.bumpReward())).append('\n');
        b.append("goal_reward: ").append(Format.number(params.goalReward())).append('\n');
        b.append("pit_reward: ").append(Format.number(params.pitReward())).append('\n');
        for (Cell c : declaredSymbols().values()) {
            if (c.kind() == Kind.TELEPORT) {
                b.append("teleport: ").append(c.symbol()).append(' ').append(c.target()).append(' ')
                        .append(Format.number(c.reward())).append('\n');
            } else if (c.isTerminal()) {
                b.append("terminal: ").append(c.symbol()).append(' ').append(Format.number(c.reward())).append(' ')
                        .append(c.kind() == Kind.GOAL ? "goal" : "pit").append('\n');
            }
        }
        b.append("grid:\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) b.append(' ');
                b.append(r == startRow && c == startCol ? 'S' : cells[r * cols + c].symbol());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Teleport sources and custom terminals by symbol, in row-major order of first appearance. */
    private Map<Character, Cell> declaredSymbols() {
        Map<Character, Cell> declared = new LinkedHashMap<>();
        for (Cell c : cells) {
            boolean declares = c.kind() == Kind.TELEPORT || (c.isTerminal() && !c.isBuiltInTerminal());
            if (declares) declared.putIfAbsent(c.symbol(), c);
        }
        return declared;
    }

    // ---------------------------------------------------------------- accessors

    public String name() { return name; }
    public String description() { return description; }
    public Algorithm algorithm() { return algorithm; }
    public GridWorldParams params() { return params; }
    public int rows() { return rows; }
    public int cols() { return cols; }

    /** The cell at ({@code row}, {@code col}), counting from 0 at the top left. */
    public Cell cell(int row, int col) {
        checkInside(row, col);
        return cells[row * cols + col];
    }

    /** The start cell's row, or −1 when there is no {@code S}. */
    public int startRow() { return startRow; }

    /** The start cell's column, or −1 when there is no {@code S}. */
    public int startCol() { return startCol; }

    /** Where the teleport target {@code symbol} is, as a state index {@code row*cols + col}, or −1. */
    public int find(char symbol) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].symbol() == symbol) return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- editing

    public GridLayout withParams(GridWorldParams p) {
        return new GridLayout(name, description, algorithm, p, rows, cols, cells, startRow, startCol);
    }

    public GridLayout withAlgorithm(Algorithm a) {
        return new GridLayout(name, description, a, params, rows, cols, cells, startRow, startCol);
    }

    /** A copy with another name: one line, without " #" (which would start a comment in the file). */
    public GridLayout withName(String newName) {
        return new GridLayout(newName.strip(), description, algorithm, params, rows, cols, cells, startRow, startCol);
    }

    /** A copy with another description: one line, without " #". */
    public GridLayout withDescription(String newDescription) {
        return new GridLayout(name, newDescription.strip(), algorithm, params, rows, cols, cells, startRow, startCol);
    }

    /**
     * Paints {@code cell} at ({@code row}, {@code col}).
     * <ul>
     *   <li>Painting over a teleport source removes it, and its target too when no other source lands
     *       there; painting over a teleport target removes every source landing on it.</li>
     *   <li>Painting a teleport source or target whose letter is elsewhere on the grid moves it here.
     *       A source needs its target on the grid, and a target needs a source: to make a new pair, use
     *       {@link #withTeleport}.</li>
     *   <li>A custom terminal must agree with other cells of the same symbol (see
     *       {@link #withTerminal}, which picks a symbol for you).</li>
     *   <li>Painting anything but an empty cell over the start removes the start.</li>
     * </ul>
     *
     * @throws IllegalArgumentException when the result would break one of these rules
     */
    public GridLayout withCell(int row, int col, Cell cell) {
        checkInside(row, col);
        Objects.requireNonNull(cell, "cell");
        Cell[] next = cells.clone();
        int at = row * cols + col;
        // 1. A teleport letter already elsewhere (in the same role) moves here.
        if (cell.kind() == Kind.TELEPORT || cell.isTeleportTarget()) {
            for (int i = 0; i < next.length; i++) {
                boolean sameRole = next[i].kind() == cell.kind() && next[i].symbol() == cell.symbol();
                if (i != at && sameRole) next[i] = Cell.empty();
            }
        }
        next[at] = cell;
        // 2. Remove teleports that lost an end.
        removeBrokenTeleports(next);
        if (cell.kind() == Kind.TELEPORT && next[at].kind() != Kind.TELEPORT) {
            throw new IllegalArgumentException("teleport target '" + cell.target()
                    + "' is not on the grid: use withTeleport to place a source and its target together");
        }
        if (cell.isTeleportTarget() && !next[at].isTeleportTarget()) {
            throw new IllegalArgumentException("no teleport lands on '" + cell.symbol()
                    + "': use withTeleport to place a source and its target together");
        }
        boolean keepStart = !(row == startRow && col == startCol) || cell.equals(Cell.empty());
        return new GridLayout(name, description, algorithm, params, rows, cols, next,
                keepStart ? startRow : -1, keepStart ? startCol : -1);
    }

    /**
     * Places a new teleport: leaving ({@code row}, {@code col}) by any action lands on
     * ({@code targetRow}, {@code targetCol}) with {@code reward}. Free letters are chosen (an upper-case
     * source and, when free, its lower-case target). Whatever was at the two cells is painted over.
     */
    public GridLayout withTeleport(int row, int col, int targetRow, int targetCol, double reward) {
        checkInside(row, col);
        checkInside(targetRow, targetCol);
        if (row == targetRow && col == targetCol) throw new IllegalArgumentException("a teleport cannot land on itself");
        GridLayout cleared = withCell(row, col, Cell.empty()).withCell(targetRow, targetCol, Cell.empty());
        char source = cleared.freeSymbol('A', NO_TARGET);
        char lower = Character.toLowerCase(source);
        char target = cleared.isFree(lower) ? lower : cleared.freeSymbol('a', source);
        Cell[] next = cleared.cells.clone();
        next[targetRow * cols + targetCol] = Cell.teleportTarget(target);
        next[row * cols + col] = Cell.teleport(source, target, reward);
        int sr = cleared.startRow;
        int sc = cleared.startCol;
        boolean startHit = (sr == row && sc == col) || (sr == targetRow && sc == targetCol);
        return new GridLayout(name, description, algorithm, params, rows, cols, next,
                startHit ? -1 : sr, startHit ? -1 : sc);
    }

    /**
     * Paints a custom terminal with entry {@code reward}, drawn as {@code kind} (GOAL or PIT). It reuses
     * the symbol of an equal terminal already on the grid, or picks a free letter.
     */
    public GridLayout withTerminal(int row, int col, double reward, Kind kind) {
        for (Cell c : cells) {
            if (c.isTerminal() && !c.isBuiltInTerminal() && c.kind() == kind && c.reward() == reward) {
                return withCell(row, col, c);
            }
        }
        GridLayout cleared = withCell(row, col, Cell.empty());
        return cleared.withCell(row, col, Cell.terminal(cleared.freeSymbol('A', NO_TARGET), reward, kind));
    }

    /** Moves the start to ({@code row}, {@code col}), painting an empty cell there; (−1, −1) removes it. */
    public GridLayout withStart(int row, int col) {
        if (row == -1 && col == -1) {
            return new GridLayout(name, description, algorithm, params, rows, cols, cells, -1, -1);
        }
        GridLayout cleared = withCell(row, col, Cell.empty());
        return new GridLayout(name, description, algorithm, params, rows, cols, cleared.cells, row, col);
    }

    /**
     * A copy with {@code newRows} × {@code newCols} cells: the overlap is kept, new cells are empty, and
     * what falls outside is dropped, with the teleports that lose an end and the start if it is outside.
     */
    public GridLayout withSize(int newRows, int newCols) {
        Check.inRange("rows", newRows, 1, MAX_SIDE);
        Check.inRange("cols", newCols, 1, MAX_SIDE);
        Cell[] next = new Cell[newRows * newCols];
        Arrays.fill(next, Cell.empty());
        for (int r = 0; r < Math.min(rows, newRows); r++) {
            for (int c = 0; c < Math.min(cols, newCols); c++) next[r * newCols + c] = cells[r * cols + c];
        }
        removeBrokenTeleports(next);
        boolean keepStart = startRow < newRows && startCol < newCols;
        return new GridLayout(name, description, algorithm, params, newRows, newCols, next,
                keepStart ? startRow : -1, keepStart ? startCol : -1);
    }

    /** Turns teleport sources without their target, and targets without a source, into empty cells. */
    private static void removeBrokenTeleports(Cell[] grid) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < grid.length; i++) {
                Cell c = grid[i];
                boolean broken = (c.kind() == Kind.TELEPORT && !containsTarget(grid, c.target()))
                        || (c.isTeleportTarget() && !containsSourceFor(grid, c.symbol()));
                if (broken) {
                    grid[i] = Cell.empty();
                    changed = true;
                }
            }
        }
    }

    private static boolean containsTarget(Cell[] grid, char target) {
        for (Cell c : grid) {
            if (c.isTeleportTarget() && c.symbol() == target) return true;
        }
        return false;
    }

    private static boolean containsSourceFor(Cell[] grid, char target) {
        for (Cell c : grid) {
            if (c.kind() == Kind.TELEPORT && c.target() == target) return true;
        }
        return false;
    }

    private boolean isFree(char symbol) {
        for (Cell c : cells) {
            if (c.symbol() == symbol) return false;
        }
        return true;
    }

    /** The first free custom symbol from {@code from} on (A–Z, then a–z, then 0–9), other than {@code not}. */
    private char freeSymbol(char from, char not) {
        StringBuilder order = new StringBuilder();
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            if (isCustomSymbol(c)) order.append(c);
        }
        int begin = Math.max(0, order.indexOf(String.valueOf(from)));
        for (int k = 0; k < order.length(); k++) {
            char c = order.charAt((begin + k) % order.length());
            if (c != not && isFree(c)) return c;
        }
        throw new IllegalStateException("every letter and digit is already in use");
    }

    // ---------------------------------------------------------------- invariants

    private void checkInside(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") is outside the "
                    + rows + "×" + cols + " grid");
        }
    }

    private static String checkText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the " + what + " must be one line");
        }
        if (!text.equals(LayoutParser.stripComment(text).strip())) {
            throw new IllegalArgumentException("the " + what + " cannot start with '#', contain ' #' or "
                    + "have spaces at its ends: '" + text + "'");
        }
        return text;
    }

    /** Symbols mean one thing each; teleports are whole; the start is on an empty cell. */
    private void checkCells() {
        Map<Character, Cell> bySymbol = new LinkedHashMap<>();
        Map<Character, Integer> count = new LinkedHashMap<>();
        for (Cell c : cells) {
            Objects.requireNonNull(c, "cell");
            if (c.symbol() == '.' || c.symbol() == '#') continue;
            Cell first = bySymbol.putIfAbsent(c.symbol(), c);
            if (first != null && !first.equals(c)) {
                throw new IllegalArgumentException("symbol '" + c.symbol() + "' means two things: " + first + " and " + c);
            }
            count.merge(c.symbol(), 1, Integer::sum);
        }
        for (Cell c : bySymbol.values()) {
            boolean teleportLetter = c.kind() == Kind.TELEPORT || c.isTeleportTarget();
            if (teleportLetter && count.get(c.symbol()) > 1) {
                throw new IllegalArgumentException("teleport letter '" + c.symbol() + "' appears "
                        + count.get(c.symbol()) + " times");
            }
            if (c.kind() == Kind.TELEPORT && !containsTarget(cells, c.target())) {
                throw new IllegalArgumentException("teleport target '" + c.target() + "' is not on the grid");
            }
            if (c.isTeleportTarget() && !containsSourceFor(cells, c.symbol())) {
                throw new IllegalArgumentException("no teleport lands on '" + c.symbol() + "'");
            }
        }
        if (startRow != -1 || startCol != -1) {
            checkInside(startRow, startCol);
            if (!cells[startRow * cols + startCol].equals(Cell.empty())) {
                throw new IllegalArgumentException("the start must be on an empty cell, not on "
                        + cells[startRow * cols + startCol]);
            }
        }
    }

    static String printable(char c) {
        return c == NO_TARGET ? "\\0" : String.valueOf(c);
    }

    /** The row-major cells (for the parser's and world's use; never modified). */
    Cell[] cellsUnsafe() {
        return cells;
    }

    /** All teleport sources and custom terminals, for listing allowed symbols. */
    List<Character> symbols() {
        return new ArrayList<>(declaredSymbols().keySet());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridLayout g && rows == g.rows && cols == g.cols && startRow == g.startRow
                && startCol == g.startCol && name.equals(g.name) && description.equals(g.description)
                && algorithm == g.algorithm && params.equals(g.params) && Arrays.equals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, algorithm, params, rows, cols, startRow, startCol, Arrays.hashCode(cells));
    }

    @Override
    public String toString() {
        return "GridLayout[" + name + ", " + rows + "×" + cols + "]";
    }
}
