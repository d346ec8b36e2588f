package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exports' CSV: header and plain values as they are, and a value that needs escaping reads back unchanged. */
class CsvWriterTest {

    @Test
    void writes_the_header_and_plain_values_unquoted() {
        String csv = CsvWriter.write(List.of("case_id", "band", "annualised_ore"),
                List.of(List.of("0b7e8f4e-3c1d-4a47-9a7e-5f0c2d9b1a11", "2.0+", 240_000_000L), List.of("x", "1.0-1.5", 1L)));
        assertEquals("case_id;band;annualised_ore\n0b7e8f4e-3c1d-4a47-9a7e-5f0c2d9b1a11;2.0+;240000000\nx;1.0-1.5;1\n", csv);
    }

    @Test
    void a_value_holding_the_separator_a_quote_and_a_newline_parses_back_to_the_same_value() throws Exception {
        String awkward = "Opholdssted \"Solgården\"; afd. 2\nSkovvej 1";
        String csv = CsvWriter.write(List.of("name", "amount_ore"), List.of(List.of(awkward, 42L), List.of("plain", 7L)));

        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvWriter.schema(List.of("name", "amount_ore")))
                .readValues(csv)) {
            rows = read.readAll();
        }
        assertEquals(List.of(Map.of("name", awkward, "amount_ore", "42"), Map.of("name", "plain", "amount_ore", "7")), rows);
    }
}
