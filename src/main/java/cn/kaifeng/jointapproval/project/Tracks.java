package cn.kaifeng.jointapproval.project;

import java.util.Map;

/**
 * Display names of the approval tracks. Which track a project takes and its limit are decided by
 * the DMN table {@code approval-track}; this is only how the codes read in Chinese.
 */
public final class Tracks {

  private static final Map<String, String> NAMES = Map.of(
      "GENERAL", "一般项目",
      "FTZ", "自贸区项目",
      "FTZ_COMMITMENT", "自贸区承诺制项目");

  private static final Map<Integer, String> STAGES = Map.of(
      1, "用地规划许可阶段",
      2, "工程建设许可阶段",
      3, "施工许可阶段");

  private Tracks() {}

  public static String name(String track) {
    return track == null ? null : NAMES.getOrDefault(track, track);
  }

  /** Whether {@code track} is a track code ({@code GENERAL}, {@code FTZ}, {@code FTZ_COMMITMENT}). */
  public static boolean known(String track) {
    return NAMES.containsKey(track);
  }

  public static String codes() {
    return String.join("、", new java.util.TreeSet<>(NAMES.keySet()));
  }

  public static String stageName(int stage) {
    return STAGES.getOrDefault(stage, "第" + stage + "阶段");
  }
}
