package dk.visitation.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A target-group assessment (målgruppevurdering): the facts MYN's adviser recorded, what the agreed
 * rules recommend and why, and — once concluded — the adviser's outcome with the reason for any
 * disagreement. Both recommendation and outcome are kept: parents may ask why.
 */
@Entity
@Table(name = "target_group_assessment")
public class Assessment extends PanacheEntityBase {

    public enum Impairment { NONE, MODERATE, CONSIDERABLE_AND_LASTING }

    public enum Outcome { QUICK_SCREEN_CBA, COMMITTEE, STAYS_MYN }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public Impairment impairment;

    @Column(name = "disability_is_main_problem")
    public boolean disabilityIsMainProblem;

    @Column(name = "other_social_problems_weigh_heavier")
    public boolean otherSocialProblemsWeighHeavier;

    @Column(name = "disability_specific_offers_requested")
    public boolean disabilitySpecificOffersRequested;

    @Column(name = "known_diagnosis_from_bup_or_hospital")
    public boolean knownDiagnosisFromBupOrHospital;

    @Column(name = "placement_of_child_of_mentally_ill_parents")
    public boolean placementOfChildOfMentallyIllParents;

    @Column(name = "child_of_pregnant_woman_with_concern")
    public boolean childOfPregnantWomanWithConcern;

    @Column(name = "sibling_need_only_from_disabled_sibling")
    public boolean siblingNeedOnlyFromDisabledSibling;

    @Column(name = "child_of_severely_intellectually_disabled_parents")
    public boolean childOfSeverelyIntellectuallyDisabledParents;

    public String notes;

    @Enumerated(EnumType.STRING)
    public Outcome recommendation;

    public String rule;

    @Column(name = "rule_reason")
    public String ruleReason;

    @Column(name = "decision_version")
    public int decisionVersion;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "disagreement_reason")
    public String disagreementReason;

    @Column(name = "concluded_by")
    public String concludedBy;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Version
    public long version;

    /** The facts as the decision table reads them. */
    Map<String, Object> facts() {
        return Map.of(
                "impairment", impairment.name(),
                "disabilityIsMainProblem", disabilityIsMainProblem,
                "otherSocialProblemsWeighHeavier", otherSocialProblemsWeighHeavier,
                "disabilitySpecificOffersRequested", disabilitySpecificOffersRequested,
                "knownDiagnosisFromBupOrHospital", knownDiagnosisFromBupOrHospital,
                "placementOfChildOfMentallyIllParents", placementOfChildOfMentallyIllParents,
                "childOfPregnantWomanWithConcern", childOfPregnantWomanWithConcern,
                "siblingNeedOnlyFromDisabledSibling", siblingNeedOnlyFromDisabledSibling,
                "childOfSeverelyIntellectuallyDisabledParents", childOfSeverelyIntellectuallyDisabledParents);
    }

    static Optional<Assessment> draft(UUID caseId) {
        return find("caseId = ?1 and outcome is null", caseId).firstResultOptional();
    }

    static Optional<Assessment> latest(UUID caseId) {
        return find("caseId = ?1 order by assessedAt desc", caseId).firstResultOptional();
    }
}
