package dev.outbound.runtime.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} flags of one subcommand, refusing any it does not know. */
final class Flags {

    private final Map<String, String> values;
    private final List<String> positional;

    private Flags(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    static Flags parse(List<String> args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown flag --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            values.put(name, value);
        }
        return new Flags(values, List.copyOf(positional));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Optional<Integer> port(String name) {
        return value(name).map(text -> {
            try {
                int port = Integer.parseInt(text);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // falls through to the usage error
            }
            throw new UsageException("--" + name + " must be a port 0..65535, was " + text);
        });
    }

    List<String> positional() {
        return positional;
    }
}
