/**
 * The policy engine: {@link dev.rapport.crm.policy.PolicyEngine} decides whether a planned
 * {@link dev.rapport.crm.policy.Outreach} stays inside the relationship the customer declared
 * ({@code RULES.md} "The model", {@code RULES.md}).
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
package dev.rapport.crm.policy;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
