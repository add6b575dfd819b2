package dev.rapport.crm.examples.demo;

import java.io.PrintStream;

/**
 * A progress line for slow steps, on standard error so standard output stays deterministic. It
 * shows nothing for a step that ends within a second, then updates a few times a second.
 */
public final class Progress {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private static final long EVERY_NANOS = 200_000_000L;

  private final PrintStream out;
  private String step = "";
  private long total;
  private long started;
  private long lastShown;
  private boolean shown;

  private Progress(PrintStream out) {
    this.out = out;
  }

  /** Progress shown on {@code out} (standard error in the CLI). */
  public static Progress to(PrintStream out) {
    return new Progress(out);
  }

  /** Progress shown nowhere, for tests. */
  public static Progress silent() {
    return new Progress(null);
  }

  /** Starts a step of {@code total} units. */
  public void start(String step, long total) {
    this.step = step;
    this.total = total;
    this.started = System.nanoTime();
    this.lastShown = started;
    this.shown = false;
  }

  /** Reports that {@code done} units of the current step are done. */
  public void update(long done) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - started < QUIET_NANOS || now - lastShown < EVERY_NANOS) {
      return;
    }
    lastShown = now;
    shown = true;
    out.printf("\r%s: %d/%d (%d%%)", step, done, total, total == 0 ? 100 : done * 100 / total);
    out.flush();
  }

  /** Ends the current step. */
  public void done() {
    if (out != null && shown) {
      out.printf("\r%s: %d/%d (100%%)%n", step, total, total);
      out.flush();
    }
  }
}
