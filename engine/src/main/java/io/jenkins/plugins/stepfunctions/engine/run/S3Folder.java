package io.jenkins.plugins.stepfunctions.engine.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.stepfunctions.engine.StatesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local folder standing for Amazon S3 ({@code sfn local --s3-dir DIR}): object {@code s3://bucket/key}
 * is the file {@code DIR/bucket/key}. Distributed Maps read their items from it and write their
 * results into it; nothing else of S3 is emulated.
 */
record S3Folder(Path root) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The object's bytes; States.ItemReaderFailed naming the file looked for when absent. */
    byte[] get(String bucket, String key) {
        Path file = file(bucket, key, StatesException.ITEM_READER_FAILED);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException e) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 getObject failed: "
                    + (Files.isDirectory(root.resolve(bucket)) ? "The specified key does not exist."
                    : "The specified bucket does not exist.") + " (Bucket: " + bucket + ", Key: " + key
                    + "; looked for " + file + " under --s3-dir " + root + ")");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 getObject failed: The "
                        + "specified key does not exist. (Bucket: " + bucket + ", Key: " + key + "; " + file
                        + " is a directory under --s3-dir " + root + ")");
            }
            throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 getObject failed: cannot read "
                    + file + ": " + e.getMessage());
        }
    }

    /**
     * The objects of {@code bucket} whose key starts with {@code prefix}, in key order, each as
     * listObjectsV2 describes it to a Map iteration: Etag, Key, LastModified (epoch seconds), Size,
     * StorageClass.
     */
    ArrayNode list(String bucket, String prefix) {
        Path dir = bucketDir(bucket, StatesException.ITEM_READER_FAILED);
        if (!Files.isDirectory(dir)) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 listObjectsV2 failed: The "
                    + "specified bucket does not exist. (Bucket: " + bucket + "; looked for the folder " + dir
                    + " under --s3-dir " + root + ")");
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> keys.add(dir.relativize(f).toString()
                    .replace(f.getFileSystem().getSeparator(), "/")));
        } catch (IOException e) {
            throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 listObjectsV2 failed: cannot "
                    + "list " + dir + ": " + e.getMessage());
        }
        // S3 lists keys in UTF-8 binary order; for the keys of a folder String order is close enough
        keys.sort(null);
        ArrayNode out = NODES.arrayNode();
        for (String key : keys) {
            if (prefix != null && !key.startsWith(prefix)) {
                continue;
            }
            Path f = dir.resolve(key);
            try {
                ObjectNode o = out.addObject();
                o.put("Etag", "\"" + md5(Files.readAllBytes(f)) + "\"");
                o.put("Key", key);
                o.put("LastModified", Files.getLastModifiedTime(f).toMillis() / 1000);
                o.put("Size", Files.size(f));
                o.put("StorageClass", "STANDARD");
            } catch (IOException e) {
                throw new StatesException(StatesException.ITEM_READER_FAILED, "Amazon S3 listObjectsV2 failed: "
                        + "cannot read " + f + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Writes the object (replacing it whole: a reader never sees half a file); its size. */
    long put(String bucket, String key, byte[] body) {
        Path file = file(bucket, key, StatesException.RESULT_WRITER_FAILED);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".put-", ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return body.length;
        } catch (IOException e) {
            throw new StatesException(StatesException.RESULT_WRITER_FAILED, "Amazon S3 putObject failed: cannot "
                    + "write " + file + " under --s3-dir " + root + ": " + e.getMessage());
        }
    }

    private Path bucketDir(String bucket, String error) {
        if (bucket == null || bucket.isEmpty() || bucket.contains("/") || bucket.equals("..") || bucket.equals(".")) {
            throw new StatesException(error, "'" + bucket + "' is not a bucket name.");
        }
        return root.resolve(bucket);
    }

    /** The file of an object; keys that would leave the bucket's folder ("../x") are refused. */
    private Path file(String bucket, String key, String error) {
        Path dir = bucketDir(bucket, error).toAbsolutePath().normalize();
        Path file = dir.resolve(key == null ? "" : key).normalize();
        if (key == null || key.isEmpty() || !file.startsWith(dir) || file.equals(dir)) {
            throw new StatesException(error, "Key '" + key + "' cannot be stored under "
                    + "--s3-dir " + root + " (it would leave the bucket's folder).");
        }
        return file;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
