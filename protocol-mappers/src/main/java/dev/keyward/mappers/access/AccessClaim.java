package dev.keyward.mappers.access;

/**
 * The claim's value and whether the size budget cut it.
 *
 * @param value     a {@code List<String>}, a {@code Map<String, List<String>>} or a {@code String}; null when empty
 * @param truncated entries were left out to stay within the budget
 */
public record AccessClaim(Object value, boolean truncated) {
}
