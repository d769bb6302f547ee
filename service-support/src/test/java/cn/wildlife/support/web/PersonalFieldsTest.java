package cn.wildlife.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PersonalFieldsTest {

    @Test
    void reportersPartiesSuspectsAndPeopleArePersonal() {
        for (String field : List.of(
                "reporter.name",
                "reporter.phone",
                "reporter.idNumber",
                "reporter.contact",
                "parties[0].name",
                "parties[3].idNumber",
                "parties[0].phone",
                "parties[0].address",
                "parties",
                "identifiers[2].value",
                "identifiers",
                "people[1]",
                "phone",
                "idNumber")) {
            assertThat(PersonalFields.isPersonal(field)).as(field).isTrue();
        }
    }

    @Test
    void codesAndOtherFieldsAreNot() {
        for (String field : List.of(
                "region",
                "counted[0].count",
                "reporter.anonymous",
                "reporter.rewardRequested",
                "parties[0].kind",
                "identifiers[0].type",
                "name",
                "summary",
                "seed",
                "speciesCodes[0]")) {
            assertThat(PersonalFields.isPersonal(field)).as(field).isFalse();
        }
    }

    @Test
    void aRequestHoldingAReporterMakesItsOwnNamePersonal() {
        assertThat(PersonalFields.isPersonal("reporterRequest", "name")).isTrue();
        assertThat(PersonalFields.isPersonal("reporterRequest", "anonymous")).isFalse();
        assertThat(PersonalFields.isPersonal("partyRequest", "name")).isTrue();
        assertThat(PersonalFields.isPersonal("newFacility", "name")).isFalse();
    }

    @Test
    void aProblemWithholdsPersonalValuesAndShowsOthersAsSent() {
        JsonMapper json = JsonMapper.builder().build();

        FieldError phone = new FieldError("reporter.phone", "must match", "13912345678");
        assertThat(phone.rejectedValue()).isNull();
        assertThat(phone.withheld()).isTrue();
        assertThat(json.writeValueAsString(phone)).doesNotContain("13912345678").contains("\"withheld\":true");

        FieldError region = new FieldError("region", "must be a region code", "22011");
        assertThat(region.rejectedValue()).isEqualTo("22011");
        assertThat(json.writeValueAsString(region)).contains("22011").doesNotContain("withheld");

        assertThat(FieldError.personal("name", "too long", "王某某").rejectedValue())
                .isNull();
        assertThat(new FieldError("reporter.name", "is required", null).withheld())
                .as("nothing sent, nothing withheld")
                .isNull();
    }
}
