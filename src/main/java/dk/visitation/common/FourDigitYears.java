package dk.visitation.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Dates in a body have four-digit years, as the query parameters do ({@link QueryParamConverters}): java.time reads years
 * up to ±999,999,999, which PostgreSQL cannot store (a 500). Out of range is a 400 naming the field.
 */
@Singleton
public class FourDigitYears implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus's own, which registers the stock java.time deserializers
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("four-digit-years").addDeserializer(LocalDate.class, new Dates()));
    }

    static final class Dates extends StdDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate day = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
                throw InvalidFormatException.from(parser, "must be a date in the years 0001-9999", day.toString(), LocalDate.class);
            }
            return day;
        }
    }
}
