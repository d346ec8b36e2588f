package dk.visitation.documents;

import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every document a case refers to, from every feature that cites documents ({@link DocumentSource}), newest first: by the
 * document's date (undated last), then by when it was cited. Scoped and logged like a case read.
 */
@ApplicationScoped
class CaseDocuments {

    static final Comparator<CitedDocument> NEWEST_FIRST = Comparator
            .comparing((CitedDocument c) -> c.document().date(), Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()))
            .thenComparing(CitedDocument::recordedAt)
            .thenComparing(c -> c.citedBy().toString())
            .thenComparing(c -> c.document().documentId())
            .reversed();

    private final CaseAccess cases;
    private final List<DocumentSource> sources;

    CaseDocuments(CaseAccess cases, Instance<DocumentSource> sources) {
        this.cases = cases;
        this.sources = sources.stream().toList();
    }

    @Transactional
    public Page<CitedDocument> of(UUID caseId, PageRequest page) {
        cases.access(caseId, AccessLog.Action.READ, "case documents");
        List<CitedDocument> all = sources.stream().flatMap(source -> source.citedFor(caseId).stream()).sorted(NEWEST_FIRST).toList();
        int from = (int) Math.min(all.size(), (long) page.page * page.size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size)), page.page, page.size, all.size());
    }
}
