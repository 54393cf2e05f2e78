package org.mbrllab;

/**
 * The jar's entry point. With a command ({@code gridworld}, {@code bench}, …) it runs headless and never
 * touches the toolkit; otherwise it opens the window. This class is deliberately not the JavaFX
 * {@code Application}, so that the shaded jar starts with plain {@code java -jar}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--lessons") && !args[0].equals("--app")) {
            System.exit(org.mbrllab.cli.Cli.run(args, System.out, System.err));
        }
        org.mbrllab.app.MbrlLabApp.main(args);
    }
}
