package dk.visitation.tasks;

import dk.visitation.cases.CaseAccess;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Pushes a case's task changes to the clients walking it (GET /cases/{id}/tasks/stream), fed from the database:
 * every insert or update of a task row notifies {@code visitation_task} with the case id in the projection's own
 * transaction (trigger, V41), so PostgreSQL delivers it at commit to every replica that listens — a task opened or
 * changed through any replica reaches the streams of all. Each replica holds one listening connection of its own
 * (outside the pool); on a notification it reads the case's tasks once and sends each stream what changed since it
 * last sent. A lost listening connection is opened again and every stream re-reads its case (nothing is missed:
 * the comparison is with what the stream sent, not with the notifications).
 */
@ApplicationScoped
public class TaskStreams {

    static final String CHANNEL = "visitation_task";
    private static final Logger LOG = Logger.getLogger(TaskStreams.class);

    /** An event of a stream: {@code task} with the task, or {@code end} when the stream closes. */
    public record Event(String name, TaskResource.TaskView task) {
    }

    /** One client's stream: what the caller may see and what it has been sent. */
    private final class Stream {
        final UUID caseId;
        final boolean leader;
        final Set<String> groups;
        final MultiEmitter<? super Event> emitter;
        final Map<UUID, TaskResource.TaskView> sent = new HashMap<>();
        boolean started;

        Stream(UUID caseId, boolean leader, Set<String> groups, MultiEmitter<? super Event> emitter) {
            this.caseId = caseId;
            this.leader = leader;
            this.groups = groups;
            this.emitter = emitter;
        }

        boolean sees(Task task) {
            return leader || groups.contains(task.candidateGroup);
        }

        /** Sends the tasks that are new or changed since the last send; the first time only the open ones. */
        synchronized void send(List<Task> tasks) {
            if (emitter.isCancelled()) {
                return;
            }
            boolean first = !started;
            started = true;
            for (Task task : tasks) {
                if (!sees(task)) {
                    continue;
                }
                TaskResource.TaskView view = TaskResource.TaskView.of(task);
                TaskResource.TaskView before = sent.put(task.id, view);
                if (first ? task.status == Task.Status.OPEN : !view.equals(before)) {
                    emitter.emit(new Event("task", view));
                }
            }
        }

        synchronized void end() {
            if (!emitter.isCancelled()) {
                emitter.emit(new Event("end", null));
                emitter.complete();
            }
        }
    }

    private final CaseAccess cases;
    private final Caller caller;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    /** One reader: reads run and send in the order they were asked for, so a later read never sends older state. */
    private final ExecutorService readers = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("task-stream-read").daemon().factory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("task-stream-timer").daemon().factory());
    private volatile Thread listener;
    private volatile boolean running;

    TaskStreams(CaseAccess cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        listener = Thread.ofPlatform().name("task-stream-listen").daemon().start(this::listen);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        streams.values().forEach(set -> set.forEach(Stream::end));
        readers.shutdownNow();
        timers.shutdownNow();
    }

    /** Who may read a case's stream: what the caller's groups see. */
    public record Viewer(UUID caseId, boolean leader, Set<String> groups) {
    }

    /**
     * The caller's right to the case's task stream: 404 when the case is out of the caller's scope, logged as a read
     * of the case's tasks. Its own transaction, over before the stream starts (a transactional method returning a
     * Multi would hold its transaction for as long as the stream runs).
     */
    @Transactional
    public Viewer authorize(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "tasks");
        return new Viewer(caseId, caller.hasRole(Role.LEADER), Set.copyOf(caller.taskGroups()));
    }

    /**
     * The case's task stream for an authorized viewer: the open tasks the viewer's groups see, then every change,
     * and an {@code end} event after {@code open} (the client opens a new one to go on).
     */
    public Multi<Event> open(Viewer viewer, Duration open) {
        UUID caseId = viewer.caseId();
        return Multi.createFrom().<Event>emitter(emitter -> {
            Stream stream = new Stream(caseId, viewer.leader(), viewer.groups(), emitter);
            streams.computeIfAbsent(caseId, id -> new CopyOnWriteArraySet<>()).add(stream);
            var timer = timers.schedule(stream::end, open.toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                timer.cancel(false);
                streams.computeIfPresent(caseId, (id, set) -> {
                    set.remove(stream);
                    return set.isEmpty() ? null : set;
                });
            });
            // registered before the first read: a change committed meanwhile is read again and compared, never lost
            readers.execute(() -> refresh(caseId, Set.of(stream)));
        });
    }

    private void refresh(UUID caseId, Set<Stream> targets) {
        try {
            List<Task> tasks = QuarkusTransaction.requiringNew().call(() ->
                    Task.<Task>list("caseId = ?1 order by createdAt, id", caseId));
            targets.forEach(stream -> stream.send(tasks));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Reading the tasks of case %s for its streams failed", caseId);
        }
    }

    private void changed(UUID caseId) {
        Set<Stream> targets = streams.get(caseId);
        if (targets != null && !targets.isEmpty()) {
            readers.execute(() -> refresh(caseId, Set.copyOf(targets)));
        }
    }

    /** The listening connection: its own, outside the pool, opened again after a failure. */
    private void listen() {
        long backoff = 200;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                backoff = 200;
                streams.keySet().forEach(this::changed); // after a reconnect: whatever happened meanwhile
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    java.util.Set<UUID> changedCases = new java.util.HashSet<>();
                    for (PGNotification notification : notifications) {
                        try {
                            changedCases.add(UUID.fromString(notification.getParameter()));
                        } catch (IllegalArgumentException ignored) {
                            // not a case id: nothing to send
                        }
                    }
                    changedCases.forEach(this::changed);
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Listening for task changes failed (%s); again in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Optional<String> user = config.getOptionalValue("quarkus.datasource.username", String.class);
        Optional<String> password = config.getOptionalValue("quarkus.datasource.password", String.class);
        java.util.Properties properties = new java.util.Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "visitation task streams");
        return DriverManager.getConnection(url, properties);
    }
}
