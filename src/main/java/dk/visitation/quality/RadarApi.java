package dk.visitation.quality;

import dk.visitation.common.Department;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quality radar's bodies. */
public final class RadarApi {

    private RadarApi() {
    }

    @Schema(name = "RadarFigure", description = "One gap as the review reports it: relevant, present, missing and the share missing")
    public record Figure(Gap gap, String title, @Schema(examples = "Barnets Lov § 20") String legalBasis, long relevant, long present,
            long missing, @Schema(description = "missing / relevant in per cent, rounded half up; 0 when nothing is relevant", examples = "53")
            int percentMissing) {

        static Figure of(Gap gap, long relevant, long present) {
            long missing = relevant - present;
            int percent = relevant == 0 ? 0
                    : java.math.BigDecimal.valueOf(missing * 100).divide(java.math.BigDecimal.valueOf(relevant), 0, java.math.RoundingMode.HALF_UP).intValue();
            return new Figure(gap, gap.title, gap.legalBasis, relevant, present, missing, percent);
        }
    }

    @Schema(name = "QualityRadar")
    public record Radar(LocalDate on, @Schema(nullable = true) Department department, @Schema(nullable = true) String adviser,
            @Schema(description = "Cases looked at (in scope, matching the filters, with a record or a measure)") long cases,
            List<Figure> figures) {
    }

    @Schema(name = "RadarCase", description = "One case behind a figure: the gap's flag with why it is relevant")
    public record CaseFlag(UUID caseId, Gap gap, boolean relevant, boolean present, boolean missing, String why,
            Department department, @Schema(nullable = true) String adviser) {
    }

    @Schema(name = "RadarCasePage")
    public record CasePage(List<CaseFlag> items, int page, int size, long total) {
    }

    /** Which cases behind a figure. */
    public enum Which { RELEVANT, PRESENT, MISSING }
}
