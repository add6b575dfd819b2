/**
 * Who a ledger is about: the {@link dev.rapport.crm.customer.CustomerProfile} with its
 * {@link dev.rapport.crm.customer.Jurisdiction} and time zone ({@code RULES.md} "The ledger").
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.customer;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
