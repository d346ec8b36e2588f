package dk.visitation.waiting;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Times;
import dk.visitation.common.WorkingDayCalendar;
import dk.visitation.economy.Grant;
import dk.visitation.security.AccessLog;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The waiting lists: the cases waiting for their first meeting with the family, and the grants in force whose service
 * has not started. Each is one page query and one aggregate over the caller's scope in the database (never every case
 * loaded into the service); only the page's rows are counted in working days here. Each list read is logged as a search.
 *
 * <p>Which cases wait for a first meeting: every case received by the end of the list's day with no FIRST_MEETING_HELD
 * casework record dated by then (the case's first meeting, kept on the case by the database), whatever its status — the service has no closed status, and the meeting is the family's with the
 * municipality, so neither a decision nor a handover ends or restarts the wait.
 */
@ApplicationScoped
public class WaitingLists {

    private static final List<Grant.Approval> IN_FORCE = List.of(Grant.Approval.NOT_REQUIRED, Grant.Approval.APPROVED);

    private final CaseAccess cases;
    private final AccessLog accessLog;
    private final WorkingDayCalendar calendar;
    private final WorkingDayCount workingDays;
    private final EntityManager em;
    private final int standardWorkingDays;

    WaitingLists(CaseAccess cases, AccessLog accessLog, WorkingDayCalendar calendar, EntityManager em,
            @ConfigProperty(name = "visitation.waiting.first-meeting-working-days", defaultValue = "10") int standardWorkingDays) {
        this.cases = cases;
        this.accessLog = accessLog;
        this.calendar = calendar;
        this.workingDays = new WorkingDayCount(calendar);
        this.em = em;
        this.standardWorkingDays = standardWorkingDays;
    }

    /** The filters both lists take. */
    public record Filter(Department department, String adviser, LocalDate on) {
    }

    @Transactional
    public WaitingApi.FirstMeetingList firstMeeting(Filter filter, PageRequest page) {
        LocalDate on = filter.on();
        // a meeting is recorded at most minutes ahead of its time, so from today on "none recorded" is "none held by then"
        boolean asOfNow = !on.isBefore(LocalDate.now(Times.DENMARK));
        List<String> where = new ArrayList<>(List.of("c.receivedAt < :onEnd",
                asOfNow ? "c.firstMeetingAt is null" : "(c.firstMeetingAt is null or c.firstMeetingAt >= :onEnd)"));
        Parameters params = Parameters.with("onEnd", endOf(on));
        Map<String, Object> criteria = filters(filter, where, params);
        cases.scope(where, params);
        String condition = " from ChildCase c where " + String.join(" and ", where);

        Query rows = bind(em.createQuery("select c.id, c.child.id, c.department, c.status, c.adviser, c.receivedAt" + condition
                + " order by c.receivedAt, c.id"), params);
        rows.setFirstResult(page.offset()).setMaxResults(page.size);
        List<WaitingApi.FirstMeetingWait> items = new ArrayList<>();
        List<UUID> shown = new ArrayList<>();
        List<UUID> children = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            shown.add((UUID) r[0]);
            children.add((UUID) r[1]);
            items.add(wait((UUID) r[0], (Department) r[2], (CaseStatus) r[3], (String) r[4], (Instant) r[5], on));
        }

        // exceeded: more working days in (received, on] than the standard, i.e. received before the day from which
        // the standard + 1 working days up to and including 'on' are counted
        Instant exceededBefore = calendar.minusWorkingDays(on.plusDays(1), standardWorkingDays + 1).atStartOfDay(Times.DENMARK).toInstant();
        Query totals = bind(em.createQuery("select count(c), sum(case when c.receivedAt < :exceededBefore then 1 else 0 end), min(c.receivedAt)"
                + condition), params).setParameter("exceededBefore", exceededBefore);
        Object[] t = (Object[]) totals.getSingleResult();
        long total = ((Number) t[0]).longValue();
        long exceeded = t[1] == null ? 0 : ((Number) t[1]).longValue();
        LocalDate oldest = t[2] == null ? null : day((Instant) t[2]);
        Integer longest = oldest == null ? null : workingDays.between(oldest, on);

        log("first meeting waiting list", shown, children, criteria, page, total);
        return new WaitingApi.FirstMeetingList(on, filter.department(), standardWorkingDays, items, page.page, page.size, total, exceeded,
                longest, oldest);
    }

    /** One case's wait as of {@code on}. */
    WaitingApi.FirstMeetingWait wait(UUID caseId, Department department, CaseStatus status, String adviser, Instant receivedAt, LocalDate on) {
        LocalDate received = day(receivedAt);
        int waited = workingDays.between(received, on);
        return new WaitingApi.FirstMeetingWait(caseId, department, status, adviser, Times.local(receivedAt), received, waited,
                Math.max(0, ChronoUnit.DAYS.between(received, on)), calendar.plusWorkingDays(received, standardWorkingDays),
                waited > standardWorkingDays);
    }

    @Transactional
    public WaitingApi.GrantList grants(Filter filter, PageRequest page) {
        LocalDate on = filter.on();
        boolean asOfNow = !on.isBefore(LocalDate.now(Times.DENMARK)); // no start is recorded ahead of its day
        List<String> where = new ArrayList<>(List.of("c.id = g.caseId", "g.approval in :inForce",
                "coalesce(g.approvalDecidedAt, g.createdAt) < :onEnd",
                asOfNow ? "g.startedOn is null" : "(g.startedOn is null or g.startedOn > :on)",
                // a grant ended early (on its first day, or by the day asked about) is no longer waited for
                "g.validTo > g.validFrom", "(g.grantedTo is null or g.validTo > :day)",
                "g.partOf is null")); // a grant changed from a date waits (or not) as a whole, on its first part
        Parameters params = Parameters.with("inForce", IN_FORCE).and("onEnd", endOf(on)).and("day", on);
        if (!asOfNow) {
            params.and("on", on);
        }
        Map<String, Object> criteria = filters(filter, where, params);
        cases.scope(where, params);
        String condition = " from Grant g, ChildCase c where " + String.join(" and ", where);

        Query rows = bind(em.createQuery("select g.id, g.caseId, c.child.id, c.department, c.adviser, g.serviceType, g.provider, "
                + "g.providerName, coalesce(g.approvalDecidedAt, g.createdAt), g.validFrom" + condition
                + " order by coalesce(g.approvalDecidedAt, g.createdAt), g.id"), params);
        rows.setFirstResult(page.offset()).setMaxResults(page.size);
        List<WaitingApi.GrantWait> items = new ArrayList<>();
        List<UUID> shown = new ArrayList<>();
        List<UUID> children = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            shown.add((UUID) r[1]);
            children.add((UUID) r[2]);
            LocalDate granted = day((Instant) r[8]);
            LocalDate expected = (LocalDate) r[9];
            items.add(new WaitingApi.GrantWait((UUID) r[0], (UUID) r[1], (Department) r[3], (String) r[4], (Grant.ServiceType) r[5],
                    (Grant.Provider) r[6], (String) r[7], granted, Math.max(0, ChronoUnit.DAYS.between(granted, on)), expected,
                    Math.max(0, ChronoUnit.DAYS.between(expected, on))));
        }

        Object[] t = (Object[]) bind(em.createQuery("select count(g), count(distinct g.caseId), min(coalesce(g.approvalDecidedAt, g.createdAt))"
                + condition), params).getSingleResult();
        long total = ((Number) t[0]).longValue();
        LocalDate oldest = t[2] == null ? null : day((Instant) t[2]);
        Long longest = oldest == null ? null : Math.max(0, ChronoUnit.DAYS.between(oldest, on));

        log("grants not started list", shown.stream().distinct().toList(), children.stream().distinct().toList(), criteria, page, total);
        return new WaitingApi.GrantList(on, filter.department(), items, page.page, page.size, total, ((Number) t[1]).longValue(), longest,
                oldest);
    }

    private static Map<String, Object> filters(Filter filter, List<String> where, Parameters params) {
        Map<String, Object> criteria = new TreeMap<>();
        criteria.put("on", filter.on().toString());
        if (filter.department() != null) {
            where.add("c.department = :department");
            params.and("department", filter.department());
            criteria.put("department", filter.department().name());
        }
        if (filter.adviser() != null) {
            where.add("c.adviser = :adviser");
            params.and("adviser", filter.adviser());
            criteria.put("adviser", filter.adviser());
        }
        return criteria;
    }

    private void log(String what, List<UUID> shown, List<UUID> children, Map<String, Object> criteria, PageRequest page, long total) {
        accessLog.record(AccessLog.Action.SEARCH, what, shown, children, Map.of("criteria", criteria, "page", page.page, "found", total));
    }

    private static Query bind(Query query, Parameters params) {
        params.map().forEach(query::setParameter);
        return query;
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Times.DENMARK).toInstant();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(Times.DENMARK).toLocalDate();
    }
}
