package bench.baseline;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One GET by id returning the service's CaseView shape; no security, no access log, no scope check. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    public record ChildView(String cpr, String name) {
    }

    public record CaseView(UUID id, ChildView child, String source, OffsetDateTime receivedAt, String description,
            String department, String status, String adviser, String processInstanceKey, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long version) {
    }

    @ConfigProperty(name = "baseline.cases")
    int cases;

    @GET
    @Path("/{id}")
    @Transactional
    public CaseView get(@PathParam("id") UUID id) {
        ChildCase c = ChildCase.findById(id);
        if (c == null) {
            throw new NotFoundException();
        }
        return new CaseView(c.id, new ChildView(c.child.cpr, c.child.name), c.source, local(c.receivedAt), c.description,
                c.department, c.status, c.adviser, c.processInstanceKey == null ? null : c.processInstanceKey.toString(),
                local(c.createdAt), local(c.updatedAt), c.version);
    }

    /** The seeded ids, for the load tool. */
    @GET
    @Path("/ids")
    @Transactional
    public List<UUID> ids() {
        return ChildCase.<ChildCase>listAll().stream().map(c -> c.id).toList();
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        Instant now = Instant.now();
        for (int i = 0; i < cases; i++) {
            Child child = new Child();
            child.id = UUID.randomUUID();
            // synthetic ten digits that are no real date (day 41): never a CPR number
            child.cpr = String.format("41%02d15%04d", 1 + i % 12, i % 10_000);
            child.name = "Barn " + i;
            child.createdAt = now;
            child.persist();
            ChildCase c = new ChildCase();
            c.id = UUID.randomUUID();
            c.child = child;
            c.source = "SCHOOL";
            c.receivedAt = now;
            c.description = "Skolen beskriver betydelig og varig nedsat funktionsevne (bench " + i + ").";
            c.department = "MYN";
            c.status = "AWAITING_ASSESSMENT";
            c.processInstanceKey = 2251799813685251L + i;
            c.createdAt = now;
            c.updatedAt = now;
            c.persist();
        }
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(COPENHAGEN).toOffsetDateTime();
    }
}
