package dev.rapport.crm.policy;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in reason codes ({@code crm-jackson/README.md}, Codes), each with the verdict it
 * supports. A team's own rules add codes of their own ({@link TeamCode}).
 */
public enum ReasonCode implements Code {
  /** A transactional message needs no intent ({@code RULES.md} 2). */
  TRANSACTIONAL(Verdict.ALLOW),
  /** An answer to an inquiry inside the reply window ({@code RULES.md} 2). */
  REPLY_TO_CUSTOMER(Verdict.ALLOW),
  /** A live declaration covers the outreach ({@code RULES.md} 3). */
  DECLARED_INTENT(Verdict.ALLOW),
  /** An existing relationship stands in for a declaration ({@code RULES.md} "Implied consent", {@code RULES.md}). */
  IMPLIED_CONSENT(Verdict.ALLOW),

  /** The customer was erased ({@code RULES.md} 1). */
  ERASED(Verdict.DENY),
  /** The store knows no such customer: fail closed ({@code RULES.md} 1). */
  UNKNOWN_CUSTOMER(Verdict.DENY),
  /** A reply with no inquiry in the reply window ({@code RULES.md} 2). */
  NO_OPEN_INQUIRY(Verdict.DENY),
  /** The customer holds no live grant at all ({@code RULES.md} 3). */
  NO_DECLARED_RELATIONSHIP(Verdict.DENY),
  /** The customer declared something, but nothing that opens this purpose ({@code RULES.md} 3). */
  BEYOND_DECLARED_RELATIONSHIP(Verdict.DENY),
  /** The intent was declared on other channels only ({@code RULES.md} 3). */
  CHANNEL_NOT_DECLARED(Verdict.DENY),
  /** The customer withdrew the key ({@code RULES.md} 3). */
  WITHDRAWN(Verdict.DENY),
  /** The customer objected to direct marketing ({@code RULES.md} 4, GDPR Art. 21). */
  OBJECTED(Verdict.DENY),
  /** The standing grant expired ({@code RULES.md} 3). */
  EXPIRED(Verdict.DENY),
  /** The grant still waits for its double opt-in confirmation ({@code RULES.md} 3, 8). */
  AWAITING_CONFIRMATION(Verdict.DENY),
  /** Only grants that are no valid consent named the key ({@code RULES.md} "The ledger"). */
  INVALID_CONSENT(Verdict.DENY),
  /** The relationship is with another legal entity of the business ({@code RULES.md} 3). */
  OTHER_ENTITY(Verdict.DENY),
  /** The sender may not send this personal message ({@code RULES.md} 3). */
  SENDER_NOT_PERMITTED(Verdict.DENY),
  /** Soft opt-in needs an opt-out offered at collection ({@code RULES.md} EU and GB). */
  NO_OPT_OUT_OFFERED(Verdict.DENY),
  /** The existing relationship is too old to imply consent ({@code RULES.md}). */
  IMPLIED_CONSENT_EXPIRED(Verdict.DENY),
  /** Automated calls and texts need prior express written consent ({@code RULES.md} US). */
  WRITTEN_CONSENT_REQUIRED(Verdict.DENY),
  /** The number is on the US do-not-call registry ({@code RULES.md} US). */
  DO_NOT_CALL_REGISTRY(Verdict.DENY),
  /** Asking for consent is itself marketing ({@code RULES.md} 7). */
  CONSENT_REQUEST_IS_MARKETING(Verdict.DENY),

  /** The customer's quiet hours ({@code RULES.md} 6). */
  QUIET_HOURS(Verdict.DEFER),
  /** A frequency cap ({@code RULES.md} 6). */
  FREQUENCY_CAP(Verdict.DEFER),
  /** The cool-off after a purchase ({@code RULES.md} 6). */
  COOL_OFF(Verdict.DEFER),
  /** Statutory calling hours ({@code RULES.md} US). */
  CALLING_HOURS(Verdict.DEFER),
  /** A statutory call limit ({@code RULES.md} US-FL). */
  CALL_LIMIT(Verdict.DEFER);

  private static final Map<String, ReasonCode> BY_NAME = new HashMap<>();

  static {
    for (ReasonCode code : values()) {
      BY_NAME.put(code.name(), code);
    }
  }

  private final Verdict verdict;

  ReasonCode(Verdict verdict) {
    this.verdict = verdict;
  }

  /** The verdict a reason with this code supports. */
  public Verdict verdict() {
    return verdict;
  }

  /** Whether {@code code} names a built-in reason. */
  public static boolean isBuiltIn(String code) {
    return BY_NAME.containsKey(code);
  }

  /** The built-in code named {@code name}, or null. */
  static @Nullable ReasonCode byName(String name) {
    return BY_NAME.get(name);
  }
}
