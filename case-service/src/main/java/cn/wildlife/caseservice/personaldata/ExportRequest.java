package cn.wildlife.caseservice.personaldata;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import cn.wildlife.caseservice.link.Identifiers;
import cn.wildlife.caseservice.personaldata.domain.LawfulBasis;
import cn.wildlife.events.link.Identifier;
import cn.wildlife.events.link.IdentifierType;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whose data, and on what lawful basis. Checked as a whole, so that one problem names every bad field; what was sent
 * as the identifier is never echoed.
 */
@Schema(name = "PersonalDataExportRequest", example = """
        {"identifier":{"type":"ID_NUMBER","value":"22011219800101001X"},
         "requestReference":"(2026)吉0112民初1234号",
         "legalBasis":"《中华人民共和国民事诉讼法》第六十七条：人民法院有权向有关单位和个人调查取证"}""")
record ExportRequest(
        // Required, yet nullable here: checked() names every missing field in one problem, which annotations would not.
        @Schema(requiredMode = REQUIRED) @Nullable PersonIdentifier identifier,

        @Schema(
                requiredMode = REQUIRED,
                description = "请求文号: the reference of the lawful request (2 to 64 characters; written to"
                        + " the audit trail, so no phone or ID number)")
        @Nullable
        String requestReference,

        @Schema(requiredMode = REQUIRED, description = "法律依据: the legal basis, in words (4 to 1000 characters)")
        @Nullable
        String legalBasis) {

    /** The kinds of identifier a person is found by: those the blind indexes keep for people. */
    static final Set<IdentifierType> SEARCHABLE = Set.of(IdentifierType.PHONE, IdentifierType.ID_NUMBER);

    /** The person's ID number or phone. */
    @Schema(name = "PersonIdentifier")
    record PersonIdentifier(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"PHONE", "ID_NUMBER"})
            @Nullable
            String type,

            @Schema(requiredMode = REQUIRED) @Nullable String value) {

        @Override
        public String toString() {
            return "PersonIdentifier[" + type + ", withheld]";
        }
    }

    /** The person sought and the lawful basis, or a 400 naming each bad field. */
    Checked checked(Texts texts) {
        List<FieldError> bad = new ArrayList<>();
        Identifier person = person(bad, texts);
        for (LawfulBasis.Problem problem : LawfulBasis.problems(requestReference, legalBasis)) {
            // Never echoed: a legal basis in words may quote a name, and a refused reference may look like a number.
            bad.add(FieldError.personal(
                    problem.field(), texts.get("personal-data.basis." + problem.code()), rejected(problem.field())));
        }
        if (!bad.isEmpty() || person == null) {
            throw new InvalidRequestException(bad);
        }
        return new Checked(person, LawfulBasis.of(requestReference, legalBasis));
    }

    private @Nullable Identifier person(List<FieldError> bad, Texts texts) {
        if (identifier == null) {
            bad.add(new FieldError("identifier", texts.get("personal-data.required"), null));
            return null;
        }
        IdentifierType type = null;
        if (identifier.type() == null || identifier.type().isBlank()) {
            bad.add(new FieldError("identifier.type", texts.get("personal-data.required"), null));
        } else {
            type = SEARCHABLE.stream()
                    .filter(t -> t.name().equals(identifier.type()))
                    .findFirst()
                    .orElse(null);
            if (type == null) {
                bad.add(new FieldError(
                        "identifier.type", texts.get("personal-data.identifier.type"), identifier.type()));
            }
        }
        if (identifier.value() == null || identifier.value().isBlank()) {
            bad.add(FieldError.personal("identifier.value", texts.get("personal-data.required"), null));
            return null;
        }
        if (identifier.value().length() > 40) {
            bad.add(FieldError.personal(
                    "identifier.value", texts.get("personal-data.identifier.invalid"), identifier.value()));
            return null;
        }
        if (type == null) {
            return null;
        }
        Identifier person = new Identifier(type, identifier.value());
        if (!Identifiers.valid(person)) {
            bad.add(FieldError.personal(
                    "identifier.value", texts.get("personal-data.identifier.invalid"), identifier.value()));
            return null;
        }
        return person;
    }

    private @Nullable String rejected(String field) {
        return field.equals(LawfulBasis.REFERENCE_FIELD) ? requestReference : legalBasis;
    }

    /** What a checked request asks for. */
    record Checked(Identifier person, LawfulBasis basis) {}

    @Override
    public String toString() {
        return "ExportRequest[" + identifier + ", reference withheld]";
    }
}
