package dk.visitation.runtime;

import io.camunda.zeebe.process.test.engine.EngineFactory;

/**
 * The in-process engine in a JVM of its own: it serves the same gRPC gateway protocol as a Camunda 8
 * cluster, so ExternalModeIT can point the service at it as it would at a cluster.
 */
public final class StandaloneEngine {

    private StandaloneEngine() {
    }

    public static void main(String[] args) throws InterruptedException {
        var engine = EngineFactory.create(Integer.parseInt(args[0]));
        engine.start();
        System.out.println("engine ready on port " + args[0]);
        Thread.currentThread().join();
    }
}
