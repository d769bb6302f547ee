package cn.wildlife.gateway.signing;

import cn.wildlife.security.AccessTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An RS256 key the gateway signs tokens with, kept in a file when one is given so a restart keeps it. */
public final class SigningKey {

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey loadOrCreate(@Nullable Path file) {
        try {
            if (file != null && Files.exists(file)) {
                return new SigningKey(RSAKey.parse(Files.readString(file)));
            }
            RSAKey created = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            if (file == null) {
                return new SigningKey(created);
            }
            // Readable by the owner only, and put in place atomically: replicas starting together on a shared
            // volume end up with the one key that won, never with two keys or half a file.
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".signing-key", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(temporary, created.toJSONString());
                // A hard link fails if the file exists (a rename would silently replace it).
                Files.createLink(file, temporary);
            } catch (java.nio.file.FileAlreadyExistsException lost) {
                // Another replica won the race; use its key.
            } finally {
                Files.deleteIfExists(temporary);
            }
            return new SigningKey(RSAKey.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read the signing key " + file, e);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions: its own access control applies.
        }
    }

    /** Signs an access token: its {@code typ} header says so ({@code at+jwt}, RFC 9068). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(new JOSEObjectType(AccessTokens.ACCESS_TOKEN_TYPE))
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The public half as a JWK set, for the resource servers that verify these tokens. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
