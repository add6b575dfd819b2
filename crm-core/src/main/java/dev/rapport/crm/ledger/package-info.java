/**
 * The append-only {@link dev.rapport.crm.ledger.Ledger} of what a customer declared, with the
 * evidence of who said what, when and where ({@code RULES.md} "The ledger").
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
package dev.rapport.crm.ledger;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
