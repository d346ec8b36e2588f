package dk.visitation.workflow;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models under bpmn/ as read from the class path: their bytes for deployment and the Danish names
 * of their elements (a job carries only the element id; the task list shows the name).
 */
@ApplicationScoped
public class ModelCatalog {

    private final Map<String, byte[]> models = new LinkedHashMap<>();
    private final Map<String, String> elementNames = new HashMap<>();

    ModelCatalog(EngineSettings settings) {
        for (String model : settings.models()) {
            byte[] bytes = read("bpmn/" + model);
            models.put(model, bytes);
            if (model.endsWith(".bpmn")) {
                for (FlowElement element : Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
                        .getModelElementsByType(FlowElement.class)) {
                    String earlier = elementNames.put(element.getId(), element.getName() == null ? element.getId() : element.getName());
                    if (earlier != null) {
                        throw new IllegalStateException("Element id " + element.getId() + " is used in two models");
                    }
                }
            }
        }
    }

    Map<String, byte[]> models() {
        return models;
    }

    /** The element's name as the models give it (Danish), e.g. "Målgruppevurdering". */
    public Optional<String> elementName(String elementId) {
        return Optional.ofNullable(elementNames.get(elementId));
    }

    private static byte[] read(String resource) {
        // the application class loader: in dev mode the context loader may not see bpmn/
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Model " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
