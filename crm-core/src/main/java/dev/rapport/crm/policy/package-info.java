/**
 * The policy engine: {@link dev.rapport.crm.policy.PolicyEngine} decides whether a planned
 * {@link dev.rapport.crm.policy.Outreach} stays inside the relationship the customer declared
 * ({@code RULES.md} "The model", {@code RULES.md}). Its extension points are here too: a team's
 * {@link dev.rapport.crm.policy.PolicyRule}, and a jurisdiction's law as a
 * {@link dev.rapport.crm.policy.JurisdictionPack}, which sees an immutable
 * {@link dev.rapport.crm.policy.Situation} and answers with what it adds. The built-in packs live
 * in the package {@code dev.rapport.crm.law}, which depends on this one, never the reverse.
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.policy;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
