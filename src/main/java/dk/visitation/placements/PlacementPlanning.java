package dk.visitation.placements;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.common.ETags;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.economy.Cost;
import dk.visitation.economy.EconomyApi;
import dk.visitation.economy.Grant;
import dk.visitation.economy.GrantCommands;
import dk.visitation.economy.ProviderDirectory;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.workflow.Outbox;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Placement planning (issue 16): an expected placement on a case, the quotes asked of providers in the register, the
 * one chosen with its professional and economic reasons, and the grant it becomes in the same step. An acute placement
 * is granted at once without quotes; a quote chosen afterwards replaces the acute grant from the contract's first day.
 * placement.bpmn follows each placement: its quotes' due day, the grant, a cancellation.
 */
@ApplicationScoped
public class PlacementPlanning {

    /** The messages placement.bpmn waits for. */
    static final String EXPECTED = "placement.expected", GRANTED = "placement.granted", CANCELLED = "placement.cancelled";

    /** A created placement and whether the call repeated an earlier one (same Idempotency-Key and body). */
    public record Created(PlacementApi.PlacementView placement, boolean replayed) {
    }

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final Caller caller;
    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final IntegrationEvents events;
    private final GrantCommands grants;
    private final ProviderDirectory providers;
    private final PlacementSettings settings;

    PlacementPlanning(CaseAccess cases, CaseAuditTrail trail, Caller caller, IdempotencyKeys idempotencyKeys, Outbox outbox,
            IntegrationEvents events, GrantCommands grants, ProviderDirectory providers, PlacementSettings settings) {
        this.cases = cases;
        this.trail = trail;
        this.caller = caller;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.events = events;
        this.grants = grants;
        this.providers = providers;
        this.settings = settings;
    }

