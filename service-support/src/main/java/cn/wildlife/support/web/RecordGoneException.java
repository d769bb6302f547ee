package cn.wildlife.support.web;

/**
 * A record that existed and was removed on purpose (personal data past its retention): answered 410, with the reason
 * in the caller's language, so that an officer does not take it for a mistake.
 */
public class RecordGoneException extends RuntimeException {

    private final String code;

    /**
     * @param code   the problem's type, e.g. {@code reporter-erased}
     * @param detail what happened and when, already in the caller's language
     */
    public RecordGoneException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
