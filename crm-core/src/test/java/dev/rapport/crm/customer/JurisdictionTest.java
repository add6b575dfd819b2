package dev.rapport.crm.customer;

import static dev.rapport.crm.testing.RapportAssertions.assertThat;
import static dev.rapport.crm.testing.RapportAssertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Jurisdiction codes ({@code RULES.md}: ISO 3166-1 alpha-2 with an optional ISO 3166-2 part). */
final class JurisdictionTest {

  @ParameterizedTest(name = "''{0}'' is malformed")
  @ValueSource(strings = {"", "g", "gb", "Gb", "GBR", "G1", "US-", "US_FL", "US-FLOR", "us-fl", "US-fl", "-FL", " GB", "GB "})
  void aMalformedCodeIsRefusedWithTheExpectedShape(String code) {
    assertThatThrownBy(() -> Jurisdiction.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "malformed jurisdiction code '"
                + code
                + "': expected an ISO 3166-1 alpha-2 country code with an optional ISO 3166-2"
                + " subdivision, such as GB, DE, US-FL or CA-ON");
  }

  @ParameterizedTest(name = "''{0}'' names no country")
  @CsvSource({"XX, XX", "ZZ-AB, ZZ"})
  void aWellFormedCodeOfNoCountryIsRefused(String code, String country) {
    assertThatThrownBy(() -> Jurisdiction.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown jurisdiction code '"
                + code
                + "': '"
                + country
                + "' is not an ISO 3166-1 alpha-2 country code");
  }

  @ParameterizedTest(name = "''{0}'' is refused with a hint: {1}")
  @CsvSource({"UK, GB (ISO 3166-1 for the United Kingdom)", "UK-LND, GB (ISO 3166-1 for the United Kingdom)", "EL, GR (ISO 3166-1 for Greece)"})
  void aCommonLookalikeIsRefusedWithTheIsoCode(String code, String hint) {
    assertThatThrownBy(() -> Jurisdiction.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown jurisdiction code '"
                + code
                + "': '"
                + code.substring(0, 2)
                + "' is not an ISO 3166-1 alpha-2 country code; did you mean "
                + hint
                + "?");
  }

  @ParameterizedTest(name = "''{0}'' is accepted though Rapport has no pack for it")
  @ValueSource(strings = {"AU", "JP", "BR-SP", "NZ", "MX-CMX"})
  void aWellFormedCodeWithoutAPackIsAccepted(String code) {
    assertThat(Jurisdiction.of(code).code()).isEqualTo(code);
  }

  @Test
  void aSubdivisionIsSplitFromItsCountry() {
    Jurisdiction florida = Jurisdiction.of("US-FL");

    assertThat(florida.country()).isEqualTo("US");
    assertThat(florida.subdivision()).contains("FL");
  }

  @Test
  void jurisdictionsWithTheSameCodeAreEqual() {
    assertThat(Jurisdiction.of("CA-ON")).isEqualTo(Jurisdiction.of("CA-ON")).hasSameHashCodeAs(Jurisdiction.of("CA-ON"));
  }

  @Test
  void aBlankCustomerIdIsRefused() {
    assertThatThrownBy(() -> CustomerProfile.of(" ", Jurisdiction.of("GB"), ZoneId.of("Europe/London")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a customer id must not be blank");
  }

  @Test
  void aCustomerIsAnIndividualByDefault() {
    assertThat(CustomerProfile.of("c-1", Jurisdiction.of("GB"), ZoneId.of("Europe/London")).kind())
        .isEqualTo(CustomerKind.INDIVIDUAL);
  }

  @Test
  void aCodeParsedTwiceGivesTheSameValueAndARefusedCodeIsNotKept() {
    assertThat(Jurisdiction.of("US-FL")).isSameAs(Jurisdiction.of("US-FL"));
    assertThat(Jurisdiction.of("US-FL")).isEqualTo(Jurisdiction.of("US-FL")).isNotEqualTo(Jurisdiction.of("US"));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> Jurisdiction.of("XX")).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
