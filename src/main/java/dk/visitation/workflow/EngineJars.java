package dk.visitation.workflow;

/**
 * Whether the in-process engine's jars are in this build. They are under the Camunda License 1.0 (use only
 * in non-production environments; the zeebe-process-test-engine wrapper under the Zeebe Community License
 * 1.1), so the production build ({@code ./mvnw -Pproduction package}) leaves them out, and embedded mode
 * then refuses to start instead of failing later with a missing class.
 */
public final class EngineJars {

    /** A class of each part the in-process engine needs: the test-engine wrapper and the engine itself. */
    static final String[] REQUIRED = {"io.camunda.zeebe.process.test.engine.InMemoryEngine", "io.camunda.zeebe.engine.Engine",
        "io.camunda.zeebe.db.ZeebeDb"};

    private EngineJars() {
    }

    public static boolean present(ClassLoader loader) {
        return missing(loader) == null;
    }

    /** Throws, saying why and what to do, when the engine's jars are not on {@code loader}. */
    public static void require(ClassLoader loader) {
        String missing = missing(loader);
        if (missing != null) {
            throw new IllegalStateException("visitation.engine.mode=embedded, but the in-process engine is not in this build (" + missing
                    + " not found): the production build leaves the engine jars out, as they are licensed for non-production"
                    + " use only (Camunda License 1.0). Connect to a Camunda 8 cluster (VISITATION_ENGINE_MODE=external,"
                    + " VISITATION_ENGINE_GRPC_ADDRESS), or build without -Pproduction for development and tests.");
        }
    }

    private static String missing(ClassLoader loader) {
        for (String name : REQUIRED) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return name;
            }
        }
        return null;
    }
}
