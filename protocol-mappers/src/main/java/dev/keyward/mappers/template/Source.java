package dev.keyward.mappers.template;

import java.util.Arrays;
import java.util.List;

/**
 * Where a placeholder's value comes from: {@code user.username}, {@code user.attribute.department},
 * {@code client.id}, {@code realm.name}, {@code scopes}, {@code session.note.IDENTITY_PROVIDER},
 * {@code roles.realm}, {@code roles.client.billing}…
 *
 * @param kind the kind of source
 * @param name the attribute, note or client name for the kinds that take one; "" otherwise
 */
public record Source(Kind kind, String name) {

    public enum Kind {
        USER_ID("user.id", false, false),
        USERNAME("user.username", false, false),
        EMAIL("user.email", false, false),
        EMAIL_VERIFIED("user.emailVerified", false, false),
        FIRST_NAME("user.firstName", false, false),
        LAST_NAME("user.lastName", false, false),
        USER_ATTRIBUTE("user.attribute.", true, false),
        CLIENT_ID("client.id", false, false),
        REALM_NAME("realm.name", false, false),
        SCOPES("scopes", false, true),
        SESSION_NOTE("session.note.", true, false),
        REALM_ROLES("roles.realm", false, true),
        CLIENT_ROLES("roles.client.", true, true);

        private final String syntax;
        private final boolean named;
        private final boolean list;

        Kind(String syntax, boolean named, boolean list) {
            this.syntax = syntax;
            this.named = named;
            this.list = list;
        }

        /** How the source is written; named kinds end with "." and take a name after it. */
        public String syntax() {
            return syntax;
        }

        /** A list by nature (scopes, roles): its placeholder is an array unless typed otherwise. */
        public boolean isList() {
            return list;
        }
    }

    /** The source written as {@code text}, or null when there is no such source. */
    static Source parse(String text) {
        for (Kind kind : Kind.values()) {
            if (kind.named && text.startsWith(kind.syntax) && text.length() > kind.syntax.length()) {
                return new Source(kind, text.substring(kind.syntax.length()));
            }
            if (!kind.named && text.equals(kind.syntax)) {
                return new Source(kind, "");
            }
        }
        return null;
    }

    /** Every source as written, named ones with NAME: {@code user.id}, …, {@code user.attribute.NAME}, … */
    public static List<String> syntaxes() {
        return Arrays.stream(Kind.values()).map(k -> k.named ? k.syntax + "NAME" : k.syntax).toList();
    }
}
