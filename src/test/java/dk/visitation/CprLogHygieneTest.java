package dk.visitation;

import static dk.visitation.support.CprScanner.cprNumbersIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.CprScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (see junit-platform.properties) and reads every log line the whole suite produced: no CPR
 * number may appear in it (see {@link CprScanner}). The packaged-service tests check their own logs the same way.
 */
@Order(Integer.MAX_VALUE)
class CprLogHygieneTest {

    @Test
    void no_cpr_number_appears_in_the_logs_of_the_test_run() throws IOException {
        Path logs = Path.of("target/test-logs");
        assertTrue(Files.isDirectory(logs), "the test profile writes its log to target/test-logs");
        List<String> hits = new ArrayList<>();
        long lines = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines++;
                    hits.addAll(cprNumbersIn(line).stream().map(cpr -> file.getFileName() + ": " + CprScanner.hidden(cpr)).toList());
                }
            }
        }
        assertTrue(lines > 10, "the suite logged too little to judge: " + lines + " lines");
        assertEquals(List.of(), hits);
    }

    @Test
    void the_pattern_finds_cpr_numbers_and_ignores_other_numbers() {
        assertEquals(List.of("1503154321"), cprNumbersIn("child 150315-4321 registered"));
        assertEquals(List.of("1503154321"), cprNumbersIn("{\"cpr\":\"1503154321\"}"));
        assertEquals(List.of(), cprNumbersIn("process instance 2251799813685311, port 8080, 150315-XXXX"));
        assertEquals(List.of(), cprNumbersIn("3202154321 is no date"));
        assertEquals(List.of(), cprNumbersIn("POST /tasks/466cf93c-6daa-4a4e-a3f2-b2105983052a/claim"));
        assertEquals(List.of("2105983052"), cprNumbersIn("cpr=210598-3052."));
    }

}
