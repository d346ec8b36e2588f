package dk.visitation.goals;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.UUID;

/** Serialises revisions of one grant's goals: a transaction-scoped advisory lock on the grant, so two writers get 1 and 412. */
final class GrantGoalLock {

    private GrantGoalLock() {
    }

    static void hold(UUID grantId) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "grant-goals:" + grantId).getSingleResult();
    }
}
