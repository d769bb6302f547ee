package cn.wildlife.support.crypto;

import org.jspecify.annotations.Nullable;

/**
 * One part of a rotation's walk over the service's data (see {@link KeyRotations}): usually a
 * {@link SealedCollection}, re-sealing one collection's personal fields. A service declares its steps as beans, in
 * the order they must run ({@code @Order}); a rotation walks each in turn and records its progress after every batch,
 * so that an interrupted rotation goes on from the last batch recorded. A batch done twice must do no harm.
 */
public interface RotationStep {

    /** Names the step in the progress report; unique within the service, stable across versions. */
    String name();

    /** How many documents the step will walk, counted when it starts. */
    long total();

    /** Walks up to {@code limit} documents whose {@code _id} comes after {@code afterId} (all, when null). */
    Batch walk(@Nullable Object afterId, int limit);

    /**
     * What one batch did.
     *
     * @param walked  documents walked; 0 when the step is done
     * @param changed documents written
     * @param refused values that could not be opened (left as they are; the log names the document)
     * @param lastId  the {@code _id} of the last document walked, where the next batch starts after
     */
    record Batch(
            int walked, int changed, int refused, @Nullable Object lastId) {}
}
