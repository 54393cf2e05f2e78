package org.mbrllab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.mbrllab.engine.run.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code mbrl-lab COMMAND [OPTIONS]}, without a window.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@code gridworld} solves a grid world (see {@link GridworldCommand}); {@code control} balances or
 *       swings up the cartpole or the pendulum (see {@link ControlCommand}).</li>
 *   <li>{@code mcts} searches one tic-tac-toe or Connect Four position (see {@link MctsCommand}); {@code match}
 *       plays games between two players (see {@link MatchCommand}); {@code alphazero-train} trains a
 *       policy/value network by self-play (see {@link AlphaZeroTrainCommand}).</li>
 *   <li>{@code ensemble} fits an ensemble to the 1-D regression task (see {@link EnsembleCommand}).</li>
 *   <li>{@code mbrl} runs model-based planning V1–V4 on the pendulum or the cartpole (see {@link MbrlCommand}).</li>
 *   <li>{@code mbrl-compare} runs V1–V4 on the same seeds and prints the returns as CSV (see {@link MbrlCompareCommand}).</li>
 *   <li>{@code dyna} runs Q-learning, Dyna-Q, Dyna-Q+ or prioritized sweeping in the mazes of Sutton &amp; Barto's
 *       chapter 8 over many seeds (see {@link DynaCommand}).</li>
 *   <li>{@code bench value-iteration}, {@code bench mcts}, {@code bench ilqr} and {@code bench ensemble} time
 *       the engines (see {@link BenchValueIterationCommand}, {@link BenchMctsCommand},
 *       {@link BenchIlqrCommand}, {@link BenchEnsembleCommand}).</li>
 *   <li>{@code --help} after any command lists its options. {@code --lessons DIR}, before or after the
 *       command, reads lesson files such as the grid presets through the lesson catalogue with DIR added
 *       (see {@link LessonFiles}).</li>
 *   <li>Exit 0 on success. Usage errors (an unknown command or option, a bad or out-of-range value, an
 *       unknown preset, a broken or too large layout file, an output path that cannot be written, a bad
 *       board, an unknown player, an option that does not apply) print one line {@code error: …} to the
 *       error stream and exit 2, before any work. A run that fails (the values diverge, a result is not
 *       finite, the time limit is reached, the output cannot be written) prints one line {@code error: …}
 *       and exits 1.</li>
 * </ul>
 * Nothing here touches JavaFX, and nothing calls {@code System.exit}: {@link #run} returns the code.
 */
public final class Cli {
    private Cli() {}

    /** Exit code for a usage error. */
    public static final int USAGE = 2;
    /** Exit code for a run that failed. */
    public static final int FAILED = 1;

    /**
     * The command names, in the order of {@link Top}'s {@code subcommands}: the one list that help, dispatch,
     * error messages and the launcher share.
     */
    static List<String> commands() {
        return List.copyOf(new CommandLine(new Top()).getSubcommands().keySet());
    }

    /** Whether {@code arg} names a command, so that the launcher runs the command line, not the app. */
    public static boolean isCommand(String arg) {
        return commands().contains(arg);
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments, starting with the command
     * @param out  where results go
     * @param err  where errors go
     * @return the exit code: 0 success, 1 failed run, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Top());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((e, ignored) -> {
            errWriter.println("error: " + oneLine(describe(e)));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError) {
                errWriter.println("error: " + oneLine(e.getMessage()));
                return USAGE;
            }
            String message = e instanceof DivergenceException || e.getMessage() != null ? e.getMessage() : e.toString();
            errWriter.println("error: " + oneLine(message));
            return FAILED;
        });
        int code = cli.execute(args);
        outWriter.flush();
        // PrintWriter and PrintStream swallow write errors (a full disk, a closed pipe): ask them.
        if (code == 0 && (outWriter.checkError() || out.checkError())) {
            errWriter.println("error: could not write the output to standard output (disk full or pipe closed?)");
            code = FAILED;
        }
        errWriter.flush();
        return code;
    }

    /** A picocli parse error in our words: "unknown command 'x' (commands: …)", "unknown option '--x'" … */
    private static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
            boolean topLevel = u.getCommandLine().getParent() == null;
            if (arg.startsWith("-")) return "unknown option '" + arg + "'" + hint;
            if (topLevel) return "unknown command '" + arg + "' (commands: " + String.join(", ", commands()) + ")";
            boolean group = !u.getCommandLine().getSubcommands().isEmpty();
            return group ? "unknown " + u.getCommandLine().getCommandName() + " command '" + arg + "' (commands: "
                    + String.join(", ", u.getCommandLine().getSubcommands().keySet()) + ")"
                    : "unexpected argument '" + arg + "'";
        }
        return e.getMessage();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Thrown by a command for a usage error found after parsing (a range, an unknown preset …). */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** Thrown by a command whose run failed after its options were accepted (exit 1). */
    static final class RunFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailed(String message) {
            super(message);
        }
    }

    /** Shared {@code -h}/{@code --help}. */
    static final class HelpOption {
        @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    @Command(name = "mbrl-lab", sortOptions = false,
            description = "Model-based RL lab: run the course's algorithms without a window.",
            subcommands = {GridworldCommand.class, ControlCommand.class, MctsCommand.class, MatchCommand.class,
                AlphaZeroTrainCommand.class, EnsembleCommand.class, MbrlCommand.class, MbrlCompareCommand.class,
                DynaCommand.class, MeTrpoCommand.class, WorldModelsCommand.class, DreamerCommand.class,
                TokenWorldModelCommand.class, BenchCommand.class},
            footer = {"", "Exit codes: 0 success, 1 the run failed (e.g. diverged), 2 usage error.",
                "Run 'mbrl-lab COMMAND --help' for the options of a command."})
    static final class Top implements Callable<Integer> {
        @CommandLine.Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @CommandLine.Option(names = "--lessons", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
                description = "An external lessons folder, as for the app: its lessons replace bundled ones with "
                        + "the same id, and their presets (gridworld --preset) are used.")
        java.nio.file.Path lessons;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "missing command (commands: " + String.join(", ", commands())
                    + "); try --help");
        }
    }

    @Command(name = "bench", sortOptions = false,
            description = "Time an engine. Benchmarks: value-iteration, mcts, ilqr, ensemble.",
            subcommands = {BenchValueIterationCommand.class, BenchMctsCommand.class, BenchIlqrCommand.class,
                BenchEnsembleCommand.class})
    static final class BenchCommand implements Callable<Integer> {
        @CommandLine.Mixin
        HelpOption help;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "bench needs a benchmark (commands: "
                    + String.join(", ", spec.subcommands().keySet()) + ")");
        }
    }
}
