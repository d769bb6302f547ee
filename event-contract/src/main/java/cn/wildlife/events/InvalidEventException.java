package cn.wildlife.events;

/** An event that cannot be read or breaks its schema. The message is the reason a dead-letter record carries. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
