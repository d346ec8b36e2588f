package io.camunda.zeebe.process.test.engine;

import dk.visitation.workflow.engine.SortedMapDb;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;

/**
 * The visitation service's in-process engine: {@link EngineFactory#create(int)} of zeebe-process-test-engine
 * 8.8.21 line by line, with two parts exchanged — the state store ({@link SortedMapDb} instead of
 * {@code InMemoryDb}, which copies the whole database on every prefix scan) and the log storage
 * ({@link BoundedLogStorage} instead of {@code InMemoryLogStorage}, which keeps every record). Everything
 * else — the engine's processors, the gRPC gateway, timers, messages, DMN, the controlled clock — is the
 * engine's own.
 *
 * <p>It lives in the engine's package (a split package; the jar is not sealed) because the gateway
 * ({@code GrpcToLogStreamGateway}), {@code GrpcResponseWriter}, {@code CommandWriter}, {@code CommandSender},
 * {@code GatewayRequestStore}, {@code InMemoryJobStreamer}, {@code EngineStateMonitor},
 * {@code RecordStreamSourceImpl} and {@code InMemoryLogStorage} are package-private. Engine classes wired here,
 * each an internal API that may change with any engine version (upstream changed {@code EngineFactory} six
 * times in 2025): {@code StreamProcessor.builder()}, {@code EngineProcessors.createEngineProcessors} (8
 * arguments), {@code Engine(factory, EngineConfiguration, SecurityConfiguration)}, {@code SubscriptionCommandSender},
 * {@code SearchClientsProxy.noop()}, {@code BrokerRequestAuthorizationConverter}, {@code FeatureFlags.createDefault()},
 * {@code LogStream.builder()}, {@code ActorScheduler}, {@code ControlledActorClock},
 * {@code ControllableStreamClockImpl} and the public {@code InMemoryEngine} constructor. Verified against
 * 8.8.21 (pinned in the pom); on an upgrade, diff {@code EngineFactory} of the new version against this
 * class. {@code ServiceEngineFeaturesTest} runs every engine feature the service relies on through it.
 */
public final class ServiceEngineFactory {

    private ServiceEngineFactory() {
    }

    /** The engine with handles on its state and log, for metrics and tests. */
    public record ServiceEngine(ZeebeTestEngine engine, SortedMapDb<ZbColumnFamilies> state, BoundedLogStorage log) {
    }

    /**
     * An engine serving the gateway on {@code port}, not yet started. {@code keepFullLog}: keep every record
     * (and offer the record stream) instead of bounding the log by its readers.
     */
    public static ServiceEngine create(int port, boolean keepFullLog) {
        int partitionId = 1;
        int partitionCount = 1;
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        BoundedLogStorage logStorage = new BoundedLogStorage(keepFullLog);
        LogStream logStream = LogStream.builder().withPartitionId(partitionId).withLogStorage(logStorage)
                .withClock(clock).withMeterRegistry(new SimpleMeterRegistry()).build();

        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore gatewayRequestStore = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(commandWriter, partitionId, partitionCount, port,
                gatewayRequestStore, jobStreamer);
        Server grpcServer = ServerBuilder.forPort(port).addService(gateway).build();
        GrpcResponseWriter responseWriter = new GrpcResponseWriter(gateway, gatewayRequestStore, null);

        SortedMapDb<ZbColumnFamilies> state = new SortedMapDb<>();
        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(state)
                .commandResponseWriter(responseWriter)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(
                        context,
                        partitionCount,
                        new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                        commandSender,
                        FeatureFlags.createDefault(),
                        jobStreamer,
                        SearchClientsProxy.noop(),
                        new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(), security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        EngineStateMonitor stateMonitor = new EngineStateMonitor(logStorage, streamProcessor);
        // The stock factory opens this reader eagerly; an open reader holds its block, so with a bounded log
        // there is none (it would pin the whole log), and asking for the record stream says why.
        RecordStreamSource records = keepFullLog
                ? new RecordStreamSourceImpl(logStream.newLogStreamReader(), partitionId)
                : () -> {
                    throw new UnsupportedOperationException(
                            "The bounded log keeps only unprocessed records: no record stream (visitation.engine.keep-full-log=true keeps it)");
                };
        ZeebeTestEngine engine = new InMemoryEngine(grpcServer, streamProcessor, gateway, state, logStream, scheduler,
                records, clock, stateMonitor);
        return new ServiceEngine(engine, state, logStorage);
    }
}
