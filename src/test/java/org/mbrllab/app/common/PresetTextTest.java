package org.mbrllab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbrllab.engine.core.ParameterSpec;

/** The shared "key: value" preset format: what is read, and that every error names the file and the line. */
class PresetTextTest {

    private enum Colour { DARK_BLUE, RED }

    private static final ParameterModel PARAMETERS = new ParameterModel(List.of(
            ParameterSpec.whole("members", "K", 1, 10, 5, "members")));

    @Test
    void readsKeysAndValuesSkippingCommentsAndBlankLines() {
        List<PresetText.Line> lines = PresetText.parse("# a preset\n\nmembers: 7\n  colour :  dark-blue \n", "p.yaml");
        assertEquals(2, lines.size());
        assertEquals(7, lines.get(0).parameter(PARAMETERS));
        assertEquals("colour", lines.get(1).key());
        assertEquals(Colour.DARK_BLUE, lines.get(1).enumValue(Colour.class));
        assertTrue(PresetText.parse("on: yes", "p").get(0).bool());
        assertFalse(PresetText.parse("on: off", "p").get(0).bool());
    }

    @Test
    void errorsNameTheFileTheLineAndTheProblem() {
        assertEquals("p.yaml, line 2: expected \"key: value\", got \"members 7\"",
                assertThrows(IllegalArgumentException.class, () -> PresetText.parse("# x\nmembers 7", "p.yaml")).getMessage());
        assertEquals("p.yaml, line 1: unknown parameter \"layers\"", assertThrows(IllegalArgumentException.class,
                () -> PresetText.parse("layers: 2", "p.yaml").get(0).parameter(PARAMETERS)).getMessage());
        assertEquals("p.yaml, line 1: members \"many\" is not a number", assertThrows(IllegalArgumentException.class,
                () -> PresetText.parse("members: many", "p.yaml").get(0).parameter(PARAMETERS)).getMessage());
        String range = assertThrows(IllegalArgumentException.class,
                () -> PresetText.parse("members: 11", "p.yaml").get(0).parameter(PARAMETERS)).getMessage();
        assertTrue(range.startsWith("p.yaml, line 1: ") && range.contains("11") && range.contains("10"), range);
        assertEquals("p.yaml, line 1: colour \"green\" is not one of dark_blue, red", assertThrows(
                IllegalArgumentException.class, () -> PresetText.parse("colour: green", "p.yaml").get(0)
                        .enumValue(Colour.class)).getMessage());
        assertEquals("p.yaml, line 1: on \"maybe\" is not true or false", assertThrows(IllegalArgumentException.class,
                () -> PresetText.parse("on: maybe", "p.yaml").get(0).bool()).getMessage());
    }
}
