package dk.visitation.workflow;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which engine issued a job key. A Camunda 8 cluster keeps its keys for good (one generation); the in-process
 * engine starts a new generation at every start, as its keys start again from the same number.
 */
@ApplicationScoped
public class EngineGeneration {

    static final String CLUSTER = "cluster";

    private final EmbeddedEngine embedded;

    EngineGeneration(EmbeddedEngine embedded) {
        this.embedded = embedded;
    }

    public String current() {
        return embedded.enabled() ? embedded.generation() : CLUSTER;
    }
}
