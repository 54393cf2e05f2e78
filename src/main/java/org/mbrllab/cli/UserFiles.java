package org.mbrllab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files a user names on the command line: read with a size cap, and written only where a check before
 * any work said they can be.
 *
 * <p>Reading stops after the cap: {@code --layout /dev/zero} or a multi-gigabyte file would otherwise fill
 * the heap and end in an {@link OutOfMemoryError} with a stack trace. Output paths are checked before a
 * command starts its work, so that a typo in {@code --out} does not cost a training run; the write itself
 * can still fail (a full disk), which is then a failed run naming the file.
 */
final class UserFiles {
    private UserFiles() {}

    /** The most a layout file may hold: the format is a few lines of text, the presets are under 2 KB. */
    static final int MAX_LAYOUT_BYTES = 1 << 20;

    /**
     * At most {@code maxBytes} of {@code file}.
     *
     * @throws Cli.UsageError naming {@code flag} and the file if it is missing, a folder, unreadable or larger
     */
    static byte[] read(String flag, Path file, int maxBytes) {
        String name = flag + " " + file;
        if (Files.isDirectory(file)) throw new Cli.UsageError(name + ": is a folder, not a file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new Cli.UsageError(name + ": larger than " + size(maxBytes) + ", the most this program reads");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new Cli.UsageError(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Cli.UsageError(name + ": permission denied");
        } catch (IOException e) {
            throw new Cli.UsageError(name + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Checks, before any work, that {@code file} can be written: not a folder, its folder exists and
     * is writable (or the file exists and is writable).
     *
     * @throws Cli.UsageError naming {@code flag}, the file and what is wrong
     */
    static Path checkWritable(String flag, Path file) {
        String name = flag + " " + file;
        if (Files.isDirectory(file)) throw new Cli.UsageError(name + ": is a folder; give a file name");
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new Cli.UsageError(name + ": the folder " + parent + " does not exist");
        }
        boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(parent);
        if (!writable) throw new Cli.UsageError(name + ": cannot write there (permission denied)");
        return file;
    }

    /** Writes {@code bytes} to {@code file}; a failure (a full disk …) is a failed run naming the file. */
    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new Cli.RunFailed("could not write " + file + ": " + e.getMessage());
        }
    }

    /** 1 MiB, 16 MiB, or bytes. */
    static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
