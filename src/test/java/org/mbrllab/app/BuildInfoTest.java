package org.mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void currentBuildCarriesThePomVersionAndABuildTimeFilledInByMaven() throws Exception {
        Matcher m = Pattern.compile("\\n  <version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has a project version");
        BuildInfo build = BuildInfo.current();
        assertEquals(m.group(1), build.version());
        assertTrue(build.buildTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"), build.buildTime());
    }

    @Test
    void unfilledOrMissingValuesReadAsUnknown() {
        Properties p = new Properties();
        p.setProperty("version", "${project.version}");
        p.setProperty("commit", "  ");
        assertEquals(new BuildInfo("unknown", "unknown", "unknown"), BuildInfo.of(p));
    }

    @Test
    void filledValuesAreKeptWithoutSurroundingSpace() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.0");
        p.setProperty("commit", " abc1234+changes ");
        p.setProperty("buildTime", "2026-12-03 14:00 UTC");
        assertEquals(new BuildInfo("1.2.0", "abc1234+changes", "2026-12-03 14:00 UTC"), BuildInfo.of(p));
    }
}
