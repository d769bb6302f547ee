package cn.wildlife.gateway.apikey;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a partner system's API key. */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKey key;

    public ApiKeyAuthentication(ApiKey key) {
        super(List.of(new SimpleGrantedAuthority("ROLE_PARTNER_SYSTEM")));
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKey key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "apikey:" + key.id();
    }

    @Override
    public String getName() {
        return "apikey:" + key.id();
    }
}
