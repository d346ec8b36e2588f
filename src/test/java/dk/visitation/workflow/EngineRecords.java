package dk.visitation.workflow;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads what the in-process engine did from its record stream: for asserting process paths in tests. */
public final class EngineRecords {

    private final EmbeddedEngine engine;

    public EngineRecords(EmbeddedEngine engine) {
        this.engine = engine;
    }

    /** Element ids of a process instance in the order they reached {@code intent}. */
    public List<String> elements(long processInstanceKey, ProcessInstanceIntent intent) {
        List<String> ids = new ArrayList<>();
        for (Record<?> record : records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getIntent() == intent
                    && record.getValue() instanceof ProcessInstanceRecordValue value
                    && value.getProcessInstanceKey() == processInstanceKey) {
                ids.add(value.getElementId());
            }
        }
        return ids;
    }

    /** Process instance keys of a BPMN process id whose process element reached {@code intent}. */
    public List<Long> instances(String bpmnProcessId, Intent intent) {
        List<Long> keys = new ArrayList<>();
        for (Record<?> record : records()) {
            if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getIntent() == intent
                    && record.getValue() instanceof ProcessInstanceRecordValue value
                    && value.getBpmnProcessId().equals(bpmnProcessId)
                    && value.getElementId().equals(bpmnProcessId)) {
                keys.add(value.getProcessInstanceKey());
            }
        }
        return keys;
    }

    /** Every record of one value type, e.g. all MESSAGE records. */
    public List<Record<?>> ofType(ValueType type) {
        return StreamSupport.stream(records().spliterator(), false).filter(r -> r.getValueType() == type).toList();
    }

    private Iterable<Record<?>> records() {
        return ((dk.visitation.workflow.engine.InProcessEngine) engine.requireEngine()).testEngine().getRecordStreamSource().getRecords();
    }
}
