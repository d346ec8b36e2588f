package dk.visitation.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes creating requests safe to retry. The key is claimed by an insert in the creating
 * transaction, so two concurrent requests with one key serialise on the primary key: the second
 * waits for the first and then sees its result. Only a hash of the request is kept, never the body
 * (it may hold a CPR number).
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper canonical;
    private final Duration retention;

    IdempotencyKeys(ObjectMapper json, @ConfigProperty(name = "visitation.idempotency.retention",
            defaultValue = "P1D") Duration retention) {
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.retention = retention;
    }

    /**
     * Claims {@code key} for a request that will create {@code newResourceId}. Empty when the key is
     * new (go on and create); the earlier resource's id when the same request was made before; a 422
     * problem when the key was used for a different request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String scope, String key, Object request, UUID newResourceId) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        int inserted = Panache.getEntityManager().createNativeQuery("""
                        insert into idempotency_key (scope, idempotency_key, request_hash, resource_id, created_at)
                        values (:scope, :key, :hash, :id, now())
                        on conflict (scope, idempotency_key) do nothing""")
                .setParameter("scope", scope).setParameter("key", key)
                .setParameter("hash", hash).setParameter("id", newResourceId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = Panache.getEntityManager().createNativeQuery("""
                        select request_hash, resource_id from idempotency_key
                        where scope = :scope and idempotency_key = :key""")
                .setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        Object[] row = earlier.getFirst();
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key " + key + " was already used with a different request body");
        }
        return Optional.of((UUID) row[1]);
    }

    /** Keys are kept for the retention period (default a day), long enough for any client retry. */
    @Scheduled(every = "1h", delayed = "1m")
    @Transactional
    void purgeExpired() {
        Panache.getEntityManager()
                .createNativeQuery("delete from idempotency_key where created_at < now() - make_interval(secs => :secs)")
                .setParameter("secs", (double) retention.toSeconds())
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] body = canonical.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
