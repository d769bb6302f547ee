package cn.wildlife.support.security;

/** The caller is known but may not do this; answered 403 with the reason. */
public class AccessDeniedProblem extends RuntimeException {

    private final String code;

    public AccessDeniedProblem(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
