package cn.wildlife.notification.delivery.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How a failed delivery is tried again: after {@code initialBackOff}, then twice as long each time up to
 * {@code maxBackOff}, at most {@code maxAttempts} tries in all; after the last one it is dead-lettered.
 */
public record RetryPolicy(Duration initialBackOff, Duration maxBackOff, int maxAttempts) {

    public RetryPolicy {
        if (initialBackOff.isNegative() || initialBackOff.isZero()) {
            throw new IllegalArgumentException("the first back-off must be positive, was " + initialBackOff);
        }
        if (maxBackOff.compareTo(initialBackOff) < 0) {
            throw new IllegalArgumentException(
                    "the longest back-off " + maxBackOff + " is shorter than the first " + initialBackOff);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + maxAttempts);
        }
    }

    /** The wait before the next try after {@code failedTries} failed ones; empty when no try is left. */
    public Optional<Duration> nextDelay(int failedTries) {
        if (failedTries >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initialBackOff;
        for (int i = 1; i < failedTries && delay.compareTo(maxBackOff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxBackOff) > 0 ? maxBackOff : delay);
    }
}
