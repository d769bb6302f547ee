package cn.wildlife.notification.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to. {@code statusCode} is the receiver's HTTP status where there is one; {@code permanent}
 * says trying again cannot help (the target is gone), so the delivery is dead-lettered at once.
 */
public record SendResult(
        boolean sent,
        @Nullable Integer statusCode,
        @Nullable String error,
        boolean permanent) {

    public static SendResult sent(@Nullable Integer statusCode) {
        return new SendResult(true, statusCode, null, false);
    }

    public static SendResult failed(@Nullable Integer statusCode, String error) {
        return new SendResult(false, statusCode, error, false);
    }

    public static SendResult gone(String error) {
        return new SendResult(false, null, error, true);
    }
}
