package cn.wildlife.caseservice.intake;

import cn.wildlife.events.seal.IntakeKeyPair;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Intake key (国密 SM2)",
        description = "The key agencies seal suspects' identifiers and the people a clue names with before they"
                + " publish a clue report on their own topic")
public class IntakeKeyController {

    private final IntakeKeys keys;
    private final Access access;

    public IntakeKeyController(IntakeKeys keys, Access access) {
        this.keys = keys;
        this.access = access;
    }

    @GetMapping("/api/intake-key")
    @Operation(
            summary = "The SM2 public key for sealing clue reports' personal details",
            description = "Seal a personal-details.v1 JSON object ({identifiers, people}) with SM2 (GB/T 32918.4,"
                    + " SM3 inside) and put {keyId, ciphertext} in the report's field sealed; the ciphertext is GM/T"
                    + " 0009 DER in base64, what `openssl pkeyutl -encrypt -pubin -inkey intake.pub.pem` writes."
                    + " Java systems: ClueReported.sealedWith(IntakeKey.fromPem(publicKey)).")
    public IntakeKeyView intakeKey(Caller caller) {
        access.requireReader(caller);
        IntakeKeyPair current = keys.current();
        return new IntakeKeyView(
                current.id(),
                "SM2",
                "GM/T 0009 SM2Cipher (DER), base64",
                current.publicKey().pem(),
                keys.previous().map(IntakeKeyPair::id).orElse(null));
    }
}
