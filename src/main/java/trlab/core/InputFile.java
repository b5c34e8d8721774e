package trlab.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text file the user named (a preset, a CSV data set, a state file) with the checks that keep a bad one
 * from hanging or exhausting the lab: it must be a regular file (a folder, a pipe or a device such as /dev/zero is
 * refused before it is opened), no larger than its kind allows (checked before reading), and UTF-8 text. A UTF-8
 * byte-order mark, as spreadsheet programs write it, is dropped. Every refusal is an
 * {@link IllegalArgumentException} whose message is one sentence naming the file.
 */
public final class InputFile {
    /** Values echoed into a message are cut to this many characters: a 5 MB header is no help on a terminal. */
    public static final int SHOWN_CHARS = 60;
    private static final char BOM = '\uFEFF';

    private InputFile() {
    }

    /**
     * The text of {@code file}.
     *
     * @param what     what the file is meant to be, e.g. "a preset", for the message
     * @param maxBytes the largest file of that kind
     */
    public static String read(Path file, String what, long maxBytes) {
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException("an empty path names no file; " + what + " must be a file.");
        }
        long size;
        try {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(file + " does not exist.");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is " + (Files.isDirectory(file) ? "a folder" : "not a"
                        + " regular file (a pipe or a device)") + "; " + what + " must be a regular file.");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + reason(e) + ").", e);
        }
        if (size > maxBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is %s; %s may be at most %s.", file,
                    bytes(size), what, bytes(maxBytes)));
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // read at most one byte more than allowed: a file that grows while read is still refused
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read (" + reason(e) + ").", e);
        }
        if (content.length > maxBytes) {
            throw new IllegalArgumentException(file + " grew beyond " + bytes(maxBytes) + " while it was read; " + what
                    + " may be at most that.");
        }
        // UTF-8 never takes more chars than bytes, so the buffer holds the whole text
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = Math.min(in.position(), content.length - 1);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is not UTF-8 text (byte 0x%02X at"
                    + " offset %d is not valid UTF-8); save it as UTF-8.", file, content[at] & 0xFF, at));
        }
        String text = out.flip().toString();
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** A path the user typed, or one sentence naming it if it cannot be a path (a NUL in it). */
    public static Path path(String typed, String what) {
        try {
            return Path.of(typed);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(what + " " + shown(typed) + " is not a usable path (" + e.getReason()
                    + ").", e);
        }
    }

    /** A value from a file as a message shows it: at most {@link #SHOWN_CHARS} characters, then "...". */
    public static String shown(String value) {
        return value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "...";
    }

    /** A size as a person reads it: 512 bytes, 64 MB, 3.0 GB. */
    public static String bytes(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%d MB", n / 1_000_000L);
        }
        return n + " bytes";
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? "an input or output error" : m;
    }
}
