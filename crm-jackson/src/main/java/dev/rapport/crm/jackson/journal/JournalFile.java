package dev.rapport.crm.jackson.journal;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.READ;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The journal on disk: exclusive ownership, reading it line by line, appending and forcing,
 * cutting a torn tail, and replacing it whole (erasure). Not thread-safe: the store serializes
 * access.
 *
 * <p><b>Ownership.</b> The OS lock sits on the journal file itself, so it holds for the file (the
 * inode) whatever path reaches it: a symbolic link, a hard link, a relative path. An in-JVM guard
 * keyed by the file's identity adds what the OS lock cannot tell apart in one process. POSIX drops
 * a process's lock on a file when <em>any</em> descriptor of that file in the process is closed,
 * so every read and write here goes through the one locked descriptor, and nothing else in the
 * owning JVM may open the journal file while a store has it open (read it through the store).
 *
 * <p>Writes go through a {@link RandomAccessFile}, not a {@link FileChannel}: an interrupted
 * thread writing to a {@code FileChannel} closes it for every thread ({@link
 * java.nio.channels.ClosedByInterruptException}), and a writer must not break the store because
 * somebody cancelled its task. {@link java.io.FileDescriptor#sync()} is the force.
 */
final class JournalFile implements Closeable {
  /** Journals open in this JVM, by file identity (device and inode where the OS gives them). */
  private static final Set<Object> OPEN = ConcurrentHashMap.newKeySet();

  private final Path path;
  private RandomAccessFile file;
  private FileLock lock;
  private Object key;

  private JournalFile(Path path, RandomAccessFile file, FileLock lock, Object key) {
    this.path = path;
    this.file = file;
    this.lock = lock;
    this.key = key;
  }

  /**
   * Opens and locks the journal at {@code file}. An absent journal is created holding {@code
   * header} (a complete line), written to a temporary file, forced and linked into place, so a
   * journal never exists with a partial header.
   */
  static JournalFile open(Path file, byte[] header) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IOException("journal directory " + parent + " does not exist");
    }
    Path real = parent.toRealPath().resolve(absolute.getFileName());
    if (Files.isSymbolicLink(real)) {
      real = real.toRealPath(); // the file itself, so its directory is the one to force
    }
    if (!Files.exists(real)) {
      create(real, header);
    }
    Object key = key(real);
    if (!OPEN.add(key)) {
      throw new JournalInUseException(real, "it is already open in this JVM");
    }
    RandomAccessFile journal = null;
    try {
      journal = new RandomAccessFile(real.toFile(), "rw");
      FileLock lock;
      try {
        lock = journal.getChannel().tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new JournalInUseException(real, "another process holds a lock on it");
      }
      if (!key(real).equals(key)) {
        // The owner replaced the file (an erasure) between our look and our lock.
        throw new JournalInUseException(real, "another process holds it and replaced it while we opened it");
      }
      // A replacement a crash left half-written: the journal itself is whole, so it goes.
      Files.deleteIfExists(temporaryFor(real));
      return new JournalFile(real, journal, lock, key);
    } catch (IOException | RuntimeException e) {
      closeQuietly(journal, e);
      OPEN.remove(key);
      throw e;
    }
  }

  private static void create(Path real, byte[] header) throws IOException {
    Path parent = real.getParent();
    Path temporary = Files.createTempFile(parent, real.getFileName() + ".", ".new");
    try {
      try (RandomAccessFile fresh = new RandomAccessFile(temporary.toFile(), "rw")) {
        fresh.write(header);
        fresh.getFD().sync();
      }
      try {
        Files.createLink(real, temporary);
      } catch (FileAlreadyExistsException e) {
        // created meanwhile by another opener: open theirs
      } catch (UnsupportedOperationException e) {
        Files.move(temporary, real); // no hard links here: a move that refuses to replace
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    forceDirectory(parent);
  }

  private static Object key(Path file) throws IOException {
    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    return key != null ? key : file.toRealPath();
  }

  /** The journal's real path. */
  Path path() {
    return path;
  }

  /** The journal's size in bytes. */
  long size() throws IOException {
    return file.length();
  }

  /** Receives the journal's lines in order. */
  interface LineVisitor {
    /**
     * One line: {@code length} bytes of {@code bytes} without the newline, starting at byte
     * {@code offset} of the file; {@code terminated} is false only for a trailing fragment with
     * no newline, which is always the last call.
     */
    void line(int number, long offset, byte[] bytes, int length, boolean terminated)
        throws IOException;
  }

  /** Receives the journal in blocks of whole lines, in order. */
  interface BlockVisitor {
    /**
     * The first {@code length} bytes of {@code bytes}, starting at byte {@code offset} of the
     * file: whole lines, each with its newline. The array is the visitor's from then on: it is
     * never written again here.
     */
    void block(long offset, byte[] bytes, int length) throws IOException;

    /**
     * The bytes after the last newline, starting at byte {@code offset}: a trailing fragment
     * with no newline. Always the last call, and only if there is one.
     */
    void tail(long offset, byte[] bytes, int length) throws IOException;
  }

  /** Bytes read at a time: blocks of whole lines (a longer line grows it). */
  static final int BLOCK = 1 << 20;

  /** Reads every line from the start, through the locked descriptor, a block of lines at a time. */
  void readLines(LineVisitor visitor) throws IOException {
    byte[][] line = {new byte[1024]};
    int[] number = {1};
    readBlocks(
        new BlockVisitor() {
          @Override
          public void block(long offset, byte[] bytes, int length) throws IOException {
            int start = 0;
            for (int end; (end = newline(bytes, start, length)) >= 0; start = end + 1) {
              int size = end - start;
              if (size > line[0].length) {
                line[0] = new byte[Math.max(line[0].length * 2, size)];
              }
              System.arraycopy(bytes, start, line[0], 0, size);
              visitor.line(number[0]++, offset + start, line[0], size, true);
            }
          }

          @Override
          public void tail(long offset, byte[] bytes, int length) throws IOException {
            visitor.line(number[0], offset, bytes, length, false);
          }
        });
  }

  /**
   * Reads the journal from the start, through the locked descriptor, in blocks of about {@link
   * #BLOCK} bytes of whole lines (a block grows to hold a longer line), each in an array of its
   * own.
   */
  void readBlocks(BlockVisitor visitor) throws IOException {
    byte[] buffer = new byte[BLOCK];
    int filled = 0;
    long offset = 0;
    int read = 0;
    file.seek(0);
    while (read >= 0) {
      read = file.read(buffer, filled, buffer.length - filled);
      if (read > 0) {
        filled += read;
      }
      if (filled < buffer.length && read >= 0) {
        continue; // a block is handed on full, or at the end of the file
      }
      int end = filled;
      while (end > 0 && buffer[end - 1] != '\n') {
        end--;
      }
      if (end == 0 && read >= 0) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2); // one line longer than a block
        continue;
      }
      byte[] next = new byte[Math.max(BLOCK, filled - end)];
      System.arraycopy(buffer, end, next, 0, filled - end);
      if (end > 0) {
        visitor.block(offset, buffer, end);
      }
      offset += end;
      buffer = next;
      filled -= end;
    }
    if (filled > 0) {
      visitor.tail(offset, Arrays.copyOf(buffer, filled), filled);
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The index of the first newline in {@code bytes} from {@code from} to {@code to}
   * (exclusive), or -1: eight bytes at a time (a newline found in a word as a zero byte of the
   * word XOR eight newlines; the lowest such byte is the first, whatever the bytes above it).
   */
  static int newline(byte[] bytes, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long zeros = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Cuts the journal to {@code size} bytes and forces the cut to disk. */
  void truncate(long size) throws IOException {
    file.setLength(size);
    file.getFD().sync();
  }

  /** Writes {@code bytes} at the end of the journal and forces them to disk. */
  void appendAndForce(byte[] bytes) throws IOException {
    file.seek(file.length());
    file.write(bytes);
    file.getFD().sync();
  }

  /** Writes the lines of a replacement journal. */
  interface Content {
    void writeTo(Sink sink) throws IOException;
  }

  /** Where a replacement journal's lines go. */
  interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /**
   * Replaces the journal whole, crash-consistently: the new content goes to {@code
   * <name>.compact}, which is locked, forced and renamed over the journal (atomic), and the
   * directory is forced. A crash at any step leaves either the old journal or the new one, whole.
   * The store then owns the new file, locked.
   */
  void replace(Content content) throws IOException {
    Path temporary = temporaryFor(path);
    Files.deleteIfExists(temporary);
    RandomAccessFile next = new RandomAccessFile(temporary.toFile(), "rw");
    try {
      FileLock nextLock = next.getChannel().tryLock();
      if (nextLock == null) {
        throw new JournalInUseException(temporary, "another process holds a lock on it");
      }
      BufferedSink sink = new BufferedSink(next);
      content.writeTo(sink);
      sink.flush();
      next.getFD().sync();
      Object nextKey = key(temporary);
      Files.move(temporary, path, ATOMIC_MOVE, REPLACE_EXISTING);
      forceDirectory(path.getParent());
      RandomAccessFile previous = file;
      Object previousKey = key;
      OPEN.add(nextKey);
      file = next;
      lock = nextLock;
      key = nextKey;
      OPEN.remove(previousKey);
      previous.close(); // releases the lock of the old, now unlinked, file
    } catch (IOException | RuntimeException e) {
      if (file != next) {
        closeQuietly(next, e);
        Files.deleteIfExists(temporary);
      }
      throw e;
    }
  }

  /** The file a replacement is written to before it takes the journal's name. */
  static Path temporaryFor(Path journal) {
    return journal.resolveSibling(journal.getFileName() + ".compact");
  }

  private static final class BufferedSink implements Sink {
    private final RandomAccessFile out;
    private final byte[] buffer = new byte[1 << 16];
    private int length;

    BufferedSink(RandomAccessFile out) {
      this.out = out;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
      if (length + count > buffer.length) {
        flush();
      }
      if (count > buffer.length) {
        out.write(bytes, offset, count);
      } else {
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
      }
    }

    void flush() throws IOException {
      out.write(buffer, 0, length);
      length = 0;
    }
  }

  @Override
  @SuppressWarnings("try") // the resource is there to close the file whatever release() does
  public void close() throws IOException {
    try (RandomAccessFile closing = file) {
      lock.release();
    } finally {
      OPEN.remove(key);
    }
  }

  private static void forceDirectory(Path directory) {
    // Makes a directory entry (a new or renamed file) durable. Not every platform can open a
    // directory.
    try (FileChannel dir = FileChannel.open(directory, READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort
    }
  }

  private static void closeQuietly(@Nullable Closeable closeable, Exception primary) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (IOException e) {
        primary.addSuppressed(e);
      }
    }
  }
}
