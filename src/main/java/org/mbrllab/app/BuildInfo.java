package org.mbrllab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * What this copy of the app is: the version from {@code pom.xml}, the git commit it was built from and when.
 * Maven's resource filtering writes them into {@code org/mbrllab/app/build.properties} at build time; the
 * installer scripts pass the commit ({@code -Dmbrllab.commit}), a plain {@code mvn package} leaves it
 * {@code unknown}. A copy run from unfiltered classes (an IDE that skips filtering) reads {@code unknown}
 * for all three rather than the raw {@code ${…}} placeholders.
 *
 * @param version   the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit    the short git commit, with {@code +changes} when the work tree had uncommitted changes
 * @param buildTime when Maven built the classes, in UTC
 */
public record BuildInfo(String version, String commit, String buildTime) {

    /** Shown for a value the build did not fill in. */
    public static final String UNKNOWN = "unknown";

    public BuildInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(buildTime, "buildTime");
    }

    /** The build information of the running app, or {@link #UNKNOWN} values when the resource is missing. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("reading org/mbrllab/app/build.properties", e);
        }
    }

    /** Reads the three keys; a missing, blank or unfiltered ({@code ${…}}) value becomes {@link #UNKNOWN}. */
    static BuildInfo of(Properties p) {
        return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "buildTime"));
    }

    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }
}
