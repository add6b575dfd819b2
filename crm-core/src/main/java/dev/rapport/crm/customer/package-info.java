/**
 * Who a ledger is about: the {@link dev.rapport.crm.customer.CustomerProfile} with its
 * {@link dev.rapport.crm.customer.Jurisdiction} and time zone ({@code RULES.md} "The ledger").
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
package dev.rapport.crm.customer;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
