package cn.wildlife.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The Authorization header read as Spring Security's default resolver reads it: the same token, the same refusals. */
class BearerHeaderTest {

    private final BearerTokenResolver ours = new BearerHeader();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void everyHeaderGivesTheSameTokenOrTheSameRefusal() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-_~+/",
                "bearer abc==",
                "BEARER abc",
                "Bearer abc=",
                "Bearer abc=x",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearerabc",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer a\tb",
                "Bearer ab\n",
                "Bearer 林",
                "Basic dXNlcg==",
                "DPoP abc",
                "",
                "bearer-ish token",
                "Bearer a.b.c",
                "BeArEr a~b+c/d"));
        for (char c = 0x20; c < 0x7f; c++) {
            headers.add("Bearer ab" + c + "cd");
            headers.add("Bearer ab" + c);
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("'%s'", header).isEqualTo(outcome(springs, header));
        }
        assertThat(outcome(ours, null)).isEqualTo(outcome(springs, null));
    }

    @Test
    void aTokenInTheQueryIsNotTakenAsThere() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/clues");
        request.setParameter("access_token", "abc");
        assertThat(ours.resolve(request)).isNull();
        assertThat(springs.resolve(request)).isNull();
    }

    private static String outcome(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/clues");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": "
                    + e.getError().getDescription();
        }
    }
}
