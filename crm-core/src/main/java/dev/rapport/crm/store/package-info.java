/**
 * The store SPI for ledgers ({@link dev.rapport.crm.store.LedgerStore}) with optimistic
 * concurrency, and a thread-safe in-memory implementation.
 */
@NullMarked
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    allowedClasspathAnnotations = Override.class,
    defaults = @Value.Immutable(copy = false))
package dev.rapport.crm.store;

import org.immutables.value.Value;
import org.jspecify.annotations.NullMarked;
