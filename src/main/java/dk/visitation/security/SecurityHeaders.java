package dk.visitation.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers for every API answer: nothing is sniffed, framed, cached or referred, and documents may load
 * nothing (the API serves data, not pages; Swagger UI under /q is not a JAX-RS resource and keeps its own).
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store"); // children's data stays out of shared caches
        }
    }
}
