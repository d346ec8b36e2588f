package dk.visitation.security;

import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The development issuer: mints a token for any role and department(s). Only in embedded mode with
 * {@code visitation.dev-identity.enabled=true} (bin/run and the tests); elsewhere it answers 404 and
 * the service trusts only the identity provider configured by {@code mp.jwt.verify.*}.
 */
@Path("/dev/tokens")
@Tag(name = "Development identity", description = "Tokens for local development; absent in production")
public class DevTokenResource {

    @ConfigProperty(name = "visitation.dev-identity.enabled", defaultValue = "false")
    boolean enabled;

    @Schema(name = "DevTokenRequest")
    public record TokenRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") @Schema(examples = "mette.myn") String user,
            @NotEmpty List<@NotNull @Pattern(regexp = "MYN_ADVISER|CBA_ADVISER|COMMITTEE_MEMBER|ECONOMY|LEADER|AUDITOR|SYSTEM") String> roles,
            @Schema(description = "The caller's department(s)") Set<Department> departments) {
    }

    @Schema(name = "DevToken")
    public record Token(String accessToken, String tokenType, long expiresIn) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mintDevToken", summary = "Mint a development token (embedded mode only)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TokenRequest.class),
            examples = @ExampleObject(name = "mynAdviser",
                    value = "{\"user\": \"mette.myn\", \"roles\": [\"MYN_ADVISER\"], \"departments\": [\"MYN\"]}")))
    @APIResponse(responseCode = "200", description = "A signed token, valid for 8 hours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "400", description = "Unknown role or bad user name")
    @APIResponse(responseCode = "404", description = "The development issuer is switched off")
    public Token mint(@Valid @NotNull TokenRequest request) {
        if (!enabled) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No resource at /dev/tokens");
        }
        Duration lifetime = Duration.ofHours(8);
        String token = Jwt.issuer(DevIdentityKeys.ISSUER)
                .audience(DevIdentityKeys.AUDIENCE)
                .upn(request.user())
                .groups(Set.copyOf(request.roles()))
                .claim(Caller.DEPARTMENTS_CLAIM, request.departments() == null ? List.of()
                        : request.departments().stream().map(Enum::name).sorted().toList())
                .claim("azp", "dev-identity")
                .expiresIn(lifetime)
                .sign();
        return new Token(token, "Bearer", lifetime.toSeconds());
    }
}
