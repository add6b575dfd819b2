package dev.rapport.crm.customer;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.limits.Limits;
import java.time.ZoneId;
import org.immutables.value.Value;

/**
 * Who a ledger is about ({@code model.md} section 4): the customer's id, jurisdiction, IANA
 * time zone and kind. Local-time rules (quiet hours, calling hours, the date windows of
 * {@code law.md}) use the zone.
 *
 * <pre>{@code
 * CustomerProfile priya = CustomerProfile.of("c-0101", Jurisdiction.of("GB"), ZoneId.of("Europe/London"));
 * }</pre>
 */
@Value.Immutable
public abstract class CustomerProfile {
  CustomerProfile() {}

  /** The customer's id, unique within a store; never personal data. */
  public abstract String id();

  /** The jurisdiction whose law applies to outreach to this customer. */
  public abstract Jurisdiction jurisdiction();

  /** The customer's time zone. */
  public abstract ZoneId zone();

  /** Whether the customer is a person or a company; {@link CustomerKind#INDIVIDUAL} by default. */
  @Value.Default
  public CustomerKind kind() {
    return CustomerKind.INDIVIDUAL;
  }

  /** An individual customer. */
  public static CustomerProfile of(String id, Jurisdiction jurisdiction, ZoneId zone) {
    return builder().id(id).jurisdiction(jurisdiction).zone(zone).build();
  }

  /** A new builder; {@code id}, {@code jurisdiction} and {@code zone} are required. */
  public static Builder builder() {
    return ImmutableCustomerProfile.builder();
  }

  @Value.Check
  void check() {
    checkArgument(!id().isBlank(), "a customer id must not be blank");
    Limits.checkId(id(), "customer id");
    Limits.checkZone(zone(), "customer " + id() + ": zone");
  }

  /** Builds a {@link CustomerProfile}. */
  public interface Builder {
    /** Sets the id. */
    Builder id(String id);

    /** Sets the jurisdiction. */
    Builder jurisdiction(Jurisdiction jurisdiction);

    /** Sets the time zone. */
    Builder zone(ZoneId zone);

    /** Sets the kind. */
    Builder kind(CustomerKind kind);

    /** Builds the profile; throws {@link IllegalStateException} if a required field is missing. */
    CustomerProfile build();
  }
}
