/**
 * Build-time details of crm-core shared by its packages; not exported by the module.
 */
@NullMarked
package dev.rapport.crm.internal;

import org.jspecify.annotations.NullMarked;
