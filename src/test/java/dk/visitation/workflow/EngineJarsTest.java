package dk.visitation.workflow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Embedded mode in a build without the engine's jars (the production build) refuses to start, saying why. */
class EngineJarsTest {

    /** Sees only the JDK: what the production build's class path looks like to this check. */
    private static final ClassLoader WITHOUT_ENGINE = new ClassLoader(null) {
    };

    @Test
    void without_the_engine_jars_embedded_mode_refuses_with_the_licence_and_what_to_do_instead() {
        assertFalse(EngineJars.present(WITHOUT_ENGINE));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EngineJars.require(WITHOUT_ENGINE));
        String message = refused.getMessage();
        assertTrue(message.contains("not in this build"), message);
        assertTrue(message.contains("Camunda License 1.0"), message);
        assertTrue(message.contains("VISITATION_ENGINE_MODE=external"), message);
    }

    @Test
    void with_the_engine_jars_embedded_mode_starts() {
        assertTrue(EngineJars.present(EngineJarsTest.class.getClassLoader()));
        assertDoesNotThrow(() -> EngineJars.require(EngineJarsTest.class.getClassLoader()));
    }
}
