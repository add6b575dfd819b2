package dev.rapport.crm.policy;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.RelationshipEvent;
import java.util.List;
import java.util.Optional;

/**
 * A pack's answer on implied consent ({@code RULES.md}, The law: implied consent): the purchase or
 * inquiry that implies it, or every reason none does.
 */
public final class ImpliedConsent {
  private final Optional<RelationshipEvent> basis;
  private final ImmutableList<Reason> failures;

  private ImpliedConsent(Optional<RelationshipEvent> basis, ImmutableList<Reason> failures) {
    this.basis = basis;
    this.failures = failures;
  }

  /** Consent implied by {@code event}. */
  public static ImpliedConsent by(RelationshipEvent event) {
    return new ImpliedConsent(Optional.of(event), ImmutableList.of());
  }

  /** No consent implied, for these reasons (denying reasons; may be empty). */
  public static ImpliedConsent none(List<Reason> failures) {
    return new ImpliedConsent(Optional.empty(), ImmutableList.copyOf(failures));
  }

  /** The event that implies consent, if one does. */
  public Optional<RelationshipEvent> basis() {
    return basis;
  }

  /** Why no event implies consent; empty when one does. */
  public List<Reason> failures() {
    return failures;
  }
}
