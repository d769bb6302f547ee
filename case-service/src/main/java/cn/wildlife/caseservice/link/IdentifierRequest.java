package cn.wildlife.caseservice.link;

import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A suspect's identifier as a clue or case request carries it (never the reporter's). */
public record IdentifierRequest(
        @NotNull IdentifierType type,
        @NotBlank @Size(min = 2, max = 200) String value) {

    public Identifier toIdentifier() {
        return new Identifier(type, value);
    }

    /** The identifiers, or a 400 naming each implausible one ({@code identifiers[i].value}). */
    public static List<Identifier> checked(@Nullable List<IdentifierRequest> requested, Texts texts) {
        if (requested == null) {
            return List.of();
        }
        List<FieldError> bad = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!Identifiers.valid(requested.get(i).toIdentifier())) {
                bad.add(new FieldError(
                        "identifiers[" + i + "].value",
                        texts.get("identifier.invalid", requested.get(i).type()),
                        null));
            }
        }
        if (!bad.isEmpty()) {
            throw new InvalidRequestException(bad);
        }
        return requested.stream().map(IdentifierRequest::toIdentifier).toList();
    }

    @Override
    public String toString() {
        return "IdentifierRequest[" + type + ", withheld]";
    }
}
