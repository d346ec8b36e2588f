package dk.visitation.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A query parameter that does not convert is bad input (400 naming the parameter), not the 404 that
 * JAX-RS answers by default.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            List<String> allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString).toList();
            return converter(name, "must be one of " + allowed, text -> (T) Enum.valueOf((Class) rawType, text));
        }
        if (rawType == OffsetDateTime.class) {
            return converter(name, "must be an ISO-8601 date-time with offset, e.g. 2026-01-01T00:00:00+01:00",
                    text -> (T) OffsetDateTime.parse(text));
        }
        if (rawType == LocalDate.class) {
            return converter(name, "must be an ISO-8601 date, e.g. 2026-01-31", text -> (T) LocalDate.parse(text));
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String message, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String text) {
                if (text == null || text.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new WebApplicationException(Problem.of(ProblemType.VALIDATION, name + " " + message, null,
                            List.of(new Problem.FieldError(name, message))).toResponse());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
