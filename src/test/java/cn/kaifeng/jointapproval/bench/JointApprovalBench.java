package cn.kaifeng.jointapproval.bench;

import static cn.kaifeng.jointapproval.bench.BenchReport.csv;
import static cn.kaifeng.jointapproval.bench.BenchReport.percentileMs;
import static org.assertj.core.api.Assertions.assertThat;

import cn.kaifeng.jointapproval.JointApprovalApplication;
import cn.kaifeng.jointapproval.calendar.ChinaTime;
import cn.kaifeng.jointapproval.support.ProjectFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Joint approval against the bare engine, in one run on PostgreSQL with commits on disk: the
 * application as it ships (profile {@code postgres}, authorization on), used over HTTP as officers
 * use it, against a bare process of the same shape (12 parallel user tasks, then 6, then 1, the
 * sections' candidate groups; {@code src/test/resources/bench/bench-reference.bpmn}) deployed
 * into the same engine by this benchmark only ({@code -Dbench.reference} gives it another shape:
 * see {@link #deployReference}). Bare and joint runs alternate (interleaved), so that both see the
 * same database state and machine noise.
 *
 * <p>Measures: end to end at 1 and 4 client threads; registration against the bare start at 20
 * concurrent clients; 12 sibling tasks completed at once (errors, time until the next stage);
 * every Tasklist filter of a section (count and first page) at 1,000, 10,000 and 25,000 open
 * tasks; SQL statements and commits per item. Writes {@code target/bench/JointApprovalBench.md}
 * and {@code .csv} (and {@code report.md}), prints a one-line summary. With
 * {@code -Dbench.smoke=true} it runs tiny sizes and only checks that every part works; with
 * {@code -Dbench.warmUp=N} each system first runs N instances unmeasured (default 3, as a freshly
 * started application meets its first officers; the JIT compilers' share of the measured CPU is
 * reported either way).
 */
class JointApprovalBench {

  private static final String NAME = "JointApprovalBench";
  private static final String BARE = "bare";
  private static final String JOINT = "joint";
  /** The bare process's candidate groups per stage: the items of an "everything" project. */
  static final List<List<String>> BARE_STAGES = List.of(
      List.of("fgw", "fgw", "fgw", "zrzy", "zrzy", "zrzy", "sthj", "wlj", "czj", "lyj", "slj",
          "yjj"),
      List.of("fgw", "zrzy", "zjj", "rfb", "jtj", "scjg"),
      List.of("zjj"));
  private static final String SECTION = "approval-fgw";

  private final boolean smoke = BenchReport.smoke();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<String> csv = new ArrayList<>();
  private final StringBuilder table = new StringBuilder();
  private final Map<String, Double> summary = new LinkedHashMap<>();
  private final Map<String, String> statementKinds = new LinkedHashMap<>();
  private final Map<String, String> variablesByName = new LinkedHashMap<>();
  private String base;
  private CpuMeter cpu;
  private PgStatements pgStatements;
  /** Instances of each system in the 4-thread end-to-end part (pg_stat_statements per instance). */
  private int e2eInstances4;
  private TaskService taskService;
  private org.camunda.bpm.engine.ManagementService managementService;
  private RuntimeService runtimeService;
  private org.camunda.bpm.engine.HistoryService historyService;
  /** Officers' task-list requests per system: how much of a run is the client's own polling. */
  private final Map<String, java.util.concurrent.atomic.AtomicLong> lists = Map.of(
      BARE, new java.util.concurrent.atomic.AtomicLong(),
      JOINT, new java.util.concurrent.atomic.AtomicLong());
  /** While counting statements: wait inside the JVM (not counted) instead of polling over HTTP. */
  private volatile boolean quietWaits;

  @Test
  void jointApprovalAgainstTheBareEngine() throws Exception {
    csv.add("figure,system,threads,size,p50_ms,p95_ms,value,unit");
    try (var database = BenchPostgres.start()) {
      cpu = CpuMeter.of(database);
      pgStatements = new PgStatements(database);
      List<String> args = new ArrayList<>(List.of("--server.port=0",
          "--SPRING_DATASOURCE_URL=" + database.jdbcUrl(),
          "--SPRING_DATASOURCE_USERNAME=" + database.username(),
          "--SPRING_DATASOURCE_PASSWORD=" + database.password()));
      // -Dbench.appArgs="--camunda.bpm.history-level=audit ..." to measure a setting.
      String more = System.getProperty("bench.appArgs", "").trim();
      if (!more.isEmpty()) {
        args.addAll(List.of(more.split("\\s+")));
        table.append("| application arguments: `").append(more).append("` | | | |\n");
      }
      var app = new SpringApplicationBuilder(JointApprovalApplication.class)
          .profiles("postgres")
          .initializers(context -> context.getBeanFactory()
              .addBeanPostProcessor(SqlCounter.postProcessor()))
          .run(args.toArray(String[]::new));
      try {
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        taskService = app.getBean(TaskService.class);
        managementService = app.getBean(org.camunda.bpm.engine.ManagementService.class);
        runtimeService = app.getBean(RuntimeService.class);
        historyService = app.getBean(org.camunda.bpm.engine.HistoryService.class);
        deployReference(app);
        run(app);
      } finally {
        app.close();
      }
      writeReport(database);
    }
  }

  private void run(ConfigurableApplicationContext app) throws Exception {
    // -Dbench.parts=sql,e2e,registration,siblings,filters (default all) to measure a part alone.
    var parts = List.of(System.getProperty("bench.parts",
        "sql,e2e,registration,siblings,filters").split(","));
    warmUp();
    if (parts.contains("sql")) {
      statementsPerItem();
    }
    if (parts.contains("e2e")) {
      endToEnd(1, smoke ? 1 : 6, smoke ? 1 : 2);
      endToEnd(4, smoke ? 1 : 8, smoke ? 1 : 2);
    }
    if (parts.contains("registration")) {
      awaitJobsDone();
      registration(smoke ? 4 : 20, smoke ? 1 : 10);
    }
    if (parts.contains("siblings")) {
      awaitJobsDone();
      siblings(smoke ? 1 : 9);
    }
    if (parts.contains("filters")) {
      awaitJobsDone();
      filters(app);
    }
  }

  // ---------------------------------------------------------------- set-up

  private void deployReference(ConfigurableApplicationContext app) {
    // -Dbench.reference=…: the same process in another shape, to see what a shape costs the
    // engine by itself. calls: each task in a called sub-process whose end is a job (the shape
    // the joint approval gives each item; bench-item.bpmn); embedded: each task in an embedded
    // sub-process with a local variable and a job at its end (an item kept inside the
    // project's instance); timers: the flat tasks, each with three non-interrupting boundary
    // timers (the deadlines DOMAIN.md asks for, with nothing behind them); minimal: embedded
    // and timers together, the least an item with its own path and deadlines needs; mi: each
    // stage one parallel multi-instance user task, the least a decision's items need; mi-async:
    // the same with each task's end a job, the least that lets siblings completed at once pass.
    app.getBean(RepositoryService.class).createDeployment().name("bench")
        .addClasspathResource(referenceResource(reference()))
        .addClasspathResource("bench/bench-item.bpmn")
        .addClasspathResource("bench/bench-section-load.bpmn")
        .deploy();
    // The key projects office starts the reference as it registers projects.
    var authorizations = app.getBean(AuthorizationService.class);
    var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("key-projects-office");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("bench-reference");
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }

  /** The bare reference's shapes (see {@link #deployReference}); "" is the flat process. */
  static final List<String> REFERENCES = List.of("", "calls", "embedded", "timers", "minimal",
      "mi", "mi-async");

  /** The bare reference's shape of this run: -Dbench.reference, "" (flat) by default. */
  static String reference() {
    String reference = System.getProperty("bench.reference", "");
    if (!REFERENCES.contains(reference)) {
      throw new IllegalArgumentException("-Dbench.reference=" + reference
          + ": expected calls, embedded, timers, minimal, mi or mi-async"
          + " (or nothing for the flat process)");
    }
    return reference;
  }

  /** The class-path resource of a reference shape ({@link BenchReferencesTest} walks each). */
  static String referenceResource(String reference) {
    return reference.isEmpty() ? "bench/bench-reference.bpmn"
        : "bench/bench-reference-" + reference + ".bpmn";
  }

  private void warmUp() throws Exception {
    int instances = smoke ? 1 : Integer.getInteger("bench.warmUp", 3);
    for (String system : List.of(BARE, JOINT)) {
      AtomicInteger left = new AtomicInteger(instances);
      parallel(Math.min(4, instances), client -> {
        while (left.getAndDecrement() > 0) {
          runInstance(system, null);
        }
        return null;
      });
    }
  }

  // ---------------------------------------------------------------- one instance, as officers

  /** Starts one instance and completes its 19 tasks stage by stage; returns its key. */
  private String runInstance(String system, List<Long> completions) throws Exception {
    String code = start(system).code();
    var stages = stagesOf(system, code);
    for (List<String> stage : stages) {
      completeStage(system, code, stage, completions);
    }
    if (system.equals(JOINT)) {
      awaitProjectReady(code);
    }
    return code;
  }

  private record Started(String code, long nanos, int status) {}

  private Started start(String system) throws Exception {
    String code = "B" + (system.equals(BARE) ? "R" : "J") + "-" + sequence.incrementAndGet() + "-"
        + System.nanoTime() % 100_000;
    long t0 = System.nanoTime();
    HttpResponse<String> reply;
    if (system.equals(BARE)) {
      reply = post("keyoffice", "/engine-rest/process-definition/key/bench-reference/start",
          Map.of("businessKey", code));
      expect(reply, 200);
    } else {
      reply = post("keyoffice", "/api/projects", ProjectFixtures.everything(
          ProjectFixtures.body(code, ChinaTime.today().minusDays(3).toString())));
      expect(reply, 201);
    }
    return new Started(code, System.nanoTime() - t0, reply.statusCode());
  }

  private final Map<String, List<List<String>>> jointStages = new java.util.concurrent.ConcurrentHashMap<>();

  private List<List<String>> stagesOf(String system, String code) throws Exception {
    if (system.equals(BARE)) {
      return BARE_STAGES;
    }
    return jointStages.computeIfAbsent("everything", key -> {
      try {
        var project = json.readTree(get("keyoffice", "/api/projects/" + code).body());
        List<List<String>> stages = new ArrayList<>(List.of(new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>()));
        for (JsonNode item : project.get("items")) {
          stages.get(item.get("stage").asInt() - 1)
              .add(item.get("candidateGroup").asText().substring("approval-".length()));
        }
        return stages;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Each section's officer lists their tasks of the instance and completes them. */
  private void completeStage(String system, String code, List<String> stage,
      List<Long> completions) throws Exception {
    Map<String, Integer> perSection = new LinkedHashMap<>();
    stage.forEach(section -> perSection.merge(section, 1, Integer::sum));
    for (var entry : perSection.entrySet()) {
      String officer = "officer-" + entry.getKey();
      for (String taskId : awaitTasks(officer, code, entry.getValue())) {
        long t0 = System.nanoTime();
        expect(complete(system, officer, taskId), 204);
        if (completions != null) {
          completions.add(System.nanoTime() - t0);
        }
      }
    }
  }

  private HttpResponse<String> complete(String system, String officer, String taskId)
      throws Exception {
    Map<String, Object> body = system.equals(BARE) ? Map.of("variables", Map.of())
        : Map.of("variables", Map.of("outcome", Map.of("value", "APPROVED"),
            "opinion", Map.of("value", "同意")));
    return post(officer, "/engine-rest/task/" + taskId + "/complete", body);
  }

  /** The officer's open tasks of the instance, once there are {@code count} of them. */
  private List<String> awaitTasks(String officer, String code, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    if (quietWaits) {
      String group = "approval-" + officer.substring("officer-".length());
      while (SqlCounter.ignoringThisThread(() -> taskService.createTaskQuery()
          .processInstanceBusinessKey(code).taskCandidateGroup(group).count()) < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(officer + " never saw " + count + " tasks of " + code);
        }
        Thread.sleep(5);
      }
    }
    while (true) {
      lists.get(code.startsWith("BR") ? BARE : JOINT).incrementAndGet();
      var tasks = json.readTree(get(officer,
          "/engine-rest/task?processInstanceBusinessKey=" + code).body());
      if (tasks.size() >= count) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.get("id").asText()));
        return ids.subList(0, count);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(officer + " never saw " + count + " tasks of " + code);
      }
      Thread.sleep(10);
    }
  }

  private void awaitProjectReady(String code) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    if (quietWaits) {
      // The last stage's continuation ends with the project ready: no job left for it.
      while (SqlCounter.ignoringThisThread(() -> taskService.createTaskQuery()
          .processInstanceBusinessKey(code).count()) > 0 || SqlCounter.ignoringThisThread(
              () -> managementJobs(code)) > 0) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(code + " never became ready");
        }
        Thread.sleep(5);
      }
    }
    while (!json.readTree(get("keyoffice", "/api/projects/" + code).body()).get("status")
        .asText().equals("READY_FOR_CONSTRUCTION")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(code + " never became ready");
      }
      Thread.sleep(20);
    }
  }

  // ---------------------------------------------------------------- figures

  /** Continuations waiting (the benchmark runs nothing else while counting statements). */
  private long managementJobs(String code) {
    return managementService.createJobQuery().messages().count();
  }

  private void statementsPerItem() throws Exception {
    quietWaits = true;
    for (String system : List.of(BARE, JOINT)) {
      SqlCounter.reset();
      SqlCounter.counting(true);
      String code;
      try {
        code = runInstance(system, null);
      } finally {
        SqlCounter.counting(false);
      }
      variablesByName.put(system, variablesOf(code));
      int items = 19;
      double statements = SqlCounter.STATEMENTS.get() / (double) items;
      double commits = SqlCounter.COMMITS.get() / (double) items;
      csv.add(csv("sql_statements_per_item", system, 1, items, "", "",
          String.format("%.1f", statements), "statements"));
      csv.add(csv("commits_per_item", system, 1, items, "", "",
          String.format("%.1f", commits), "commits"));
      summary.put("statementsPerItem." + system, statements);
      summary.put("commitsPerItem." + system, commits);
      var kinds = new StringBuilder();
      for (var kind : SqlCounter.topKinds(40)) {
        kinds.append("| ").append(kind.getKey()).append(" | ")
            .append(String.format("%.1f", kind.getValue() / (double) items)).append(" |\n");
        csv.add(csv("sql_kind_per_item", system, 1, items, "", "",
            String.format("%.2f", kind.getValue() / (double) items), kind.getKey()));
      }
      statementKinds.put(system, kinds.toString());
    }
    // One start's own request: what the answer waits for (bare: the instance with its twelve
    // tasks; joint: the registration's transaction, its first stage follows as a job).
    Map<String, Long> perStart = new HashMap<>();
    for (String system : List.of(BARE, JOINT)) {
      awaitJobsDone();
      SqlCounter.reset();
      SqlCounter.counting(true);
      try {
        start(system);
      } finally {
        SqlCounter.counting(false);
      }
      perStart.put(system, SqlCounter.REQUEST_STATEMENTS.get());
      // Zero would mean the counter lost Tomcat's threads (a renamed connector), not a free start.
      assertThat(perStart.get(system)).as("statements of a %s start's request", system)
          .isPositive();
      csv.add(csv("sql_statements_per_start_request", system, 1, 1, "", "",
          perStart.get(system), "statements"));
    }
    awaitJobsDone();
    quietWaits = false;
    row("SQL statements of one start's own request (bare: the instance and its twelve tasks; "
            + "joint: the registration, its first stage follows as a job)",
        String.valueOf(perStart.get(BARE)), String.valueOf(perStart.get(JOINT)),
        String.format("%.2f×", perStart.get(JOINT) / (double) perStart.get(BARE)));
    row("SQL statements / commits per item (one instance, 19 tasks, listing and completing "
            + "over HTTP, job executor included)",
        String.format("%.1f / %.1f", summary.get("statementsPerItem.bare"),
            summary.get("commitsPerItem.bare")),
        String.format("%.1f / %.1f", summary.get("statementsPerItem.joint"),
            summary.get("commitsPerItem.joint")),
        String.format("%.1f× statements",
            summary.get("statementsPerItem.joint") / summary.get("statementsPerItem.bare")));
  }

  /** Variables an instance wrote (history rows by name, its sub-processes included). */
  private String variablesOf(String code) {
    var history = historyService;
    var instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
        .toArray(String[]::new);
    Map<String, Integer> names = new java.util.TreeMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances).list()
        .forEach(variable -> names.merge(variable.getName(), 1, Integer::sum));
    var rows = new StringBuilder();
    names.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> rows.append("| ").append(e.getKey()).append(" | ").append(e.getValue())
            .append(" |\n"));
    return rows.append("| **all, in ").append(instances.length).append(" process instances** | ")
        .append(names.values().stream().mapToInt(Integer::intValue).sum()).append(" |\n")
        .toString();
  }

  private void endToEnd(int threads, int instancesPerThread, int rounds) throws Exception {
    Map<String, Long> elapsed = new LinkedHashMap<>(Map.of(BARE, 0L, JOINT, 0L));
    lists.values().forEach(counter -> counter.set(0));
    // CPU per instance: the application's JVM (with the benchmark's clients) and PostgreSQL.
    Map<String, Long> jvmCpu = new LinkedHashMap<>(Map.of(BARE, 0L, JOINT, 0L));
    Map<String, Long> pgCpu = new LinkedHashMap<>(Map.of(BARE, 0L, JOINT, 0L));
    // … the JVM's part per thread group: request threads, job executor, the rest.
    Map<String, Map<String, Long>> threadCpu = Map.of(BARE, new HashMap<>(), JOINT,
        new HashMap<>());
    Map<String, List<Long>> latencies = Map.of(BARE, BenchReport.samples(),
        JOINT, BenchReport.samples());
    for (int round = 0; round < rounds; round++) {
      // Alternate which system goes first, so neither always runs on a warmer database.
      var order = round % 2 == 0 ? List.of(BARE, JOINT) : List.of(JOINT, BARE);
      for (String system : order) {
        long t0 = System.nanoTime();
        long jvm0 = CpuMeter.jvmNanos();
        long pg0 = cpu.postgresNanos().orElse(0);
        var threads0 = CpuMeter.allThreadNanos();
        if (threads == 4) {
          pgStatements.reset();
        }
        parallel(threads, client -> {
          for (int i = 0; i < instancesPerThread; i++) {
            runInstance(system, latencies.get(system));
          }
          return null;
        });
        elapsed.merge(system, System.nanoTime() - t0, Long::sum);
        jvmCpu.merge(system, CpuMeter.jvmNanos() - jvm0, Long::sum);
        pgCpu.merge(system, cpu.postgresNanos().orElse(0) - pg0, Long::sum);
        CpuMeter.allThreadNanos().forEach((group, nanos) -> threadCpu.get(system)
            .merge(group, nanos - threads0.getOrDefault(group, 0L), Long::sum));
        if (threads == 4) {
          pgStatements.collect(system);
        }
      }
    }
    int instances = threads * instancesPerThread * rounds;
    if (threads == 4) {
      e2eInstances4 = instances;
    }
    Map<String, Double> rate = new LinkedHashMap<>();
    Map<String, Double> listsPerInstance = new LinkedHashMap<>();
    for (String system : List.of(BARE, JOINT)) {
      listsPerInstance.put(system, lists.get(system).getAndSet(0) / (double) instances);
      double perSecond = instances / (elapsed.get(system) / 1e9);
      rate.put(system, perSecond);
      csv.add(csv("end_to_end", system, threads, instances, "", "",
          String.format("%.2f", perSecond), "instances/s"));
      csv.add(csv("completion_latency", system, threads, latencies.get(system).size(),
          fmt(percentileMs(latencies.get(system), 50)),
          fmt(percentileMs(latencies.get(system), 95)), "", "ms"));
    }
    double ratio = rate.get(JOINT) / rate.get(BARE);
    summary.put("e2e" + threads, ratio);
    row("end to end, 19 tasks in 3 stages, " + threads + " client thread" + (threads > 1 ? "s" : "")
            + " (" + instances + " instances of each)",
        String.format("%.2f inst/s", rate.get(BARE)), String.format("%.2f inst/s",
            rate.get(JOINT)), String.format("%.2f×", ratio));
    // Each list is an HTTP request with its login; a list that finds its tasks not open yet
    // (the joint approval opens a stage after its commit) is asked again 10 ms later.
    for (String system : List.of(BARE, JOINT)) {
      csv.add(csv("cpu_per_instance_jvm", system, threads, instances, "", "",
          fmt(jvmCpu.get(system) / 1e6 / instances), "ms"));
      csv.add(csv("cpu_per_instance_postgres", system, threads, instances, "", "",
          fmt(pgCpu.get(system) / 1e6 / instances), "ms"));
    }
    summary.put("cpu" + threads, (double) (jvmCpu.get(JOINT) + pgCpu.get(JOINT))
        / (jvmCpu.get(BARE) + pgCpu.get(BARE)));
    row("CPU per instance, application JVM (with the benchmark's clients) + PostgreSQL ("
            + threads + " thread" + (threads > 1 ? "s" : "") + ")",
        String.format("%s + %s ms", fmt(jvmCpu.get(BARE) / 1e6 / instances),
            fmt(pgCpu.get(BARE) / 1e6 / instances)),
        String.format("%s + %s ms", fmt(jvmCpu.get(JOINT) / 1e6 / instances),
            fmt(pgCpu.get(JOINT) / 1e6 / instances)),
        String.format("%.2f× the CPU", summary.get("cpu" + threads)));
    Map<String, String> groupNames = new LinkedHashMap<>();
    groupNames.put(CpuMeter.REQUESTS, "the request threads (Tomcat)");
    groupNames.put(CpuMeter.JOBS, "the job executor");
    groupNames.put(CpuMeter.COMPILERS, "the JIT compilers");
    groupNames.put(CpuMeter.GC, "the garbage collector");
    for (String group : groupNames.keySet()) {
      cpuRow("… of the JVM's, " + groupNames.get(group) + " (" + threads + " thread"
              + (threads > 1 ? "s" : "") + ")",
          "cpu_per_instance_" + group, threads, instances,
          threadCpu.get(BARE).getOrDefault(group, 0L),
          threadCpu.get(JOINT).getOrDefault(group, 0L));
    }
    row("officers' task lists per instance (" + threads + " thread" + (threads > 1 ? "s" : "")
            + "; one per section and stage when every list finds its tasks open)",
        String.format("%.1f", listsPerInstance.get(BARE)),
        String.format("%.1f", listsPerInstance.get(JOINT)), "");
    row("completion latency p50 / p95 (" + threads + " thread" + (threads > 1 ? "s" : "") + ")",
        String.format("%s / %s ms", fmt(percentileMs(latencies.get(BARE), 50)),
            fmt(percentileMs(latencies.get(BARE), 95))),
        String.format("%s / %s ms", fmt(percentileMs(latencies.get(JOINT), 50)),
            fmt(percentileMs(latencies.get(JOINT), 95))), "");
  }

  private void registration(int clients, int rounds) throws Exception {
    Map<String, List<Long>> latencies = Map.of(BARE, BenchReport.samples(),
        JOINT, BenchReport.samples());
    // CPU of the application and PostgreSQL while a burst is answered (what a registration's
    // transaction costs; the first stages' jobs that start meanwhile are included), per start.
    Map<String, Long> burstCpu = new HashMap<>(Map.of(BARE, 0L, JOINT, 0L));
    // … split into the request threads (Tomcat's), the job executor's and PostgreSQL. The rest is
    // the JVM's own (garbage collection, compilation) and the benchmark's HTTP clients.
    Map<String, Long> burstPg = new HashMap<>(Map.of(BARE, 0L, JOINT, 0L));
    Map<String, Map<String, Long>> burstThreads = Map.of(BARE, new HashMap<>(),
        JOINT, new HashMap<>());
    for (int round = 0; round < rounds; round++) {
      var order = round % 2 == 0 ? List.of(BARE, JOINT) : List.of(JOINT, BARE);
      for (String system : order) {
        // Each burst meets an idle engine: what a registration leaves to jobs (its first stage,
        // its mail) belongs to its own burst, not to the next one's answers, bare or joint.
        awaitJobsDone();
        var barrier = new CyclicBarrier(clients);
        long pg0 = cpu.postgresNanos().orElse(0);
        var threads0 = CpuMeter.threadNanos();
        long cpu0 = CpuMeter.jvmNanos() + pg0;
        parallel(clients, client -> {
          barrier.await();
          latencies.get(system).add(start(system).nanos());
          return null;
        });
        long pg1 = cpu.postgresNanos().orElse(0);
        burstCpu.merge(system, CpuMeter.jvmNanos() + pg1 - cpu0, Long::sum);
        burstPg.merge(system, pg1 - pg0, Long::sum);
        CpuMeter.threadNanos().forEach((group, nanos) -> burstThreads.get(system)
            .merge(group, nanos - threads0.getOrDefault(group, 0L), Long::sum));
      }
    }
    for (String system : List.of(BARE, JOINT)) {
      csv.add(csv("start_vs_registration", system, clients, latencies.get(system).size(),
          fmt(percentileMs(latencies.get(system), 50)),
          fmt(percentileMs(latencies.get(system), 95)), "", "ms"));
    }
    double bareP95 = percentileMs(latencies.get(BARE), 95);
    double jointP95 = percentileMs(latencies.get(JOINT), 95);
    summary.put("registrationP95Ratio", jointP95 / bareP95);
    row("start vs registration, " + clients + " concurrent clients, p50 / p95",
        String.format("%s / %s ms", fmt(percentileMs(latencies.get(BARE), 50)), fmt(bareP95)),
        String.format("%s / %s ms", fmt(percentileMs(latencies.get(JOINT), 50)), fmt(jointP95)),
        String.format("p95 %.2f×", jointP95 / bareP95));
    double bareCpu = burstCpu.get(BARE) / 1e6 / (clients * rounds);
    double jointCpu = burstCpu.get(JOINT) / 1e6 / (clients * rounds);
    csv.add(csv("registration_cpu", BARE, clients, clients * rounds, "", "", fmt(bareCpu), "ms"));
    csv.add(csv("registration_cpu", JOINT, clients, clients * rounds, "", "", fmt(jointCpu),
        "ms"));
    row("… CPU while a burst is answered, per start (application + PostgreSQL)",
        fmt(bareCpu) + " ms", fmt(jointCpu) + " ms", String.format("%.2f×", jointCpu / bareCpu));
    int starts = clients * rounds;
    cpuRow("… of which the request threads (Tomcat)", "registration_cpu_requests", clients,
        starts, burstThreads.get(BARE).getOrDefault(CpuMeter.REQUESTS, 0L),
        burstThreads.get(JOINT).getOrDefault(CpuMeter.REQUESTS, 0L));
    cpuRow("… of which the job executor", "registration_cpu_jobs", clients, starts,
        burstThreads.get(BARE).getOrDefault(CpuMeter.JOBS, 0L),
        burstThreads.get(JOINT).getOrDefault(CpuMeter.JOBS, 0L));
    cpuRow("… of which PostgreSQL", "registration_cpu_postgres", clients, starts,
        burstPg.get(BARE), burstPg.get(JOINT));
  }

  /** A CPU figure per instance or start, bare against joint: a report row and two CSV lines. */
  private void cpuRow(String label, String figure, int threads, int count, long bareNanos,
      long jointNanos) {
    double bare = bareNanos / 1e6 / count;
    double joint = jointNanos / 1e6 / count;
    csv.add(csv(figure, BARE, threads, count, "", "", fmt(bare), "ms"));
    csv.add(csv(figure, JOINT, threads, count, "", "", fmt(joint), "ms"));
    row(label, fmt(bare) + " ms", fmt(joint) + " ms",
        // A ratio to a fraction of a millisecond (a stray job of the bare side) says nothing.
        bare >= 1 ? String.format("%.2f×", joint / bare) : "");
  }

  private void siblings(int rounds) throws Exception {
    Map<String, Integer> errors = new LinkedHashMap<>(Map.of(BARE, 0, JOINT, 0));
    Map<String, List<Long>> nextStage = Map.of(BARE, BenchReport.samples(),
        JOINT, BenchReport.samples());
    List<Long> uncontended = BenchReport.samples();
    for (int round = 0; round < rounds; round++) {
      for (String system : round % 2 == 0 ? List.of(BARE, JOINT) : List.of(JOINT, BARE)) {
        String code = start(system).code();
        var stage = stagesOf(system, code).get(0);
        // The twelve are completed once the engine is idle (the stage open, its mail sent), so
        // the time until the next stage is the siblings' own, not a previous round's leftovers.
        List<String[]> work = new ArrayList<>();
        Map<String, Integer> perSection = new LinkedHashMap<>();
        stage.forEach(section -> perSection.merge(section, 1, Integer::sum));
        for (var entry : perSection.entrySet()) {
          String officer = "officer-" + entry.getKey();
          for (String id : awaitTasks(officer, code, entry.getValue())) {
            work.add(new String[] {officer, id});
          }
        }
        awaitJobsDone();
        var barrier = new CyclicBarrier(work.size());
        AtomicInteger seen = new AtomicInteger();
        long t0 = System.nanoTime();
        parallel(work.size(), client -> {
          var task = work.get(client);
          barrier.await();
          // An officer who sees an error tries again, as people do.
          for (int attempt = 0; attempt < 50; attempt++) {
            int status = complete(system, task[0], task[1]).statusCode();
            if (status == 204) {
              return null;
            }
            seen.incrementAndGet();
            Thread.sleep(20);
          }
          throw new AssertionError("task " + task[1] + " never completed");
        });
        awaitTaskCount(code, stagesOf(system, code).get(1).size());
        nextStage.get(system).add(System.nanoTime() - t0);
        errors.merge(system, seen.get(), Integer::sum);
        if (system.equals(BARE)) {
          // The bare process without contention: the same twelve completions one after another.
          String quiet = start(BARE).code();
          List<String[]> sequential = new ArrayList<>();
          for (var entry : perSection.entrySet()) {
            String officer = "officer-" + entry.getKey();
            for (String id : awaitTasks(officer, quiet, entry.getValue())) {
              sequential.add(new String[] {officer, id});
            }
          }
          awaitJobsDone();
          long q0 = System.nanoTime();
          for (String[] task : sequential) {
            expect(complete(BARE, task[0], task[1]), 204);
          }
          awaitTaskCount(quiet, BARE_STAGES.get(1).size());
          uncontended.add(System.nanoTime() - q0);
        }
      }
    }
    int attempts = rounds * 12;
    for (String system : List.of(BARE, JOINT)) {
      csv.add(csv("siblings_errors", system, 12, attempts, "", "", errors.get(system),
          "HTTP errors"));
      csv.add(csv("siblings_next_stage", system, 12, rounds,
          fmt(percentileMs(nextStage.get(system), 50)),
          fmt(percentileMs(nextStage.get(system), 95)), "", "ms"));
    }
    csv.add(csv("siblings_next_stage_uncontended", BARE, 1, rounds,
        fmt(percentileMs(uncontended, 50)), fmt(percentileMs(uncontended, 95)), "", "ms"));
    double jointNext = percentileMs(nextStage.get(JOINT), 50);
    double bareQuiet = percentileMs(uncontended, 50);
    summary.put("siblingErrors.bare", (double) errors.get(BARE));
    summary.put("siblingErrors.joint", (double) errors.get(JOINT));
    summary.put("siblingNextStageRatio", jointNext / bareQuiet);
    row("12 sibling tasks completed at the same moment (" + attempts + " completions): errors "
            + "seen by officers (each retried)", errors.get(BARE) + " errors",
        errors.get(JOINT) + " errors", "");
    row("… time until the next stage opens, p50 (bare: its twelve completed one after another, "
            + "uncontended / at once)",
        fmt(bareQuiet) + " / " + fmt(percentileMs(nextStage.get(BARE), 50)) + " ms",
        fmt(jointNext) + " ms", String.format("%.2f× the uncontended bare", jointNext / bareQuiet));
  }

  /**
   * Waits until the job executor has nothing due left (continuations, first stages, mail), so
   * that a burst is measured on an idle engine; timers not yet due do not count.
   */
  private void awaitJobsDone() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (SqlCounter.ignoringThisThread(() -> managementService.createJobQuery().executable()
        .count()) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the job executor never caught up: "
            + managementService.createJobQuery().executable().count() + " jobs due");
      }
      Thread.sleep(20);
    }
  }

  private void awaitTaskCount(String code, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (json.readTree(get("demo", "/engine-rest/task/count?processInstanceBusinessKey=" + code)
        .body()).get("count").asInt() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the next stage of " + code + " never opened");
      }
      Thread.sleep(5);
    }
  }

  private void filters(ConfigurableApplicationContext app) throws Exception {
    var runtime = app.getBean(RuntimeService.class);
    var tasks = app.getBean(TaskService.class);
    var sizes = smoke ? List.of(40, 80) : parseSizes(System.getProperty("bench.filterSizes",
        "1000,10000,25000"));
    String officer = "officer-" + SECTION.substring("approval-".length());
    var random = new Random(7);
    var filterList = json.readTree(get(officer, "/engine-rest/filter?resourceType=Task").body());
    assertThat(filterList.size()).as("filters of " + officer).isPositive();
    var tasklist = TasklistSession.login(base, officer);
    for (int size : sizes) {
      // Top the section's open tasks up to the size (the other figures left a few of their own).
      long open = tasks.createTaskQuery().taskCandidateGroup(SECTION).includeAssignedTasks()
          .count();
      while (open < size) {
        int chunk = (int) Math.min(500, size - open);
        Instant due = Instant.now().plus(random.nextInt(40) - 10, ChronoUnit.DAYS);
        runtime.startProcessInstanceByKey("bench-section-load", Map.of("section", SECTION,
            "count", chunk, "dueOn", Date.from(due),
            "followUpOn", Date.from(due.minus(5, ChronoUnit.DAYS))));
        open += chunk;
      }
      // What autovacuum does on a database in use, done before measuring so that every path
      // meets the same tables. Without fresh statistics the planner takes the 25,000 tasks just
      // inserted for a few and reads every one for a page (160 ms instead of 7 in an earlier
      // run). Without the vacuum the grants and links are read from the heap, not the index
      // alone, until autovacuum comes by (inserts trigger it too since PostgreSQL 13): in one
      // run it came in the middle of the measurements, and the count statement went from 35-38
      // to 30-31 ms, so the engine's figure, measured last, met other tables than the HTTP ones.
      new org.springframework.jdbc.core.JdbcTemplate(app.getBean(javax.sql.DataSource.class))
          .execute("vacuum analyze act_ru_task, act_ru_identitylink, act_ru_authorization, "
              + "act_ru_execution, act_ru_variable");
      for (JsonNode filter : filterList) {
        String id = filter.get("id").asText();
        String name = filter.get("name").asText();
        var count = timed(() -> get(officer, "/engine-rest/filter/" + id + "/count"));
        var page = timed(() -> post(officer,
            "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15", Map.of()));
        csv.add(csv("filter_count", name, 1, size, fmt(percentileMs(count, 50)),
            fmt(percentileMs(count, 95)), "", "ms"));
        csv.add(csv("filter_page", name, 1, size, fmt(percentileMs(page, 50)),
            fmt(percentileMs(page, 95)), "", "ms"));
        row("filter " + name + ", " + String.format("%,d", size) + " open tasks of the section: "
                + "count / first page of 15, p50 / p95", "–",
            fmt(percentileMs(count, 50)) + " / " + fmt(percentileMs(count, 95)) + " ms; "
                + fmt(percentileMs(page, 50)) + " / " + fmt(percentileMs(page, 95)) + " ms", "");
        if (name.equals("本科室待办")) {
          summary.put("filterCountP95." + size, percentileMs(count, 95));
          summary.put("filterPageP95." + size, percentileMs(page, 95));
          tasklistFilterTimes(tasklist, id, name, size);
          engineFilterTimes(app, officer, id, name, size);
        }
      }
    }
  }

  /**
   * The same filter as Tasklist asks for it: over the webapps' engine API with the officer's
   * logged-in session (no password check per request), the page as HAL with what it embeds
   * (the filter's count, assignees and owners, process definitions, the list columns'
   * variables), which Tasklist renders.
   */
  private void tasklistFilterTimes(TasklistSession tasklist, String id, String name, int size)
      throws Exception {
    String path = "/camunda/api/engine/engine/default/filter/" + id;
    var count = timed(() -> tasklist.get(path + "/count"));
    var page = timed(() -> tasklist.postHal(path + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"));
    var pageJson = timed(() -> tasklist.post(path + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}", "application/json"));
    csv.add(csv("filter_page_json_tasklist", name, 1, size, fmt(percentileMs(pageJson, 50)),
        fmt(percentileMs(pageJson, 95)), "", "ms"));
    csv.add(csv("filter_count_tasklist", name, 1, size, fmt(percentileMs(count, 50)),
        fmt(percentileMs(count, 95)), "", "ms"));
    csv.add(csv("filter_page_tasklist", name, 1, size, fmt(percentileMs(page, 50)),
        fmt(percentileMs(page, 95)), "", "ms"));
    // Tasklist's page is HAL: the filter's count, assignees and owners, process definitions and
    // the list columns' variables come with it. The plain JSON page over the same session shows
    // which part of it is the list itself.
    row("… the same as Tasklist asks (logged-in session): count / page as HAL / page as plain "
            + "JSON, p50 / p95", "–",
        fmt(percentileMs(count, 50)) + " / " + fmt(percentileMs(count, 95)) + " ms; "
            + fmt(percentileMs(page, 50)) + " / " + fmt(percentileMs(page, 95)) + " ms; "
            + fmt(percentileMs(pageJson, 50)) + " / " + fmt(percentileMs(pageJson, 95)) + " ms",
        "");
    summary.put("filterTasklistCountP95." + size, percentileMs(count, 95));
    summary.put("filterTasklistPageP95." + size, percentileMs(page, 95));
  }

  /**
   * The same filter's count and page asked of the engine inside the JVM as the officer: the
   * queries alone, without HTTP, the REST layer and the per-request basic-auth login, so the
   * report shows which part of a filter's time the SQL is.
   */
  private void engineFilterTimes(ConfigurableApplicationContext app, String officer, String id,
      String name, int size) throws Exception {
    var identity = app.getBean(IdentityService.class);
    var filters = app.getBean(FilterService.class);
    var groups = identity.createGroupQuery().groupMember(officer).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identity.setAuthentication(officer, groups);
    try {
      var count = timedInEngine(() -> filters.count(id));
      var page = timedInEngine(() -> filters.listPage(id, 0, 15));
      csv.add(csv("filter_count_engine", name, 1, size, fmt(percentileMs(count, 50)),
          fmt(percentileMs(count, 95)), "", "ms"));
      csv.add(csv("filter_page_engine", name, 1, size, fmt(percentileMs(page, 50)),
          fmt(percentileMs(page, 95)), "", "ms"));
      row("… the same in the engine (no HTTP, no login per request): count / page, p50 / p95",
          "–", fmt(percentileMs(count, 50)) + " / " + fmt(percentileMs(count, 95)) + " ms; "
              + fmt(percentileMs(page, 50)) + " / " + fmt(percentileMs(page, 95)) + " ms", "");
      summary.put("filterEngineCountP95." + size, percentileMs(count, 95));
      summary.put("filterEnginePageP95." + size, percentileMs(page, 95));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Samples of a call inside the JVM: as {@link #timed(Callable)}, without HTTP. */
  private List<Long> timedInEngine(Callable<?> call) throws Exception {
    return sampled(call::call);
  }

  private List<Long> timed(Callable<HttpResponse<String>> call) throws Exception {
    return sampled(() -> expect(call.call(), 200));
  }

  /**
   * A figure's samples, after ten calls that are not measured. With twenty samples and no
   * warm-up, as before, the p95 was the second-slowest call and the first figure of a size met a
   * JIT that had not compiled its path yet: Tasklist's page at 1,000 tasks measured 50 ms p50
   * that way and 22 ms over 300 calls. {@code -Dbench.samples=N} (default 100).
   */
  private List<Long> sampled(ThrowingRunnable call) throws Exception {
    int wanted = smoke ? 3 : Integer.getInteger("bench.samples", 100);
    for (int i = 0; i < (smoke ? 1 : 10); i++) {
      call.run();
    }
    List<Long> samples = new ArrayList<>();
    // A cap, not a target: a quarter of a second per wanted sample.
    long budget = System.nanoTime() + Duration.ofMillis(smoke ? 2_000 : 250L * wanted).toNanos();
    while (samples.size() < wanted && (samples.size() < 3 || System.nanoTime() < budget)) {
      long t0 = System.nanoTime();
      call.run();
      samples.add(System.nanoTime() - t0);
    }
    return samples;
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  // ---------------------------------------------------------------- report

  private void row(String figure, String bare, String joint, String ratio) {
    table.append("| ").append(figure).append(" | ").append(bare).append(" | ").append(joint)
        .append(" | ").append(ratio).append(" |\n");
  }

  private void writeReport(BenchPostgres database) throws Exception {
    String commit = git("rev-parse", "--short", "HEAD");
    String machine = Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
        + System.getProperty("java.version");
    var markdown = new StringBuilder("## Joint approval against the bare engine (" + NAME
        + ")\n\n")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", commit ").append(commit)
        .append(", ").append(machine).append("; PostgreSQL ")
        .append(setting(database, "server_version")).append(" with fsync=")
        .append(setting(database, "fsync")).append(", synchronous_commit=")
        .append(setting(database, "synchronous_commit"))
        .append(", JIT ").append(jitAvailable(database)
            ? "built in (the application's sessions turn it off)" : "not built in")
        .append(smoke ? "; **smoke run (tiny sizes, figures meaningless)**" : "")
        .append(reference().isEmpty() ? ""
            : "; **the bare process is shaped otherwise: -Dbench.reference=" + reference() + "**")
        .append("\n\n")
        .append("| figure | bare process | joint approval | |\n|---|---|---|---|\n")
        .append(table);
    statementKinds.forEach((system, kinds) -> markdown.append("\nStatements per item, ")
        .append(system).append(", by kind:\n\n| statement | per item |\n|---|---|\n")
        .append(kinds));
    variablesByName.forEach((system, rows) -> markdown.append("\nVariables one instance wrote, ")
        .append(system).append(" (history rows by name):\n\n| variable | rows |\n|---|---|\n")
        .append(rows));
    if (e2eInstances4 > 0) {
      markdown.append(pgStatements.report(e2eInstances4, 25));
    }
    BenchReport.write(NAME, markdown.toString(), csv);
    System.out.println(markdown);
    System.out.println(summaryLine());
  }

  private String summaryLine() {
    List.of("e2e1", "e2e4", "cpu1", "cpu4", "registrationP95Ratio", "siblingErrors.bare",
        "siblingErrors.joint", "siblingNextStageRatio", "statementsPerItem.bare",
        "statementsPerItem.joint")
        .forEach(key -> summary.putIfAbsent(key, Double.NaN));
    var line = new StringBuilder("BENCH " + NAME + (smoke ? " (smoke)" : "")
        + (reference().isEmpty() ? "" : " (bare reference: " + reference() + ")") + ":");
    line.append(String.format(" e2e joint/bare 1 thread %.2f×, 4 threads %.2f×;",
        summary.get("e2e1"), summary.get("e2e4")));
    line.append(String.format(" CPU per instance joint/bare 1 thread %.2f×, 4 threads %.2f×;",
        summary.get("cpu1"), summary.get("cpu4")));
    line.append(String.format(" registration p95 %.2f× the bare start;",
        summary.get("registrationP95Ratio")));
    line.append(String.format(" 12 siblings errors bare %.0f joint %.0f, next stage %.2f× the "
        + "uncontended bare;", summary.get("siblingErrors.bare"),
        summary.get("siblingErrors.joint"), summary.get("siblingNextStageRatio")));
    summary.forEach((key, value) -> {
      if (key.startsWith("filterCountP95.")) {
        String size = key.substring("filterCountP95.".length());
        line.append(String.format(" 本科室待办 @%s count / page p95: Tasklist %.0f / %.0f ms, "
            + "/engine-rest %.0f / %.0f ms, engine %.0f / %.0f ms;", size,
            summary.get("filterTasklistCountP95." + size),
            summary.get("filterTasklistPageP95." + size), value,
            summary.get("filterPageP95." + size), summary.get("filterEngineCountP95." + size),
            summary.get("filterEnginePageP95." + size)));
      }
    });
    line.append(String.format(" statements/item bare %.1f joint %.1f (%.2f×)",
        summary.get("statementsPerItem.bare"), summary.get("statementsPerItem.joint"),
        summary.get("statementsPerItem.joint") / summary.get("statementsPerItem.bare")));
    return line.toString();
  }

  // ---------------------------------------------------------------- helpers

  private interface Client {
    Object run(int client) throws Exception;
  }

  private static void parallel(int threads, Client client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(pool.submit(() -> client.run(index)));
      }
      for (var future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return http.send(request(user, path).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private static void expect(HttpResponse<String> reply, int status) {
    if (reply.statusCode() != status) {
      throw new AssertionError(reply.request().method() + " " + reply.request().uri() + " answered "
          + reply.statusCode() + ": " + reply.body());
    }
  }

  private static List<Integer> parseSizes(String sizes) {
    return java.util.Arrays.stream(sizes.split(",")).map(String::trim).map(Integer::valueOf)
        .toList();
  }

  private static String fmt(double ms) {
    return ms >= 100 ? String.format("%,.0f", ms) : String.format("%.1f", ms);
  }

  /** A server setting as the database reports it (fsync, synchronous_commit, its version). */
  /** Whether the server can JIT-compile (the embedded one cannot; Debian's can). */
  private static boolean jitAvailable(BenchPostgres database) {
    try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(),
            database.username(), database.password());
        var rows = connection.createStatement().executeQuery("select pg_jit_available()")) {
      return rows.next() && rows.getBoolean(1);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  private static String setting(BenchPostgres database, String name) {
    try (var connection = java.sql.DriverManager.getConnection(database.jdbcUrl(),
            database.username(), database.password());
        var statement = connection.prepareStatement("select current_setting(?)")) {
      statement.setString(1, name);
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (java.sql.SQLException e) {
      return "?";
    }
  }

  private static String git(String... args) {
    try {
      var command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .trim();
      return process.waitFor() == 0 ? out : "?";
    } catch (Exception e) {
      return "?";
    }
  }
}
