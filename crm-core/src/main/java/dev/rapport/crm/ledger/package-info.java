/**
 * The append-only {@link dev.rapport.crm.ledger.Ledger} of what a customer declared, with the
 * evidence of who said what, when and where ({@code RULES.md} "The ledger").
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.ledger;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
