package org.mbrllab;

/**
 * The jar's entry point. With a command ({@code gridworld}, {@code bench}, …), also after
 * {@code --lessons DIR}, it runs headless and never touches the toolkit; otherwise it opens the window.
 * This class is deliberately not the JavaFX {@code Application}, so that the shaded jar starts with plain
 * {@code java -jar}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (isCommandLine(args)) System.exit(org.mbrllab.cli.Cli.run(args, System.out, System.err));
        org.mbrllab.app.MbrlLabApp.main(args);
    }

    /**
     * Whether the arguments are for the command line: anything but the app's own {@code --app} and
     * {@code --lessons DIR} (or {@code --lessons=DIR}), which go to the command line only when a command
     * follows them.
     */
    public static boolean isCommandLine(String... args) {
        if (args.length == 0 || args[0].equals("--app")) return false;
        if (!args[0].startsWith("--lessons")) return true;
        int next = args[0].equals("--lessons") ? 2 : 1;
        return next < args.length && org.mbrllab.cli.Cli.isCommand(args[next]);
    }
}
