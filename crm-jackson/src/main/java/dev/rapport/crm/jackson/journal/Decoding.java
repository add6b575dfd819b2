package dev.rapport.crm.jackson.journal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Redacted;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * Reads a journal for replay: the file in blocks of whole lines, each line checked and decoded
 * as far as it can be without the lines before it (its frame and checksum, its stored chain
 * link, its content digest, its record), and the lines handed to a {@link Fold} on the calling
 * thread, one at a time and in the file's order.
 *
 * <p>On a machine of more than one core, a second thread decodes blocks ahead of the fold while
 * the calling thread folds (and decodes too, whenever the block it needs next has not been
 * started). The thread is made for one replay and ends with it. Nothing is skipped or deferred:
 * the order-dependent checks (the chain link against the lines before, the header, the ledger's
 * acceptance) are the fold's, and a line that fails a check of its own carries the failure to the
 * fold instead of throwing it, so the fold meets the first damaged line first and fails on it
 * exactly as reading line by line would.
 */
final class Decoding {
  /** Blocks read ahead of the fold. */
  private static final int AHEAD = 4;

  private static final byte[] HEADER_START = "{\"format\":\"rapport-journal/".getBytes(US_ASCII);

  private Decoding() {}

  /** Receives the lines in order. */
  interface Fold {
    /** A complete line (its newline read), numbered from 1. */
    void line(int number, Line line) throws IOException;

    /** The last line has no newline. Always the last call, and only if it has none. */
    void torn(int number, long offset) throws IOException;
  }

  /**
   * One complete line, checked and read as far as it can be alone. A line that is not {@link
   * #intact} was not read further; a line that is {@link #unreadable} has no record.
   *
   * @param offset where the line starts in the file
   * @param intact whether its frame and checksum hold
   * @param headerLike whether it starts like a journal's header (for the error of a damaged
   *     first line)
   * @param record the record, or null if the line is not intact or does not read
   * @param unreadable why the line does not read, or null
   * @param prev the chain value it stores, or null if it has none well-formed
   * @param digest the digest the chain covers for this line, or null if it has no link
   */
  record Line(
      long offset,
      boolean intact,
      boolean headerLike,
      @Nullable JournalRecord record,
      @Nullable RuntimeException unreadable,
      byte @Nullable [] prev,
      byte @Nullable [] digest) {}

  /** Reads {@code file} from the start and folds its lines into {@code fold}. */
  static void replay(JournalFile file, JournalCodec codec, Fold fold) throws IOException {
    boolean helped = Runtime.getRuntime().availableProcessors() > 1 && file.size() > JournalFile.BLOCK;
    ExecutorService helper =
        helped
            ? Executors.newSingleThreadExecutor(
                task -> {
                  Thread thread = new Thread(task, "rapport-journal-decoder");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
    try {
      Pipeline pipeline = new Pipeline(codec, fold, helper);
      file.readBlocks(pipeline);
      pipeline.finish();
    } finally {
      if (helper != null) {
        helper.shutdownNow(); // after a failure, blocks read ahead are not decoded
      }
    }
  }

  /**
   * Hands each block to the helper as it is read, keeps at most {@link #AHEAD} blocks waiting,
   * and folds the oldest when there are more.
   */
  private static final class Pipeline implements JournalFile.BlockVisitor {
    private final JournalCodec codec;
    private final Fold fold;
    private final @Nullable ExecutorService helper;
    private final ArrayDeque<FutureTask<List<Line>>> waiting = new ArrayDeque<>();
    private int number = 1;
    private long tornOffset = -1;

    Pipeline(JournalCodec codec, Fold fold, @Nullable ExecutorService helper) {
      this.codec = codec;
      this.fold = fold;
      this.helper = helper;
    }

    @Override
    public void block(long offset, byte[] bytes, int length) throws IOException {
      FutureTask<List<Line>> task = new FutureTask<>(() -> decode(codec, offset, bytes, length));
      waiting.addLast(task);
      if (helper != null) {
        helper.execute(task);
      }
      while (waiting.size() > AHEAD) {
        foldOldest();
      }
    }

    @Override
    public void tail(long offset, byte[] bytes, int length) {
      tornOffset = offset;
    }

    void finish() throws IOException {
      while (!waiting.isEmpty()) {
        foldOldest();
      }
      if (tornOffset >= 0) {
        fold.torn(number, tornOffset);
      }
    }

    private void foldOldest() throws IOException {
      FutureTask<List<Line>> oldest = waiting.removeFirst();
      oldest.run(); // decodes it here, unless the helper has started it
      for (FutureTask<List<Line>> later : waiting) {
        if (oldest.isDone()) {
          break;
        }
        later.run(); // while the helper finishes it: a later block nobody has started
      }
      for (Line line : await(oldest)) {
        fold.line(number++, line);
      }
    }
  }

  /** The task's result, waiting without giving up on an interrupt (kept for the caller). */
  private static List<Line> await(FutureTask<List<Line>> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Checks and reads the lines of a block ({@code length} bytes of whole lines), with one parser
   * for the block, up to and including the first line that fails a check of its own: the fold
   * stops there, and the parser cannot go on past a line it did not read.
   */
  static List<Line> decode(JournalCodec codec, long offset, byte[] bytes, int length) {
    MessageDigest sha = Chain.sha256();
    List<Line> lines = new ArrayList<>(length / 200 + 1);
    try (JournalCodec.Lines parser = codec.lines(bytes, length)) {
      int start = 0;
      for (int end; (end = JournalFile.newline(bytes, start, length)) >= 0; start = end + 1) {
        Line line = decode(parser, sha, offset + start, bytes, start, end - start);
        lines.add(line);
        if (line.record() == null) {
          break;
        }
      }
    }
    return lines;
  }

  private static Line decode(
      JournalCodec.Lines parser, MessageDigest sha, long offset, byte[] bytes, int from, int length) {
    if (!LineFrame.isIntact(bytes, from, length)) {
      boolean headerLike =
          length >= HEADER_START.length
              && Arrays.equals(bytes, from, from + HEADER_START.length, HEADER_START, 0, HEADER_START.length);
      return new Line(offset, false, headerLike, null, null, null, null);
    }
    JournalRecord record;
    try {
      record = parser.next(length);
    } catch (RuntimeException e) {
      return new Line(offset, true, false, null, e, null, null);
    }
    int contentEnd = Chain.contentEnd(bytes, from, length);
    if (contentEnd < 0) {
      return new Line(offset, true, false, record, null, null, null);
    }
    byte[] digest =
        record instanceof Redacted redacted
            ? redacted.digest()
            : Chain.contentDigest(sha, bytes, from, contentEnd);
    return new Line(offset, true, false, record, null, Chain.prev(bytes, contentEnd), digest);
  }
}
