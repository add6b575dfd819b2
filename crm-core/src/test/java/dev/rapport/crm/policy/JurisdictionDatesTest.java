package dev.rapport.crm.policy;

import static dev.rapport.crm.policy.LawFixtures.customer;
import static dev.rapport.crm.policy.LawFixtures.decide;
import static dev.rapport.crm.policy.LawFixtures.decideImplied;
import static dev.rapport.crm.policy.LawFixtures.doNotCall;
import static dev.rapport.crm.policy.LawFixtures.grant;
import static dev.rapport.crm.policy.LawFixtures.inquiry;
import static dev.rapport.crm.policy.LawFixtures.ledger;
import static dev.rapport.crm.policy.LawFixtures.local;
import static dev.rapport.crm.policy.LawFixtures.outreach;
import static dev.rapport.crm.policy.LawFixtures.purchase;
import static dev.rapport.crm.policy.LawFixtures.utc;
import static dev.rapport.crm.testing.RapportAssertions.assertThat;

import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The date rule of {@code law.md} (Dates): with S the local date of {@code outreach.at} and E the
 * local date of the event, both in the customer's zone, the event counts if and only if {@code E
 * > S - N} with calendar arithmetic; the boundary day does not count; month ends follow {@code
 * minusMonths}. Each window is tested on its last allowed day and its first denied one.
 */
final class JurisdictionDatesTest {

  private static LedgerEvent event(String kind, String zone, String localDateTime) {
    Instant at = local(zone, localDateTime);
    return kind.equals("purchase") ? purchase("e-rel", at) : inquiry("e-rel", at);
  }

  @DisplayName("law.md Dates: implied consent on the last allowed day and the first denied one (CA 2y/6m, US 18m/3m)")
  @ParameterizedTest(name = "{0}: {2} on {3}, an offer by email on {4}: {5}")
  @CsvSource({
    // CA purchase within 2 years (CASL s.10(10)): 2024-01-10 supports 2026-01-09, not 2026-01-10.
    "CA-ON, America/Toronto,   purchase, 2024-01-10T12:00, 2026-01-09T12:00, IMPLIED_CONSENT",
    "CA-ON, America/Toronto,   purchase, 2024-01-10T12:00, 2026-01-10T12:00, IMPLIED_CONSENT_EXPIRED",
    // CA inquiry within 6 months.
    "CA-ON, America/Toronto,   inquiry,  2025-07-15T12:00, 2026-01-14T12:00, IMPLIED_CONSENT",
    "CA-ON, America/Toronto,   inquiry,  2025-07-15T12:00, 2026-01-15T12:00, IMPLIED_CONSENT_EXPIRED",
    // Month ends follow minusMonths: 2026-02-28 minus 6 months is 2025-08-28.
    "CA-ON, America/Toronto,   inquiry,  2025-08-31T12:00, 2026-02-28T12:00, IMPLIED_CONSENT",
    "CA-ON, America/Toronto,   inquiry,  2025-08-29T12:00, 2026-02-28T12:00, IMPLIED_CONSENT",
    "CA-ON, America/Toronto,   inquiry,  2025-08-28T12:00, 2026-02-28T12:00, IMPLIED_CONSENT_EXPIRED",
    // US purchase within 18 months, inquiry within 3 months.
    "US-NY, America/New_York,  purchase, 2024-07-10T12:00, 2026-01-09T12:00, IMPLIED_CONSENT",
    "US-NY, America/New_York,  purchase, 2024-07-10T12:00, 2026-01-10T12:00, IMPLIED_CONSENT_EXPIRED",
    "US-NY, America/New_York,  inquiry,  2025-10-10T12:00, 2026-01-09T12:00, IMPLIED_CONSENT",
    "US-NY, America/New_York,  inquiry,  2025-10-10T12:00, 2026-01-10T12:00, IMPLIED_CONSENT_EXPIRED",
    // 2026-05-31 minus 3 months is 2026-02-28.
    "US-NY, America/New_York,  inquiry,  2026-03-01T12:00, 2026-05-31T12:00, IMPLIED_CONSENT",
    "US-NY, America/New_York,  inquiry,  2026-02-28T12:00, 2026-05-31T12:00, IMPLIED_CONSENT_EXPIRED",
  })
  void impliedConsentWindows(String jurisdiction, String zone, String kind, String event, String send, ReasonCode code) {
    Ledger ledger = ledger(customer(jurisdiction, zone), event(kind, zone, event));

    Decision decision = decideImplied(ledger, outreach(Purpose.OFFER, Channel.EMAIL, local(zone, send)));

    assertThat(decision).hasReason(code);
    assertThat(decision.verdict()).isEqualTo(code == ReasonCode.IMPLIED_CONSENT ? Verdict.ALLOW : Verdict.DENY);
  }

