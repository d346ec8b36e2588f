package dk.visitation.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough kustomize to render k8s/ without the kustomize binary, which a fresh machine may lack:
 * resources, namespace, labels, images, replicas and strategic-merge patches (maps merge, lists of
 * named items merge by name). Where kubectl is installed, the test compares this with its rendering.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    static List<ObjectNode> render(Path dir) throws IOException {
        JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (path.toFile().isDirectory()) {
                resources.addAll(render(path));
            } else {
                resources.add((ObjectNode) YAML.readTree(path.toFile()));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            ObjectNode change = (ObjectNode) YAML.readTree(dir.resolve(patch.path("path").asText()).toFile());
            ObjectNode target = find(resources, change.path("kind").asText(), change.path("metadata").path("name").asText());
            merge(target, change);
        }
        for (JsonNode label : kustomization.path("labels")) {
            for (ObjectNode resource : resources) {
                label.path("pairs").fields().forEachRemaining(pair -> {
                    ((ObjectNode) resource.with("metadata").with("labels")).set(pair.getKey(), pair.getValue());
                    if (label.path("includeSelectors").asBoolean() && resource.path("kind").asText().equals("Deployment")) {
                        resource.with("spec").with("selector").with("matchLabels").set(pair.getKey(), pair.getValue());
                        resource.with("spec").with("template").with("metadata").with("labels").set(pair.getKey(), pair.getValue());
                    }
                    if (label.path("includeSelectors").asBoolean() && resource.path("kind").asText().equals("Service")) {
                        resource.with("spec").with("selector").set(pair.getKey(), pair.getValue());
                    }
                });
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode resource : resources) {
                for (JsonNode container : resource.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    if (current.equals(image.path("name").asText()) || current.startsWith(image.path("name").asText() + ":")) {
                        ((ObjectNode) container).put("image", image.path("newName").asText(image.path("name").asText())
                                + ":" + image.path("newTag").asText());
                    }
                }
            }
        }
        for (JsonNode replicas : kustomization.path("replicas")) {
            find(resources, "Deployment", replicas.path("name").asText()).with("spec").put("replicas", replicas.path("count").asInt());
        }
        if (kustomization.has("namespace")) {
            resources.forEach(r -> r.with("metadata").put("namespace", kustomization.path("namespace").asText()));
        }
        return resources;
    }

    static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No " + kind + " " + name));
    }

    /** Strategic merge as kustomize does it for the fields used here. */
    static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            JsonNode change = field.getValue();
            if (existing instanceof ObjectNode object && change.isObject()) {
                merge(object, change);
            } else if (existing instanceof ArrayNode list && change.isArray() && named(list) && named(change)) {
                for (JsonNode item : change) {
                    JsonNode match = null;
                    for (JsonNode candidate : list) {
                        if (candidate.path("name").equals(item.path("name"))) {
                            match = candidate;
                        }
                    }
                    if (match == null) {
                        list.add(item);
                    } else {
                        merge((ObjectNode) match, item);
                    }
                }
            } else {
                target.set(field.getKey(), change);
            }
        });
    }

    private static boolean named(JsonNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }
}
