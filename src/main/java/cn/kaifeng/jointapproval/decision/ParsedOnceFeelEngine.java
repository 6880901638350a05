package cn.kaifeng.jointapproval.decision;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;

/**
 * Camunda's FEEL engine without the work it repeats on every evaluation of a decision table's
 * entry ({@code approval-items}: 60 rules of ten inputs and five outputs, most of a
 * registration's CPU):
 * <ul>
 *   <li>each input entry, input expression and output entry is parsed (and validated) once;
 *       {@link ScalaFeelEngine} parsed the text again every time;</li>
 *   <li>FEEL's built-in functions are built once: feel-engine 1.19 builds them anew for each
 *       evaluation (its root context), which after the parsing was most of the rest;</li>
 *   <li>an output entry that is a literal ({@code "fgw"}, {@code 15}, {@code true}) has one value
 *       whatever the variables: it is evaluated once and its value reused.</li>
 * </ul>
 * Each evaluation still gets a context of its own (FEEL collects an evaluation's failures in it)
 * and the same interpreter, value mapper, functions and messages as feel-engine's
 * {@code FeelEngine.evaluate}, so answers and failures stay Camunda's own
 * ({@code ParsedOnceFeelEngineTest} compares them for every rule of every table). It uses
 * feel-engine's interpreter classes directly: an upgrade that changes them fails to compile or
 * fails that test.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /**
   * Distinct expressions remembered; the project's tables have a few hundred. Past it (many
   * redeployed versions) a new text is parsed at every evaluation, as Camunda's engine does.
   */
  static final int CAPACITY = 10_000;

  // Read without a lock: a registration looks up some 700 entries, twenty at a time.
  private final Map<String, Parsed> expressions = new ConcurrentHashMap<>();
  private final Map<String, Parsed> unaryTests = new ConcurrentHashMap<>();
  private final FeelInterpreter interpreter;
  private final FunctionProvider functions;

  public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    interpreter = new FeelInterpreter(feelEngine.valueMapper());
    functions = new CompositeFunctionProvider(toScalaList(
        new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()),
        feelEngine.functionProvider()));
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
    return (T) evaluate(parsed.expression(), context);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    var parsed = parsed(unaryTests, expression, true);
    var input = new StaticVariableProvider(
        new Map1<String, Object>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
    var variables = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(toScalaList(input, variables));
      }
    };
    // As Camunda's engine reads a result: a null is false.
    return BoxesRunTime.unboxToBoolean(evaluate(parsed.expression(), context));
  }

  /**
   * What feel-engine's {@code FeelEngine.evaluate} does after validating (done once, when
   * parsed), with the built-in functions built once instead of for every call.
   */
  private Object evaluate(ParsedExpression parsed, Context variables) {
    var context = EvalContext.create(feelEngine.valueMapper(), functions).merge(variables);
    Val value;
    try {
      value = interpreter.eval(parsed.expression(), context);
    } catch (RuntimeException e) {
      throw LOGGER.evaluationException(
          "failed to evaluate expression '" + parsed.text() + "' : " + e);
    }
    var failures = context.failureCollector().failures();
    var assertion = failures.find(f -> EvaluationFailureType.ASSERT_FAILURE$.MODULE$
        .equals(((EvaluationFailure) f).failureType()));
    if (assertion.isDefined()) {
      throw LOGGER.evaluationException("Assertion failure on evaluate the expression '"
          + parsed.text() + "': " + ((EvaluationFailure) assertion.get()).failureMessage());
    }
    if (value instanceof ValError error) {
      throw LOGGER.evaluationException(
          "failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    if (value instanceof ValFatalError error) {
      throw LOGGER.evaluationException(
          "failed to evaluate expression '" + parsed.text() + "': " + error.error());
    }
    return feelEngine.valueMapper().unpackVal(value);
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
    if (cache.size() < CAPACITY) {
      cache.put(text, parsed);
    }
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

  /** A parsed expression and, for a literal ({@code literal}), its value (which may be null). */
  private record Parsed(ParsedExpression expression, boolean literal, Object value) {}
}
