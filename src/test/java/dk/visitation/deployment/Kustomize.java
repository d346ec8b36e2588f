package dk.visitation.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Just enough kustomize to render k8s/ in a test. Why it exists: the manifests must be checked as
 * the cluster receives them (base + overlay), and {@code kubectl kustomize} is not on every build
 * machine. Supported: resources (files and directories), namespace, labels/commonLabels, images,
 * replicas and file patches as strategic merges (maps merge, lists of containers, env, volumes,
 * ports and volume mounts merge by their key, other lists are replaced). Anything else in a
 * kustomization.yaml fails the rendering rather than being ignored. Where kubectl is installed,
 * KubernetesManifestsTest checks that this renders exactly what kubectl does.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace",
            "labels", "commonLabels", "images", "replicas", "patches");

    /** The strategic-merge keys of the lists the patches touch (from the Kubernetes API schema). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "ports", "containerPort", "volumeMounts", "mountPath");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) throws IOException {
        JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        for (Map.Entry<String, JsonNode> field : kustomization.properties()) {
            if (!SUPPORTED.contains(field.getKey())) {
                throw new IllegalArgumentException(dir + ": the test renderer does not support '" + field.getKey() + "'");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new IllegalArgumentException(dir + ": only 'patches: - path: file' is supported");
            }
            for (ObjectNode change : read(dir.resolve(patch.path("path").asText()))) {
                merge(find(resources, change.path("kind").asText(), change.path("metadata").path("name").asText()), change);
            }
        }
        String namespace = kustomization.path("namespace").asText("");
        if (!namespace.isEmpty()) {
            resources.forEach(r -> r.withObjectProperty("metadata").put("namespace", namespace));
        }
        for (JsonNode label : kustomization.path("labels")) {
            label(resources, label.path("pairs"), label.path("includeSelectors").asBoolean(),
                    label.path("includeTemplates").asBoolean());
        }
        label(resources, kustomization.path("commonLabels"), true, true);
        for (JsonNode replicas : kustomization.path("replicas")) {
            find(resources, "Deployment", replicas.path("name").asText()).withObjectProperty("spec")
                    .put("replicas", replicas.path("count").asInt());
        }
        for (JsonNode image : kustomization.path("images")) {
            String name = image.path("name").asText();
            for (ObjectNode resource : resources) {
                for (JsonNode container : resource.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    if (current.equals(name) || current.startsWith(name + ":") || current.startsWith(name + "@")) {
                        String tag = current.substring(name.length());
                        String reference = image.path("newName").asText(name)
                                + (image.has("digest") ? "@" + image.path("digest").asText()
                                        : image.has("newTag") ? ":" + image.path("newTag").asText() : tag);
                        ((ObjectNode) container).put("image", reference);
                    }
                }
            }
        }
        return resources;
    }

    static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No " + kind + " " + name));
    }

    static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = YAML.createParser(file.toFile())) {
            YAML.readValues(parser, ObjectNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static void label(List<ObjectNode> resources, JsonNode pairs, boolean selectors, boolean templates) {
        for (ObjectNode resource : resources) {
            for (Map.Entry<String, JsonNode> pair : pairs.properties()) {
                resource.withObjectProperty("metadata").withObjectProperty("labels").set(pair.getKey(), pair.getValue());
                ObjectNode spec = resource.has("spec") ? resource.withObjectProperty("spec") : null;
                String kind = resource.path("kind").asText();
                if (selectors && kind.equals("Service")) {
                    spec.withObjectProperty("selector").set(pair.getKey(), pair.getValue());
                }
                if (kind.equals("Deployment") && (selectors || templates)) {
                    spec.withObjectProperty("template").withObjectProperty("metadata").withObjectProperty("labels")
                            .set(pair.getKey(), pair.getValue());
                }
                if (kind.equals("Deployment") && selectors) {
                    spec.withObjectProperty("selector").withObjectProperty("matchLabels").set(pair.getKey(), pair.getValue());
                }
            }
        }
    }

    /** Strategic merge as kustomize (kyaml) does it for the fields used here; null removes a field. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String key = field.getKey();
            JsonNode existing = target.get(key);
            JsonNode change = field.getValue();
            if (change.isNull()) {
                target.remove(key);
            } else if (existing instanceof ObjectNode object && change.isObject()) {
                merge(object, change);
            } else if (existing instanceof ArrayNode list && change.isArray() && MERGE_KEYS.containsKey(key)) {
                target.set(key, mergeList(list, (ArrayNode) change, MERGE_KEYS.get(key)));
            } else {
                target.set(key, change.deepCopy());
            }
        }
    }

    /** kyaml's order: the patch's items first (merged with the originals of the same key), then the rest. */
    private static ArrayNode mergeList(ArrayNode original, ArrayNode patch, String mergeKey) {
        ArrayNode merged = original.arrayNode();
        Set<JsonNode> patched = new HashSet<>();
        for (JsonNode item : patch) {
            ObjectNode result = item.deepCopy();
            for (JsonNode candidate : original) {
                if (candidate.path(mergeKey).equals(item.path(mergeKey))) {
                    result = candidate.deepCopy();
                    merge(result, item);
                }
            }
            patched.add(item.path(mergeKey));
            merged.add(result);
        }
        original.forEach(item -> {
            if (!patched.contains(item.path(mergeKey))) {
                merged.add(item);
            }
        });
        return merged;
    }
}
