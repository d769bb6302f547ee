package cn.wildlife.notification.deadline;

import cn.wildlife.events.Agency;
import cn.wildlife.notification.deadline.domain.Deadline;
import org.jspecify.annotations.Nullable;

/** A search over deadlines: every filter optional, always paged. */
public record DeadlineQuery(
        @Nullable String subjectId,
        @Nullable Agency agency,
        @Nullable String regionPrefix,
        Deadline.@Nullable State state,
        int page,
        int size) {}
