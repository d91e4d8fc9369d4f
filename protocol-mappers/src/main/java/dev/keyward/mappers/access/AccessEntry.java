package dev.keyward.mappers.access;

/**
 * One role or group the user has, as the claim builder sees it.
 *
 * @param kind     where it comes from
 * @param clientId the client of a client role; null otherwise
 * @param name     the role name, or the group's full path ({@code /parent/child})
 */
public record AccessEntry(Kind kind, String clientId, String name) {

    public enum Kind { REALM_ROLE, CLIENT_ROLE, GROUP }

    public static AccessEntry realmRole(String name) {
        return new AccessEntry(Kind.REALM_ROLE, null, name);
    }

    public static AccessEntry clientRole(String clientId, String name) {
        return new AccessEntry(Kind.CLIENT_ROLE, clientId, name);
    }

    public static AccessEntry group(String path) {
        return new AccessEntry(Kind.GROUP, null, path);
    }

    /** The name patterns match: {@code role}, {@code client-id/role} or {@code /group/path}. */
    public String qualifiedName() {
        return kind == Kind.CLIENT_ROLE ? clientId + "/" + name : name;
    }
}
