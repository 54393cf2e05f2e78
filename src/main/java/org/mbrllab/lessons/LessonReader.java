package org.mbrllab.lessons;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.mbrllab.engine.core.Format;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one lesson folder ({@code lesson.md} and {@code presets/}) into a {@link Lesson}.
 *
 * <p>Two kinds of problems are reported. Those that decide where or whether the lesson appears (bad or
 * missing front matter, a missing title, part, order or pane, a pane this build does not have) leave the
 * lesson out. Those inside the lesson (an unknown key, a missing preset, a preset file the pane cannot
 * read, a bad parameter) drop only the faulty item, and the lesson still loads. Every problem is
 * reported: a lesson that silently disappears is the hardest mistake for a lecturer to find.
 */
final class LessonReader {

    static final String LESSON_FILE = "lesson.md";
    static final String PRESETS_FOLDER = "presets";
    /** Files in {@code presets/} with this ending are notes for lecturers (such as a format's description), not presets. */
    static final String NOTES_ENDING = ".md";

    /** Front-matter keys, in the order the README documents them. */
    static final List<String> KEYS = List.of("id", "title", "part", "order", "pane", "summary", "presets",
            "default_preset", "parameters");

    private final PaneInfo panes;
    private final Sources sources;

    /** How files under a root are named in lessons and problems. */
    interface Sources {
        String name(Path file);
    }

    LessonReader(PaneInfo panes, Sources sources) {
        this.panes = panes;
        this.sources = sources;
    }

    /**
     * Reads the lesson in {@code folder}. Adds its problems to {@code problems}; returns empty when the
     * lesson is left out.
     */
    Optional<Lesson> read(Path folder, List<LessonProblem> problems) {
        Path file = folder.resolve(LESSON_FILE);
        String source = sources.name(file);
        List<LessonProblem> found = new ArrayList<>();
        Optional<Lesson> lesson;
        try {
            lesson = new Parse(folder, source, found).lesson(readText(file));
        } catch (CharacterCodingException e) {
            found.add(new LessonProblem(source, 0, "cannot read: the file is not UTF-8 text"));
            lesson = Optional.empty();
        } catch (IOException e) {
            found.add(new LessonProblem(source, 0, "cannot read: " + e));
            lesson = Optional.empty();
        }
        problems.addAll(found);
        return lesson;
    }

    /** The most bytes read from one lesson file; lesson text is cut far below this when it is shown. */
    static final int MAX_FILE_BYTES = 4 << 20;
    /** What a lesson's data tables end with. */
    static final String DATA_ENDING = ".csv";

    /**
     * The file as UTF-8; a malformed byte is an error rather than a silent replacement character.
     *
     * @throws IOException also for a file over {@link #MAX_FILE_BYTES}, which is not read past that
     */
    private static String readText(Path file) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new IOException("the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB, the most a lesson file may be");
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** One parse of one file; collects its problems. */
    private final class Parse {
        private final Path folder;
        private final String source;
        private final List<LessonProblem> problems;
        private int yamlFirstLine;

        Parse(Path folder, String source, List<LessonProblem> problems) {
            this.folder = folder;
            this.source = source;
            this.problems = problems;
        }

