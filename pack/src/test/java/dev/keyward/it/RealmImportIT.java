package dev.keyward.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.keyward.testing.KcShCommand;
import org.junit.jupiter.api.Test;

/**
 * The demo realm also imports with {@code kc.sh import}, the offline path operators use.
 * ({@link DemoRealmIT} covers {@code --import-realm} at startup.) It imports into a database
 * of its own, so it never touches the running test server.
 */
class RealmImportIT {

    @Test
    void kcShImportImportsTheDemoRealmAndSkipsItTheSecondTime() {
        Path export = KcShCommand.realmExports().resolve("acme-realm.json");
        Path scratch = KcShCommand.scratch("kc-import-check");
        KcShCommand.Database database = KcShCommand.Database.h2(scratch);

        String first = KcShCommand.run(database, scratch.resolve("first.log"), "import", "--file=" + export, "--override=false");
        String second = KcShCommand.run(database, scratch.resolve("second.log"), "import", "--file=" + export, "--override=false");

        assertThat(first).contains("Realm 'acme' imported");
        assertThat(second).contains("Realm 'acme' already exists. Import skipped");
    }
}
