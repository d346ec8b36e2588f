package dk.visitation.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Visitation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** target-group.dmn read as the agreement between MYN and CBA: every rule, each exception, and all combinations. */
@QuarkusTest
class TargetGroupDecisionTest {

    private static final List<String> FLAGS = Visitation.FLAGS;
    private static final List<String> EXCEPTIONS = FLAGS.subList(4, 8);

    @Inject
    Decisions decisions;

    /** The obvious CBA case: considerable and lasting, the main problem, offers asked for, known from BUP. */
    private static Map<String, Object> obviousCba() {
        return Visitation.obviousCba();
    }

    static Stream<Arguments> agreement() {
        return Stream.of(
                Arguments.of("a placement of a child of mentally ill parents stays in MYN even when obviously CBA",
                        with(obviousCba(), "placementOfChildOfMentallyIllParents"), "STAYS_MYN", "R01-mentally-ill-parents"),
                Arguments.of("a child of a pregnant woman with concern for the coming child stays in MYN",
                        with(obviousCba(), "childOfPregnantWomanWithConcern"), "STAYS_MYN", "R02-pregnant-concern"),
                Arguments.of("a sibling whose need comes only from the disabled child goes to CBA",
                        with(facts("NONE"), "siblingNeedOnlyFromDisabledSibling"), "QUICK_SCREEN_CBA", "R03-sibling"),
                Arguments.of("a child of severely intellectually disabled parents goes to CBA",
                        with(facts("NONE", "otherSocialProblemsWeighHeavier"), "childOfSeverelyIntellectuallyDisabledParents"),
                        "QUICK_SCREEN_CBA", "R04-intellectually-disabled-parents"),
                Arguments.of("no functional impairment stays in MYN", facts("NONE", "disabilityIsMainProblem"),
                        "STAYS_MYN", "R05-no-impairment"),
                Arguments.of("heavier social problems keep even a considerable impairment in MYN",
                        with(obviousCba(), "otherSocialProblemsWeighHeavier"), "STAYS_MYN", "R06-social-problems-weigh-heavier"),
                Arguments.of("an obvious CBA case is quick-screened", obviousCba(), "QUICK_SCREEN_CBA", "R07-quick-screening"),
                Arguments.of("a considerable impairment without a known diagnosis goes to the committee",
                        facts("CONSIDERABLE_AND_LASTING", "disabilityIsMainProblem", "disabilitySpecificOffersRequested"),
                        "COMMITTEE", "R08-considerable-impairment"),
                Arguments.of("the degree weighs, not the diagnosis: a moderate impairment known from BUP goes to the committee",
                        facts("MODERATE", "disabilityIsMainProblem", "disabilitySpecificOffersRequested", "knownDiagnosisFromBupOrHospital"),
                        "COMMITTEE", "R09-grey-zone-moderate"),
                Arguments.of("a considerable impairment that is not the main problem is a grey-zone case",
                        facts("CONSIDERABLE_AND_LASTING", "disabilitySpecificOffersRequested", "knownDiagnosisFromBupOrHospital"),
                        "COMMITTEE", "R10-grey-zone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreement")
    void the_agreement_places_the_case(String sentence, Map<String, Object> facts, String recommendation, String rule) {
        Map<String, Object> output = decisions.evaluate("target-group", facts).output();
        assertEquals(recommendation, output.get("recommendation"), sentence);
        assertEquals(rule, output.get("rule"), sentence);
        assertFalse(String.valueOf(output.get("reason")).isBlank());
    }

    @Test
    void missing_facts_count_as_not_established() {
        Map<String, Object> output = decisions.evaluate("target-group", Map.of("impairment", "NONE")).output();
        assertEquals("R05-no-impairment", output.get("rule"));
        assertEquals("R10-grey-zone", decisions.evaluate("target-group", Map.of()).output().get("rule"));
    }

    @Test
    void every_combination_gets_one_recommendation_with_a_reason_and_any_exception_wins() {
        List<String> wrong = new ArrayList<>();
        for (String impairment : List.of("NONE", "MODERATE", "CONSIDERABLE_AND_LASTING")) {
            for (int bits = 0; bits < 1 << FLAGS.size(); bits++) {
                Map<String, Object> facts = new HashMap<>();
                facts.put("impairment", impairment);
                for (int i = 0; i < FLAGS.size(); i++) {
                    facts.put(FLAGS.get(i), (bits & 1 << i) != 0);
                }
                Map<String, Object> output = decisions.evaluate("target-group", facts).output();
                String rule = String.valueOf(output.get("rule"));
                boolean exception = EXCEPTIONS.stream().anyMatch(flag -> (Boolean) facts.get(flag));
                if (!Set.of("QUICK_SCREEN_CBA", "COMMITTEE", "STAYS_MYN").contains(output.get("recommendation"))
                        || String.valueOf(output.get("reason")).isBlank()
                        || exception != rule.matches("R0[1-4].*")) {
                    wrong.add(facts + " → " + output);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " combinations, e.g. " + wrong.stream().limit(3).toList());
    }

    private static Map<String, Object> facts(String impairment, String... trueFlags) {
        return Visitation.facts(impairment, trueFlags);
    }

    private static Map<String, Object> with(Map<String, Object> facts, String flag) {
        Map<String, Object> copy = new HashMap<>(facts);
        copy.put(flag, true);
        return copy;
    }
}
