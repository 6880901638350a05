package cn.kaifeng.jointapproval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map holds: every top-level package is a module that uses only the modules its
 * package-info declares, and no two modules depend on each other in a circle. Writes the module
 * documentation (one diagram per module and the overview) to target/spring-modulith-docs.
 */
class ModularityTest {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(JointApprovalApplication.class);

  @Test
  void modulesUseOnlyWhatTheyDeclareAndFormNoCycle() {
    MODULES.verify();
  }

  @Test
  void everyTopLevelPackageIsADeclaredModule() {
    assertThat(MODULES.stream().map(module -> module.getBasePackage().getName()))
        .contains("cn.kaifeng.jointapproval.project", "cn.kaifeng.jointapproval.approval",
            "cn.kaifeng.jointapproval.escalation", "cn.kaifeng.jointapproval.supervision",
            "cn.kaifeng.jointapproval.projectview", "cn.kaifeng.jointapproval.calendar",
            "cn.kaifeng.jointapproval.deadline", "cn.kaifeng.jointapproval.identity");
    MODULES.forEach(module -> assertThat(module.getBasePackage().getName()
        .replace('.', '/')).as(module.getName() + " states its purpose")
        .satisfies(path -> assertThat(Path.of("src/main/java", path, "package-info.java"))
            .exists()));
  }

  @Test
  void writesTheModuleDocumentation() throws Exception {
    var folder = Path.of("target/spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeDocumentation();
    assertThat(folder.resolve("components.puml")).exists();
    assertThat(Files.readString(folder.resolve("components.puml"))).contains("Joint approval");
  }
}
