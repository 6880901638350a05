package cn.kaifeng.jointapproval.modelsafety;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean of the project that BPMN expressions may call by its bean name, such as
 * {@code ${deadlines.dueAt(deadlineId)}}. Delegates and listeners need no mark; any other bean is
 * invisible to models.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModelExpressionBean {
}
