package cn.wildlife.local.devtoken;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Tokens for the sample users (local profile only, see {@link DevIssuerConfiguration}). */
@RestController
@ConditionalOnProperty(name = "platform.dev-issuer.enabled", havingValue = "true")
@RequestMapping("/auth/dev")
class DevTokenController {

    private final DevTokenIssuer issuer;
    private final List<DevUser> users;

    DevTokenController(DevTokenIssuer issuer, List<DevUser> users) {
        this.issuer = issuer;
        this.users = users;
    }

    @PostMapping("/token")
    @Operation(summary = "A token for one of the sample users")
    DevTokenIssuer.Issued token(@RequestParam String user) {
        return users.stream()
                .filter(u -> u.id().equals(user))
                .findFirst()
                .map(issuer::issue)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "unknown sample user '" + user + "'; GET /auth/dev/users lists them"));
    }

    @GetMapping("/users")
    List<DevUser> users() {
        return users;
    }

    @GetMapping("/jwks.json")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
