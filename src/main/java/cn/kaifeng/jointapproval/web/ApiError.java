package cn.kaifeng.jointapproval.web;

import java.util.Map;

/**
 * An exception of a feature that says how the API answers it: the status, the Chinese title and
 * any extra members of the problem details. Its message is the detail. Lets web/ answer every
 * feature's errors without knowing the features.
 */
public interface ApiError {

  int status();

  String title();

  default Map<String, Object> properties() {
    return Map.of();
  }
}
