package org.mbrllab.lessons;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * All lessons this build can show, and what was wrong with the lesson files.
 *
 * <p>A lesson is a folder holding {@code lesson.md} (YAML front matter between {@code ---} lines, then
 * Markdown) and optionally a {@code presets/} folder. Lessons come from the classpath folder
 * {@code lessons/} (a directory during development, the jar's root when installed) and from an optional
 * external folder given with {@code --lessons DIR}; an external lesson replaces a bundled one with the
 * same id. Other files in a lessons folder, such as its README, are ignored. Everything is read eagerly,
 * so a catalog holds no open file system.
 *
 * @param lessons  sorted by part, then order, then title
 * @param problems every broken file, with its line, in the order found
 */
public record LessonCatalog(List<Lesson> lessons, List<LessonProblem> problems) {

    /** The classpath folder of the bundled lessons, and how their sources are named. */
    public static final String BUNDLED_FOLDER = "lessons";

    static final Comparator<Lesson> ORDER = Comparator.comparing(Lesson::part)
            .thenComparingInt(Lesson::order)
            .thenComparing(Lesson::title);

    public LessonCatalog {
        lessons = lessons.stream().sorted(ORDER).toList();
        problems = List.copyOf(problems);
    }

    /** Bundled lessons, then those of {@code externalDir} (which win on equal ids). */
    public static LessonCatalog load(Optional<Path> externalDir, PaneInfo panes) {
        return load(bundledUrl(), externalDir, panes);
    }

    /**
     * The classpath folder {@code lessons/}, or null. A jar built without directory entries has no
     * resource for the folder itself, so the README inside it is looked up as well.
     */
    static URL bundledUrl() {
        URL folder = LessonCatalog.class.getResource("/" + BUNDLED_FOLDER);
        if (folder != null) return folder;
        URL readme = LessonCatalog.class.getResource("/" + BUNDLED_FOLDER + "/README.md");
        if (readme == null) return null;
        String s = readme.toString();
        try {
            return new URL(s.substring(0, s.length() - "/README.md".length()));
        } catch (java.net.MalformedURLException e) {
            return null;
        }
    }

    /**
     * Lessons under a classpath URL ({@code file:} or {@code jar:file:…!/lessons}; null for none), then
     * those of {@code externalDir}.
     */
    static LessonCatalog load(URL bundled, Optional<Path> externalDir, PaneInfo panes) {
        List<LessonCatalog> parts = new ArrayList<>();
        if (bundled != null) parts.add(scanUrl(bundled, panes));
        externalDir.ifPresent(dir -> {
            Path abs = dir.toAbsolutePath().normalize();
            parts.add(Files.isDirectory(abs) ? scan(abs, null, panes)
                    : new LessonCatalog(List.of(), List.of(new LessonProblem(abs.toString(), 0,
                            "lessons folder not found"))));
        });
        return merge(parts);
    }

    /**
     * Reads every lesson folder directly under {@code root}, which may be a directory or a path inside a
     * zip or jar file system.
     *
     * @param root       the folder holding one sub-folder per lesson
     * @param sourceName how to name files in lessons and problems: {@code sourceName/<folder>/lesson.md};
     *                   null names them by their absolute path
     * @param panes      the panes of this build
     */
    public static LessonCatalog scan(Path root, String sourceName, PaneInfo panes) {
        List<LessonProblem> problems = new ArrayList<>();
        LessonReader.Sources sources = sourceName == null
                ? file -> file.toAbsolutePath().normalize().toString()
                : file -> sourceName + "/" + relative(root, file);
        LessonReader reader = new LessonReader(panes, sources);
        List<Path> folders;
        try (Stream<Path> s = Files.list(root)) {
            folders = s.filter(p -> !name(p).startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(LessonReader.LESSON_FILE)))
                    .sorted(Comparator.comparing(LessonCatalog::name))
                    .toList();
        } catch (IOException e) {
            return new LessonCatalog(List.of(), List.of(new LessonProblem(
                    sourceName == null ? root.toAbsolutePath().toString() : sourceName, 0, "cannot list: " + e)));
        }
        Map<String, Lesson> byId = new LinkedHashMap<>();
        for (Path folder : folders) {
            reader.read(folder, problems).ifPresent(lesson -> {
                Lesson other = byId.putIfAbsent(lesson.id(), lesson);
                if (other != null) {
                    problems.add(new LessonProblem(lesson.source(), 0, "id '" + lesson.id()
                            + "' is already used by " + other.source() + "; this lesson is left out"));
                }
            });
        }
        return new LessonCatalog(new ArrayList<>(byId.values()), problems);
    }

    /** The lesson with this id. */
    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lessons of one part, in navigator order. */
    public List<Lesson> lessons(Part part) {
        return lessons.stream().filter(l -> l.part() == part).toList();
    }

    /** Later catalogs replace lessons of earlier ones with the same id; problems are kept from all. */
    private static LessonCatalog merge(List<LessonCatalog> catalogs) {
        Map<String, Lesson> byId = new LinkedHashMap<>();
        List<LessonProblem> problems = new ArrayList<>();
        for (LessonCatalog c : catalogs) {
            c.lessons.forEach(l -> byId.put(l.id(), l));
            problems.addAll(c.problems);
        }
        return new LessonCatalog(new ArrayList<>(byId.values()), problems);
    }

    /** Scans a classpath folder, opening the jar as a zip file system when needed. */
    private static LessonCatalog scanUrl(URL url, PaneInfo panes) {
        try {
            if (url.getProtocol().equals("jar")) {
                String spec = url.toURI().toString();          // jar:file:/…/app.jar!/lessons
                int bang = spec.indexOf("!/");
                Path jar = Path.of(new URI(spec.substring("jar:".length(), bang)));
                String inside = spec.substring(bang + 1);
                try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                    return scan(zip.getPath(inside), BUNDLED_FOLDER, panes);
                }
            }
            return scan(Path.of(url.toURI()), BUNDLED_FOLDER, panes);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new LessonCatalog(List.of(), List.of(new LessonProblem(url.toString(), 0,
                    "cannot open the bundled lessons: " + e)));
        }
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        List<String> names = new ArrayList<>();
        rel.forEach(p -> names.add(name(p)));
        return names.stream().collect(Collectors.joining("/"));
    }

    /** A path's last name, without the trailing slash some zip file systems give folders. */
    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? "" : n.toString().replace("/", "");
    }
}
