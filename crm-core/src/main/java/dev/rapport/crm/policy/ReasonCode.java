package dev.rapport.crm.policy;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in reason codes ({@code crm-jackson/README.md}, Codes), each with the verdict it
 * supports. A team's own rules add codes of their own ({@link TeamCode}).
 */
public enum ReasonCode implements Code {
  /** A transactional message needs no intent ({@code model.md} 5.2). */
  TRANSACTIONAL(Verdict.ALLOW),
  /** An answer to an inquiry inside the reply window ({@code model.md} 5.2). */
  REPLY_TO_CUSTOMER(Verdict.ALLOW),
  /** A live declaration covers the outreach ({@code model.md} 5.3). */
  DECLARED_INTENT(Verdict.ALLOW),
  /** An existing relationship stands in for a declaration ({@code model.md} 5.4, {@code law.md}). */
  IMPLIED_CONSENT(Verdict.ALLOW),

  /** The customer was erased ({@code model.md} 5.1). */
  ERASED(Verdict.DENY),
  /** The store knows no such customer: fail closed ({@code model.md} 5.1). */
  UNKNOWN_CUSTOMER(Verdict.DENY),
  /** A reply with no inquiry in the reply window ({@code model.md} 5.2). */
  NO_OPEN_INQUIRY(Verdict.DENY),
  /** The customer holds no live grant at all ({@code model.md} 5.3). */
  NO_DECLARED_RELATIONSHIP(Verdict.DENY),
  /** The customer declared something, but nothing that opens this purpose ({@code model.md} 5.3). */
  BEYOND_DECLARED_RELATIONSHIP(Verdict.DENY),
  /** The intent was declared on other channels only ({@code model.md} 5.3). */
  CHANNEL_NOT_DECLARED(Verdict.DENY),
  /** The customer withdrew the key ({@code model.md} 5.3). */
  WITHDRAWN(Verdict.DENY),
  /** The customer objected to direct marketing ({@code model.md} 5.5, GDPR Art. 21). */
  OBJECTED(Verdict.DENY),
  /** The standing grant expired ({@code model.md} 5.3). */
  EXPIRED(Verdict.DENY),
  /** The grant still waits for its double opt-in confirmation ({@code model.md} 5.3, 5.10). */
  AWAITING_CONFIRMATION(Verdict.DENY),
  /** Only grants that are no valid consent named the key ({@code model.md} 4). */
  INVALID_CONSENT(Verdict.DENY),
  /** The relationship is with another legal entity of the business ({@code model.md} 5.3). */
  OTHER_ENTITY(Verdict.DENY),
  /** The sender may not send this personal message ({@code model.md} 5.3). */
  SENDER_NOT_PERMITTED(Verdict.DENY),
  /** Soft opt-in needs an opt-out offered at collection ({@code law.md} EU and GB). */
  NO_OPT_OUT_OFFERED(Verdict.DENY),
  /** The existing relationship is too old to imply consent ({@code law.md}). */
  IMPLIED_CONSENT_EXPIRED(Verdict.DENY),
  /** Automated calls and texts need prior express written consent ({@code law.md} US). */
  WRITTEN_CONSENT_REQUIRED(Verdict.DENY),
  /** The number is on the US do-not-call registry ({@code law.md} US). */
  DO_NOT_CALL_REGISTRY(Verdict.DENY),
  /** Asking for consent is itself marketing ({@code model.md} 5.9). */
  CONSENT_REQUEST_IS_MARKETING(Verdict.DENY),

  /** The customer's quiet hours ({@code model.md} 5.8). */
  QUIET_HOURS(Verdict.DEFER),
  /** A frequency cap ({@code model.md} 5.8). */
  FREQUENCY_CAP(Verdict.DEFER),
  /** The cool-off after a purchase ({@code model.md} 5.8). */
  COOL_OFF(Verdict.DEFER),
  /** Statutory calling hours ({@code law.md} US). */
  CALLING_HOURS(Verdict.DEFER),
  /** A statutory call limit ({@code law.md} US-FL). */
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
