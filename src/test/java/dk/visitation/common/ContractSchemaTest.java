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

/**
 * The schema checker (networknt json-schema-validator over the committed contract) says no when it should:
 * otherwise "every answer matches its schema" proves nothing.
 */
class ContractSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ContractSchema contract = ContractSchema.committed();
    private final JsonNode caseSchema = contract.target("#/components/schemas/Case");

    private JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String CASE = "{'id': '0b9a3c8e-2a47-4a59-9a55-2f1e0f3f6c11', 'child': {'cpr': '150315-XXXX', 'name': 'Emil'},"
            + " 'source': 'SCHOOL', 'receivedAt': '2026-11-20T09:30:00+01:00', 'description': 'Skolen beskriver ...',"
            + " 'department': 'MYN', 'contributingDepartment': null, 'status': 'AWAITING_ASSESSMENT', 'adviser': null, 'processInstanceKey': null,"
            + " 'createdAt': '2026-11-20T09:30:01+01:00', 'updatedAt': '2026-11-20T09:30:01+01:00',"
            + " 'dubuCaseId': null, 'version': 3}";

    @Test
    void a_case_as_the_service_writes_it_passes() throws Exception {
        assertEquals(List.of(), contract.check(json(CASE), caseSchema, true));
    }

    @Test
    void wrong_types_enums_formats_and_undocumented_fields_are_each_named() throws Exception {
        assertProblem(CASE.replace("'0b9a3c8e-2a47-4a59-9a55-2f1e0f3f6c11'", "'not-a-uuid'"), "$.id");
        assertProblem(CASE.replace("'AWAITING_ASSESSMENT'", "'LOST'"), "$.status");
        assertProblem(CASE.replace("3}", "'three'}"), "$.version");
        assertProblem(CASE.replace("'2026-11-20T09:30:00+01:00'", "'2026-11-20T09:30+01:00'"), "$.receivedAt"); // RFC 3339 wants the seconds
        assertProblem(CASE.replace("'150315-XXXX'", "1503154321"), "$.child.cpr");
        assertProblem(CASE.replace("'version': 3", "'version': 3, 'secret': 'x'"), "$.secret");
        assertProblem("[]", "$");
    }

    @Test
    void a_field_the_answer_leaves_out_or_nulls_against_its_schema_is_named() throws Exception {
        assertProblem(CASE.replace(" 'adviser': null,", ""), "$.adviser"); // every property is always present
        assertProblem(CASE.replace("'department': 'MYN'", "'department': null"), "$.department"); // not nullable
    }

    @Test
    void required_fields_and_ranges_of_request_schemas_are_checked() throws Exception {
        JsonNode newGrant = contract.target("#/components/schemas/NewGrant");
        List<String> problems = contract.check(json("{'serviceType': 'RESPITE_CARE', 'priceOre': 0, 'scope': 0.005}"), newGrant, false);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.tariffPeriod:") && p.contains("required")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.priceOre")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.scope")), problems.toString());
    }

    @Test
    void composed_schemas_are_checked_too() throws Exception {
        JsonNode oneOf = json("{'oneOf': [{'type': 'object', 'required': ['a']}, {'type': 'object', 'required': ['b']}]}");
        assertEquals(List.of(), contract.check(json("{'a': 1}"), oneOf, false));
        assertProblem("{'a': 1, 'b': 2}", "$", oneOf); // both match: oneOf wants exactly one
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
