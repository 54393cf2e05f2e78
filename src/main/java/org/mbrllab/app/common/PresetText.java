package org.mbrllab.app.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mbrllab.engine.core.ParameterSpec;

/**
 * The preset files of the panes that have no format of their own: one {@code key: value} per line,
 * {@code #} comments and blank lines skipped. Every error names the file and the line, so that a
 * lecturer who mistypes a preset learns where.
 */
public final class PresetText {
    private PresetText() {}

    /**
     * The {@code key: value} lines of {@code text}, in order.
     *
     * @param source the file's name, for error messages
     * @throws IllegalArgumentException at the first line without a colon
     */
    public static List<Line> parse(String text, String source) {
        List<Line> result = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = source + ", line " + (n + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException(where + "expected \"key: value\", got \"" + line + "\"");
            result.add(new Line(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), where));
        }
        return result;
    }

    /**
     * One line of a preset.
     *
     * @param where "FILE, line N: ", the prefix of every message about this line
     */
    public record Line(String key, String value, String where) {

        /** An error about this line. */
        public IllegalArgumentException error(String message) {
            return new IllegalArgumentException(where + message);
        }

        /** The value as the numeric parameter {@link #key()} of {@code parameters}, checked against its range. */
        public double parameter(ParameterModel parameters) {
            ParameterSpec spec = parameters.spec(key).orElseThrow(() -> error("unknown parameter \"" + key + "\""));
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw error(key + " \"" + value + "\" is not a number");
            }
            try {
                return spec.validate(v);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        /** The value as a constant of {@code type}, written in lower case with '-' or '_'. */
        public <T extends Enum<T>> T enumValue(Class<T> type) {
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (T t : type.getEnumConstants()) {
                    allowed.append(allowed.isEmpty() ? "" : ", ").append(t.name().toLowerCase(Locale.ROOT));
                }
                throw error(key + " \"" + value + "\" is not one of " + allowed);
            }
        }

        /** The value as true/yes/on or false/no/off. */
        public boolean bool() {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error(key + " \"" + value + "\" is not true or false");
            };
        }
    }
}
