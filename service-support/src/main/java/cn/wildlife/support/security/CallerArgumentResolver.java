package cn.wildlife.support.security;

import cn.wildlife.events.Agency;
import cn.wildlife.events.RegionCode;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers the verified {@link Caller}: built from the token's claims, never from request headers. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String CLAIM_AGENCY = "agency";
    public static final String CLAIM_REGION = "region";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_NAME = "name";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedProblem("no-identity", "this needs a bearer token");
        }
        return fromJwt(token.getToken());
    }

    public static Caller fromJwt(Jwt jwt) {
        String agency = jwt.getClaimAsString(CLAIM_AGENCY);
        String region = jwt.getClaimAsString(CLAIM_REGION);
        if (agency == null || region == null) {
            throw new AccessDeniedProblem("token-claims", "the token carries no agency or region claim");
        }
        Agency parsedAgency;
        try {
            parsedAgency = Agency.valueOf(agency);
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedProblem("token-claims", "the token's agency '" + agency + "' is unknown");
        }
        if (!RegionCode.isValid(region)) {
            throw new AccessDeniedProblem("token-claims", "the token's region '" + region + "' is not a region code");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claimed = jwt.getClaims().get(CLAIM_ROLES);
        if (claimed instanceof Collection<?> values) {
            for (Object value : values) {
                try {
                    roles.add(Role.valueOf(String.valueOf(value)));
                } catch (IllegalArgumentException ignored) {
                    // Roles of other systems in a shared identity provider mean nothing here.
                }
            }
        }
        String name = jwt.getClaimAsString(CLAIM_NAME);
        return new Caller(
                jwt.getSubject(), name == null ? jwt.getSubject() : name, parsedAgency, new RegionCode(region), roles);
    }
}
