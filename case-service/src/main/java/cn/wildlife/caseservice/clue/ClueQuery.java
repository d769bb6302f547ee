package cn.wildlife.caseservice.clue;

import cn.wildlife.caseservice.clue.domain.Clue;
import cn.wildlife.events.Agency;
import org.jspecify.annotations.Nullable;

/** A search over clues: every filter optional, always paged. */
public record ClueQuery(
        @Nullable Agency agency,
        @Nullable String regionPrefix,
        Clue.@Nullable Status status,
        @Nullable Agency referredTo,
        int page,
        int size) {}
