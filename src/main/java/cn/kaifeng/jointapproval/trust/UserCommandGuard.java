package cn.kaifeng.jointapproval.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CommandPayloads;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The one place every engine call of a logged-in user passes (REST, Tasklist, the project's API):
 * a task completion or form submission may carry exactly its form's fields, a start exactly its
 * start form's fields plus the process's own rules, and every other change to running work is for
 * {@code camunda-admin}. Runs inside the command context, before the command, so a refusal changes
 * nothing. Calls made by the processes' own steps are nested inside a command and pass untouched;
 * the job executor acts without a user.
 */
final class UserCommandGuard extends CommandInterceptor {

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final FormSubmissionValidator validator;
  private final SubmittedValues values;
  private final ObjectMapper mapper;
  private final Map<String, StartSubmissionRule> startRules;
  private final Map<String, FormSchema> schemas;

  /** {@code schemas}: forms read so far, by process definition (and task); shared by both chains. */
  UserCommandGuard(ObjectMapper mapper, List<StartSubmissionRule> startRules,
      Map<String, FormSchema> schemas) {
    this.schemas = schemas;
    this.mapper = mapper;
    this.validator = new FormSubmissionValidator(mapper);
    this.values = new SubmittedValues(mapper);
    this.startRules = startRules.stream().collect(
        Collectors.toMap(StartSubmissionRule::processDefinitionKey, Function.identity()));
  }

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      if (depth[0] == 1) {
        inspect(command);
      }
      return next.execute(command);
    } catch (RuntimeException e) {
      if (depth[0] == 1) {
        CommandFailures.record(e);
      }
      throw e;
    } finally {
      depth[0]--;
    }
  }

  private void inspect(Command<?> command) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    if (user == null || user.getUserId() == null
        || context.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    if (command instanceof CompleteTaskCmd complete) {
      checkTask(context, CommandPayloads.taskId(complete), CommandPayloads.variables(complete));
    } else if (command instanceof SubmitTaskFormCmd submit) {
      checkTask(context, CommandPayloads.taskId(submit), CommandPayloads.variables(submit));
    } else if (command instanceof SubmitStartFormCmd start) {
      var definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(CommandPayloads.processDefinitionId(start));
      checkStart(context, user, definition, CommandPayloads.businessKey(start),
          CommandPayloads.variables(start));
    } else if (command instanceof StartProcessInstanceCmd start) {
      ProcessInstantiationBuilderImpl builder = CommandPayloads.instantiation(start);
      var cache = context.getProcessEngineConfiguration().getDeploymentCache();
      var definition = builder.getProcessDefinitionId() != null
          ? cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
          : cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
      checkStart(context, user, definition, builder.getBusinessKey(), builder.getVariables());
    } else if (command instanceof AssignTaskCmd assign
        && user.getUserId().equals(CommandPayloads.assignee(assign))) {
      // Taking a task over (接手): a user makes themselves its assignee, e.g. a colleague of the
      // county when the named chief service officer is away. Camunda's own authorization (assign or
      // update permission on the task, which its candidate groups hold) decides; assigning anybody
      // else remains for administrators.
      return;
    } else if (AdminOnlyCommands.contains(command)) {
      throw new AuthorizationException(user.getUserId() + " 无权执行此操作：直接修改流程变量、发送消息或信号、"
          + "修改、迁移、挂起或删除流程实例、处理作业和故障，只能由系统管理员进行；办理任务请提交任务表单");
    }
  }

  private void checkTask(CommandContext context, String taskId, Map<String, ?> submitted) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      var historic = taskId == null ? null
          : context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
      if (historic != null && historic.getEndTime() != null) {
        throw new SubmissionConflictException("任务 " + taskId + " 已办理完毕，不能再次提交");
      }
      throw new NotFoundException("任务 " + taskId + " 不存在");
    }
    task.initializeFormKey();
    FormSchema form = task.getCamundaFormRef() == null || task.getProcessDefinitionId() == null
        ? FormSchema.empty()
        : schemas.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
            key -> read(context.runWithoutAuthorization(
                () -> new GetDeployedTaskFormCmd(taskId).execute(context))));
    var errors = validator.validate(form, submitted);
    if (!errors.isEmpty()) {
      // Who may not work the task hears that first, not what is wrong with the fields. A valid
      // submission is checked once, by the command itself (checking here too doubled the grant
      // queries of every completion).
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      throw new SubmissionRejectedException("提交的内容与任务表单不符，未作任何更改", errors);
    }
  }

  private void checkStart(CommandContext context, Authentication user,
      ProcessDefinitionEntity definition, String businessKey, Map<String, ?> submitted) {
    if (definition == null) {
      return; // the command itself answers "not found"
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkCreateProcessInstance(definition);
    }
    var startForm = definition.getStartFormDefinition();
    boolean hasForm = startForm != null
        && (startForm.getCamundaFormDefinitionKey() != null || startForm.getFormKey() != null);
    FormSchema form = !hasForm ? FormSchema.empty()
        : schemas.computeIfAbsent(definition.getId(), key -> read(context.runWithoutAuthorization(
            () -> new GetDeployedStartFormCmd(definition.getId()).execute(context))));
    var errors = validator.validate(form, submitted);
    if (!errors.isEmpty()) {
      throw new SubmissionRejectedException("提交的内容与登记表单不符，未作任何更改", errors);
    }
    var rule = startRules.get(definition.getKey());
    if (rule != null) {
      Map<String, Object> plain = new HashMap<>();
      if (submitted != null) {
        submitted.forEach((key, value) -> plain.put(key, values.plain(value)));
      }
      rule.check(plain, businessKey, user.getUserId(), user.getGroupIds());
    }
  }

  private FormSchema read(InputStream form) {
    try (form) {
      return FormSchema.parse(form, mapper);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
