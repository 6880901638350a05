package cn.kaifeng.jointapproval.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The groups of DOMAIN.md §4 and the demo users of §7, read from identity/*.csv. They are data:
 * a new department is a new line, not new code.
 */
@Component
public class IdentityCatalog {

  public record GroupEntry(String id, String name, String type) {}

  public record UserEntry(String id, String firstName, String lastName, List<String> groups) {
    public String email() {
      return id + "@example.org";
    }
  }

  /** A standing permission of a group (identity/authorizations.csv), patterns expanded. */
  public record GrantEntry(String groupId, String resource, String resourceId,
      List<String> permissions) {}

  private final List<GroupEntry> groups;
  private final List<UserEntry> demoUsers;
  private final List<GrantEntry> grants;
  private final java.util.Map<String, String> groupNames;

  public IdentityCatalog() {
    this.groups = read("identity/groups.csv").stream()
        .map(c -> new GroupEntry(c[0], c[1], c[2]))
        .toList();
    this.demoUsers = read("identity/demo-users.csv").stream()
        .map(c -> new UserEntry(c[0], c[1], c[2], Arrays.asList(c[3].split(";"))))
        .toList();
    List<GrantEntry> expanded = new ArrayList<>();
    for (String[] c : read("identity/authorizations.csv")) {
      var permissions = Arrays.asList(c[3].split("\\|"));
      for (var group : groups) {
        boolean matches = c[0].endsWith("*") ? group.id().startsWith(c[0].substring(0,
            c[0].length() - 1)) : group.id().equals(c[0]);
        if (matches) {
          expanded.add(new GrantEntry(group.id(), c[1], c[2], permissions));
        }
      }
    }
    this.grants = List.copyOf(expanded);
    this.groupNames = groups.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        GroupEntry::id, GroupEntry::name));
  }

  public List<GrantEntry> grants() {
    return grants;
  }

  /** Group id → its Chinese name, for what people read (mails, the ledger, the API). */
  public java.util.Map<String, String> groupNames() {
    return groupNames;
  }

  public boolean isGroup(String id) {
    return groupNames.containsKey(id);
  }

  public List<GroupEntry> groups() {
    return groups;
  }

  public List<UserEntry> demoUsers() {
    return demoUsers;
  }

  /** Reads a simple CSV (no quoted commas) and drops its header line. */
  private static List<String[]> read(String path) {
    var resource = new ClassPathResource(path);
    try (var reader = new BufferedReader(
        new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
