package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which pack applies ({@code law.md}): chosen by the country code, a subdivision inheriting its
 * country's pack; a well-formed code without a pack gets the model alone (AU, JP, ...).
 */
final class JurisdictionSelectionTest {
  private static final Instant JOINED = utc("2026-01-05T15:00:00Z");

  @DisplayName("law.md a subdivision inherits its country's implied-consent rules (an SMS offer after last month's purchase)")
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "CA-QC,  America/Toronto,  ALLOW",
    "CA-BC,  America/Vancouver, ALLOW",
    "GB-SCT, Europe/London,    ALLOW",
    "FR-IDF, Europe/Paris,     ALLOW",
    "US-TX,  America/Chicago,  DENY",
    "AU-NSW, Australia/Sydney, DENY",
  })
  void aSubdivisionInheritsItsCountrysPack(String jurisdiction, String zone, Verdict verdict) {
    Instant noon = local(zone, "2026-06-10T12:00");

    Decision decision =
        decideImplied(
            ledger(customer(jurisdiction, zone), purchase("b1", noon.minus(Duration.ofDays(30)))),
            outreach(Purpose.OFFER, Channel.SMS, noon));

    assertThat(decision).hasVerdict(verdict);
  }

  @DisplayName("law.md a jurisdiction without a pack gets the model alone: no implied consent even with the option on")
  @ParameterizedTest(name = "{0}, an offer by {2} after a purchase last month is denied")
  @CsvSource({
    "AU, Australia/Sydney,   EMAIL",
    "AU, Australia/Sydney,   SMS",
    "AU, Australia/Sydney,   POST",
    "JP, Asia/Tokyo,         EMAIL",
    "JP, Asia/Tokyo,         POST",
    "BR, America/Sao_Paulo,  EMAIL",
  })
  void noPackNoImpliedConsent(String jurisdiction, String zone, Channel channel) {
    Instant noon = local(zone, "2026-06-10T12:00");

    Decision decision =
        decideImplied(
            ledger(customer(jurisdiction, zone), purchase("b1", noon.minus(Duration.ofDays(30)))),
            outreach(Purpose.OFFER, channel, noon));

    assertThat(decision)
        .isDenied()
        .hasOnlyReasons(ReasonCode.NO_DECLARED_RELATIONSHIP);
  }

  @DisplayName("law.md calling hours by jurisdiction: a marketing call at 20:30 local")
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource({
    "US,    America/New_York, ALLOW",
    "US-TX, America/Chicago,  ALLOW",
    "US-NY, America/New_York, ALLOW",
    "US-GA, America/New_York, ALLOW",
    "US-FL, America/New_York, DEFER",
    "US-OK, America/Chicago,  DEFER",
    "US-MD, America/New_York, DEFER",
    "CA-ON, America/Toronto,  ALLOW",
    "GB,    Europe/London,    ALLOW",
    "AU,    Australia/Perth,  ALLOW",
  })
  void callingHoursByJurisdiction(String jurisdiction, String zone, Verdict verdict) {
    Decision decision =
        decide(
            ledger(customer(jurisdiction, zone), grant("g1", JOINED, Intent.DEALS, Channel.CALL)),
            outreach(Purpose.OFFER, Channel.CALL, local(zone, "2026-06-10T20:30")));

    assertThat(decision).hasVerdict(verdict);
  }

  @DisplayName("law.md outside the US the US rules do not apply: DNC registration, automated texts, 23:00 calls")
  @ParameterizedTest(name = "{0}: an automated 23:00 text to a DNC-registered number on an unwritten grant is allowed")
  @ValueSource(strings = {"AU", "JP", "CA", "GB"})
  void usRulesStayInTheUs(String jurisdiction) {
    String zone = "Asia/Tokyo";

    Decision decision =
        decide(
            ledger(customer(jurisdiction, zone), grant("g1", JOINED, Intent.DEALS, Channel.SMS), doNotCall("r1", JOINED)),
            outreach(Purpose.OFFER, Channel.SMS, local(zone, "2026-06-10T23:00")).automated(true));

    assertThat(decision).isAllowed();
  }
}
