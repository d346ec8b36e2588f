package dk.visitation.providers;

import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.economy.Grant;
import dk.visitation.economy.ProviderDirectory;
import dk.visitation.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The register of providers, kept by ECONOMY and LEADER: whom a grant may name (the {@link ProviderDirectory} economy
 * asks), with the services each offers. A provider taken out of use stays in the register, so its grants still name it.
 */
@ApplicationScoped
public class ProviderRegister implements ProviderDirectory {

    /** The filters of GET /providers; null is "any". */
    public record Filter(Grant.Provider kind, Grant.ServiceType service, String name, Boolean active) {
    }

    /** A created provider and whether the call only repeated an earlier creation (same Idempotency-Key and body). */
    public record Created(ProviderApi.ProviderView provider, boolean replayed) {
    }

    private final Caller caller;
    private final IdempotencyKeys idempotencyKeys;

    ProviderRegister(Caller caller, IdempotencyKeys idempotencyKeys) {
        this.caller = caller;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    @Transactional
    public Optional<Listed> find(UUID id) {
        return Provider.<Provider>findByIdOptional(id)
                .map(p -> new Listed(p.id, p.name, p.kind, p.active, EnumSet.copyOf(p.services)));
    }

    @Transactional
    public Created create(ProviderApi.ProviderEntry entry, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("providers.create", idempotencyKey, entry, id);
            if (earlier.isPresent()) {
                return new Created(view(Provider.findById(earlier.get())), true);
            }
        }
        Provider provider = new Provider();
        provider.id = id;
        provider.createdAt = now();
        provider.createdBy = caller.user();
        apply(provider, entry);
        provider.persistAndFlush();
        return new Created(view(provider), false);
    }

    @Transactional
    public ProviderApi.ProviderView get(UUID id) {
        return view(find(id, false));
    }

    /** Replaces the entry at the version named by If-Match (428 without, 412 when stale). */
    @Transactional
    public ProviderApi.ProviderView replace(UUID id, String ifMatch, ProviderApi.ProviderEntry entry) {
        Provider provider = find(id, true);
        ETags.requireCurrent(ifMatch, provider.version);
        apply(provider, entry);
        provider.persistAndFlush();
        return view(provider);
    }

    /** A page of the register by name, filtered. */
    @Transactional
    public Page<ProviderApi.ProviderView> list(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.service() != null) {
            where.add(":service member of services");
            params.put("service", filter.service());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            where.add("lower(name) like :name escape '\\'");
            params.put("name", "%" + filter.name().strip().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (filter.active() != null) {
            where.add("active = :active");
            params.put("active", filter.active());
        }
        var query = Provider.<Provider>find(String.join(" and ", where.isEmpty() ? List.of("true = true") : where),
                Sort.by("name").and("id"), params);
        List<ProviderApi.ProviderView> items = query.page(io.quarkus.panache.common.Page.of(page.page, page.size)).list().stream()
                .map(ProviderRegister::view).toList();
        return new Page<>(items, page.page, page.size, query.count());
    }

    private void apply(Provider provider, ProviderApi.ProviderEntry entry) {
        if (entry.kind() == Grant.Provider.EXTERNAL && entry.tilbudsportalenId() == null) {
            throw ProblemException.invalid("tilbudsportalenId", "is required for an external provider: its offer on Tilbudsportalen");
        }
        if (entry.tilbudsportalenId() != null && Provider.count("tilbudsportalenId = ?1 and id <> ?2", entry.tilbudsportalenId(), provider.id) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Tilbudsportalen offer " + entry.tilbudsportalenId()
                    + " is already in the register; change that provider instead");
        }
        provider.name = entry.name().strip();
        provider.kind = entry.kind();
        provider.tilbudsportalenId = entry.tilbudsportalenId();
        provider.services.clear();
        provider.services.addAll(entry.services());
        ProviderApi.Contact contact = entry.contact();
        provider.contactName = contact == null ? null : blankToNull(contact.name());
        provider.contactEmail = contact == null ? null : blankToNull(contact.email());
        provider.contactPhone = contact == null ? null : blankToNull(contact.phone());
        provider.active = entry.active() == null || entry.active();
        provider.updatedAt = now();
        provider.updatedBy = caller.user();
    }

    private static Provider find(UUID id, boolean lock) {
        Provider provider = lock ? Provider.findById(id, LockModeType.PESSIMISTIC_WRITE) : Provider.findById(id);
        if (provider == null) {
            throw ProblemException.notFound("Provider", id);
        }
        return provider;
    }

    private static ProviderApi.ProviderView view(Provider p) {
        return new ProviderApi.ProviderView(p.id, p.name, p.kind, p.tilbudsportalenId,
                p.services.stream().sorted(java.util.Comparator.comparing(Enum::name)).toList(),
                new ProviderApi.ContactView(p.contactName, p.contactEmail, p.contactPhone), p.active, Times.local(p.updatedAt),
                p.updatedBy, p.version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
