package org.mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mbrllab.app.BuildInfo;

/** Help › About's text, without the toolkit. */
class AboutDialogTest {

    private static final BuildInfo BUILD = new BuildInfo("0.3.1", "abc1234", "2026-12-03 14:00 UTC");

    @Test
    void textShowsVersionCommitAndBuildTime() {
        String text = AboutDialog.text(BUILD, Path.of("/home/x/.config/mbrl-lab/settings.json"), Path.of("/c"));
        assertTrue(text.startsWith("MBRL Lab 0.3.1\n"), text);
        assertTrue(text.contains("Build: commit abc1234, built 2026-12-03 14:00 UTC\n"), text);
    }

    @Test
    void textSaysWhereSettingsAndTheNativeCacheLive() {
        Path settings = Path.of("/home/x/.config/mbrl-lab/settings.json");
        Path cache = Path.of("/home/x/.javacpp/cache");
        String text = AboutDialog.text(BUILD, settings, cache);
        assertTrue(text.contains("Settings live in " + settings + "."), text);
        assertTrue(text.contains("into " + cache + ",\n"), text);
        assertTrue(text.contains(".openjfx"), text);
    }

    @Test
    void textListsEveryLibraryWithItsLicence() {
        String text = AboutDialog.text(BUILD, Path.of("s"), Path.of("c"));
        for (AboutDialog.Library l : AboutDialog.LIBRARIES) {
            assertTrue(text.contains("  " + l.name() + ": " + l.licence() + "\n"), l.name());
        }
        for (String name : List.of("OpenJFX", "ND4J", "JFreeChart", "Commons Math", "JLaTeXMath", "Jackson",
                "picocli", "commonmark", "SnakeYAML")) {
            assertTrue(text.contains(name), name);
        }
    }

    /** A dependency added to pom.xml without its licence in About fails here. */
    @Test
    void everyRuntimeDependencyInThePomHasItsLicenceListed() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String dependencies = pom.substring(pom.indexOf("</dependencyManagement>"), pom.indexOf("<build>"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(dependencies);
        List<String> runtime = new ArrayList<>();
        while (m.find()) {
            String d = m.group(1);
            if (d.contains("<scope>test</scope>")) continue;
            runtime.add(tag(d, "groupId") + ":" + tag(d, "artifactId"));
        }
        assertTrue(runtime.size() >= 15, "read the pom's dependencies: " + runtime);
        List<String> listed = AboutDialog.LIBRARIES.stream().flatMap(l -> l.artifacts().stream()).toList();
        List<String> missing = runtime.stream().filter(a -> !listed.contains(a)).distinct().toList();
        assertEquals(List.of(), missing, "dependencies without a licence in Help › About");
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        assertTrue(m.find(), name + " in " + xml);
        return m.group(1);
    }
}
