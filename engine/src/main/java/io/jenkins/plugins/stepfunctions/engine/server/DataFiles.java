package io.jenkins.plugins.stepfunctions.engine.server;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;

/**
 * Crash-safe file writes of the data directory. A whole file is replaced by writing a temporary file
 * beside it, forcing it to disk and renaming it over the old one (atomic on POSIX file systems), so
 * a reader finds the old file or the new one, never half of one. A log is appended to and forced
 * before the file that counts its lines is replaced, so the count never names lines that are not there.
 * Writes go through {@link FileOutputStream}, not an NIO channel: a channel is closed when the writing
 * thread is interrupted, and the engine interrupts its workers when the server stops, which would lose the
 * last write of an execution that had just ended.
 */
final class DataFiles {
    private DataFiles() {
    }

    static void replace(Path file, String text) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileOutputStream out = new FileOutputStream(temp.toFile(), false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    static void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path, e);
        }
    }

    /** A file name for an ARN: stable, short, and safe on every file system. */
    static String nameFor(String arn) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
