package dev.keyward.oauth21.rule;

/**
 * What a client inherits from its realm where it sets nothing of its own.
 *
 * @param accessTokenLifespan seconds an access token lives (Realm settings &gt; Tokens), or null when not known
 */
public record RealmSettings(Integer accessTokenLifespan) {

    /** Not known: a client that inherits a realm setting is judged on its own settings only. */
    public static final RealmSettings UNKNOWN = new RealmSettings(null);
}
