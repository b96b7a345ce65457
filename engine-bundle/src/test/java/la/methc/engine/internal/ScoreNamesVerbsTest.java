package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import la.methc.engine.internal.driver.ScoreNames;
import org.junit.jupiter.api.Test;

/** The verbs {@link ScoreNames} reads a def's URI from are built-in verbs, and a plugin's command is not one. */
class ScoreNamesVerbsTest {

    @Test
    void theDefVerbsAreBuiltIn() {
        assertTrue(BuiltInCommands.ADDRESSES.containsAll(ScoreNames.DEF_VERBS), ScoreNames.DEF_VERBS.toString());
        assertFalse(BuiltInCommands.ADDRESSES.contains("/buffer/read"));
    }
}
