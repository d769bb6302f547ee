package cn.wildlife.gateway.console;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console signs people in with the identity provider: OpenID Connect's authorization code flow with PKCE, as
 * a public client (a browser keeps no secret). The provider must know the client with the redirect URI
 * {@code <console origin>/signin/callback}, allow the console's origin for CORS (its discovery and token endpoints
 * are called from the page) and put the platform's claims ({@code agency}, {@code region}, {@code roles}, the
 * platform's audience) into the access token, as {@code deploy/keycloak/wildlife-realm.json}'s client does.
 *
 * @param enabled  off where nobody signs in through a provider (the local runtime, whose development issuer has its
 *     sample-user picker instead)
 * @param issuer   the provider's issuer as the browser reaches it; by default the issuer the gateway accepts tokens of
 * @param clientId the console's client at the provider
 * @param scope    the scopes asked for
 */
@ConfigurationProperties("platform.gateway.console.sign-in")
public record ConsoleSignInProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String issuer,
        @DefaultValue("wildlife-console") String clientId,
        @DefaultValue("openid") String scope) {

    /** The issuer the console is sent to, if signing in through a provider is on and one is named. */
    public Optional<String> issuerOr(@Nullable String tokenIssuer) {
        if (!enabled) {
            return Optional.empty();
        }
        String named = issuer == null || issuer.isBlank() ? tokenIssuer : issuer;
        return named == null || named.isBlank() ? Optional.empty() : Optional.of(named);
    }

    /** The origin ({@code scheme://host[:port]}) of an issuer URL: what the console's pages may connect to. */
    static String originOf(String issuer) {
        URI uri = URI.create(issuer);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("platform.gateway.console.sign-in.issuer (or the token issuer) is not an "
                    + "absolute URL: " + issuer);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
