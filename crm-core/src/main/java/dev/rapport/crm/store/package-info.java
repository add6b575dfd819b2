/**
 * The store SPI for ledgers ({@link dev.rapport.crm.store.LedgerStore}) with optimistic
 * concurrency, and a thread-safe in-memory implementation.
 */
@NullMarked
@RapportStyle
package dev.rapport.crm.store;

import dev.rapport.crm.internal.RapportStyle;
import org.jspecify.annotations.NullMarked;
