package dk.visitation.placements;

import static dk.visitation.placements.Placements.atCurrent;
import static dk.visitation.placements.Placements.etag;
import static dk.visitation.placements.Placements.path;
import static dk.visitation.placements.Placements.plan;
import static dk.visitation.placements.Placements.planned;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.common.Department;
import dk.visitation.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The forecast's view of the planning: the open expected placements per department, weighed by their expected start. */
@QuarkusTest
class ExpectedPlacementsTest {

    @Inject
    ExpectedPlacements expected;

    @Test
    void an_estimate_counts_from_its_expected_start_to_the_end_of_the_period_on_a_365_day_year() {
        var placement = new ExpectedPlacements.Open(UUID.randomUUID(), UUID.randomUUID(), Department.CBA, PlacementKind.RESIDENTIAL_HOME,
                Urgency.PLANNED, LocalDate.of(2027, 3, 1), new BigDecimal("1450000.00"));
        // 1 March → 1 January: 31+30+31+30+31+31+30+31+30+31 = 306 days; 1,450,000 × 306 / 365 = 1,215,616.438… → 1,215,616.44
        assertEquals(new BigDecimal("1215616.44"), placement.expectedCost(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1)));
        var started = new ExpectedPlacements.Open(UUID.randomUUID(), UUID.randomUUID(), Department.CBA, PlacementKind.FOSTER_FAMILY,
                Urgency.PLANNED, LocalDate.of(2026, 11, 1), new BigDecimal("365000.00"));
        // started before the period: the whole period counts, 1 January to 1 March 2027: 59 days × 1,000 kr a day
        assertEquals(new BigDecimal("59000.00"), started.expectedCost(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1)));
        // expected after the period: nothing in it
        assertEquals(new BigDecimal("0.00"), placement.expectedCost(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void the_open_expected_placements_are_listed_per_department_until_granted_or_cancelled() {
        UUID myn = Api.registerCase(freshCpr());
        Map<String, Object> inCba = new HashMap<>(Api.newCase(freshCpr()));
        inCba.put("department", "CBA");
        UUID cba = UUID.fromString(Api.register(inCba).statusCode(201).extract().path("id"));
        String mynPlacement = plan(myn, planned("PLANNED")).path("id");
        String cbaPlacement = plan(cba, planned("SEMI_ACUTE")).path("id");

        List<ExpectedPlacements.Open> mynOpen = expected.open(Department.MYN);
        ExpectedPlacements.Open open = mynOpen.stream().filter(o -> o.placementId().toString().equals(mynPlacement)).findFirst().orElseThrow();
        assertEquals(myn, open.caseId());
        assertEquals(Department.MYN, open.department());
        assertEquals(new BigDecimal("1450000.00"), open.annualEstimate());
        assertEquals(Placements.TODAY.plusMonths(3), open.expectedStart());
        assertFalse(mynOpen.stream().anyMatch(o -> o.placementId().toString().equals(cbaPlacement)), "CBA's placement is not MYN's");
        assertTrue(expected.open(Department.CBA).stream().anyMatch(o -> o.placementId().toString().equals(cbaPlacement)));
        assertTrue(expected.open(null).stream().anyMatch(o -> o.placementId().toString().equals(cbaPlacement)), "every department");

        atCurrent(myn, mynPlacement).body(Map.of("reason", "Ikke aktuel"))
                .post(path(myn, mynPlacement) + "/cancel").then().statusCode(200);
        assertFalse(expected.open(Department.MYN).stream().anyMatch(o -> o.placementId().toString().equals(mynPlacement)),
                "a cancelled planning leaves the forecast");
    }
}
