/**
 * The policy engine: {@link dev.rapport.crm.policy.PolicyEngine} decides whether a planned
 * {@link dev.rapport.crm.policy.Outreach} stays inside the relationship the customer declared
 * ({@code RULES.md} "The model", {@code RULES.md}).
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.policy;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
