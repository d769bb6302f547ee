package cn.wildlife.events.seal;

import cn.wildlife.events.EventType;
import cn.wildlife.events.InvalidEventException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The platform's SM2 intake key with its private half: opens what agencies sealed ({@link IntakeKey#seal}). Held by
 * case-service alone, read from configuration as PKCS#8 PEM ({@code openssl genpkey -algorithm SM2} writes one).
 */
public final class IntakeKeyPair {

    private static final String PRIVATE_PEM = "PRIVATE KEY";
    private static final X9ECParameters SM2 = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final JsonSchema DETAILS_SCHEMA = detailsSchema();

    private final ECPrivateKeyParameters privateKey;
    private final IntakeKey publicKey;

    private IntakeKeyPair(ECPrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        ECDomainParameters domain = privateKey.getParameters();
        ECPublicKeyParameters q = new ECPublicKeyParameters(
                domain.getG().multiply(privateKey.getD()).normalize(), domain);
        try {
            this.publicKey = new IntakeKey(
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(q).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new key pair on the SM2 curve. */
    public static IntakeKeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(
                new ECKeyGenerationParameters(new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, SM2), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new IntakeKeyPair((ECPrivateKeyParameters) pair.getPrivate());
    }

    /** The key pair from its private key's PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static IntakeKeyPair fromPem(String pem) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject object = reader.readPemObject();
            if (object == null || !PRIVATE_PEM.equals(object.getType())) {
                throw new IllegalArgumentException("expected a PKCS#8 PEM block of type " + PRIVATE_PEM);
            }
            return fromPkcs8(object.getContent());
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM: " + e.getMessage(), e);
        }
    }

    /** The key pair from its private key's PKCS#8 DER in base64 on one line (fits an environment variable). */
    public static IntakeKeyPair fromPkcs8Base64(String base64) {
        try {
            return fromPkcs8(Base64.getMimeDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither PEM nor base64 of a PKCS#8 key: " + e.getMessage(), e);
        }
    }

    private static IntakeKeyPair fromPkcs8(byte[] der) {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(der);
            if (!(key instanceof ECPrivateKeyParameters ec) || !isSm2(ec.getParameters())) {
                throw new IllegalArgumentException("the intake key must be an SM2 private key (curve sm2p256v1)");
            }
            return new IntakeKeyPair(ec);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an SM2 private key: " + e.getMessage(), e);
        }
    }

    public IntakeKey publicKey() {
        return publicKey;
    }

    public String id() {
        return publicKey.id();
    }

    public String privatePem() {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(
                    PRIVATE_PEM,
                    PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The details an agency sealed under this key, checked against the same limits as the plain fields.
     *
     * @throws InvalidEventException naming why they cannot be opened (the dead-letter record's reason)
     */
    public PersonalDetails open(Sealed sealed) {
        if (!id().equals(sealed.keyId())) {
            throw new InvalidEventException("sealed.keyId " + sealed.keyId() + " is not the intake key " + id());
        }
        byte[] plain;
        try {
            plain = Sm2Ciphertext.decrypt(privateKey, Base64.getDecoder().decode(sealed.ciphertext()));
        } catch (IllegalArgumentException | InvalidCipherTextException e) {
            throw new InvalidEventException("sealed.ciphertext cannot be opened with intake key " + id()
                    + " (SM2, GM/T 0009 DER, base64): " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(plain);
        } catch (IOException e) {
            throw new InvalidEventException("sealed details are not JSON");
        }
        Set<ValidationMessage> problems = DETAILS_SCHEMA.validate(tree);
        if (!problems.isEmpty()) {
            // The messages name paths and rules only: the schema's messages never quote a rejected value.
            throw new InvalidEventException("sealed details violate personal-details.v1: "
                    + problems.stream()
                            .map(ValidationMessage::getMessage)
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return JSON.convertValue(tree, PersonalDetails.class);
    }

    static boolean isSm2(ECDomainParameters domain) {
        return domain.getCurve().equals(SM2.getCurve()) && domain.getG().equals(SM2.getG());
    }

    private static JsonSchema detailsSchema() {
        String resource = EventType.SCHEMA_FOLDER + "personal-details.v1.json";
        try (InputStream in = EventType.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
