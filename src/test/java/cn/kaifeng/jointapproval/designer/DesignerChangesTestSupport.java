package cn.kaifeng.jointapproval.designer;

import cn.kaifeng.jointapproval.approval.ApprovalTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An application started after a designer's changes, for the tests that deploy changed models:
 * a context of its own (no other test meets these deployments), started with one more line in
 * {@code identity/groups.csv}, {@value #NEW_SECTION_LINE}, as the README's "add a department"
 * has it. The line is served by the thread's class loader while the context starts (that is
 * where {@code IdentityCatalog} reads the file), and only then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "jointapproval.test.context=designer-changes")
@ActiveProfiles("test")
abstract class DesignerChangesTestSupport extends ApprovalTestSupport {

  static final String NEW_SECTION_LINE = "approval-qxj,市气象局行政审批科,WORKFLOW";
  static final String GROUPS = "identity/groups.csv";
  private static final ClassLoader ORIGINAL = Thread.currentThread().getContextClassLoader();

  static {
    Thread.currentThread().setContextClassLoader(new ClassLoader(ORIGINAL) {
      @Override
      public InputStream getResourceAsStream(String name) {
        if (!GROUPS.equals(name)) {
          return super.getResourceAsStream(name);
        }
        try (InputStream shipped = super.getResourceAsStream(name)) {
          String text = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
          return new ByteArrayInputStream((text.stripTrailing() + "\n" + NEW_SECTION_LINE + "\n")
              .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  @Autowired protected RepositoryService repositoryService;
  @Autowired protected SpringProcessEngineConfiguration engineConfiguration;

  /** The context has started (it is injected by now): later contexts read the shipped file. */
  @BeforeEach
  void restoreClassLoader() {
    Thread.currentThread().setContextClassLoader(ORIGINAL);
  }

  @AfterAll
  static void restoreClassLoaderAfterAll() {
    Thread.currentThread().setContextClassLoader(ORIGINAL);
  }

  /**
   * What the application deploys at its next start once a designer committed {@code changed}
   * (file name → new content): the resources of its start deployment, those files replaced, under
   * the same name and duplicate filtering (a new deployment of the whole set when any changed).
   */
  protected Deployment deployAsAtStart(Map<String, String> changed) {
    var startDeployment = repositoryService.createDeploymentQuery()
        .deploymentName(engineConfiguration.getDeploymentName()).orderByDeploymentTime().asc()
        .list().get(0);
    var builder = repositoryService.createDeployment()
        .enableDuplicateFiltering(engineConfiguration.isDeployChangedOnly())
        .name(engineConfiguration.getDeploymentName());
    for (String resource : repositoryService.getDeploymentResourceNames(startDeployment.getId())) {
      String fileName = resource.substring(resource.lastIndexOf('/') + 1);
      if (changed.containsKey(fileName)) {
        builder.addString(resource, changed.get(fileName));
      } else {
        builder.addInputStream(resource,
            repositoryService.getResourceAsStream(startDeployment.getId(), resource));
      }
    }
    return builder.deploy();
  }
}
