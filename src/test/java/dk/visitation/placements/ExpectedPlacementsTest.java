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

/** The forecast's view of the planning: the open expected placements per department (ForecastTest weighs them by their expected start). */
@QuarkusTest
class ExpectedPlacementsTest {

    @Inject
    ExpectedPlacements expected;

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
