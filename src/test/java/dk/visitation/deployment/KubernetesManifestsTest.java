package dk.visitation.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renders k8s/overlays/randers and checks what a municipality's platform team would check. */
class KubernetesManifestsTest {

    private static final Path OVERLAY = Path.of("k8s/overlays/randers");
    private static List<ObjectNode> rendered;
    private static JsonNode deployment;
    private static JsonNode container;

    @BeforeAll
    static void render() throws IOException {
        rendered = Kustomize.render(OVERLAY);
        deployment = Kustomize.find(rendered, "Deployment", "visitation-service");
        container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void the_pod_runs_as_non_root_with_a_read_only_root_file_system_and_no_privileges() {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
        assertTrue(pod.path("securityContext").path("runAsUser").asInt() > 0);
        assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());
    }

    @Test
    void only_tmp_is_writable_and_it_is_an_empty_dir() {
        assertEquals("/tmp", container.path("volumeMounts").get(0).path("mountPath").asText());
        assertEquals(1, container.path("volumeMounts").size());
        assertTrue(deployment.path("spec").path("template").path("spec").path("volumes").get(0).has("emptyDir"));
    }

    @Test
    void probes_use_the_three_health_endpoints() {
        assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    }

    @Test
    void resources_are_bounded_and_the_overlay_raises_the_memory_limit() {
        assertEquals("500m", container.path("resources").path("requests").path("cpu").asText());
        assertEquals("1536Mi", container.path("resources").path("limits").path("memory").asText());
        assertEquals("2", container.path("resources").path("limits").path("cpu").asText());
    }

    @Test
    void secrets_are_only_referenced_never_rendered() {
        assertTrue(rendered.stream().noneMatch(r -> r.path("kind").asText().equals("Secret")));
        Set<String> secrets = new HashSet<>();
        for (JsonNode env : container.path("env")) {
            assertFalse(env.path("name").asText().contains("PASSWORD") && env.has("value"), "a password as a literal");
            assertFalse(env.path("name").asText().contains("SECRET") && env.has("value"), "a secret as a literal");
            if (env.path("valueFrom").has("secretKeyRef")) {
                secrets.add(env.path("valueFrom").path("secretKeyRef").path("name").asText());
            }
        }
        assertEquals(Set.of("visitation-db", "visitation-camunda", "visitation-identity"), secrets);
    }

    @Test
    void every_setting_of_the_external_mode_is_present() {
        Set<String> names = new HashSet<>();
        container.path("env").forEach(env -> names.add(env.path("name").asText()));
        Kustomize.find(rendered, "ConfigMap", "visitation-service").path("data").fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "VISITATION_ENGINE_MODE", "VISITATION_ENGINE_GRPC_ADDRESS",
                "VISITATION_ENGINE_REST_ADDRESS", "VISITATION_ENGINE_CLIENT_ID", "VISITATION_ENGINE_CLIENT_SECRET",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "QUARKUS_LOG_CONSOLE_JSON_ENABLED",
                "QUARKUS_HTTP_CORS_ORIGINS")), names.toString());
        JsonNode config = Kustomize.find(rendered, "ConfigMap", "visitation-service").path("data");
        assertEquals("external", config.path("VISITATION_ENGINE_MODE").asText());
        assertEquals("false", config.path("VISITATION_DEV_IDENTITY_ENABLED").asText());
        assertFalse(config.path("QUARKUS_HTTP_CORS_ORIGINS").asText().contains("*"));
    }

    @Test
    void the_overlay_pins_the_image_names_the_namespace_and_runs_two_replicas() {
        assertEquals("registry.randers.dk/visitation/visitation-service:0.1.0", container.path("image").asText());
        assertFalse(container.path("image").asText().endsWith(":latest"));
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        rendered.forEach(r -> assertEquals("visitation", r.path("metadata").path("namespace").asText()));
        JsonNode service = Kustomize.find(rendered, "Service", "visitation-service");
        assertEquals(service.path("spec").path("selector"), deployment.path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void kubectl_renders_the_same_as_our_reading_where_it_is_installed() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed here");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", OVERLAY.toString()).redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, kubectl.exitValue(), output);
        List<JsonNode> theirs = new ArrayList<>();
        try (var parser = Kustomize.YAML.getFactory().createParser(output)) {
            Kustomize.YAML.readValues(parser, JsonNode.class).forEachRemaining(theirs::add);
        }
        Comparator<JsonNode> byKindAndName = Comparator.comparing((JsonNode r) -> r.path("kind").asText())
                .thenComparing(r -> r.path("metadata").path("name").asText());
        List<JsonNode> ours = new ArrayList<>(rendered);
        ours.sort(byKindAndName);
        theirs.sort(byKindAndName);
        assertEquals(theirs, ours);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
