package dev.rapport.crm.examples.demo;

import dev.rapport.crm.campaign.OutreachTemplate;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One planned outreach of the demo's week: what it is for, how and when it goes, and to whom a
 * marketer would send it. The audience comes from the marketer's lists, not from consent; the
 * engine decides who may really get it.
 *
 * <p>A campaign goes either at one instant for everybody ({@code at} in UTC) or at the same
 * local wall time in each customer's own zone ({@code localTime}: evening calls and texts).
 */
public final class Campaign {
  private final String name;
  private final Purpose purpose;
  private final Channel channel;
  private final LocalDateTime when;
  private final boolean local;
  private final boolean automated;
  private final boolean tracking;
  private final Profiling personalization;
  private final boolean fromAccountManager;
  private final Predicate<DemoCustomer> audience;

  private Campaign(
      String name,
      Purpose purpose,
      Channel channel,
      LocalDateTime when,
      boolean local,
      boolean automated,
      boolean tracking,
      Profiling personalization,
      boolean fromAccountManager,
      Predicate<DemoCustomer> audience) {
    this.name = name;
    this.purpose = purpose;
    this.channel = channel;
    this.when = when;
    this.local = local;
    this.automated = automated;
    this.tracking = tracking;
    this.personalization = personalization;
    this.fromAccountManager = fromAccountManager;
    this.audience = audience;
  }

  private static final List<Campaign> WEEK =
      List.of(
        new Campaign("Spring sale offer", Purpose.OFFER, Channel.EMAIL,
            LocalDateTime.parse("2026-03-02T09:00"), false, false, true, Profiling.BASIC, false,
            c -> true),
        new Campaign("March newsletter", Purpose.PROMOTION, Channel.EMAIL,
            LocalDateTime.parse("2026-03-03T10:00"), false, false, true, Profiling.INFERRED, false,
            c -> true),
        new Campaign("Flash-sale text", Purpose.OFFER, Channel.SMS,
            LocalDateTime.parse("2026-03-04T20:30"), true, true, false, Profiling.NONE, false,
            DemoCustomer::mobile),
        new Campaign("Review request", Purpose.ADVOCACY, Channel.EMAIL,
            LocalDateTime.parse("2026-03-05T14:00"), false, false, true, Profiling.BASIC, false,
            DemoCustomer::purchased),
        new Campaign("Evening sales call", Purpose.PROMOTION, Channel.CALL,
            LocalDateTime.parse("2026-03-05T20:30"), true, false, false, Profiling.NONE, false,
            DemoCustomer::mobile),
        new Campaign("Customer survey", Purpose.RESEARCH, Channel.EMAIL,
            LocalDateTime.parse("2026-03-06T11:00"), false, false, true, Profiling.NONE, false,
            c -> true),
        new Campaign("Account manager follow-up", Purpose.PERSONAL, Channel.EMAIL,
            LocalDateTime.parse("2026-03-06T16:00"), true, false, false, Profiling.DECLARED, true,
            c -> c.accountManager().isPresent()),
        new Campaign("Support check-in call", Purpose.SERVICE, Channel.CALL,
            LocalDateTime.parse("2026-03-07T19:00"), true, false, false, Profiling.NONE, false,
            DemoCustomer::inquired));

  /** The week of 2 March 2026, in the order the marketer planned it. */
  public static List<Campaign> week() {
    return WEEK;
  }

  /** The campaign's name. */
  public String name() {
    return name;
  }

  /** What it is for. */
  public Purpose purpose() {
    return purpose;
  }

  /** How it travels. */
  public Channel channel() {
    return channel;
  }

  /** When it goes, such as {@code "Wed 20:30 local"} or {@code "Mon 09:00 UTC"}. */
  public String schedule() {
    String day = when.getDayOfWeek().name().substring(0, 1) + when.getDayOfWeek().name().substring(1, 3).toLowerCase(java.util.Locale.ROOT);
    return day + " " + when.toLocalTime() + (local ? " local" : " UTC");
  }

  /** The outreach to {@code customer}, or empty when the customer is not in the audience. */
  public Optional<Outreach> plan(DemoCustomer customer) {
    if (!audience.test(customer)) {
      return Optional.empty();
    }
    Instant at =
        local
            ? when.atZone(customer.profile().zone()).toInstant()
            : when.toInstant(ZoneOffset.UTC);
    Outreach.Builder outreach =
        Outreach.builder()
            .purpose(purpose)
            .channel(channel)
            .at(at)
            .automated(automated)
            .tracking(tracking)
            .personalization(personalization)
            .topic(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    if (fromAccountManager) {
      outreach.staff(customer.accountManager().orElseThrow());
    }
    return Optional.of(outreach.build());
  }

  /** The campaign as a gate's template for {@code shape}, one of its planned outreach (any instant). */
  public OutreachTemplate template(Outreach shape) {
    return local
        ? OutreachTemplate.atLocalTime(shape, when)
        : OutreachTemplate.at(shape.rescheduled(when.toInstant(ZoneOffset.UTC)));
  }

  @Override
  public String toString() {
    return name + " (" + purpose + " by " + channel + ", " + schedule() + ")";
  }
}
