package cn.kaifeng.jointapproval.modelsafety;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans that models may name in expressions: the project's delegates and listeners and
 * its helpers marked {@link ModelExpressionBean}. Found from the bean definitions, without creating
 * any bean: this runs while the process engine itself is being created.
 */
final class ModelBeans {

  static final String PROJECT_PACKAGE = "cn.kaifeng.jointapproval";

  private static final List<Class<?>> MODEL_TYPES = List.of(JavaDelegate.class,
      TaskListener.class, ExecutionListener.class);

  private final ListableBeanFactory factory;
  private final Set<String> allowed;

  private ModelBeans(ListableBeanFactory factory, Set<String> allowed) {
    this.factory = factory;
    this.allowed = Collections.unmodifiableSet(allowed);
  }

  static ModelBeans of(ListableBeanFactory factory) {
    var allowed = new TreeSet<String>();
    for (String name : factory.getBeanDefinitionNames()) {
      Class<?> type = factory.getType(name, false);
      if (type != null && isModelBean(ClassUtils.getUserClass(type))) {
        allowed.add(name);
      }
    }
    return new ModelBeans(factory, allowed);
  }

  static boolean isModelBean(Class<?> type) {
    return isProjectClass(type.getName()) && (type.isAnnotationPresent(ModelExpressionBean.class)
        || MODEL_TYPES.stream().anyMatch(model -> model.isAssignableFrom(type)));
  }

  static boolean isProjectClass(String className) {
    return className != null && className.trim().startsWith(PROJECT_PACKAGE + ".");
  }

  Set<String> names() {
    return allowed;
  }

  /** A bean of the application that models may not use; any other name is a process variable. */
  boolean isForbidden(String name) {
    return !allowed.contains(name) && factory.containsBean(name);
  }

  /** The allowed beans by name, each created only when an expression first asks for it. */
  Map<Object, Object> asMap() {
    return new AllowedBeanMap(factory, allowed);
  }
}
