package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.support.ContractSchema;
import dk.visitation.support.SchemaSamples;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fuzzer's schema checker says no when it should: otherwise its "every 2xx matches" proves nothing. */
class ContractSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContractSchema contract = ContractSchema.committed();
    private final JsonNode caseSchema = contract.target("#/components/schemas/Case");

    private JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void a_case_as_the_service_writes_it_passes() throws Exception {
        JsonNode valid = json("{'id': '0b9a3c8e-2a47-4a59-9a55-2f1e0f3f6c11', 'child': {'cpr': '150315-XXXX', 'name': 'Emil'},"
                + " 'source': 'SCHOOL', 'receivedAt': '2026-11-20T09:30:00+01:00', 'status': 'AWAITING_ASSESSMENT',"
                + " 'adviser': null, 'version': 3}");
        assertEquals(List.of(), contract.check(valid, caseSchema, true));
    }

    @Test
    void wrong_types_enums_formats_and_undocumented_fields_are_each_named() throws Exception {
        assertProblem("{'id': 'not-a-uuid'}", "$.id");
        assertProblem("{'status': 'LOST'}", "$.status");
        assertProblem("{'version': 'three'}", "$.version");
        assertProblem("{'receivedAt': '2026-11-20T09:30+01:00'}", "$.receivedAt"); // RFC 3339 wants the seconds
        assertProblem("{'child': {'cpr': 1503154321}}", "$.child.cpr");
        assertProblem("{'secret': 'x'}", "$.secret");
        assertProblem("[]", "$");
    }

    @Test
    void required_fields_and_ranges_of_request_schemas_are_checked() throws Exception {
        JsonNode newGrant = contract.target("#/components/schemas/NewGrant");
        List<String> problems = contract.check(json("{'serviceType': 'RESPITE_CARE', 'priceOre': 0, 'scope': 0.005}"), newGrant, false);
        assertTrue(problems.stream().anyMatch(p -> p.contains("'provider' is missing")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.priceOre")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.scope")), problems.toString());
    }

    @Test
    void a_keyword_the_checker_does_not_know_fails_rather_than_passing_silently() throws Exception {
        assertProblem("{'a': 1}", "$", json("{'oneOf': [{'type': 'object'}]}"));
    }

    @Test
    void values_built_from_a_schema_pass_it_and_broken_ones_do_not() {
        SchemaSamples samples = new SchemaSamples(contract, name -> List.of());
        for (String name : List.of("NewCase", "NewGrant", "DecisionRequest", "AssessmentFacts", "Attendance", "DevTokenRequest")) {
            JsonNode schema = contract.target("#/components/schemas/" + name);
            for (int seed = 0; seed < 50; seed++) {
                Random random = new Random(seed);
                JsonNode valid = samples.valid(schema, null, random);
                assertEquals(List.of(), contract.check(valid, schema, true), name + " seed " + seed + ": " + valid);
                String[] how = new String[1];
                JsonNode broken = samples.broken(schema, valid, random, how);
                if (!how[0].startsWith("odd value")) { // some odd values (null, "") are allowed by the schema
                    assertTrue(!contract.check(broken, schema, true).isEmpty(), name + " seed " + seed + " " + how[0] + ": " + broken);
                }
            }
        }
    }

    private void assertProblem(String value, String at) throws Exception {
        assertProblem(value, at, caseSchema);
    }

    private void assertProblem(String value, String at, JsonNode schema) throws Exception {
        List<String> problems = contract.check(json(value), schema, true);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(at + ":")), value + " → " + problems);
    }
}
