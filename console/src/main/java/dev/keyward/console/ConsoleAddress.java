package dev.keyward.console;

import java.nio.charset.StandardCharsets;

/** Where a realm's console lives, relative to the server's base URL: {@code /realms/{realm}/keyward/console/}. */
public final class ConsoleAddress {

    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

    private ConsoleAddress() {
    }

    /** The console's path for a realm, the realm name percent-encoded as one path segment (as a browser shows it). */
    public static String path(String realm) {
        return "/realms/" + segment(realm) + "/keyward/console/";
    }

    static String segment(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            if (UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
