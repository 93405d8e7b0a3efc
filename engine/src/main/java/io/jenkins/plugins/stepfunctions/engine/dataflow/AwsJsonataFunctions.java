package io.jenkins.plugins.stepfunctions.engine.dataflow;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions AWS adds to JSONata ({@code $partition}, {@code $range}, {@code $hash}, {@code $random}
 * with a seed, {@code $uuid}, {@code $parse}).
 */
final class AwsJsonataFunctions {
    private static final List<String> HASH_ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final Jsonata.JFunction PARTITION = new Jsonata.JFunction((input, args) -> partition(args), null);
    private static final Jsonata.JFunction RANGE = new Jsonata.JFunction((input, args) -> range(args), null);
    private static final Jsonata.JFunction HASH = new Jsonata.JFunction((input, args) -> hash(args), null);
    private static final Jsonata.JFunction RANDOM = new Jsonata.JFunction((input, args) -> random(args), null);
    private static final Jsonata.JFunction UUID_FUNCTION =
            new Jsonata.JFunction((input, args) -> UUID.randomUUID().toString(), null);
    private static final Jsonata.JFunction PARSE = new Jsonata.JFunction((input, args) -> parse(args), null);

    private AwsJsonataFunctions() {
    }

    /** Binds AWS's functions into a frame; the function objects are stateless and shared. */
    static void bindInto(Jsonata.Frame frame) {
        frame.bind("partition", PARTITION);
        frame.bind("range", RANGE);
        frame.bind("hash", HASH);
        frame.bind("random", RANDOM);
        frame.bind("uuid", UUID_FUNCTION);
        frame.bind("parse", PARSE);
    }

    private static Object argument(List<?> args, int index, String function) {
        if (args == null || args.size() <= index) {
            throw new IllegalArgumentException("$" + function + " is missing argument " + (index + 1));
        }
        return args.get(index);
    }

    private static List<?> array(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("The first argument of $" + function + " must be an array");
    }

    private static long integer(Object value, String function, String role) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new IllegalArgumentException("The " + role + " of $" + function + " must be an integer");
    }

    private static Object partition(List<?> args) {
        List<?> array = array(argument(args, 0, "partition"), "partition");
        long size = integer(argument(args, 1, "partition"), "partition", "chunk size");
        if (size <= 0) {
            throw new IllegalArgumentException("The chunk size of $partition must be a positive integer");
        }
        List<Object> chunks = new ArrayList<>();
        for (int start = 0; start < array.size(); start += (int) size) {
            chunks.add(new ArrayList<>(array.subList(start, (int) Math.min(array.size(), start + size))));
        }
        return chunks;
    }

    private static Object range(List<?> args) {
        long start = integer(argument(args, 0, "range"), "range", "start");
        long end = integer(argument(args, 1, "range"), "range", "end");
        long step = integer(argument(args, 2, "range"), "range", "step");
        if (step == 0) {
            throw new IllegalArgumentException("The step of $range must not be 0");
        }
        List<Object> range = new ArrayList<>();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (range.size() == 1000) {
                throw new IllegalArgumentException("$range cannot create more than 1000 items");
            }
            range.add(value);
        }
        // AWS returns a JSONata sequence: one item stands for itself, none is undefined
        if (range.size() == 1) {
            return range.get(0);
        }
        return range.isEmpty() ? null : range;
    }

    private static Object hash(List<?> args) {
        Object value = argument(args, 0, "hash");
        Object algorithm = argument(args, 1, "hash");
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("The first argument of $hash must be a string");
        }
        if (!(algorithm instanceof String name) || !HASH_ALGORITHMS.contains(name)) {
            throw new IllegalArgumentException("The algorithm of $hash must be one of " + HASH_ALGORITHMS);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + name, e);
        }
    }

    private static Object random(List<?> args) {
        if (args == null || args.isEmpty() || args.get(0) == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        return new Random(integer(args.get(0), "random", "seed")).nextDouble();
    }

    private static Object parse(List<?> args) {
        Object value = argument(args, 0, "parse");
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("The argument of $parse must be a string");
        }
        try {
            return JsonataValues.toJava(JsonValues.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The argument of $parse is not valid JSON: " + text);
        }
    }

}
