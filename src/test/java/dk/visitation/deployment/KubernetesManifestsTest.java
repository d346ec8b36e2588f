package dk.visitation.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders k8s/overlays/randers with {@code kubectl kustomize} (as the cluster receives it: base +
 * overlay) and checks what a municipality's platform team would check before applying it. Skipped,
 * saying so, where kubectl is not on the PATH.
 */
class KubernetesManifestsTest {

    private static final Path BASE = Path.of("k8s/base");
    private static final Path OVERLAY = Path.of("k8s/overlays/randers");

    /** What the service reads from the cluster's Secrets: variable -> secret/key (k8s/README.md). */
    private static final Map<String, String> FROM_SECRETS = Map.ofEntries(
            Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "visitation-db/jdbc-url"),
            Map.entry("QUARKUS_DATASOURCE_USERNAME", "visitation-db/username"),
            Map.entry("QUARKUS_DATASOURCE_PASSWORD", "visitation-db/password"),
            Map.entry("VISITATION_ENGINE_GRPC_ADDRESS", "visitation-camunda/grpc-address"),
            Map.entry("VISITATION_ENGINE_REST_ADDRESS", "visitation-camunda/rest-address"),
            Map.entry("VISITATION_ENGINE_CLIENT_ID", "visitation-camunda/client-id"),
            Map.entry("VISITATION_ENGINE_CLIENT_SECRET", "visitation-camunda/client-secret"),
            Map.entry("VISITATION_ENGINE_AUTHORIZATION_SERVER_URL", "visitation-camunda/authorization-server-url"),
            Map.entry("VISITATION_ENGINE_TOKEN_AUDIENCE", "visitation-camunda/token-audience"),
            Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "visitation-identity/jwks-url"),
            Map.entry("MP_JWT_VERIFY_ISSUER", "visitation-identity/issuer"));

    /** Names that must never carry a literal value in a manifest. */
    private static final Pattern SENSITIVE = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$).*");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<ObjectNode> rendered;
    private static JsonNode deployment;
    private static JsonNode pod;
    private static JsonNode container;
    private static JsonNode config;
    private static JsonNode baseContainer;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not on the PATH: the k8s manifests are not rendered and not checked here");
        rendered = kustomize(OVERLAY);
        deployment = find(rendered, "Deployment", "visitation-service");
        pod = deployment.path("spec").path("template").path("spec");
        assertEquals(1, pod.path("containers").size(), "one container");
        container = pod.path("containers").get(0);
        config = find(rendered, "ConfigMap", "visitation-service").path("data");
        baseContainer = find(kustomize(BASE), "Deployment", "visitation-service")
                .path("spec").path("template").path("spec").path("containers").get(0);
    }

    @Test
    void the_overlay_runs_as_non_root_with_a_read_only_root_file_system_and_no_privileges() {
        JsonNode podSecurity = pod.path("securityContext");
        assertTrue(podSecurity.path("runAsNonRoot").asBoolean());
        assertEquals(185, podSecurity.path("runAsUser").asInt(), "the UBI/Quarkus image's user");
        assertEquals(185, podSecurity.path("fsGroup").asInt());
        assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        assertEquals("visitation-service", container.path("name").asText());
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertFalse(security.path("privileged").asBoolean(false));
        assertEquals("[\"ALL\"]", security.path("capabilities").path("drop").toString());
        assertTrue(security.path("capabilities").path("add").isMissingNode());
    }

    @Test
    void only_tmp_is_writable_and_it_is_an_empty_dir() {
        assertEquals(1, container.path("volumeMounts").size(), container.path("volumeMounts").toString());
        JsonNode mount = container.path("volumeMounts").get(0);
        assertEquals("/tmp", mount.path("mountPath").asText());
        assertEquals(1, pod.path("volumes").size(), pod.path("volumes").toString());
        JsonNode volume = pod.path("volumes").get(0);
        assertEquals(mount.path("name"), volume.path("name"));
        assertTrue(volume.has("emptyDir"), volume.toString());
    }

    @Test
    void the_probes_use_the_three_health_endpoints_on_the_http_port() {
        assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("http", container.path(probe).path("httpGet").path("port").asText(), probe);
        }
        JsonNode port = container.path("ports").get(0);
        assertEquals("http", port.path("name").asText());
        assertEquals(8080, port.path("containerPort").asInt());
    }

    @Test
    void the_service_sends_port_80_to_the_pods_http_port() {
        JsonNode service = find(rendered, "Service", "visitation-service").path("spec");
        assertEquals("ClusterIP", service.path("type").asText());
        assertEquals(80, service.path("ports").get(0).path("port").asInt());
        assertEquals("http", service.path("ports").get(0).path("targetPort").asText());
        assertEquals(service.path("selector"), deployment.path("spec").path("selector").path("matchLabels"));
        assertEquals(service.path("selector"), deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    @Test
    void resources_are_bounded_and_the_overlay_raises_the_memory_limit() {
        JsonNode resources = container.path("resources");
        assertEquals("500m", resources.path("requests").path("cpu").asText());
        assertEquals("768Mi", resources.path("requests").path("memory").asText());
        assertEquals("2", resources.path("limits").path("cpu").asText());
        assertEquals("1536Mi", resources.path("limits").path("memory").asText(), "the overlay's patch");
        assertEquals("1Gi", baseContainer.path("resources").path("limits").path("memory").asText(), "the base's limit");
        assertEquals("-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError", env().get("JAVA_TOOL_OPTIONS").path("value").asText());
    }

    @Test
    void webhooks_go_only_to_the_hosts_the_municipality_names_and_to_none_by_default() throws Exception {
        assertEquals("okonomi.randers.dk,ledelsesinfo.randers.dk", config.path("VISITATION_WEBHOOKS_ALLOWED_HOSTS").asText());
        assertEquals("", find(kustomize(BASE), "ConfigMap", "visitation-service").path("data")
                .path("VISITATION_WEBHOOKS_ALLOWED_HOSTS").asText("missing"));
    }

    @Test
    void secrets_are_only_referenced_never_rendered() {
        assertTrue(rendered.stream().noneMatch(r -> r.path("kind").asText().equals("Secret")), "a Secret in the manifests");
        Map<String, String> references = new HashMap<>();
        env().forEach((name, variable) -> {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                references.put(name, secret.path("name").asText() + "/" + secret.path("key").asText());
            }
            assertFalse(SENSITIVE.matcher(name.toUpperCase(Locale.ROOT)).matches() && variable.has("value"),
                    name + " has a literal value");
        });
        assertEquals(FROM_SECRETS, references);
        config.properties().forEach(entry -> assertFalse(SENSITIVE.matcher(entry.getKey().toUpperCase(Locale.ROOT)).matches(),
                entry.getKey() + " is in the ConfigMap"));
    }

    @Test
    void every_setting_of_the_external_mode_is_present() {
        Set<String> names = new HashSet<>(env().keySet());
        config.properties().forEach(entry -> names.add(entry.getKey()));
        assertTrue(names.containsAll(FROM_SECRETS.keySet()), names.toString());
        assertEquals("visitation-service", container.path("envFrom").get(0).path("configMapRef").path("name").asText());
        assertEquals("external", config.path("VISITATION_ENGINE_MODE").asText());
        assertEquals("prod", config.path("QUARKUS_PROFILE").asText());
        assertEquals("true", config.path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText());
        assertEquals("false", config.path("VISITATION_DEV_IDENTITY_ENABLED").asText());
        assertEquals("https://sag.randers.dk", config.path("QUARKUS_HTTP_CORS_ORIGINS").asText(), "the overlay's merge");
        assertFalse(config.path("QUARKUS_HTTP_CORS_ORIGINS").asText().contains("*"), "CorsGuard refuses to start");
    }

    @Test
    void the_overlay_pins_the_image_sets_the_namespace_and_runs_two_replicas() {
        String image = container.path("image").asText();
        assertEquals("registry.randers.dk/visitation/visitation-service:0.1.0", image);
        assertTrue(image.contains("@sha256:") || image.matches(".*:[^:/]+") && !image.endsWith(":latest"), image);
        assertEquals(2, deployment.path("spec").path("replicas").asInt());
        for (JsonNode resource : rendered) {
            assertEquals("visitation", resource.path("metadata").path("namespace").asText(), resource.path("kind").asText());
            assertEquals("visitation-service", resource.path("metadata").path("labels").path("app.kubernetes.io/name").asText());
            assertEquals("visitation", resource.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText());
        }
    }

    /** {@code kubectl kustomize dir}, its YAML documents parsed. */
    private static List<ObjectNode> kustomize(Path dir) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kubectl", ".err");
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectError(errors.toFile()).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
                kubectl.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " hangs");
            }
            assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + dir + ": " + Files.readString(errors));
            List<ObjectNode> documents = new ArrayList<>();
            try (var parser = YAML.createParser(output)) {
                YAML.readValues(parser, ObjectNode.class).forEachRemaining(documents::add);
            }
            assertFalse(documents.isEmpty(), "kubectl kustomize " + dir + " rendered nothing");
            return documents;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " " + name + " rendered"));
    }

    private static Map<String, JsonNode> env() {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(variable ->
                assertNull(env.put(variable.path("name").asText(), variable), "twice: " + variable.path("name").asText()));
        return env;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