        Optional<Lesson> lesson(String text) throws IOException {
            // 1. Cut the file into front matter and Markdown.
            FrontMatter fm;
            try {
                fm = FrontMatter.split(text);
            } catch (FrontMatter.MissingException e) {
                return problem(e.line, e.getMessage());
            }
            yamlFirstLine = fm.yamlFirstLine();

            // 2. Parse the YAML into nodes, which keep their line numbers.
            Node root;
            try {
                root = new Yaml(new LoaderOptions()).compose(new StringReader(fm.yaml()));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
                return problem(mark == null ? yamlFirstLine : line(mark), "bad YAML in front matter: " + what);
            } catch (YAMLException e) {
                return problem(yamlFirstLine, "bad YAML in front matter: " + e.getMessage());
            }
            if (root == null) {
                return problem(yamlFirstLine - 1, "front matter is empty; title, part, order and pane are required");
            }
            if (!(root instanceof MappingNode mapping)) {
                return problem(line(root), "front matter must be 'key: value' lines");
            }
            Map<String, NodeTuple> keys = keys(mapping);

            // 3. The pane must be one of this build's; the lesson's other fields are still checked.
            Optional<String> pane = required(keys, "pane", mapping).map(String::strip).filter(p -> {
                if (panes.exists(p)) return true;
                List<String> known = panes.names();
                problem(valueLine(keys.get("pane")), "unknown pane '" + p + "'" + suggestion(p, known)
                        + "; this lesson is left out" + (known.isEmpty() ? "" : "; known panes: "
                        + String.join(", ", known)));
                return false;
            });

            // 4. Fields that place the lesson in the navigator: without them it is left out.
            Optional<String> title = required(keys, "title", mapping);
            Optional<Part> part = required(keys, "part", mapping).flatMap(key -> {
                Optional<Part> p = Part.fromKey(key);
                if (p.isEmpty()) {
                    problem(valueLine(keys.get("part")), "unknown part '" + key + "'; allowed: " + Part.allowedKeys());
                }
                return p;
            });
            Optional<Integer> order = required(keys, "order", mapping).flatMap(s -> {
                try {
                    return Optional.of(Integer.parseInt(s.strip()));
                } catch (NumberFormatException e) {
                    problem(valueLine(keys.get("order")), "order must be a whole number, not '" + s + "'");
                    return Optional.empty();
                }
            });

            // 5. Fields inside the lesson: a bad one is reported and dropped.
            String folderName = folder.getFileName().toString().replace("/", "");
            String id = optional(keys, "id").filter(s -> !s.isBlank()).orElse(folderName).strip();
            String summary = optional(keys, "summary").orElse("").strip();
            Map<String, PresetFile> presetFiles = presetFiles();
            List<String> presets = presets(keys.get("presets"), presetFiles);
            pane.ifPresent(p -> presets.removeIf(name -> unreadable(p, presetFiles.get(name))));
            String defaultPreset = defaultPreset(keys.get("default_preset"), presets);
            Map<String, Double> parameters = pane.isPresent()
                    ? parameters(keys.get("parameters"), pane.get()) : Map.of();

            if (pane.isEmpty() || title.isEmpty() || part.isEmpty() || order.isEmpty()) return Optional.empty();
            return Optional.of(new Lesson(id, title.get().strip(), part.get(), order.get(), pane.get(),
                    summary, presets, defaultPreset, parameters, fm.markdown(), source, presetFiles, dataFiles()));
        }

