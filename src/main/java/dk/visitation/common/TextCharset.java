package dk.visitation.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;

/**
 * Text answers (the committee's minutes and the aktindsigt as HTML, the CSV exports) say their charset:
 * they carry Danish letters, and a browser or spreadsheet without {@code charset=UTF-8} guesses Latin-1.
 */
@Provider
public class TextCharset implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.getType().equals("text") && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.withCharset(StandardCharsets.UTF_8.name()));
        }
    }
}
