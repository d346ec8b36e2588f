package dk.visitation.documents;

import static dk.visitation.common.Times.local;

import dk.visitation.common.DocumentReference;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Paths;
import dk.visitation.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The documents a case refers to, wherever they are cited: references into the ESDH system, never the documents. */
@Path(Paths.CASE + "/documents")
@Tag(name = "Documents", description = "Documents by reference: what a case cites in the municipality's ESDH system")
@Produces(MediaType.APPLICATION_JSON)
public class CaseDocumentsResource {

    private final CaseDocuments documents;

    CaseDocumentsResource(CaseDocuments documents) {
        this.documents = documents;
    }

    @Schema(name = "CaseDocument", description = "A document the case refers to, and the record that cites it")
    public record CaseDocumentView(DocumentReference document,
            @Schema(description = "The feature whose record cites it", examples = "casework") String feature,
            @Schema(description = "The kind of that record: a casework kind, MATERIAL or DECISION (committee), SUMMARY (handover)",
                    examples = "NOTIFICATION") String kind,
            @Schema(description = "The id of the citing record: casework entry, committee material, decision or handover") UUID citedBy,
            @Schema(description = "When the citing record was recorded") OffsetDateTime recordedAt) {

        static CaseDocumentView of(CitedDocument c) {
            return new CaseDocumentView(c.document(), c.feature(), c.kind(), c.citedBy(), local(c.recordedAt()));
        }
    }

    @Schema(name = "CaseDocumentPage")
    public record CaseDocumentPage(List<CaseDocumentView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({Role.MYN_ADVISER, Role.CBA_ADVISER, Role.COMMITTEE_MEMBER, Role.LEADER, Role.AUDITOR})
    @Operation(operationId = "listCaseDocuments", summary = "Every document the case refers to, newest first",
            description = "From every feature that cites documents: the casework record, the committee's material and decisions, the "
                    + "handover summary. Newest first by the document's date (undated last), then by when it was cited. A document cited "
                    + "twice is listed twice, once per citing record.")
    @APIResponse(responseCode = "200", description = "One page of documents", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseDocumentPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging")
    @APIResponse(responseCode = "404", description = "No such case in the caller's scope")
    public CaseDocumentPage list(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Page<CitedDocument> found = documents.of(id, page);
        return new CaseDocumentPage(found.items().stream().map(CaseDocumentView::of).toList(), found.page(), found.size(), found.total());
    }
}