    @Transactional
    public Created create(UUID caseId, PlacementApi.NewPlacement request, String idempotencyKey) {
        cases.access(caseId, AccessLog.Action.CHANGE, "placement");
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("placements.create", idempotencyKey, List.of(caseId, request), id);
            if (earlier.isPresent()) {
                return new Created(view(Placement.findById(earlier.get())), true);
            }
        }
        LocalDate today = LocalDate.now(Times.DENMARK);
        Placement placement = new Placement();
        placement.id = id;
        placement.caseId = caseId;
        placement.urgency = request.urgency();
        if (request.urgency() == Urgency.ACUTE) {
            if (request.quotesDueOn() != null) {
                throw ProblemException.invalid("quotesDueOn", "an acute placement is granted at once; its quotes, if any, have no due day");
            }
        } else if (request.quotesDueOn() != null && request.quotesDueOn().isBefore(today)) {
            throw ProblemException.invalid("quotesDueOn", "must not be before today");
        } else {
            placement.quotesDueOn = request.quotesDueOn() != null ? request.quotesDueOn()
                    : today.plusDays(request.urgency() == Urgency.SEMI_ACUTE ? settings.semiAcuteQuoteDays() : settings.quoteDays());
        }
        apply(placement, request.expectedStart(), request.kind(), request.annualEstimate(), request.reason());
        placement.status = Placement.Status.EXPECTED;
        placement.createdAt = placement.updatedAt;
        placement.createdBy = placement.updatedBy;
        placement.persistAndFlush();
        trail.record(caseId, null, "ADD", "placement", null, describe(placement), placement.reason);
        startProcess(placement);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("placementId", id.toString());
        payload.put("kind", placement.kind.name());
        payload.put("urgency", placement.urgency.name());
        payload.put("expectedStart", placement.expectedStart.toString());
        payload.put("annualEstimate", placement.annualEstimate.toPlainString());
        events.publish(IntegrationEvents.PLACEMENT_EXPECTED, caseId, payload);
        return new Created(view(placement), false);
    }

    @Transactional
    public List<PlacementApi.PlacementView> list(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "placements");
        return Placement.<Placement>list("caseId", Sort.by("createdAt").and("id"), caseId).stream().map(this::view).toList();
    }

    @Transactional
    public PlacementApi.PlacementView get(UUID caseId, UUID placementId) {
        cases.access(caseId, AccessLog.Action.READ, "placement");
        return view(find(caseId, placementId, false));
    }

    /** Changes the expected start, kind, estimate or reason of a placement still expected. */
    @Transactional
    public PlacementApi.PlacementView change(UUID caseId, UUID placementId, PlacementApi.PlacementChange change, String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        requireExpected(placement, "changed");
        String before = describe(placement);
        apply(placement, change.expectedStart(), change.kind(), change.annualEstimate(), change.reason());
        placement.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "placement", before, describe(placement), placement.reason);
        return view(placement);
    }

    @Transactional
    public PlacementApi.PlacementView cancel(UUID caseId, UUID placementId, String reason, String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        requireExpected(placement, "cancelled (end its grant instead)");
        placement.status = Placement.Status.CANCELLED;
        placement.cancelReason = reason.strip();
        placement.cancelledAt = now();
        placement.cancelledBy = caller.user();
        touch(placement);
        placement.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "placement", placement.id + ": EXPECTED", placement.id + ": CANCELLED", placement.cancelReason);
        outbox.publishMessage(CANCELLED, placement.id.toString(), "placement-cancelled:" + placement.id, Map.of());
        return view(placement);
    }

    /** Asks a provider of the register for an offer; one quote per provider and placement. */
    @Transactional
    public PlacementApi.PlacementView requestQuote(UUID caseId, UUID placementId, PlacementApi.QuoteRequest request, String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        requireOpenForQuotes(placement);
        ProviderDirectory.Listed provider = providers.offering(request.providerId(), Grant.ServiceType.PLACEMENT);
        PlacementQuote earlier = PlacementQuote.find("placementId = ?1 and providerId = ?2", placementId, request.providerId()).firstResult();
        if (earlier != null) {
            throw new ProblemException(ProblemType.CONFLICT, provider.name() + " was already asked for a quote on this placement",
                    List.of(new Problem.FieldError("quotes/" + earlier.id, "is " + provider.name() + "'s quote")));
        }
        PlacementQuote quote = new PlacementQuote();
        quote.id = UUID.randomUUID();
        quote.placementId = placementId;
        quote.providerId = provider.id();
        quote.status = PlacementQuote.Status.REQUESTED;
        quote.note = blankToNull(request.note());
        quote.requestedAt = now();
        quote.requestedBy = caller.user();
        quote.updatedAt = quote.requestedAt;
        quote.updatedBy = quote.requestedBy;
        quote.persist();
        touch(placement);
        placement.persistAndFlush();
        trail.record(caseId, null, "ADD", "placement quote", null, placement.id + ": quote " + quote.id + " asked of " + provider.name(), null);
        return view(placement);
    }

    /** Records the provider's answer or the negotiation's state. */
    @Transactional
    public PlacementApi.PlacementView answerQuote(UUID caseId, UUID placementId, UUID quoteId, PlacementApi.QuoteAnswer answer,
            String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        requireOpenForQuotes(placement);
        PlacementQuote quote = quote(placementId, quoteId);
        if (quote.status == PlacementQuote.Status.CHOSEN) {
            throw new ProblemException(ProblemType.CONFLICT, "The quote was chosen; its grant is changed in economy");
        }
        switch (answer.status()) {
            case RECEIVED, IN_NEGOTIATION -> {
                List<Problem.FieldError> errors = new java.util.ArrayList<>();
                if (answer.priceOre() == null) {
                    errors.add(new Problem.FieldError("priceOre", "is required for an offer"));
                }
                if (answer.tariffPeriod() == null) {
                    errors.add(new Problem.FieldError("tariffPeriod", "is required for an offer"));
                }
                if (answer.terms() == null || answer.terms().isBlank()) {
                    errors.add(new Problem.FieldError("terms", "is required for an offer"));
                }
                if (answer.validUntil() == null) {
                    errors.add(new Problem.FieldError("validUntil", "is required for an offer"));
                }
                if (!errors.isEmpty()) {
                    throw new ProblemException(ProblemType.VALIDATION, "The request is not valid", errors);
                }
                quote.priceOre = answer.priceOre();
                quote.tariffPeriod = answer.tariffPeriod();
                quote.terms = answer.terms().strip();
                quote.validUntil = answer.validUntil();
                if (quote.answeredAt == null) {
                    quote.answeredAt = now();
                }
            }
            case DECLINED -> {
                if (answer.priceOre() != null || answer.tariffPeriod() != null || answer.validUntil() != null) {
                    throw ProblemException.invalid("status", "a declined quote takes no new offer; record the offer as RECEIVED first");
                }
            }
            default -> throw ProblemException.invalid("status", "must be RECEIVED, IN_NEGOTIATION or DECLINED (choose with POST .../choose)");
        }
        String before = describe(quote);
        quote.status = answer.status();
        if (answer.note() != null) {
            quote.note = blankToNull(answer.note());
        }
        quote.updatedAt = now();
        quote.updatedBy = caller.user();
        touch(placement);
        placement.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "placement quote", before, describe(quote), quote.note);
        return view(placement);
    }

    /**
     * Chooses a quote with both its reasons; the offer with the contract's terms becomes the grant at once, through the
     * economy's rules (ECONOMY approves it above the configured amount). On an acute placement already granted, the
     * chosen offer replaces the acute grant from the contract's first day: the acute grant is ended that day, so its
     * earlier part keeps the acute price.
     */
    @Transactional
    public PlacementApi.PlacementView choose(UUID caseId, UUID placementId, UUID quoteId, PlacementApi.QuoteChoice choice, String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        requireOpenForQuotes(placement);
        PlacementQuote quote = quote(placementId, quoteId);
        if (quote.status != PlacementQuote.Status.RECEIVED && quote.status != PlacementQuote.Status.IN_NEGOTIATION) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "Only an offer received or in negotiation can be chosen; the quote is "
                    + quote.status, List.of(new Problem.FieldError("quoteId", "is " + quote.status)));
        }
        if (quote.validUntil.isBefore(LocalDate.now(Times.DENMARK))) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The offer was valid until " + quote.validUntil
                    + "; record the provider's renewed offer first", List.of(new Problem.FieldError("quoteId", "has expired")));
        }
        EconomyApi.NewGrant request = new EconomyApi.NewGrant(Grant.ServiceType.PLACEMENT, quote.providerId, null, null,
                quote.priceOre, quote.tariffPeriod, choice.scope(), choice.from(), choice.to());
        EconomyApi.GrantView grant;
        if (placement.status == Placement.Status.GRANTED) { // acute, granted before the quotes
            grant = grants.replaceFrom(caseId, placement.grantId, "Erstattet af valgt tilbud " + quote.id + " for anbringelse "
                    + placement.id, request);
            placement.acuteGrantId = placement.grantId;
        } else {
            grant = grants.grant(caseId, request);
        }
        quote.status = PlacementQuote.Status.CHOSEN;
        quote.professionalJustification = choice.professionalJustification().strip();
        quote.economicJustification = choice.economicJustification().strip();
        quote.chosenAt = now();
        quote.chosenBy = caller.user();
        quote.grantId = grant.id();
        quote.updatedAt = quote.chosenAt;
        quote.updatedBy = quote.chosenBy;
        PlacementQuote.<PlacementQuote>list("placementId = ?1 and id <> ?2 and status in ?3", placementId, quoteId,
                List.of(PlacementQuote.Status.REQUESTED, PlacementQuote.Status.RECEIVED, PlacementQuote.Status.IN_NEGOTIATION))
                .forEach(other -> {
                    other.status = PlacementQuote.Status.DECLINED;
                    other.note = other.note == null ? "Ikke valgt" : other.note;
                    other.updatedAt = quote.chosenAt;
                    other.updatedBy = quote.chosenBy;
                });
        trail.record(caseId, null, "CHANGE", "placement quote", null, describe(quote),
                "Faglig: " + quote.professionalJustification + " | Økonomisk: " + quote.economicJustification);
        granted(placement, grant, quote.id);
        return view(placement);
    }

    /** An acute placement granted at once, without quotes; quotes may follow (see {@link #choose}). */
    @Transactional
    public PlacementApi.PlacementView grantAcute(UUID caseId, UUID placementId, PlacementApi.AcuteGrant request, String ifMatch) {
        Placement placement = changing(caseId, placementId, ifMatch);
        if (placement.urgency != Urgency.ACUTE) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "Only an acute placement is granted without quotes; choose a quote",
                    List.of(new Problem.FieldError("urgency", "is " + placement.urgency)));
        }
        requireExpected(placement, "granted again");
        EconomyApi.GrantView grant = grants.grant(caseId, new EconomyApi.NewGrant(Grant.ServiceType.PLACEMENT, request.providerId(),
                null, null, request.priceOre(), request.tariffPeriod(), request.scope(), request.from(), request.to()));
        granted(placement, grant, null);
        return view(placement);
    }

    /** The process found the quotes' due day passed: noted once, on a placement still expected. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markQuotesOverdue(UUID placementId) {
        Placement.update("quotesOverdueAt = ?1, version = version + 1 where id = ?2 and status = ?3 and quotesOverdueAt is null",
                now(), placementId, Placement.Status.EXPECTED);
    }

    /** The placement runs on {@code grant} now; the first grant tells the process and other systems. */
    private void granted(Placement placement, EconomyApi.GrantView grant, UUID quoteId) {
        boolean first = placement.status == Placement.Status.EXPECTED;
        placement.status = Placement.Status.GRANTED;
        placement.grantId = grant.id();
        if (first) {
            placement.grantedAt = now();
            placement.grantedBy = caller.user();
        }
        touch(placement);
        placement.persistAndFlush();
        trail.record(placement.caseId, null, "CHANGE", "placement", null, placement.id + ": GRANTED as grant " + grant.id(), null);
        if (first) {
            outbox.publishMessage(GRANTED, placement.id.toString(), "placement-granted:" + placement.id,
                    Map.of("grantId", grant.id().toString()));
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("placementId", placement.id.toString());
        payload.put("grantId", grant.id().toString());
        payload.put("quoteId", quoteId == null ? null : quoteId.toString());
        payload.put("replacedGrantId", placement.acuteGrantId == null ? null : placement.acuteGrantId.toString());
        payload.put("urgency", placement.urgency.name());
        payload.put("approval", grant.approval().name());
        events.publish(IntegrationEvents.PLACEMENT_GRANTED, placement.caseId, payload);
    }

    /** Starts (or, after an engine restart, starts again) the placement's process. */
    void startProcess(Placement placement) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", placement.caseId.toString());
        variables.put("placementId", placement.id.toString());
        variables.put("subjectId", placement.id.toString());
        variables.put("urgency", placement.urgency.name());
        if (placement.quotesDueOn != null) {
            // the due day is the last day: the timer fires as the next day begins in Denmark
            variables.put("quotesDueAt", placement.quotesDueOn.plusDays(1).atStartOfDay(Times.DENMARK).toOffsetDateTime().toString());
        }
        outbox.publishMessage(EXPECTED, placement.id.toString(), "placement-expected:" + placement.id, variables);
    }

    private Placement changing(UUID caseId, UUID placementId, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "placement");
        Placement placement = find(caseId, placementId, true);
        ETags.requireCurrent(ifMatch, placement.version);
        return placement;
    }

    private static Placement find(UUID caseId, UUID placementId, boolean lock) {
        Placement placement = lock ? Placement.findById(placementId, LockModeType.PESSIMISTIC_WRITE) : Placement.findById(placementId);
        if (placement == null || !placement.caseId.equals(caseId)) {
            throw ProblemException.notFound("Placement", placementId);
        }
        return placement;
    }

    private static PlacementQuote quote(UUID placementId, UUID quoteId) {
        PlacementQuote quote = PlacementQuote.findById(quoteId);
        if (quote == null || !quote.placementId.equals(placementId)) {
            throw ProblemException.notFound("Quote", quoteId);
        }
        return quote;
    }

    private static void requireExpected(Placement placement, String what) {
        if (placement.status != Placement.Status.EXPECTED) {
            throw new ProblemException(ProblemType.CONFLICT, "The placement is " + placement.status + ": it cannot be " + what);
        }
    }

    /** Quotes are asked and chosen while the placement is expected, and on an acute placement granted before its quotes. */
    private static void requireOpenForQuotes(Placement placement) {
        boolean acuteAwaitingQuote = placement.status == Placement.Status.GRANTED && placement.urgency == Urgency.ACUTE
                && placement.acuteGrantId == null;
        if (placement.status != Placement.Status.EXPECTED && !acuteAwaitingQuote) {
            throw new ProblemException(ProblemType.CONFLICT, "The placement is " + placement.status
                    + (placement.status == Placement.Status.GRANTED ? " on its chosen quote" : "") + ": its quotes are closed");
        }
    }

    private void apply(Placement placement, LocalDate expectedStart, PlacementKind kind, BigDecimal annualEstimate, String reason) {
        placement.expectedStart = expectedStart;
        placement.kind = kind;
        placement.annualEstimate = annualEstimate.setScale(2, java.math.RoundingMode.UNNECESSARY);
        placement.reason = reason.strip();
        touch(placement);
    }

    private void touch(Placement placement) {
        placement.updatedAt = now();
        placement.updatedBy = caller.user();
    }

    PlacementApi.PlacementView view(Placement p) {
        List<PlacementQuote> quotes = PlacementQuote.list("placementId", Sort.by("requestedAt").and("id"), p.id);
        Map<UUID, String> names = new HashMap<>();
        quotes.forEach(q -> names.computeIfAbsent(q.providerId, id -> providers.find(id).map(ProviderDirectory.Listed::name).orElse("?")));
        boolean overdue = p.status == Placement.Status.EXPECTED && p.quotesDueOn != null
                && LocalDate.now(Times.DENMARK).isAfter(p.quotesDueOn);
        return new PlacementApi.PlacementView(p.id, p.caseId, p.kind, p.urgency, p.expectedStart, p.annualEstimate, p.reason, p.status,
                p.quotesDueOn, overdue, Times.local(p.quotesOverdueAt), p.grantId, p.acuteGrantId,
                p.grantId == null ? null : grants.approvals(List.of(p.grantId)).get(p.grantId), Times.local(p.grantedAt), p.grantedBy,
                p.cancelReason, Times.local(p.cancelledAt), quotes.stream().map(q -> view(q, names.get(q.providerId))).toList(),
                Times.local(p.createdAt), p.createdBy, Times.local(p.updatedAt), p.updatedBy, p.version);
    }

    private static PlacementApi.QuoteView view(PlacementQuote q, String providerName) {
        Long annual = q.priceOre == null ? null : Cost.upTo(q.priceOre, BigDecimal.ONE, q.tariffPeriod, LocalDate.EPOCH,
                LocalDate.EPOCH.plusDays(365));
        return new PlacementApi.QuoteView(q.id, q.providerId, providerName, q.status, q.priceOre, q.tariffPeriod, annual, q.terms,
                q.validUntil, q.note, Times.local(q.requestedAt), q.requestedBy, Times.local(q.answeredAt), q.professionalJustification,
                q.economicJustification, Times.local(q.chosenAt), q.chosenBy, q.grantId);
    }

    private static String describe(Placement p) {
        return p.id + ": " + p.kind + " " + p.urgency + " from " + p.expectedStart + ", estimate " + p.annualEstimate.toPlainString()
                + " kr/year" + (p.quotesDueOn == null ? "" : ", quotes due " + p.quotesDueOn);
    }

    private static String describe(PlacementQuote q) {
        return "quote " + q.id + " " + q.status + (q.priceOre == null ? "" : ": " + q.priceOre + " øre per " + q.tariffPeriod
                + ", valid until " + q.validUntil);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
