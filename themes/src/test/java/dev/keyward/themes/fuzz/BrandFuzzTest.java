package dev.keyward.themes.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;
import dev.keyward.themes.brand.BrandCss;
import dev.keyward.themes.brand.BrandSettings;

/**
 * Whatever a realm admin types into the brand attributes, the stylesheet keeps its shape: colours
 * are #rrggbb and URLs stay inside their quotes, so no value can add CSS of its own or close the
 * style element (docs/robustness.md).
 */
class BrandFuzzTest {

    private static final List<String> LINE_SHAPES = List.of(
            "@import url\\(\"[^\"\\\\\\n<>()]*\"\\);",
            ":root(\\.pf-v5-theme-dark)? \\{",
            "  --keyward-(primary|on-primary|accent): #[0-9a-f]{6};",
            "  --keyward-logo: (none|url\\(\"[^\"\\\\\\n<>()]*\"\\));",
            "  --keyward-logo-height: (0|3rem);",
            "\\}");

    @FuzzTest(maxDuration = "10m", maxExecutions = 10_000_000)
    void anyBrandAttributesRenderAStylesheetOfTheFixedShape(FuzzedDataProvider data) {
        Map<String, String> attributes = new HashMap<>();
        for (Setting<?> setting : BrandSettings.settings(true)) {
            if (data.consumeBoolean()) {
                attributes.put(setting.key(), data.consumeString(80));
            }
        }

        String css = BrandCss.render(BrandSettings.read(attributes, data.consumeBoolean(), new Problems()));

        for (String line : css.split("\n")) {
            assertThat(LINE_SHAPES.stream().anyMatch(line::matches)).as("line %s of\n%s", line, css).isTrue();
        }
    }
}
