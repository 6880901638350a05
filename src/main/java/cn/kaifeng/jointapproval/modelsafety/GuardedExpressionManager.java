package cn.kaifeng.jointapproval.modelsafety;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring expression manager given a bean map, so that it resolves only those beans
 * instead of the whole application context, with {@link ForbiddenMemberElResolver} in front.
 */
final class GuardedExpressionManager extends SpringExpressionManager {

  GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
    super(context, beans);
  }

  @Override
  protected ELResolver createElResolver() {
    var resolver = new CompositeELResolver();
    resolver.add(new ForbiddenMemberElResolver());
    resolver.add(super.createElResolver());
    return resolver;
  }
}
