package cn.wildlife.events.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeSealingTest {

    private static final PersonalDetails DETAILS = new PersonalDetails(
            List.of(
                    new Identifier(IdentifierType.ID_NUMBER, "220102198001011234"),
                    new Identifier(IdentifierType.PHONE, "13800001111")),
            List.of("王某（收购者）"));

    private final IntakeKeyPair pair = IntakeKeyPair.generate(new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void whatAnAgencySealsWithThePublishedKeyOnlyThePlatformOpens() {
        IntakeKey published = IntakeKey.fromPem(pair.publicKey().pem());

        Sealed sealed = published.seal(DETAILS);

        assertThat(sealed.keyId()).isEqualTo(pair.id()).matches("[0-9a-f]{16}");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("13800001111", "220102198001011234");
        assertThat(pair.open(sealed)).isEqualTo(DETAILS);
        assertThatThrownBy(() -> IntakeKeyPair.generate(new SecureRandom()).open(sealed))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is not the intake key");
    }

    @Test
    void theKeyReadsBackFromItsPem() {
        IntakeKeyPair again = IntakeKeyPair.fromPem(pair.privatePem());

        assertThat(again.id()).isEqualTo(pair.id());
        assertThat(again.open(pair.publicKey().seal(DETAILS))).isEqualTo(DETAILS);
    }

    @Test
    void aChangedCiphertextIsRefusedWithoutQuotingIt() {
        Sealed sealed = pair.publicKey().seal(DETAILS);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() ->
                        pair.open(new Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(bytes))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void sealedDetailsKeepThePlainFieldsLimits() {
        Sealed tooMany = pair.publicKey().seal(new PersonalDetails(List.of(), java.util.Collections.nCopies(51, "张某")));

        assertThatThrownBy(() -> pair.open(tooMany))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("personal-details.v1")
                .hasMessageNotContaining("张某");
    }

    /** OpenSSL 3 is an independent SM2 implementation: each side opens what the other sealed. */
    @Test
    void openSslSealsWhatThePlatformOpensAndOpensWhatThePlatformSeals() throws Exception {
        assumeTrue(openSslAvailable(), "openssl not installed");
        Path publicPem = Files.writeString(
                dir.resolve("intake.pub.pem"), pair.publicKey().pem());
        Path privatePem = Files.writeString(dir.resolve("intake.pem"), pair.privatePem());
        Path plain = Files.writeString(
                dir.resolve("details.json"),
                "{\"identifiers\":[{\"type\":\"PHONE\",\"value\":\"13800001111\"}],\"people\":[\"李某\"]}");
        Path sealedByOpenSsl = dir.resolve("details.sm2");

        run(
                "openssl",
                "pkeyutl",
                "-encrypt",
                "-pubin",
                "-inkey",
                publicPem.toString(),
                "-in",
                plain.toString(),
                "-out",
                sealedByOpenSsl.toString());
        PersonalDetails opened = pair.open(
                new Sealed(pair.id(), Base64.getEncoder().encodeToString(Files.readAllBytes(sealedByOpenSsl))));

        assertThat(opened)
                .isEqualTo(new PersonalDetails(
                        List.of(new Identifier(IdentifierType.PHONE, "13800001111")), List.of("李某")));

        Path sealedHere = dir.resolve("here.sm2");
        Files.write(
                sealedHere,
                Base64.getDecoder().decode(pair.publicKey().seal(DETAILS).ciphertext()));
        Path openedByOpenSsl = dir.resolve("opened.json");
        run(
                "openssl",
                "pkeyutl",
                "-decrypt",
                "-inkey",
                privatePem.toString(),
                "-in",
                sealedHere.toString(),
                "-out",
                openedByOpenSsl.toString());
        assertThat(Files.readString(openedByOpenSsl)).contains("220102198001011234", "王某（收购者）");
    }

    /** Operators make the key with OpenSSL: as PEM for a file, as one line of base64 for an environment variable. */
    @Test
    void aKeyMadeByOpenSslIsReadAsPemAndAsOneLineOfBase64() throws Exception {
        assumeTrue(openSslAvailable(), "openssl not installed");
        Path pem = dir.resolve("made.pem");
        Path der = dir.resolve("made.der");
        run("openssl", "genpkey", "-algorithm", "SM2", "-out", pem.toString());
        run("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", pem.toString(), "-outform", "DER", "-out", der.toString());

        IntakeKeyPair fromPem = IntakeKeyPair.fromPem(Files.readString(pem));
        IntakeKeyPair fromBase64 =
                IntakeKeyPair.fromPkcs8Base64(Base64.getEncoder().encodeToString(Files.readAllBytes(der)));

        assertThat(fromBase64.id()).isEqualTo(fromPem.id());
        assertThat(fromBase64.open(fromPem.publicKey().seal(DETAILS))).isEqualTo(DETAILS);
    }

    private static boolean openSslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
