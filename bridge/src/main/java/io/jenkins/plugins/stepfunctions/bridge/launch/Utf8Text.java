package io.jenkins.plugins.stepfunctions.bridge.launch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes that must be UTF-8 text (JSON is UTF-8, and Step Functions takes nothing else), decoded strictly: a
 * file saved in Latin-1 or UTF-16 is refused with where it stops being UTF-8, where the JDK would say only
 * "Input length = 1".
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** Where the bytes stop being UTF-8: the offset (from 0) and value of the first bad byte, its line (from 1). */
    public record NotUtf8(long offset, int badByte, long line) {
        /** e.g. {@code byte 0xFF at offset 6 (line 1) is not UTF-8}. */
        public String problem() {
            return String.format("is not UTF-8 text: byte 0x%02X at offset %d (line %d) is not valid UTF-8", badByte, offset, line);
        }

        public static final String FIX = "save it as UTF-8 (JSON is always UTF-8)";
    }

    /** Thrown by {@link #decode}: what {@link NotUtf8} says. */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private final transient NotUtf8 where;

        NotUtf8Exception(NotUtf8 where) {
            this.where = where;
        }

        public NotUtf8 where() {
            return where;
        }

        @Override
        public String getMessage() {
            return where.problem();
        }
    }

    public static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(new NotUtf8(at, at < bytes.length ? bytes[at] & 0xFF : 0, line));
        }
        return out.flip().toString();
    }
}
