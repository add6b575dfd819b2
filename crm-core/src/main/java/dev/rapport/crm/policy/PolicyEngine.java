package dev.rapport.crm.policy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.internal.Access;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.store.LedgerStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides whether a planned {@link Outreach} stays inside the relationship the customer
 * declared, within the law of the customer's jurisdiction ({@code RULES.md} "The model",
 * {@code RULES.md}).
 *
 * <p>The engine is pure and deterministic: the same ledger, history, outreach and options give
 * the same {@link Decision}, and the clock is the outreach's instant, never the system clock.
 * Everything is judged on the state at that instant: ledger events and history entries after
 * it are ignored. The jurisdiction pack is chosen by the customer's jurisdiction code. An
 * engine is immutable and safe to share between threads.
 *
 * <pre>{@code
 * PolicyEngine engine = PolicyEngine.builder()
 *     .options(PolicyOptions.builder().impliedConsent(true).build())
 *     .addRule(myTeamRule)
 *     .build();
 * Decision decision = engine.decide(ledger, history, outreach);
 * if (decision.isAllowed()) { ... honour decision.obligations() ... }
 * }</pre>
 */
public final class PolicyEngine {
  private final PolicyOptions options;
  private final ImmutableList<PolicyRule> rules;
  private final ImmutableList<JurisdictionPack> packs;
  /** The law chosen for each jurisdiction met so far (a pack's answer to governs is fixed). */
  private final ConcurrentMap<Jurisdiction, Law> chosenLaw = new ConcurrentHashMap<>();

  private PolicyEngine(
      PolicyOptions options, ImmutableList<PolicyRule> rules, ImmutableList<JurisdictionPack> packs) {
    this.options = options;
    this.rules = rules;
    this.packs = packs;
  }

  /** An engine with the default options and no team rules. */
  public static PolicyEngine withDefaults() {
    return builder().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  static {
    // The campaign gate asks this through crm-core's unexported internal package only.
    Access.setEngine(PolicyEngine.class, PolicyEngine::hasTeamRulesOrPacks);
  }

  /**
   * Whether a team added rules or jurisdiction packs to this engine: a campaign's compiled form
   * ({@code dev.rapport.crm.campaign}) decides only with the built-in ones. Not public: the
   * campaign gate reaches it through {@link Access}.
   */
  private boolean hasTeamRulesOrPacks() {
    return !rules.isEmpty() || packs.size() > JurisdictionPack.builtIn().size();
  }

  /** The options this engine decides with. */
  public PolicyOptions options() {
    return options;
  }

  /**
   * Decides {@code outreach} for the customer of {@code ledger}, given the outreach already
   * sent ({@code history}, in any order).
   */
  public Decision decide(Ledger ledger, List<HistoryEntry> history, Outreach outreach) {
    checkNotNull(ledger, "ledger");
    checkNotNull(history, "history");
    checkNotNull(outreach, "outreach");
    // The history sent up to the instant, then the ledger's reading: both are read from memory
    // for a customer not read lately, and reading the one before using the other lets the
    // processor fetch them together.
    ImmutableList<HistoryEntry> sent = Evaluation.upTo(history, outreach.at());
    Facts facts = Facts.of(ledger, outreach.at());
    Law law = law(facts.jurisdiction);
    return new Evaluation(facts, sent, outreach, options, rules, law.pack, law.doubleOptIn)
        .decide();
  }

  /**
   * The law of {@code jurisdiction}: the first pack that governs it, the team's own first, else
   * the model alone, with the double opt-in channels it and the options require.
   */
  private Law law(Jurisdiction jurisdiction) {
    Law chosen = chosenLaw.get(jurisdiction);
    if (chosen == null) {
      JurisdictionPack governing = Evaluation.MODEL_ALONE;
      for (JurisdictionPack pack : packs) {
        if (pack.governs(jurisdiction)) {
          governing = pack;
          break;
        }
      }
      chosen = new Law(governing, State.channelBits(Evaluation.doubleOptIn(options, governing)));
      Law earlier = chosenLaw.putIfAbsent(jurisdiction, chosen);
      if (earlier != null) {
        chosen = earlier;
      }
    }
    return chosen;
  }

  /**
   * A jurisdiction's pack and the channels on which every grant needs a confirmation there, as
   * bits by ordinal.
   */
  private static final class Law {
    final JurisdictionPack pack;
    final int doubleOptIn;

    Law(JurisdictionPack pack, int doubleOptIn) {
      this.pack = pack;
      this.doubleOptIn = doubleOptIn;
    }
  }

  /**
   * Decides {@code outreach} for the customer {@code customerId} of {@code store}; a customer
   * the store does not know is denied ({@code UNKNOWN_CUSTOMER}, {@code RULES.md} 1).
   */
  public Decision decide(
      LedgerStore store, String customerId, List<HistoryEntry> history, Outreach outreach) {
    checkNotNull(store, "store");
    checkNotNull(customerId, "customerId");
    Optional<Ledger> ledger = store.read(customerId);
    return ledger.isPresent()
        ? decide(ledger.get(), history, outreach)
        : unknownCustomer(customerId, outreach);
  }

  /**
   * The decision for a customer of whom nothing is known: denied ({@code crm-core/RULES.md},
   * section 1). Users
   * reach it through {@link #decide(LedgerStore, String, List, Outreach)}.
   */
  Decision unknownCustomer(String customerId, Outreach outreach) {
    checkNotNull(outreach, "outreach");
    return Decision.of(
        Verdict.DENY,
        ImmutableList.of(
            Reason.of(
                ReasonCode.UNKNOWN_CUSTOMER,
                Messages.unknownCustomer(customerId, outreach),
                Optional.empty())),
        ImmutableList.of(),
        Optional.empty());
  }

  /** Builds a {@link PolicyEngine}. */
  public static final class Builder {
    private PolicyOptions options = PolicyOptions.defaults();
    private final ImmutableList.Builder<PolicyRule> rules = ImmutableList.builder();
    private final ImmutableList.Builder<JurisdictionPack> packs = ImmutableList.builder();

    private Builder() {}

    /** Sets the options; {@link PolicyOptions#defaults()} if not called. */
    public Builder options(PolicyOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /** Adds a team rule, consulted after the built-in rules in the order added. */
    public Builder addRule(PolicyRule rule) {
      rules.add(checkNotNull(rule, "rule"));
      return this;
    }

    /**
     * Adds a jurisdiction's law ({@link JurisdictionPack}): for the jurisdictions it governs, it
     * is consulted instead of the built-in packs; packs added earlier win over later ones.
     */
    public Builder addPack(JurisdictionPack pack) {
      packs.add(checkNotNull(pack, "pack"));
      return this;
    }

    /** Builds the engine. */
    public PolicyEngine build() {
      return new PolicyEngine(
          options,
          rules.build(),
          ImmutableList.<JurisdictionPack>builder()
              .addAll(packs.build())
              .addAll(JurisdictionPack.builtIn())
              .build());
    }
  }
}
