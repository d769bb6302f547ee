package cn.wildlife.caseservice.intake;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agencies' door for personal data, under {@code platform.intake.*}: the SM2 key agencies seal suspects'
 * details with (docs/data-protection.md, "Suspects' details on agency topics").
 *
 * @param sealingKey             the private key: PKCS#8 PEM, or its DER in base64 on one line (environment
 *     {@code PLATFORM_INTAKE_SEALING_KEY}; {@code openssl genpkey -algorithm SM2} makes one)
 * @param sealingKeyFile         a file holding it instead
 * @param previousSealingKey     only while the key is being changed: the one before, still opening what agencies
 *     sealed before they fetched the new public key
 * @param previousSealingKeyFile a file holding the previous key instead
 * @param plainPersonalData      what happens to identifiers and people an agency sends in plain: refused to the
 *     dead-letter topic (the default), or accepted while agencies move to sealing
 */
@ConfigurationProperties("platform.intake")
public record IntakeProperties(
        @Nullable String sealingKey,
        @Nullable Path sealingKeyFile,
        @Nullable String previousSealingKey,
        @Nullable Path previousSealingKeyFile,
        @DefaultValue("REFUSE") PlainPersonalData plainPersonalData) {

    public enum PlainPersonalData {
        REFUSE,
        ACCEPT
    }
}
