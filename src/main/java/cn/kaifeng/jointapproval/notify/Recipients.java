package cn.kaifeng.jointapproval.notify;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A mail's recipient groups or users as one string (a column of {@code mail_outbox}, or a variable
 * of a send-mail process queued before the outbox), ids separated by commas (no group or user id
 * has one). Send-mail processes queued before this form carry JSON lists, which are read as well.
 */
final class Recipients {

  private static final String SEPARATOR = ",";

  private Recipients() {
  }

  static String join(Collection<String> ids) {
    for (String id : ids) {
      if (id == null || id.isBlank() || id.contains(SEPARATOR)) {
        throw new IllegalArgumentException("Not a recipient id: '" + id + "'");
      }
    }
    return String.join(SEPARATOR, ids);
  }

  static List<String> split(Object value) {
    if (value instanceof String text) {
      return text.isEmpty() ? List.of() : Arrays.asList(text.split(SEPARATOR));
    }
    if (value instanceof Collection<?> ids) {
      return ids.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