        /** The keys of the front matter; reports non-text, duplicate and unknown keys. */
        private Map<String, NodeTuple> keys(MappingNode mapping) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    problem(line(t.getKeyNode()), "a front-matter key must be a plain word");
                    continue;
                }
                String key = k.getValue();
                if (keys.containsKey(key)) {
                    problem(line(k), "key '" + key + "' appears twice; the first one is used");
                } else if (!KEYS.contains(key)) {
                    problem(line(k), "unknown key '" + key + "'" + suggestion(key) + "; known keys: "
                            + String.join(", ", KEYS));
                } else {
                    keys.put(key, t);
                }
            }
            return keys;
        }

        private Optional<String> required(Map<String, NodeTuple> keys, String key, MappingNode mapping) {
            NodeTuple t = keys.get(key);
            if (t == null) {
                problem(yamlFirstLine - 1, "missing '" + key + ":' in the front matter");
                return Optional.empty();
            }
            Optional<String> value = scalar(t, key);
            if (value.isPresent() && value.get().isBlank()) {
                problem(line(t.getKeyNode()), "'" + key + ":' is empty");
                return Optional.empty();
            }
            return value;
        }

        private Optional<String> optional(Map<String, NodeTuple> keys, String key) {
            NodeTuple t = keys.get(key);
            return t == null ? Optional.empty() : scalar(t, key);
        }

        private Optional<String> scalar(NodeTuple t, String key) {
            if (t.getValueNode() instanceof ScalarNode s) return Optional.of(s.getValue());
            problem(valueLine(t), "'" + key + ":' must be a single value, not a list or a mapping");
            return Optional.empty();
        }

        /** The data tables beside {@code lesson.md} ({@value #DATA_ENDING}), by file name. */
        private Map<String, PresetFile> dataFiles() throws IOException {
            Map<String, PresetFile> files = new TreeMap<>();
            List<Path> paths;
            try (Stream<Path> s = Files.list(folder)) {
                paths = s.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(DATA_ENDING))
                        .sorted().toList();
            }
            for (Path p : paths) {
                String fileName = p.getFileName().toString().replace("/", "");
                String dataSource = sources.name(p);
                try {
                    files.put(fileName, new PresetFile(fileName, dataSource, readText(p)));
                } catch (CharacterCodingException e) {
                    problems.add(new LessonProblem(dataSource, 0, "cannot read: the file is not UTF-8 text"));
                } catch (IOException e) {
                    problems.add(new LessonProblem(dataSource, 0, "cannot read: " + e.getMessage()));
                }
            }
            return files;
        }

        /** Every file in {@code presets/} but notes ({@code *.md}), by name without extension. */
        private Map<String, PresetFile> presetFiles() throws IOException {
            Path dir = folder.resolve(PRESETS_FOLDER);
            Map<String, PresetFile> files = new TreeMap<>();
            if (!Files.isDirectory(dir)) return files;
            List<Path> paths;
            try (Stream<Path> s = Files.list(dir)) {
                paths = s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(NOTES_ENDING))
                        .sorted().toList();
            }
            for (Path p : paths) {
                String fileName = p.getFileName().toString().replace("/", "");
                int dot = fileName.lastIndexOf('.');
                String name = dot > 0 ? fileName.substring(0, dot) : fileName;
                String presetSource = sources.name(p);
                if (files.containsKey(name)) {
                    problems.add(new LessonProblem(presetSource, 0, "another preset file is also named '" + name
                            + "' (" + files.get(name).source() + "); this one is ignored"));
                    continue;
                }
                try {
                    files.put(name, new PresetFile(name, presetSource, readText(p)));
                } catch (CharacterCodingException e) {
                    problems.add(new LessonProblem(presetSource, 0, "cannot read: the file is not UTF-8 text"));
                } catch (IOException e) {
                    problems.add(new LessonProblem(presetSource, 0, "cannot read: " + e.getMessage()));
                }
            }
            return files;
        }

        /** The listed presets that exist, in menu order; all preset files by name if none are listed. */
        private List<String> presets(NodeTuple t, Map<String, PresetFile> files) {
            if (t == null) return new ArrayList<>(files.keySet());
            List<String> presets = new ArrayList<>();
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s && s.getValue().isEmpty()) return presets;
            if (!(value instanceof SequenceNode seq)) {
                problem(valueLine(t), "'presets:' must be a list such as [first, second]");
                return presets;
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    problem(line(item), "each preset must be a name");
                } else if (presets.contains(s.getValue())) {
                    problem(line(item), "preset '" + s.getValue() + "' is listed twice");
                } else if (!files.containsKey(s.getValue())) {
                    problem(line(item), "preset '" + s.getValue() + "' is listed but there is no file "
                            + PRESETS_FOLDER + "/" + s.getValue() + ".* next to the lesson");
                } else {
                    presets.add(s.getValue());
                }
            }
            return presets;
        }

        /**
         * Whether the pane cannot read this preset file; if so, the problem is reported against the file.
         * Checking here means a broken preset shows in the problem list when the catalogue loads, not only
         * when a student picks it from the menu.
         */
        private boolean unreadable(String pane, PresetFile file) {
            Optional<LessonProblem> problem;
            try {
                problem = panes.presetProblem(pane, file);
            } catch (RuntimeException e) {          // a check that throws still must not stop the catalogue
                problem = Optional.of(new LessonProblem(file.source(), 0, "cannot be read: " + e.getMessage()));
            }
            problem.ifPresent(p -> problems.add(new LessonProblem(p.source(), p.line(),
                    p.message() + "; preset '" + file.name() + "' is left out of the menu")));
            return problem.isPresent();
        }

        private String defaultPreset(NodeTuple t, List<String> presets) {
            String first = presets.isEmpty() ? null : presets.get(0);
            if (t == null) return first;
            Optional<String> name = scalar(t, "default_preset");
            if (name.isEmpty() || presets.contains(name.get())) return name.orElse(first);
            problem(valueLine(t), "default_preset '" + name.get() + "' is not among the available presets "
                    + presets + (first == null ? "" : "; using '" + first + "'"));
            return first;
        }

        /** Numeric defaults, each checked against the pane's declared parameters and ranges. */
        private Map<String, Double> parameters(NodeTuple t, String pane) {
            Map<String, Double> parameters = new LinkedHashMap<>();
            if (t == null) return parameters;
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s && s.getValue().isEmpty()) return parameters;
            if (!(value instanceof MappingNode mapping)) {
                problem(valueLine(t), "'parameters:' must be 'name: number' lines, indented below it");
                return parameters;
            }
            Optional<Map<String, double[]>> ranges = panes.parameterRanges(pane);
            for (NodeTuple p : mapping.getValue()) {
                if (!(p.getKeyNode() instanceof ScalarNode k)) {
                    problem(line(p.getKeyNode()), "a parameter name must be a plain word");
                    continue;
                }
                String key = k.getValue();
                if (!(p.getValueNode() instanceof ScalarNode v)) {
                    problem(line(p.getValueNode()), "parameter " + key + " must be a number");
                    continue;
                }
                double x;
                try {
                    x = Double.parseDouble(v.getValue().strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    problem(line(v), "parameter " + key + " must be a number, not '" + v.getValue() + "'");
                    continue;
                }
                if (!Double.isFinite(x)) {
                    problem(line(v), "parameter " + key + " must be a finite number, not '" + v.getValue() + "'");
                    continue;
                }
                if (ranges.isPresent()) {
                    double[] range = ranges.get().get(key);
                    if (range == null) {
                        problem(line(k), "parameter '" + key + "' is unknown for pane " + pane + "; it has "
                                + (ranges.get().isEmpty() ? "no parameters" : String.join(", ", new TreeMap<>(ranges.get()).keySet())));
                        continue;
                    }
                    if (!(x >= range[0] && x <= range[1])) {
                        problem(line(v), "parameter " + key + " = " + Format.number(x) + " is outside its range "
                                + Format.range(range[0], range[1]));
                        continue;
                    }
                    if (x != Math.rint(x) && panes.wholeNumber(pane, key)) {
                        problem(line(v), "parameter " + key + " = " + Format.number(x) + " must be a whole number in "
                                + Format.range(range[0], range[1]));
                        continue;
                    }
                }
                if (parameters.containsKey(key)) {
                    problem(line(k), "parameter " + key + " appears twice; the first one is used");
                    continue;
                }
                parameters.put(key, x);
            }
            return parameters;
        }

        private <T> Optional<T> problem(int line, String message) {
            problems.add(new LessonProblem(source, Math.max(line, 0), message));
            return Optional.empty();
        }

        private int line(Mark mark) {
            return yamlFirstLine + mark.getLine();
        }

        private int line(Node node) {
            return line(node.getStartMark());
        }

        private int valueLine(NodeTuple t) {
            return line(t.getValueNode());
        }
    }

    /** " (did you mean 'title'?)" when a known key is one or two edits away. */
    static String suggestion(String key) {
        return suggestion(key, KEYS);
    }

    /** " (did you mean 'gridworld'?)" when one of {@code candidates} is one or two edits away. */
    static String suggestion(String key, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String known : candidates) {
            int d = editDistance(key.toLowerCase(Locale.ROOT), known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
