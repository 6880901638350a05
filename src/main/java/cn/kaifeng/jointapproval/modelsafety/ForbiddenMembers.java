package cn.kaifeng.jointapproval.modelsafety;

import java.util.Locale;
import java.util.Set;

/**
 * Names that lead from an expression out of the model's job: to the engine's services, to Spring's
 * proxy internals, to classes, class loaders, reflection and processes. Compared without case, so
 * {@code Runtime} and {@code getRuntime} are both caught, as property or as method.
 */
final class ForbiddenMembers {

  private static final Set<String> NAMES = Set.of(
      "processengineservices", "getprocessengineservices", "processengine", "getprocessengine",
      "class", "getclass", "forname", "classloader", "getclassloader", "contextclassloader",
      "getcontextclassloader", "runtime", "getruntime", "reflect", "invoke", "newinstance",
      "getmethod", "getmethods", "getdeclaredmethod", "getdeclaredmethods", "getfield",
      "getfields", "getdeclaredfield", "getdeclaredfields", "getconstructor", "getconstructors",
      "getdeclaredconstructor", "getdeclaredconstructors", "exec", "processbuilder", "system",
      "thread", "currentthread", "targetsource", "gettargetsource", "advisors", "getadvisors",
      "addadvice", "addadvisor", "applicationcontext", "getapplicationcontext", "beanfactory",
      "getbeanfactory");

  private ForbiddenMembers() {
  }

  static boolean contains(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }
}
