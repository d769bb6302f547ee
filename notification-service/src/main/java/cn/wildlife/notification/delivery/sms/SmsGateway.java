package cn.wildlife.notification.delivery.sms;

/** An SMS provider. One HTTP implementation ships ({@link HttpSmsGateway}); another provider is another bean. */
public interface SmsGateway {

    /** One text to one phone; {@code reference} is the delivery id, for the provider's receipts and deduplication. */
    record SmsMessage(String phone, String text, String reference) {}

    /** The provider refused or could not be reached; {@code statusCode} is its HTTP status when it answered. */
    class SmsGatewayException extends Exception {

        private final Integer statusCode;

        public SmsGatewayException(Integer statusCode, String message) {
            super(message);
            this.statusCode = statusCode;
        }

        public Integer statusCode() {
            return statusCode;
        }
    }

    /** Whether a provider is configured; without one SMS is off. */
    boolean configured();

    /** Hands the message to the provider; returns its HTTP status (or 0 when it has none). */
    int send(SmsMessage message) throws SmsGatewayException;
}
