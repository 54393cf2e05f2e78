package org.mbrllab.lessons;

import java.util.Objects;

/**
 * Something wrong in a lesson file, found while loading the catalog. The lecturer reads it as
 * {@code lessons/foo/lesson.md:7: unknown part 'known-dynamic'; allowed: ...}.
 *
 * @param source  the file (or folder) at fault, as a classpath-relative or absolute path
 * @param line    1-based line in that file; 0 when the problem concerns the whole file or folder
 * @param message what is wrong and, where possible, what is allowed
 */
public record LessonProblem(String source, int line, String message) {
    public LessonProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0) throw new IllegalArgumentException("line " + line + " < 0");
    }

    /** "SOURCE:LINE: message", or "SOURCE: message" when the line is 0. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