  @DisplayName("law.md Dates: local dates, not UTC ones: an event late in the local evening is already the next day in UTC")
  @ParameterizedTest(name = "a purchase at {0} Toronto time, an offer at {1}: {2}")
  @CsvSource({
    // 2024-01-10T23:30 in Toronto is 2024-01-11T04:30Z: its local date is still the 10th.
    "2024-01-10T23:30, 2026-01-10T12:00, IMPLIED_CONSENT_EXPIRED",
    "2024-01-10T23:30, 2026-01-09T12:00, IMPLIED_CONSENT",
    // A send at 2026-01-09T23:30 Toronto time is 2026-01-10T04:30Z: its local date is still the 9th.
    "2024-01-10T12:00, 2026-01-09T23:30, IMPLIED_CONSENT",
    "2024-01-10T12:00, 2026-01-10T00:00, IMPLIED_CONSENT_EXPIRED",
  })
  void datesAreLocalDates(String purchasedAt, String sendAt, ReasonCode code) {
    String zone = "America/Toronto";
    Ledger ledger = ledger(customer("CA-ON", zone), purchase("e-rel", local(zone, purchasedAt)));

    Decision decision = decideImplied(ledger, outreach(Purpose.OFFER, Channel.EMAIL, local(zone, sendAt)));

    assertThat(decision).hasReason(code);
  }

  @Test
  @DisplayName("law.md Dates: the late-evening purchase is the next day in UTC, yet the 2-year window is counted from its local date")
  void theUtcDateWouldHaveCounted() {
    String zone = "America/Toronto";
    Instant purchased = local(zone, "2024-01-10T23:30");

    assertThat(purchased).isEqualTo(utc("2024-01-11T04:30:00Z"));
    Ledger ledger = ledger(customer("CA-ON", zone), purchase("e-rel", purchased));
    // 2026-01-10T17:00Z: S = 2026-01-10 in Toronto and in UTC; with UTC dates E would be 01-11 > 01-10.
    Decision decision = decideImplied(ledger, outreach(Purpose.OFFER, Channel.EMAIL, utc("2026-01-10T17:00:00Z")));

    assertThat(decision)
        .isDenied()
        .hasReason(ReasonCode.IMPLIED_CONSENT_EXPIRED);
  }

  @DisplayName("law.md US DNC exception: purchase 18 months, inquiry 3 months, boundary day excluded, implied consent off")
  @ParameterizedTest(name = "{0} on {1}, a marketing call on {2}: {3}")
  @CsvSource({
    "purchase, 2024-07-10T12:00, 2026-01-09T12:00, ALLOW",
    "purchase, 2024-07-10T12:00, 2026-01-10T12:00, DENY",
    "inquiry,  2025-10-10T12:00, 2026-01-09T12:00, ALLOW",
    "inquiry,  2025-10-10T12:00, 2026-01-10T12:00, DENY",
    "inquiry,  2025-11-30T12:00, 2026-02-28T12:00, ALLOW",
    "inquiry,  2025-11-28T12:00, 2026-02-28T12:00, DENY",
  })
  void doNotCallRelationshipWindows(String kind, String event, String send, Verdict verdict) {
    String zone = "America/New_York";
    Ledger ledger =
        ledger(
            customer("US-NY", zone),
            grant("g-deals", utc("2023-01-01T12:00:00Z"), Intent.DEALS, Channel.CALL),
            doNotCall("r-dnc", utc("2023-02-01T12:00:00Z")),
            event(kind, zone, event));

    Decision decision = decide(ledger, outreach(Purpose.OFFER, Channel.CALL, local(zone, send)));

    assertThat(decision).hasVerdict(verdict);
    if (verdict == Verdict.DENY) {
      assertThat(decision).hasOnlyReasons(ReasonCode.DO_NOT_CALL_REGISTRY);
    }
  }
}
