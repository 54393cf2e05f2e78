package org.mbrllab.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import org.mbrllab.app.BuildInfo;

/**
 * Help › About: what this copy is (version, commit, build time, the Java it runs on), where it keeps files
 * in the user's home (which an uninstaller leaves behind), and the licences of the libraries it bundles.
 * The text sits in a read-only text area so that a student can copy it into a bug report. The text is
 * built by {@link #text} without the toolkit, so it is tested as plain text.
 */
public final class AboutDialog {

    private AboutDialog() {}

    /**
     * A bundled library and its licence.
     *
     * @param name      what the library is called, as its project calls itself
     * @param licence   its licence, as its POM or licence file states it
     * @param artifacts the {@code groupId:artifactId} of its jars that the app depends on directly in
     *                  {@code pom.xml} (empty for a library that only comes in through another)
     */
    public record Library(String name, String licence, List<String> artifacts) {
        public Library {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(licence, "licence");
            artifacts = List.copyOf(artifacts);
        }
    }

    private static final String APACHE = "Apache License 2.0";
    private static final String GPL_CE = "GNU GPL 2 with the Classpath Exception";

    /** Every library in the installers' runtime, the ones in {@code pom.xml} first (a test checks them). */
    public static final List<Library> LIBRARIES = List.of(
            new Library("Java runtime (OpenJDK, in the installers)", GPL_CE, List.of()),
            new Library("OpenJFX (JavaFX)", GPL_CE, List.of("org.openjfx:javafx-base", "org.openjfx:javafx-graphics",
                    "org.openjfx:javafx-controls", "org.openjfx:javafx-swing")),
            new Library("ND4J (Eclipse Deeplearning4j)", APACHE, List.of("org.nd4j:nd4j-native")),
            new Library("JFreeChart and JFreeChart-FX", "GNU LGPL 2.1",
                    List.of("org.jfree:jfreechart", "org.jfree:org.jfree.chart.fx")),
            new Library("Apache Commons Math", APACHE, List.of("org.apache.commons:commons-math3")),
            new Library("JLaTeXMath", "GNU GPL 2 or later with the Classpath Exception",
                    List.of("org.scilab.forge:jlatexmath")),
            new Library("commonmark-java", "BSD 2-Clause",
                    List.of("org.commonmark:commonmark", "org.commonmark:commonmark-ext-gfm-tables")),
            new Library("Jackson", APACHE, List.of("com.fasterxml.jackson.core:jackson-databind",
                    "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml")),
            new Library("SnakeYAML", APACHE, List.of("org.yaml:snakeyaml")),
            new Library("picocli", APACHE, List.of("info.picocli:picocli")),
            new Library("SLF4J", "MIT License", List.of("org.slf4j:slf4j-simple")),
            new Library("JavaCPP (with ND4J)", APACHE + " (or GNU GPL 2 with the Classpath Exception)",
                    List.of("org.bytedeco:javacpp")),
            new Library("OpenBLAS (with ND4J)", "BSD 3-Clause", List.of("org.bytedeco:openblas")),
            new Library("FXGraphics2D (with JFreeChart-FX)", "BSD 3-Clause", List.of()),
            new Library("Guava, FlatBuffers, Commons IO, Lang, Codec, Compress, Collections, Net, "
                    + "byteunits, neoitertools (with ND4J)", APACHE, List.of()),
            new Library("Protocol Buffers, ThreeTen backport (with ND4J)", "BSD 3-Clause", List.of()),
            new Library("JNA (with ND4J)", "GNU LGPL 2.1 or Apache License 2.0", List.of()),
            new Library("OSHI 3 (with ND4J)", "Eclipse Public License 1.0", List.of()));

    /** ND4J unpacks its native libraries here on first use (JavaCPP's cache; a system property moves it). */
    static Path nativeCache() {
        String dir = System.getProperty("org.bytedeco.javacpp.cachedir");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
    }

    /**
     * The dialog's text.
     *
     * @param build       what this copy is
     * @param settings    the settings file ({@link Settings#defaultPath()})
     * @param nativeCache where ND4J unpacks its natives
     */
    public static String text(BuildInfo build, Path settings, Path nativeCache) {
        StringBuilder s = new StringBuilder();
        s.append("MBRL Lab ").append(build.version()).append('\n');
        s.append("Build: commit ").append(build.commit()).append(", built ").append(build.buildTime()).append('\n');
        s.append("Java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append("), ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append("\n\n");
        s.append("Settings live in ").append(settings).append(".\n")
                .append("Delete that file to start from the defaults.\n");
        s.append("ND4J unpacks its native libraries (about 400 MB) into ").append(nativeCache).append(",\n")
                .append("JavaFX its own (a few MB) into ").append(Path.of(System.getProperty("user.home"), ".openjfx", "cache"))
                .append(".\nUninstalling the app leaves these files; delete them by hand to remove every trace.\n\n");
        s.append("Bundled libraries and their licences:\n");
        for (Library l : LIBRARIES) s.append("  ").append(l.name()).append(": ").append(l.licence()).append('\n');
        return s.toString();
    }

    /** The dialog for the running app; the caller owns and styles it, then shows it. */
    public static Alert create() {
        TextArea text = new TextArea(text(BuildInfo.current(), Settings.defaultPath(), nativeCache()));
        text.setId("about-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(70);
        text.setPrefRowCount(24);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle("About MBRL Lab");
        alert.setHeaderText("MBRL Lab: watch and steer the algorithms of model-based reinforcement learning");
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        return alert;
    }
}
