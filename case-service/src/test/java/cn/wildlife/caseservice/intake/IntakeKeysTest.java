package cn.wildlife.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wildlife.events.Behaviour;
import cn.wildlife.events.ClueSource;
import cn.wildlife.events.InvalidEventException;
import cn.wildlife.events.clue.ClueReported;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.events.seal.IntakeKeyPair;
import cn.wildlife.events.seal.PersonalDetails;
import cn.wildlife.support.crypto.MissingCryptoKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeKeysTest {

    private static final Identifier PHONE = new Identifier(IdentifierType.PHONE, "13800001111");

    private final IntakeKeyPair current = IntakeKeyPair.generate(new SecureRandom());
    private final IntakeKeyPair previous = IntakeKeyPair.generate(new SecureRandom());

    @Test
    void sealedDetailsAreOpenedUnderTheKeyOrThePreviousOne() {
        IntakeKeys keys = keys(IntakeProperties.PlainPersonalData.REFUSE);

        assertThat(keys.personalDetails(report(List.of(PHONE)).sealedWith(current.publicKey())))
                .isEqualTo(new PersonalDetails(List.of(PHONE), List.of("张某")));
        assertThat(keys.personalDetails(report(List.of(PHONE)).sealedWith(previous.publicKey())))
                .isEqualTo(new PersonalDetails(List.of(PHONE), List.of("张某")));
    }

    @Test
    void plainDetailsAreRefusedNamingTheKeyUnlessAccepted() {
        assertThatThrownBy(
                        () -> keys(IntakeProperties.PlainPersonalData.REFUSE).personalDetails(report(List.of(PHONE))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("in plain are refused")
                .hasMessageContaining(current.id())
                .hasMessageNotContaining("13800001111");
        assertThat(keys(IntakeProperties.PlainPersonalData.ACCEPT).personalDetails(report(List.of(PHONE))))
                .isEqualTo(new PersonalDetails(List.of(PHONE), List.of("张某")));
    }

    @Test
    void aReportNamingNoOneNeedsNoSealing() {
        ClueReported none = ClueReported.builder("FORESTRY-1", "220112", ClueSource.PATROL, Instant.EPOCH)
                .summary("巡护发现鸟网")
                .build();

        assertThat(keys(IntakeProperties.PlainPersonalData.REFUSE).personalDetails(none))
                .isEqualTo(new PersonalDetails(List.of(), List.of()));
    }

    @Test
    void sealedAndPlainTogetherAreRefused() {
        ClueReported sealed = report(List.of(PHONE)).sealedWith(current.publicKey());
        ClueReported both = sealed.toBuilder().identifiers(List.of(PHONE)).build();

        assertThatThrownBy(() -> keys(IntakeProperties.PlainPersonalData.ACCEPT).personalDetails(both))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void withoutAKeyTheServiceDoesNotStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> new IntakeKeys(
                        new IntakeProperties(null, null, null, null, IntakeProperties.PlainPersonalData.REFUSE)))
                .isInstanceOf(MissingCryptoKey.class)
                .satisfies(e -> assertThat(((MissingCryptoKey) e).action()).contains("platform.intake.sealing-key"));
    }

    private IntakeKeys keys(IntakeProperties.PlainPersonalData plain) {
        return new IntakeKeys(new IntakeProperties(current.privatePem(), null, previous.privatePem(), null, plain));
    }

    private static ClueReported report(List<Identifier> identifiers) {
        return ClueReported.builder("PUBLIC_SECURITY-1", "220112", ClueSource.AGENCY_INTELLIGENCE, Instant.EPOCH)
                .behaviours(List.of(Behaviour.ILLEGAL_HUNTING))
                .summary("网安线索")
                .identifiers(identifiers)
                .people(List.of("张某"))
                .build();
    }
}
