package org.mbrllab.engine.dp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The preset layouts that ship with the app: the {@code .grid} files in the classpath folder
 * {@value #FOLDER} (the project's {@code lessons/} folder is copied to the root of the classes and of the
 * jar). They are found through {@value #ANCHOR}, which lives in the same folder, so the listing works
 * from a classes directory and from inside a jar alike.
 */
public final class GridPresets {
    private GridPresets() {}

    /** The classpath folder of the presets. */
    public static final String FOLDER = "lessons/dynamic-programming/presets";
    /** A file in {@link #FOLDER} that marks where it is. */
    public static final String ANCHOR = "FORMAT.md";

    private static final String SUFFIX = ".grid";

    /** The preset names (file names without {@code .grid}), sorted. */
    public static List<String> names() {
        URL anchor = loader().getResource(FOLDER + "/" + ANCHOR);
        if (anchor == null) return List.of();
        List<String> names = new ArrayList<>();
        try {
            if (anchor.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    String prefix = FOLDER + "/";
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        String rest = entry.startsWith(prefix) ? entry.substring(prefix.length()) : "";
                        if (rest.endsWith(SUFFIX) && !rest.contains("/")) names.add(rest);
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                    files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(SUFFIX)).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the presets in " + FOLDER, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the presets in " + FOLDER, e);
        }
        return names.stream().map(f -> f.substring(0, f.length() - SUFFIX.length())).sorted().toList();
    }

    /**
     * The text of the preset {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static String text(String name) {
        InputStream in = name.matches("[A-Za-z0-9._-]+") ? loader().getResourceAsStream(FOLDER + "/" + name + SUFFIX) : null;
        if (in == null) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (available: " + String.join(", ", names()) + ")");
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name, e);
        }
    }

    /**
     * The preset {@code name} read into a layout.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     * @throws LayoutException          if the file is broken (a bug in the shipped presets; tests read them all)
     */
    public static GridLayout load(String name) throws LayoutException {
        return GridLayout.parse(text(name), name + SUFFIX);
    }

    private static ClassLoader loader() {
        return GridPresets.class.getClassLoader();
    }
}
