package dev.rapport.crm.examples.demo;

import dev.rapport.crm.customer.Jurisdiction;
import java.time.ZoneId;

/** Where the demo's customers live: a jurisdiction, its time zone and its share in percent. */
public enum Market {
  GB("GB", "Europe/London", 18),
  DE("DE", "Europe/Berlin", 11),
  IE("IE", "Europe/Dublin", 6),
  FR("FR", "Europe/Paris", 9),
  US_CA("US-CA", "America/Los_Angeles", 14),
  US_FL("US-FL", "America/New_York", 10),
  US_TX("US-TX", "America/Chicago", 10),
  CA_ON("CA-ON", "America/Toronto", 12),
  AU("AU", "Australia/Sydney", 10);

  private final Jurisdiction jurisdiction;
  private final ZoneId zone;
  private final int percent;

  Market(String code, String zone, int percent) {
    this.jurisdiction = Jurisdiction.of(code);
    this.zone = ZoneId.of(zone);
    this.percent = percent;
  }

  /** The jurisdiction whose law applies. */
  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** The customers' time zone. */
  public ZoneId zone() {
    return zone;
  }

  /** The share of the population, in percent; the shares add up to 100. */
  public int percent() {
    return percent;
  }

  /** Whether the market is in the United States (where texts may need written consent). */
  public boolean isUnitedStates() {
    return jurisdiction.country().equals("US");
  }
}
