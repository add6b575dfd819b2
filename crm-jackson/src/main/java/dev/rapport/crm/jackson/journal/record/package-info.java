/**
 * The records of a journal line, shared by the journal store ({@code
 * dev.rapport.crm.jackson.journal}) and the wire format module's reader of journal lines ({@code
 * dev.rapport.crm.jackson}). Not exported: {@code module-info.java} keeps it inside the module.
 */
@NullMarked
package dev.rapport.crm.jackson.journal.record;

import org.jspecify.annotations.NullMarked;
