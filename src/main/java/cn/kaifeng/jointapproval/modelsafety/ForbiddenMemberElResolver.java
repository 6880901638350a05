package cn.kaifeng.jointapproval.modelsafety;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First in the resolver chain: refuses, at run time, a property or method of {@link
 * ForbiddenMembers} on any object. The deploy-time check reads names in the model's text; this
 * also stops a name an expression computes, as in {@code execution[someVariable]}. Resolves
 * nothing itself, so every allowed access passes on to the next resolver.
 */
final class ForbiddenMemberElResolver extends ELResolver {

  private static void refuse(Object base, Object member) {
    if (base != null && member != null && ForbiddenMembers.contains(member.toString())) {
      throw new ELException("表达式不能访问 \"" + member + "\"：模型不能访问流程引擎服务、Java 类、类加载器或反射");
    }
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    refuse(base, property);
    return null;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes,
      Object[] params) {
    refuse(base, method);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    refuse(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    refuse(base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    refuse(base, property);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }
}
