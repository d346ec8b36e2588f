package dk.visitation.documents;

import dk.visitation.cases.InsightSection;
import dk.visitation.common.DocumentReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.UUID;

/**
 * The documents the case refers to, in the family's aktindsigt: where each is kept (system, case number, document id),
 * so the family can ask for it; the documents themselves are in the ESDH system, not here.
 */
@ApplicationScoped
class DocumentsInsight implements InsightSection {

    private final Instance<DocumentSource> sources;

    DocumentsInsight(Instance<DocumentSource> sources) {
        this.sources = sources;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "Dokumenter i sagen";
    }

    @Override
    public String none() {
        return "Sagen henviser ikke til dokumenter i kommunens journalsystem.";
    }

    @Override
    public List<String> lines(UUID caseId) {
        return sources.stream().flatMap(source -> source.citedFor(caseId).stream()).sorted(CaseDocuments.NEWEST_FIRST)
                .map(c -> line(c.document()))
                .toList();
    }

    private static String line(DocumentReference d) {
        return (d.date() == null ? "" : d.date() + ": ") + (d.title() == null ? "Dokument" : d.title()) + " (" + d.system() + ", sag "
                + d.caseNumber() + ", dokument " + d.documentId() + ")";
    }
}
