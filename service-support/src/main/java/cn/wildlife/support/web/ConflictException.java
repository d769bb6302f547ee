package cn.wildlife.support.web;

import java.util.Map;

/** The request is valid but clashes with the record's current state or version: answered 409 with the facts. */
public class ConflictException extends RuntimeException {

    private final String code;
    private final Map<String, Object> facts;

    public ConflictException(String code, String message, Map<String, Object> facts) {
        super(message);
        this.code = code;
        this.facts = Map.copyOf(facts);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
