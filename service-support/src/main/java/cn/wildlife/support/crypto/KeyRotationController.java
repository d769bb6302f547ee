package cn.wildlife.support.crypto;

import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.ConflictException;
import cn.wildlife.support.web.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation of the data keys that seal personal data at rest (docs/data-protection.md), for the security
 * administrator: a new key becomes active at once, and a background run re-seals every value under older keys, with
 * progress per collection. Each service that seals has its own keys and serves this (the gateway as
 * {@code /api/key-rotations/<service>} and {@code /api/data-keys/<service>}).
 */
@RestController
@Validated
@Tag(
        name = "Key rotation (密钥轮换)",
        description = "The data keys sealing personal data at rest: a new active key, and the background run that"
                + " re-seals what older keys sealed")
public class KeyRotationController {

    private final KeyRotations rotations;
    private final Access access;

    public KeyRotationController(KeyRotations rotations, Access access) {
        this.rotations = rotations;
        this.access = access;
    }

    @PostMapping("/api/key-rotations")
    @Operation(
            summary = "Makes a new data key active and re-seals everything under it in the background (security "
                    + "administrator)",
            description = "Answers 202 with the run's progress at once; GET its Location to follow it. mode=RESEAL "
                    + "re-seals under the active key without a new one (values under older keys, and any stored in "
                    + "plain before sealing). One run at a time: 409 names the one under way. A run interrupted by a "
                    + "stop is taken up again by the next instance to start; starting another is harmless.")
    ResponseEntity<KeyRotations.Progress> start(
            Caller caller, @RequestParam(defaultValue = "ROTATE") KeyRotations.Kind mode) {
        access.requireAdministrator(caller, Role.SECURITY_ADMIN);
        try {
            KeyRotations.Progress started = mode == KeyRotations.Kind.ROTATE
                    ? rotations.rotate(caller.subject())
                    : rotations.reseal(caller.subject());
            return ResponseEntity.accepted()
                    .location(URI.create("/api/key-rotations/" + started.id()))
                    .body(started);
        } catch (KeyRotations.RunUnderWay e) {
            throw new ConflictException("rotation-under-way", e.getMessage(), Map.of("rotationId", e.runId()));
        }
    }

    @GetMapping("/api/key-rotations/{id}")
    @Operation(summary = "A run's progress: per step (collection), documents done of the total counted at its start")
    KeyRotations.Progress progress(
            Caller caller, @PathVariable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._:-]{2,79}$") String id) {
        access.requireAdministrator(caller, Role.SECURITY_ADMIN);
        return rotations.find(id).orElseThrow(() -> new RecordNotFoundException("key rotation", id));
    }

    @GetMapping("/api/key-rotations")
    @Operation(summary = "The latest runs, newest first")
    List<KeyRotations.Progress> recent(Caller caller) {
        access.requireAdministrator(caller, Role.SECURITY_ADMIN);
        return rotations.recent(20);
    }

    @GetMapping("/api/data-keys")
    @Operation(summary = "The data keys: id, algorithm, when made, which is active (never the keys themselves)")
    List<DataKeys.KeyInfo> keys(Caller caller) {
        access.requireAdministrator(caller, Role.SECURITY_ADMIN);
        return rotations.keys();
    }
}
