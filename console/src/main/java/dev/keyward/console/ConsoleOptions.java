package dev.keyward.console;

import java.util.List;
import java.util.Map;

import dev.keyward.settings.Problems;
import dev.keyward.settings.Setting;

/** The console's server option: {@code --spi-realm-restapi-extension--keyward--console-client=true|false}. */
public final class ConsoleOptions {

    public static final Setting<Boolean> CONSOLE_CLIENT = Setting.flag("console-client", "console-client",
            "Keep the OAuth client keyward-console, which the Keyward console signs in with, in every realm: created with each new"
                    + " realm and at startup where it is missing. false: create none; the console then signs in only where an admin"
                    + " created the client.", true);
    public static final List<Setting<?>> SETTINGS = List.of(CONSOLE_CLIENT);

    private ConsoleOptions() {
    }

    public static boolean keepsConsoleClient(Map<String, String> options, Problems problems) {
        return CONSOLE_CLIENT.readOption(options, problems);
    }
}
