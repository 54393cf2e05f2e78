package org.mbrllab.app.lessons.mcts;

import org.mbrllab.engine.play.StepSize;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.BoardException;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.alphazero.PlayerSpec;
import org.mbrllab.engine.mcts.Rollout;
import org.mbrllab.engine.play.Mode;

/**
 * The MCTS pane's preset file ({@code .mcts}): one {@code key: value} per line, {@code #} starts a comment.
 * Every key is optional; a missing key keeps the pane's default.
 *
 * <pre>
 * game: tictactoe            # tictactoe | connect4
 * board: XX.OO....           # start position (board string of the command line); default empty
 * mode: play                 # play | match
 * mcts_plays: X              # X | O
 * opponent: minimax          # match mode: random | minimax | minimax:DEPTH | mcts:SIMS | mcts:SIMS:C
 * rollout: uniform           # uniform | take-win
 * tree_reuse: true
 * auto_answer: true          # play mode: MCTS answers a click at once
 * step: simulation           # phase | simulation | batch | budget
 * c: 1.4142135623730951
 * simulations: 1000
 * batch: 100
 * </pre>
 *
 * @param board the start position, or empty for the empty board
 * @param numbers the numeric parameters given, by key
 */
record MctsPreset(Game game, String board, Mode mode, int mctsSide, String opponent, Rollout rollout, boolean reuse,
                  boolean autoAnswer, StepSize step, Map<String, Double> numbers) {

    MctsPreset {
        numbers = Map.copyOf(numbers);
        board = board == null ? "" : board;
    }

    /**
     * Reads preset text over {@code defaults}.
     *
     * @throws IllegalArgumentException "source:line: problem" for the first problem
     */
    static MctsPreset parse(String text, String source, MctsPreset defaults) {
        Game game = defaults.game;
        String board = defaults.board;
        Mode mode = defaults.mode;
        int side = defaults.mctsSide;
        String opponent = defaults.opponent;
        Rollout rollout = defaults.rollout;
        boolean reuse = defaults.reuse;
        boolean auto = defaults.autoAnswer;
        StepSize step = defaults.step;
        Map<String, Double> numbers = new LinkedHashMap<>(defaults.numbers);
        boolean boardGiven = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String where = source + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(where + "expected 'key: value', got '" + line + "'");
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            try {
                switch (key) {
                    case "game" -> game = Game.fromCliName(value);
                    case "board" -> {
                        board = value;
                        boardGiven = true;
                    }
                    case "mode" -> mode = switch (value.toLowerCase(Locale.ROOT)) {
                        case "play" -> Mode.PLAY;
                        case "match" -> Mode.MATCH;
                        default -> throw new IllegalArgumentException("mode must be play or match, got '" + value + "'");
                    };
                    case "mcts_plays" -> side = switch (value.toUpperCase(Locale.ROOT)) {
                        case "X" -> Side.X;
                        case "O" -> Side.O;
                        default -> throw new IllegalArgumentException("mcts_plays must be X or O, got '" + value + "'");
                    };
                    case "opponent" -> {
                        PlayerSpec spec = PlayerSpec.parse(value);
                        if (spec.kind() == PlayerSpec.Kind.ALPHAZERO) {
                            throw new IllegalArgumentException("opponent alphazero is not available in this pane");
                        }
                        opponent = value;
                    }
                    case "rollout" -> rollout = switch (value.toLowerCase(Locale.ROOT)) {
                        case "uniform" -> Rollout.UNIFORM_RANDOM;
                        case "take-win" -> Rollout.TAKE_IMMEDIATE_WIN;
                        default -> throw new IllegalArgumentException("rollout must be uniform or take-win, got '" + value + "'");
                    };
                    case "tree_reuse" -> reuse = bool(key, value);
                    case "auto_answer" -> auto = bool(key, value);
                    case "step" -> step = switch (value.toLowerCase(Locale.ROOT)) {
                        case "phase" -> StepSize.PHASE;
                        case "simulation" -> StepSize.SIMULATION;
                        case "batch" -> StepSize.BATCH;
                        case "budget" -> StepSize.BUDGET;
                        default -> throw new IllegalArgumentException("step must be phase, simulation, batch or budget, got '" + value + "'");
                    };
                    case MctsViewModel.C, MctsViewModel.SIMULATIONS, MctsViewModel.BATCH -> {
                        double v;
                        try {
                            v = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
                        }
                        MctsViewModel.parameterSpecs().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().validate(v);
                        numbers.put(key, v);
                    }
                    default -> throw new IllegalArgumentException("unknown key '" + key
                            + "' (keys: game, board, mode, mcts_plays, opponent, rollout, tree_reuse, auto_answer, step, c, simulations, batch)");
                }
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(where)) throw e;
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (game != defaults.game && !boardGiven) board = "";
        if (!board.isEmpty()) {
            try {
                game.parse(board);
            } catch (BoardException e) {
                throw new IllegalArgumentException(source + ": board: " + e.getMessage(), e);
            }
        }
        return new MctsPreset(game, board, mode, side, opponent, rollout, reuse, auto, step, numbers);
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        };
    }

    MctsPreset withBoard(String b) {
        return new MctsPreset(game, b, mode, mctsSide, opponent, rollout, reuse, autoAnswer, step, numbers);
    }

    /** The preset as text that {@link #parse} reads back. */
    String format() {
        StringBuilder sb = new StringBuilder("# MBRL Lab MCTS preset\n");
        sb.append("game: ").append(game.cliName()).append('\n');
        if (!board.isEmpty()) sb.append("board: ").append(board).append('\n');
        sb.append("mode: ").append(mode == Mode.PLAY ? "play" : "match").append('\n');
        sb.append("mcts_plays: ").append(Side.name(mctsSide)).append('\n');
        sb.append("opponent: ").append(opponent).append('\n');
        sb.append("rollout: ").append(rollout == Rollout.UNIFORM_RANDOM ? "uniform" : "take-win").append('\n');
        sb.append("tree_reuse: ").append(reuse).append('\n');
        sb.append("auto_answer: ").append(autoAnswer).append('\n');
        sb.append("step: ").append(step.name().toLowerCase(Locale.ROOT)).append('\n');
        for (var spec : MctsViewModel.parameterSpecs()) {
            Double v = numbers.get(spec.key());
            if (v != null) sb.append(spec.key()).append(": ").append(Format.number(v)).append('\n');
        }
        return sb.toString();
    }
}
