package cn.wildlife.caseservice.species;

import cn.wildlife.events.cases.ProtectionLevel;
import cn.wildlife.events.cases.QuantityUnit;
import cn.wildlife.support.csv.ImportLimitExceeded;
import cn.wildlife.support.csv.ImportLimits;
import cn.wildlife.support.security.Access;
import cn.wildlife.support.security.Caller;
import cn.wildlife.support.security.Role;
import cn.wildlife.support.web.FieldError;
import cn.wildlife.support.web.InvalidRequestException;
import cn.wildlife.support.web.RecordNotFoundException;
import cn.wildlife.support.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The species catalogue: read by everyone who records clues and cases, imported by administrators. */
@RestController
@RequestMapping("/api/species")
@Validated
@Tag(name = "Species (物种名录)", description = "The catalogue every clue, case and event refers to by code")
class SpeciesController {

    private final SpeciesCatalogue catalogue;
    private final Access access;
    private final SpeciesImports imports;
    private final Texts texts;
    private final ImportLimits limits;

    SpeciesController(
            SpeciesCatalogue catalogue, Access access, SpeciesImports imports, Texts texts, ImportLimits limits) {
        this.catalogue = catalogue;
        this.imports = imports;
        this.access = access;
        this.texts = texts;
        this.limits = limits;
    }

    @GetMapping
    @Operation(
            summary = "The catalogue, by protection level",
            description = "q matches the Chinese name, the Latin " + "name or the code.")
    List<SpeciesView> list(
            @RequestParam(required = false) @Nullable ProtectionLevel level,
            @RequestParam(required = false) @Size(max = 60) @Nullable String q) {
        return catalogue.list(level, q).stream().map(SpeciesView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One species by code")
    SpeciesView get(@PathVariable @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,59}$") String code) {
        return catalogue
                .find(code)
                .map(SpeciesView::of)
                .orElseThrow(() -> new RecordNotFoundException("species", code));
    }

    @PostMapping(
            value = "/import",
            consumes = {"text/csv", "text/plain"})
    @Operation(
            summary = "Import a species list (CSV, system administrators)",
            description = "Columns 代码,中文名,学名,纲,保护级别,CITES附录,计数单位. Every bad row is reported by number "
                    + "and reason; a file with errors imports nothing unless skipInvalid=true. A file over the "
                    + "platform.imports limits (rows, columns, cells, characters in a cell) is refused whole with a "
                    + "problem naming the limit. A code already in the catalogue is corrected, not duplicated. The species imported are announced on platform.species "
                    + "(cn.wildlife.species.catalogue-changed.v1), so inspection-service accepts their codes too.")
    ImportReport importCsv(
            Caller caller, @RequestBody String csv, @RequestParam(defaultValue = "false") boolean skipInvalid) {
        access.requireAdministrator(caller, Role.SYSTEM_ADMIN);
        SpeciesImport.Result result;
        try {
            result = SpeciesImport.read(csv, limits, texts);
        } catch (ImportLimitExceeded e) {
            throw e.problem(texts);
        }
        if (!result.errors().isEmpty()
                && (!skipInvalid
                        || result.errors().stream().anyMatch(e -> e.field().equals("header")))) {
            throw new InvalidRequestException(result.errors());
        }
        int size = imports.record(result.species(), caller.name());
        return new ImportReport(result.species().size(), result.errors(), size);
    }

    /** What an import did. */
    record ImportReport(int imported, List<FieldError> skipped, int catalogueSize) {}

    /** A species as shown to officers. */
    record SpeciesView(
            String code,
            String nameZh,
            String latinName,
            String taxonClass,
            ProtectionLevel protectionLevel,
            String protectionLevelLabel,
            @Nullable String citesAppendix,
            QuantityUnit unit,
            String unitLabel) {

        static SpeciesView of(Species s) {
            return new SpeciesView(
                    s.code(),
                    s.nameZh(),
                    s.latinName(),
                    s.taxonClass(),
                    s.protectionLevel(),
                    s.protectionLevel().label(),
                    s.citesAppendix(),
                    s.unit(),
                    s.unit().label());
        }
    }
}
