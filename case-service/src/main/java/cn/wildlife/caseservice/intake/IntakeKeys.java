package cn.wildlife.caseservice.intake;

import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.seal.IntakeKeyPair;
import cn.wildlife.events.seal.PersonalDetails;
import cn.wildlife.events.seal.Sealed;
import cn.wildlife.support.crypto.MissingCryptoKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The intake key pair (and the previous one while it changes): opens the suspects' details agencies sealed in a clue
 * report, and refuses them in plain unless told to accept them.
 */
public final class IntakeKeys {

    private static final String ACTION = "Configure platform.intake.sealing-key (or sealing-key-file): an SM2 private "
            + "key, e.g. `openssl genpkey -algorithm SM2 -out intake.pem`; see docs/data-protection.md.";

    private final IntakeKeyPair current;
    private final @Nullable IntakeKeyPair previous;
    private final IntakeProperties.PlainPersonalData plain;

    public IntakeKeys(IntakeProperties properties) {
        this.current = read("platform.intake.sealing-key", properties.sealingKey(), properties.sealingKeyFile())
                .orElseThrow(() -> new MissingCryptoKey(
                        "No intake key is configured: agencies seal suspects' details with its public half before"
                                + " they publish a clue report, and this service opens them with it.",
                        ACTION));
        this.previous = read(
                        "platform.intake.previous-sealing-key",
                        properties.previousSealingKey(),
                        properties.previousSealingKeyFile())
                .orElse(null);
        this.plain = properties.plainPersonalData();
    }

    public IntakeKeyPair current() {
        return current;
    }

    public Optional<IntakeKeyPair> previous() {
        return Optional.ofNullable(previous);
    }

    /**
     * The report's identifiers and people: opened when sealed, taken as they are when plain and accepted.
     *
     * @throws InvalidEventException why not, for the dead-letter record (never a value)
     */
    public PersonalDetails personalDetails(ClueReported report) {
        boolean inPlain = !report.identifiers().isEmpty() || !report.people().isEmpty();
        Sealed sealed = report.sealed();
        if (sealed != null) {
            if (inPlain) {
                throw new InvalidEventException("identifiers and people go either sealed or in plain, not both");
            }
            return keyFor(sealed).open(sealed);
        }
        if (inPlain && plain == IntakeProperties.PlainPersonalData.REFUSE) {
            throw new InvalidEventException("identifiers and people in plain are refused: seal them with the intake"
                    + " key " + current.id() + " (GET /api/intake-key) into the field sealed");
        }
        return new PersonalDetails(report.identifiers(), report.people());
    }

    private IntakeKeyPair keyFor(Sealed sealed) {
        if (previous != null && previous.id().equals(sealed.keyId())) {
            return previous;
        }
        return current;
    }

    private static Optional<IntakeKeyPair> read(String setting, @Nullable String value, @Nullable Path file) {
        String text = value;
        String from = setting;
        if ((text == null || text.isBlank()) && file != null) {
            from = setting + "-file (" + file + ")";
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new MissingCryptoKey(
                        "The intake key file " + file + " cannot be read: " + e.getMessage(), ACTION);
            }
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    text.contains("-----BEGIN") ? IntakeKeyPair.fromPem(text) : IntakeKeyPair.fromPkcs8Base64(text));
        } catch (IllegalArgumentException e) {
            throw new MissingCryptoKey(
                    "The intake key in " + from + " is not an SM2 private key: " + e.getMessage(), ACTION);
        }
    }
}
