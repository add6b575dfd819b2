package dev.rapport.crm.policy;

import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.relationship.Channel;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a jurisdiction's law adds to the model ({@code RULES.md}, The law).
 * A pack only ever adds: it never loosens what the customer declared.
 *
 * <p>A pack sees a {@link Situation}: an immutable view of the customer (jurisdiction and zone),
 * their folded standing, the outreach and the history sent before it. It answers with what it
 * adds: denials, timing rules, the channels on which every grant needs a double opt-in
 * confirmation, and whether an existing relationship implies consent. It never sees the
 * engine's working state, and nothing it answers depends on another pack or step.
 *
 * <p>The engine consults the first pack that {@link #governs governs} the customer's
 * jurisdiction: the packs added to its builder first, in the order added, then the built-in
 * ones ({@link #builtIn()}). A jurisdiction no pack governs gets the model alone.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder().addPack(new AustralianSpamActPack()).build();
 * }</pre>
 */
public interface JurisdictionPack {
  /**
   * Whether this pack's law applies to customers of {@code jurisdiction}; the same answer every
   * time for the same jurisdiction (the engine remembers it).
   */
  boolean governs(Jurisdiction jurisdiction);

  /** Channels on which every grant needs a {@code confirmed} event here. */
  default Set<Channel> doubleOptIn() {
    return Set.of();
  }

  /** The citation of the double opt-in rule on {@code channel}, if this pack has one. */
  default Optional<String> doubleOptInCitation(Channel channel) {
    return Optional.empty();
  }

  /**
   * The channels on which an existing relationship may imply consent here; consulted only with
   * the option on, for {@code OFFER} and {@code PROMOTION}, where no declaration covers, the
   * customer holds no live grant for the sender and nothing ended implied consent.
   */
  default Set<Channel> impliedConsentChannels() {
    return Set.of();
  }

  /** Judges implied consent; called only on a channel of {@link #impliedConsentChannels()}. */
  default ImpliedConsent impliedConsent(Situation situation) {
    return ImpliedConsent.none(List.of());
  }

  /** The denials this law adds for a marketing outreach; empty when it adds none. */
  default List<Reason> denials(Situation situation) {
    return List.of();
  }

  /** The timing rules this law adds for the outreach; empty when it adds none. */
  default List<Timing> timing(Situation situation) {
    return List.of();
  }

  /**
   * The built-in packs: the EU, EEA and GB (Germany apart), Canada and the United States. They
   * live in crm-core's package {@code dev.rapport.crm.law}, which reaches the engine as a
   * {@link Library} service of crm-core's own module.
   */
  static List<JurisdictionPack> builtIn() {
    return BuiltInPacks.all();
  }

  /**
   * How crm-core's own law package hands its packs to the engine without the engine depending
   * on their classes: a service of the module {@code dev.rapport.crm.core}. The engine reads
   * crm-core's own library only; a team adds its packs with {@code
   * PolicyEngine.builder().addPack(...)}, not through this service.
   */
  interface Library {
    /** The packs of this library, in the order the engine consults them. */
    List<JurisdictionPack> packs();
  }
}
