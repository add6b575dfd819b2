package dev.rapport.crm.relationship;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.Set;

/**
 * What a customer declared they want from the business ({@code model.md} section 1). Each
 * intent opens a fixed set of {@linkplain Purpose purposes}; the customer's declaration is the
 * ceiling for every outreach.
 */
public enum Intent {
  /** "I just want a discount, buy your thing, and move on." Opens {@link Purpose#OFFER}. */
  DEALS(Purpose.OFFER),
  /** "You may contact me to promote your products." Opens {@code OFFER} and {@code PROMOTION}. */
  PROMOTION(Purpose.OFFER, Purpose.PROMOTION),
  /** "Support my ongoing needs and questions, with a human touch." Opens {@code SERVICE}. */
  SUPPORT(Purpose.SERVICE),
  /** "A one-to-one channel between me and a member of your staff." Opens {@code PERSONAL}. */
  ONE_TO_ONE(Purpose.PERSONAL),
  /** "I'll seek you out for information beyond your product." Opens {@code CONTENT}. */
  KNOWLEDGE(Purpose.CONTENT),
  /** "Give me enough that I'm qualified and willing to recommend you." Opens {@code ADVOCACY}. */
  ADVOCACY(Purpose.ADVOCACY),
  /** "You may ask what motivates me to do business with you." Opens {@code RESEARCH}. */
  FEEDBACK(Purpose.RESEARCH);

  private final ImmutableSet<Purpose> opens;
  private final boolean opensMarketing;

  Intent(Purpose first, Purpose... rest) {
    this.opens = Sets.immutableEnumSet(first, rest);
    this.opensMarketing = opens.stream().anyMatch(Purpose::isMarketing);
  }

  /** The purposes this intent opens, per {@code model.md} section 1. */
  public Set<Purpose> opens() {
    return opens;
  }

  /** Whether this intent opens at least one marketing purpose ({@code model.md} 5.9). */
  public boolean opensMarketing() {
    return opensMarketing;
  }
}
