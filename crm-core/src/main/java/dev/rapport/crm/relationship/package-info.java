/**
 * The vocabulary of a relationship: what a customer can declare ({@link Intent}), what an
 * outreach can be for ({@link Purpose}), how it travels ({@link Channel}), how deeply the
 * customer lets the business know them ({@link Profiling}), and the customer's
 * {@link Preferences} about timing.
 *
 * <p>See {@code RULES.md} "Intents" to "Channels and senders" of the specification.
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.relationship;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
