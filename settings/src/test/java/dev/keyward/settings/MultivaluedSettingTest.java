package dev.keyward.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultivaluedSettingTest {

    @Test
    void splitsKeycloaksJoinedValuesAndDropsEmptyOnes() {
        assertThat(MultivaluedSetting.values(" a ##b####c ")).containsExactly("a", "b", "c");
        assertThat(MultivaluedSetting.values(null)).isEmpty();
        assertThat(MultivaluedSetting.values("  ")).isEmpty();
    }

    @Test
    void problemsKeepTheirSettingAndOrder() {
        Problems problems = new Problems();
        assertThat(problems.isEmpty()).isTrue();
        problems.add("a", "First.");
        problems.add("b", "Second.");
        assertThat(problems.list()).extracting(Problems.Problem::setting).containsExactly("a", "b");
        assertThat(problems.joined()).isEqualTo("First. Second.");
    }

    @Test
    void preparedSettingsComputeOnceAndStayBounded() {
        PreparedSettings<Integer, String> cache = new PreparedSettings<>(2);
        int[] calls = {0};
        cache.get(1, k -> "v" + k + ++calls[0]);
        assertThat(cache.get(1, k -> "again")).isEqualTo("v11");
        cache.get(2, k -> "v2");
        cache.get(3, k -> "v3");
        assertThat(cache.get(1, k -> "recomputed")).isEqualTo("recomputed");
    }
}
