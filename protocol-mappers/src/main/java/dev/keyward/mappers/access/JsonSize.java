package dev.keyward.mappers.access;

/** Size in bytes of a string as a JSON literal, the way Jackson (and so Keycloak) writes it: UTF-8, pairs escaped. */
final class JsonSize {

    private JsonSize() {
    }

    static long ofString(String s) {
        long size = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isSurrogate(c)) {
                size += 6; // Jackson writes each half of a surrogate pair as a six-character escape
            } else {
                size += 3;
            }
        }
        return size;
    }
}
