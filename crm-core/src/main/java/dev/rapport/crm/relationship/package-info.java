/**
 * The vocabulary of a relationship: what a customer can declare ({@link Intent}), what an
 * outreach can be for ({@link Purpose}), how it travels ({@link Channel}), how deeply the
 * customer lets the business know them ({@link Profiling}), the customer's {@link Preferences}
 * about timing, and the {@link DailyWindow} of local wall time that quiet hours and the laws'
 * calling hours are made of.
 *
 * <p>See {@code RULES.md} "Intents" to "Channels and senders" of the specification.
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.relationship;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
