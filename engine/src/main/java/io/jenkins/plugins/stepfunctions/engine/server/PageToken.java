package io.jenkins.plugins.stepfunctions.engine.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextToken} of a listing: which listing it belongs to and where the next page
 * starts. A token from another listing, or a made-up one, is refused with InvalidToken.
 */
record PageToken(String listing, String position) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((listing + "\n" + position).getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token, String listing) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.invalidToken("nextToken '" + abbreviate(token) + "' was not issued by this server;"
                    + " pass the nextToken of the previous page unchanged, or omit it to start from the first page");
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(listing)) {
            throw ApiErrors.invalidToken("nextToken '" + abbreviate(token) + "' belongs to another listing;"
                    + " pass the nextToken that this operation returned with the same parameters");
        }
        return new PageToken(listing, text.substring(newline + 1));
    }

    long positionAsLong() {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw ApiErrors.invalidToken("nextToken is damaged; omit it to start from the first page");
        }
    }

    private static String abbreviate(String token) {
        return token.length() <= 24 ? token : token.substring(0, 21) + "...";
    }
}
