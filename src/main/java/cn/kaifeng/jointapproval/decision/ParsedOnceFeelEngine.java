package cn.kaifeng.jointapproval.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import camundajar.impl.scala.runtime.BoxesRunTime;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, but each input entry, input expression and output entry of a decision
 * table is parsed once: {@link ScalaFeelEngine} parses the text again on every evaluation, which
 * made FEEL parsing about a quarter of a registration's CPU ({@code approval-items}: 60 rules of
 * ten inputs and five outputs). An output entry that is a literal ({@code "fgw"}, {@code 15},
 * {@code true}) has one value whatever the variables: it is evaluated once and its value reused.
 * Everything else is evaluated as before, by the same engine with the same variables, so the
 * answers and failures are Camunda's own (a failure is never remembered).
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** Distinct expressions remembered; the project's tables have a few hundred. */
  static final int CAPACITY = 10_000;

  private final Map<String, Parsed> expressions = lru();
  private final Map<String, Parsed> unaryTests = lru();

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    var parsed = parsed(expressions, expression, false);
    if (parsed.literal()) {
      return (T) parsed.value();
    }
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    return (T) value(feelEngine.eval(parsed.expression(), context));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    var parsed = parsed(unaryTests, expression, true);
    var input = new StaticVariableProvider(
        new camundajar.impl.scala.collection.immutable.Map.Map1<String, Object>(
            UnaryTests$.MODULE$.inputVariable(), inputVariable));
    var variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    // As Camunda's engine reads a result: a null is false.
    return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed.expression(), context)));
  }

  /** The parsed expression, parsing it now if it is new; a text that does not parse is refused. */
  private Parsed parsed(Map<String, Parsed> cache, String text, boolean unary) {
    var known = cache.get(text);
    if (known != null) {
      return known;
    }
    var result = unary ? feelEngine.parseUnaryTests(text) : feelEngine.parseExpression(text);
    var expression = (ParsedExpression) value(result);
    var parsed = unary ? new Parsed(expression, false, null) : literal(expression);
    cache.put(text, parsed);
    return parsed;
  }

  /**
   * A literal's value as the engine itself gives it (evaluated once, without variables), when that
   * value cannot change afterwards; otherwise just the parsed expression.
   */
  private Parsed literal(ParsedExpression parsed) {
    var exp = parsed.expression();
    if (!(exp instanceof ConstString || exp instanceof ConstNumber || exp instanceof ConstBool
        || exp == ConstNull$.MODULE$)) {
      return new Parsed(parsed, false, null);
    }
    var result = feelEngine.eval(parsed, Map.<String, Object>of());
    if (!(result instanceof Right<?, ?> right)) {
      return new Parsed(parsed, false, null);
    }
    Object value = right.value();
    boolean immutable = value == null || value instanceof String || value instanceof Boolean
        || value instanceof Long || value instanceof Integer || value instanceof Double
        || value instanceof BigDecimal || value instanceof BigInteger;
    return new Parsed(parsed, immutable, immutable ? value : null);
  }

  private static Object value(Either<Failure, ?> result) {
    if (result instanceof Left<Failure, ?> left) {
      throw LOGGER.evaluationException(left.value().message());
    }
    return ((Right<?, ?>) result).value();
  }

  private static Map<String, Parsed> lru() {
    return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
        return size() > CAPACITY;
      }
    });
  }

  /** A parsed expression and, for a literal ({@code literal}), its value (which may be null). */
  private record Parsed(ParsedExpression expression, boolean literal, Object value) {}
}
