package dev.rapport.crm.policy.reference;

// Copied from the engine of main at dbae564b4298c30f12535b25e3fab9ba30b4606c (issue 9, differential test).
import dev.rapport.crm.policy.Reason;


import com.google.common.collect.ImmutableList;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.List;
import java.util.Optional;

/** The answer of a pack on implied consent: the event that implies it, or why none does. */
final class ImpliedConsent {
  private final Optional<LedgerEvent> basis;
  private final ImmutableList<Reason> failures;

  private ImpliedConsent(Optional<LedgerEvent> basis, ImmutableList<Reason> failures) {
    this.basis = basis;
    this.failures = failures;
  }

  static ImpliedConsent by(LedgerEvent event) {
    return new ImpliedConsent(Optional.of(event), ImmutableList.of());
  }

  static ImpliedConsent none(List<Reason> failures) {
    return new ImpliedConsent(Optional.empty(), ImmutableList.copyOf(failures));
  }

  Optional<LedgerEvent> basis() {
    return basis;
  }

  List<Reason> failures() {
    return failures;
  }
}
