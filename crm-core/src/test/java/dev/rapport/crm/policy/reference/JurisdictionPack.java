package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.relationship.Channel;
import java.util.List;

/**
 * The rules a jurisdiction adds to the model ({@code law.md}). A pack only ever adds: it never
 * loosens what the customer declared. A subdivision inherits its country's pack; a
 * jurisdiction without a pack gets the model alone.
 */
abstract class JurisdictionPack {
  /** The model alone ({@code law.md}, "AU, and every jurisdiction without a pack"). */
  static final JurisdictionPack NONE = new JurisdictionPack() {};

  private static final ImmutableSet<String> EU_EEA_AND_GB =
      ImmutableSet.of(
          "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
          "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
          "GB");

  /** The pack for a jurisdiction, chosen by its country code. */
  static JurisdictionPack of(Jurisdiction jurisdiction) {
    String country = jurisdiction.country();
    if (country.equals("DE")) {
      return EuropePack.GERMANY;
    }
    if (EU_EEA_AND_GB.contains(country)) {
      return EuropePack.EUROPE;
    }
    if (country.equals("CA")) {
      return CanadaPack.INSTANCE;
    }
    if (country.equals("US")) {
      return UnitedStatesPack.forState(jurisdiction.subdivision().orElse(""));
    }
    return NONE;
  }

  /** Channels on which every grant needs a {@code confirmed} event in this jurisdiction. */
  ImmutableSet<Channel> doubleOptIn() {
    return ImmutableSet.of();
  }

  /**
   * Whether an existing relationship may imply consent here, and on which channels; consulted
   * only with the option on, for {@code OFFER} and {@code PROMOTION}, where declarations do not
   * cover and nothing ended implied consent ({@code model.md} 5.4).
   */
  ImmutableSet<Channel> impliedConsentChannels() {
    return ImmutableSet.of();
  }

  /** Judges implied consent; called only on a channel of {@link #impliedConsentChannels()}. */
  ImpliedConsent impliedConsent(Evaluation evaluation) {
    throw new UnsupportedOperationException("no implied consent in this jurisdiction");
  }

  /** Denials this jurisdiction adds for a marketing outreach. */
  List<Reason> denials(Evaluation evaluation) {
    return ImmutableList.of();
  }

  /** Timing rules this jurisdiction adds. */
  List<TimingRule> timingRules(Evaluation evaluation) {
    return ImmutableList.of();
  }
}
