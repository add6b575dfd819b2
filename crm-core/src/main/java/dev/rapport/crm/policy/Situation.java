package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Standing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link JurisdictionPack} sees of one decision: the customer, their {@link Standing}
 * at the outreach's instant, the outreach, the history sent at or before it, and the live grants
 * that cover the outreach's marketing side. An immutable value: every answer is a function of
 * the decision's inputs, whoever asks first.
 */
public final class Situation {
  private final Standing standing;
  private final Outreach outreach;
  private final ImmutableList<HistoryEntry> history;
  private final Supplier<? extends List<Granted>> covering;
  private volatile @Nullable ImmutableList<Granted> coveringGrants;

  private Situation(
      Standing standing,
      Outreach outreach,
      ImmutableList<HistoryEntry> history,
      Supplier<? extends List<Granted>> covering) {
    this.standing = standing;
    this.outreach = outreach;
    this.history = history;
    this.covering = covering;
  }

  /**
   * The situation of {@code outreach} for the customer of {@code standing}, with the history
   * sent at or before the outreach's instant and the covering grants, computed on first use.
   */
  public static Situation of(
      Standing standing,
      Outreach outreach,
      List<HistoryEntry> history,
      Supplier<? extends List<Granted>> coveringGrants) {
    return new Situation(
        checkNotNull(standing, "standing"),
        checkNotNull(outreach, "outreach"),
        ImmutableList.copyOf(history),
        checkNotNull(coveringGrants, "coveringGrants"));
  }

  /** The customer. */
  public CustomerProfile customer() {
    return standing.customer();
  }

  /** The customer's jurisdiction. */
  public Jurisdiction jurisdiction() {
    return standing.customer().jurisdiction();
  }

  /** The customer's time zone. */
  public ZoneId zone() {
    return standing.customer().zone();
  }

  /** The customer's ledger folded at the outreach's instant. */
  public Standing standing() {
    return standing;
  }

  /** The outreach being decided. */
  public Outreach outreach() {
    return outreach;
  }

  /** The instant of the decision: the outreach's. */
  public Instant at() {
    return outreach.at();
  }

  /** The outreach already sent at or before the outreach's instant. */
  public List<HistoryEntry> history() {
    return history;
  }

  /**
   * The live grants that cover the outreach's marketing side ({@code RULES.md} 7, and US: the
   * covering grant): for a consent request every live, unobjected grant of an intent that opens
   * marketing on its key; otherwise the grants that cover its marketing purpose, or the
   * {@code PROMOTION} a non-marketing purpose carries. Empty when none covers.
   */
  public List<Granted> coveringGrants() {
    ImmutableList<Granted> grants = coveringGrants;
    if (grants == null) {
      grants = ImmutableList.copyOf(covering.get());
      coveringGrants = grants;
    }
    return grants;
  }

  /** The local date of {@code instant} in the customer's zone ({@code RULES.md}, The law: local dates). */
  public LocalDate localDate(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }
}
