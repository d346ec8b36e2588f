package dk.visitation.deadlines;

import dk.visitation.casework.CaseworkFact;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.economy.Measures.Measure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the rules read of one case: its casework record (oldest first) and its measures. */
public record CaseRecord(UUID caseId, List<CaseworkFact> facts, List<Measure> measures) {

    public List<CaseworkFact> of(CaseworkKind... kinds) {
        List<CaseworkKind> wanted = List.of(kinds);
        return facts.stream().filter(f -> wanted.contains(f.kind())).toList();
    }

    /** The first record of one of {@code kinds} that answers {@code id}. */
    public Optional<CaseworkFact> firstAnswer(UUID id, CaseworkKind... kinds) {
        return of(kinds).stream().filter(f -> id.equals(f.refersTo())).findFirst();
    }
}
