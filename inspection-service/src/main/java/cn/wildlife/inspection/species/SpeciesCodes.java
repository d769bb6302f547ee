package cn.wildlife.inspection.species;

import cn.wildlife.support.web.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The species codes facilities, ledgers and findings may name. case-service owns the catalogue; this service reads
 * the same starter file (copied in at build time, see the pom) rather than case-service's database, which no other
 * service may read. Species an administrator imports into case-service later are not known here until case-service
 * announces catalogue changes.
 */
@Component
public class SpeciesCodes {

    private final Map<String, String> nameByCode = new HashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();

    public SpeciesCodes(ObjectMapper json) {
        try (InputStream in = SpeciesCodes.class.getResourceAsStream("/species/starter-catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("species/starter-catalogue.json is missing from the classpath");
            }
            JsonNode root = json.readTree(in);
            for (JsonNode node : root.get("species")) {
                nameByCode.put(node.get("code").asString(), node.get("nameZh").asString());
                codeByName.put(node.get("nameZh").asString(), node.get("code").asString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean known(String code) {
        return nameByCode.containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(nameByCode.get(code));
    }

    /** A code as written in an agency's spreadsheet: the code itself or the catalogue's Chinese name. */
    public Optional<String> resolve(String codeOrName) {
        String v = codeOrName.trim();
        return known(v) ? Optional.of(v) : Optional.ofNullable(codeByName.get(v));
    }

    /** One error per unknown code, naming the field it came from. */
    public List<FieldError> unknown(String field, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!known(codes.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown species code", codes.get(i)));
            }
        }
        return errors;
    }
}
