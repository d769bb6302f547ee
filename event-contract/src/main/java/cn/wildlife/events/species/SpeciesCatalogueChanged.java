package cn.wildlife.events.species;

import cn.wildlife.events.EventPayload;
import cn.wildlife.events.cases.ProtectionLevel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * case-service's species catalogue changed (topic {@code platform.species}): the species an administrator imported,
 * new or corrected. case-service owns the catalogue; other services learn the codes they may accept from this event
 * rather than from case-service's database.
 *
 * @param species        the species imported, as the catalogue now holds them
 * @param catalogueSize  how many species the catalogue holds after the change
 */
public record SpeciesCatalogueChanged(Instant changedAt, String changedBy, List<Species> species, int catalogueSize)
        implements EventPayload {

    /** The one aggregate: every change of the catalogue travels under this key, so they stay in order. */
    public static final String CATALOGUE = "species-catalogue";

    /** One species as the catalogue holds it. */
    public record Species(
            String code,
            String nameZh,
            String latinName,
            ProtectionLevel protectionLevel,
            @Nullable String citesAppendix) {}

    public SpeciesCatalogueChanged {
        species = species == null ? List.of() : List.copyOf(species);
    }

    @Override
    public String subject() {
        return CATALOGUE;
    }
}
