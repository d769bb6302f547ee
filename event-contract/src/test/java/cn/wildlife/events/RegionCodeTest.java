package cn.wildlife.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void aProvinceSeesItsCitiesAndCountiesAndACountyOnlyItself() {
        assertThat(new RegionCode("220000").contains("220112")).isTrue();
        assertThat(new RegionCode("220100").contains("220112")).isTrue();
        assertThat(new RegionCode("220112").contains("220122")).isFalse();
        assertThat(new RegionCode("220100").contains("210100")).isFalse();
    }

    @Test
    void theParentIsOneLevelUp() {
        assertThat(new RegionCode("220112").parent().code()).isEqualTo("220100");
        assertThat(new RegionCode("220100").parent().code()).isEqualTo("220000");
        assertThat(new RegionCode("220000").parent().code()).isEqualTo("220000");
    }

    @Test
    void onlySixDigitsMakeARegion() {
        assertThatThrownBy(() -> new RegionCode("2201")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionCode("022011")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProvinceRollsEachCountyUpToItsCityAndItsOwnOfficesUpToItself() {
        RegionCode jilin = new RegionCode("220000");
        assertThat(jilin.childContaining("220112")).isEqualTo("220100");
        assertThat(jilin.childContaining("220100")).isEqualTo("220100");
        assertThat(jilin.childContaining("220000")).isEqualTo("220000");
        assertThat(jilin.level()).isEqualTo(RegionCode.Level.PROVINCE);
    }

    @Test
    void aCityRollsUpPerCountyAndACountyOnlyToItself() {
        assertThat(new RegionCode("220100").childContaining("220112")).isEqualTo("220112");
        assertThat(new RegionCode("220100").childContaining("220100")).isEqualTo("220100");
        assertThat(new RegionCode("220112").childContaining("220112")).isEqualTo("220112");
        assertThat(new RegionCode("220100").level()).isEqualTo(RegionCode.Level.CITY);
        assertThat(new RegionCode("220112").level()).isEqualTo(RegionCode.Level.COUNTY);
    }
}
