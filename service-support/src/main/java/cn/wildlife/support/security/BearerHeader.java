package cn.wildlife.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.util.StringUtils;

/**
 * The bearer token of the Authorization header, read as Spring Security's default resolver reads it (the same
 * grammar, {@code Bearer <token68>}, and the same refusal of a malformed one; tokens in the query or a form are not
 * taken, as there), without running its regular expression over the ~800 characters of every request's token.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(authorization, "bearer")) {
            return null;
        }
        String token = tokenOf(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }

    /** {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive: the token, or null. */
    static String tokenOf(String authorization) {
        int length = authorization.length();
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        int i = PREFIX.length();
        while (i < length && isToken68(authorization.charAt(i))) {
            i++;
        }
        if (i == PREFIX.length()) {
            return null;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length ? authorization.substring(PREFIX.length()) : null;
    }

    private static boolean isToken68(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
