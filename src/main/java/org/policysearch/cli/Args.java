package org.policysearch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Minimal command-line parsing shared by the commands: {@code --name value}, {@code --name=value},
 * repeatable options, boolean flags and positional arguments. Unknown options are a {@link UsageException}.
 */
public final class Args {
  private final Map<String, List<String>> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  /**
   * @param valued options that take a value (without "--")
   * @param flags  options that take none
   */
  public static Args parse(String[] argv, Set<String> valued, Set<String> flags) throws UsageException {
    Args a = new Args();
    for (int i = 0; i < argv.length; i++) {
      String s = argv[i];
      if (s.equals("--")) {
        for (i++; i < argv.length; i++) a.positional.add(argv[i]);
        break;
      }
      if (s.startsWith("--") && s.length() > 2) {
        String name = s.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (flags.contains(name)) {
          if (value != null) throw new UsageException("option --" + name + " takes no value");
          a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        } else if (valued.contains(name)) {
          if (value == null) {
            if (i + 1 >= argv.length) throw new UsageException("option --" + name + " needs a value");
            value = argv[++i];
          }
          a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } else {
          List<String> known = new ArrayList<>();
          valued.forEach(v -> known.add("--" + v));
          flags.forEach(v -> known.add("--" + v));
          throw new UsageException("unknown option --" + name + "; known: " + String.join(", ", known));
        }
      } else {
        a.positional.add(s);
      }
    }
    return a;
  }

  public boolean flag(String name) {
    return options.containsKey(name);
  }

  public String get(String name, String def) {
    List<String> v = options.get(name);
    return v == null ? def : v.get(v.size() - 1);
  }

  public List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  public int getInt(String name, int def) throws UsageException {
    String v = get(name, null);
    if (v == null) return def;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " needs a whole number, got '" + v + "'");
    }
  }

  public List<String> positional() {
    return positional;
  }

  /** A user error on the command line: printed without a stack trace, exit code 2. */
  public static final class UsageException extends Exception {
    public UsageException(String message) {
      super(message);
    }
  }
}
