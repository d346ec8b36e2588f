package dk.visitation.handover;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.tasks.TaskForm;
import dk.visitation.workflow.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The handover's forms and service tasks. */
@ApplicationScoped
class HandoverForms {

    /** "Udfyld overdragelsesresumé": the mandatory points for the receiving adviser; the grants are listed by the system. */
    @ApplicationScoped
    static class SummaryForm implements TaskForm {
        private static final Set<String> FIELDS = Set.of("lastInvestigationOn", "lastMeetingOn", "agreements", "freeText", "documents");
        private final HandoverSteps handovers;
        private final dk.visitation.common.DocumentReferences references;

        SummaryForm(HandoverSteps handovers, dk.visitation.common.DocumentReferences references) {
            this.handovers = handovers;
            this.references = references;
        }

        @Override
        public String formKey() {
            return "handover:summary";
        }

        @Override
        public Map<String, Object> complete(CompletedTask task, JsonNode input) {
            List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
            LocalDate investigation = date(input, "lastInvestigationOn", errors);
            LocalDate meeting = date(input, "lastMeetingOn", errors);
            String agreements = text(input, "agreements", true, errors);
            String freeText = text(input, "freeText", false, errors);
            List<dk.visitation.common.DocumentReference> documents = references.read(input, "documents", errors);
            failOn(errors);
            handovers.summarise(task.caseId(), investigation, meeting, agreements, freeText, documents, task.completedBy());
            return Map.of();
        }

        @Override
        public boolean stillToDo(java.util.UUID caseId, java.util.UUID handoverId) {
            return HandoverSteps.stillToDo(handoverId, Handover.Status.SUMMARY);
        }
    }

    /**
     * "Afslut åbent arbejde før overdragelse": stands for the open work; closing the last blocker takes it off the task
     * list and the handover goes on. Completing it by hand only has the conditions checked again.
     */
    @ApplicationScoped
    static class OpenWorkForm implements TaskForm {

        @Override
        public String formKey() {
            return "handover:open-work";
        }

        @Override
        public Map<String, Object> complete(CompletedTask task, JsonNode input) {
            failOn(TaskForm.unknownFields(input, Set.of()));
            return Map.of();
        }

        @Override
        public boolean stillToDo(java.util.UUID caseId, java.util.UUID handoverId) {
            return HandoverSteps.stillToDo(handoverId, Handover.Status.BLOCKED);
        }
    }

    /** "Modtag sag": the receiving department accepts with a named adviser and the effective date. */
    @ApplicationScoped
    static class ReceiveForm implements TaskForm {
        private static final Set<String> FIELDS = Set.of("receivingAdviser", "effectiveDate");
        private final HandoverSteps handovers;

        ReceiveForm(HandoverSteps handovers) {
            this.handovers = handovers;
        }

        @Override
        public String formKey() {
            return "handover:receive";
        }

        @Override
        public Map<String, Object> complete(CompletedTask task, JsonNode input) {
            List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
            String adviser = text(input, "receivingAdviser", true, errors);
            LocalDate effective = date(input, "effectiveDate", errors);
            failOn(errors);
            handovers.receive(task.caseId(), adviser, effective, task.completedBy());
            return Map.of();
        }

        @Override
        public boolean stillToDo(java.util.UUID caseId, java.util.UUID handoverId) {
            return HandoverSteps.stillToDo(handoverId, Handover.Status.RECEIVING);
        }
    }

    @Produces
    JobHandler checkConditions(HandoverSteps handovers) {
        return new JobHandler() {
            @Override
            public String jobType() {
                return "handover.check-conditions";
            }

            @Override
            public Map<String, Object> handle(io.camunda.client.api.response.ActivatedJob job) {
                java.util.UUID id = java.util.UUID.fromString(String.valueOf(job.getVariable("handoverId")));
                boolean blocked = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> handovers.checkConditions(id));
                return Map.of("blocked", blocked);
            }
        };
    }

    @Produces
    JobHandler switchPayment(HandoverSteps handovers) {
        return JobHandler.onId("handover.switch-payment", "handoverId", handovers::complete);
    }

    private static LocalDate date(JsonNode input, String field, List<Problem.FieldError> errors) {
        try {
            return LocalDate.parse(input.path(field).asText(""));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "is required, an ISO date"));
            return null;
        }
    }

    private static String text(JsonNode input, String field, boolean required, List<Problem.FieldError> errors) {
        JsonNode node = input.path(field);
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().length() > 4000) {
            errors.add(new Problem.FieldError(field, "must be a text of at most 4000 characters"));
            return null;
        }
        return node.asText().strip();
    }

    private static void failOn(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The form is not valid", errors);
        }
    }
}
