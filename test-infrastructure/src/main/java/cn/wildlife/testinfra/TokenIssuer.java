package cn.wildlife.testinfra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the gateway's development token issuer when services run alone (the fault suite's processes, the
 * benchmark's services beside containers): their issuer and key-set addresses point at the gateway's port, where this
 * serves an RSA key set under {@code /auth/dev/}, and its tokens are what the services accept from the dev issuer:
 * access tokens ({@code typ} {@code at+jwt}) for the platform's audience, with agency, region and roles.
 */
public final class TokenIssuer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** security-support's {@code AccessTokens.DEFAULT_AUDIENCE}, what the services expect unless configured. */
    static final String AUDIENCE = "wildlife-platform";

    private final HttpServer server;
    private final KeyPair keys;
    private final String kid = UUID.randomUUID().toString();
    private final String issuer;

    /** Serves the key set on {@code localhost:port}. */
    public TokenIssuer(int port) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://localhost:" + port + "/auth/dev";
        byte[] jwks = json(Map.of("keys", List.of(jwk())));
        server.createContext("/auth/dev/", exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals("/auth/dev/jwks.json");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? jwks.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (found) {
                    out.write(jwks);
                }
            }
        });
        server.start();
    }

    /**
     * A signed access token of a person of {@code agency} in {@code region} with {@code roles}, valid for
     * {@code validFor}.
     */
    public String token(
            String subject, String name, String agency, String region, List<String> roles, Duration validFor) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + validFor.toSeconds());
        claims.put("name", name);
        claims.put("agency", agency);
        claims.put("region", region);
        claims.put("roles", roles);
        String signingInput = b64(json(Map.of("alg", "RS256", "kid", kid, "typ", "at+jwt"))) + "." + b64(json(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> jwk() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", unsigned(key.getModulus()));
        jwk.put("e", unsigned(key.getPublicExponent()));
        return jwk;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return b64(bytes);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
