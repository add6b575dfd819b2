package dev.rapport.crm.relationship;

import com.google.common.collect.Sets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What a planned outreach is for ({@code RULES.md} "Purposes"). Every outreach names exactly
 * one purpose. Marketing purposes are direct marketing in the legal sense: an objection stops
 * them all and the jurisdiction packs apply to them.
 */
public enum Purpose {
  /** Receipts, shipping, security, account and legal notices. Needs nothing. */
  TRANSACTIONAL(false),
  /** An answer to a contact the customer started. Needs an inquiry in the reply window. */
  REPLY(false),
  /** Proactive support and follow-up. Needs {@link Intent#SUPPORT}. */
  SERVICE(false),
  /** Surveys and interviews. Needs {@link Intent#FEEDBACK}. */
  RESEARCH(false),
  /** A concrete discount or deal. Needs {@link Intent#DEALS} or {@link Intent#PROMOTION}. */
  OFFER(true),
  /** Product news, newsletters, general marketing. Needs {@link Intent#PROMOTION}. */
  PROMOTION(true),
  /** A one-to-one message from a staff member. Needs {@link Intent#ONE_TO_ONE}. */
  PERSONAL(true),
  /** Educational content, not selling. Needs {@link Intent#KNOWLEDGE}. */
  CONTENT(true),
  /** Referral, review and testimonial requests. Needs {@link Intent#ADVOCACY}. */
  ADVOCACY(true),
  /** Asking the customer to widen the relationship ({@code RULES.md} 7). */
  CONSENT_REQUEST(true);

  private final boolean marketing;

  Purpose(boolean marketing) {
    this.marketing = marketing;
  }

  /** Whether this purpose is direct marketing ({@code RULES.md} "Purposes"). */
  public boolean isMarketing() {
    return marketing;
  }

  /** The intents that open this purpose; empty for purposes that need no intent. */
  public Set<Intent> openedBy() {
    return OpenedBy.INTENTS.get(this);
  }

  /** The intents opening each purpose, computed once (after both enums are initialised). */
  private static final class OpenedBy {
    private static final Map<Purpose, Set<Intent>> INTENTS = new EnumMap<>(Purpose.class);

    static {
      for (Purpose purpose : values()) {
        INTENTS.put(
            purpose,
            Arrays.stream(Intent.values())
                .filter(intent -> intent.opens().contains(purpose))
                .collect(Sets.toImmutableEnumSet()));
      }
    }

    private OpenedBy() {}
  }
}
