package dk.visitation.workflow;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Remembers which effects were already done, keyed by a business key (e.g. "register-process:{caseId}")
 * rather than the job key alone: after an engine restart the same step arrives as a new job.
 */
@ApplicationScoped
public class JobLedger {

    /** True the first time {@code effectKey} is seen; call inside the transaction that does the effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String effectKey, long jobKey) {
        return Panache.getEntityManager()
                .createNativeQuery("""
                        insert into job_effect (effect_key, job_key, done_at) values (:effect, :job, now())
                        on conflict (effect_key) do nothing""")
                .setParameter("effect", effectKey)
                .setParameter("job", jobKey)
                .executeUpdate() == 1;
    }
}
