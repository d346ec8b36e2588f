package dk.visitation.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;

/**
 * The CSV exports as the municipality's spreadsheets read them: semicolon-separated, a header line, one
 * line per row ending in a line feed. Escaping is Jackson's CSV data format: a value holding the
 * separator, a quote or a line break is quoted (quotes doubled); other values are written as they are.
 */
public final class CsvWriter {

    public static final char SEPARATOR = ';';
    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvWriter() {
    }

    /** Whether a list was asked for as CSV: an Accept naming text/csv and not JSON (JSON is the default). */
    public static boolean asked(String accept) {
        return accept != null && accept.contains(MEDIA_TYPE) && !accept.contains(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
    }

    /** A CSV answer the browser saves as {@code filename}. */
    public static jakarta.ws.rs.core.Response.ResponseBuilder download(String body, String filename) {
        return jakarta.ws.rs.core.Response.ok(body, MEDIA_TYPE).header("Content-Disposition", "attachment; filename=" + filename);
    }

    /** The schema of a CSV with these columns, in this order, and a header line. */
    public static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(SEPARATOR).setUseHeader(true);
        columns.forEach(schema::addColumn);
        return schema.build();
    }

    /** The header line and one line per row, each row's values in the order of the columns. */
    public static String write(List<String> columns, List<? extends List<?>> rows) {
        try {
            return MAPPER.writer(schema(columns)).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CSV of " + columns, e);
        }
    }
}
