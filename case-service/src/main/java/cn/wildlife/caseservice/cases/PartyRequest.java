package cn.wildlife.caseservice.cases;

import cn.wildlife.caseservice.cases.domain.Case;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

record PartyRequest(
        @NotNull Case.PartyKind kind,
        @NotBlank @Size(max = 200) String name,
        @Nullable @Pattern(regexp = "^[0-9A-Za-z]{8,30}$") String idNumber,
        @Nullable @Pattern(regexp = "^\\+?[0-9-]{5,20}$") String phone,
        @Nullable @Size(max = 500) String address) {
    Case.Party toParty() {
        return new Case.Party(kind, name, idNumber, phone, address);
    }
}
