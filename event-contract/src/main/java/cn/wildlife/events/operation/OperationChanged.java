package cn.wildlife.events.operation;

import cn.wildlife.events.Agency;
import cn.wildlife.events.EventPayload;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A joint special operation (联合专项行动) as entered (topic {@code platform.operations}). */
public record OperationChanged(
        String operationId,
        String name,
        Agency leadAgency,
        String leadOffice,
        String region,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Phase> phases,
        List<Agency> participants,
        @Nullable LocalDate finalReportDue,
        long version) implements EventPayload {

    /** A dated phase: mobilisation (动员摸底), crackdown (集中打击), consolidation (巩固总结). */
    public record Phase(String name, LocalDate from, LocalDate to) {
    }

    public OperationChanged {
        phases = phases == null ? List.of() : List.copyOf(phases);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    @Override
    public String subject() {
        return operationId;
    }
}
