package cn.kaifeng.jointapproval.modelsafety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the expressions ({@code ${…}} and {@code #{…}}) in a model's attribute or text and says
 * what in them a model may not use: a Spring bean outside the allowed set, or a member name of
 * {@link ForbiddenMembers}. A name that is no bean is a process variable and allowed, as are
 * {@code execution} and {@code task}. Words inside string literals count as members too, so
 * {@code execution['processEngineServices']} is caught.
 */
final class ExpressionInspector {

  private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not",
      "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  private final Predicate<String> forbiddenBean;

  ExpressionInspector(Predicate<String> forbiddenBean) {
    this.forbiddenBean = forbiddenBean;
  }

  /** What every expression in the text may not use, in Chinese; empty when all is allowed. */
  List<String> problems(String text) {
    var problems = new ArrayList<String>();
    if (text != null) {
      for (String expression : expressions(text)) {
        problems.addAll(problemsOf(expression));
      }
    }
    return problems;
  }

  /** The expressions of a text, each with its opening {@code ${} and closing brace. */
  static List<String> expressions(String text) {
    var found = new ArrayList<String>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = closingBrace(text, i + 2);
        found.add(text.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  /** Just after the brace that closes the expression; a brace inside a string does not. */
  private static int closingBrace(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = closingQuote(text, i);
      } else if (c == '}') {
        return i + 1;
      }
    }
    return text.length();
  }

  private static int closingQuote(String text, int open) {
    char quote = text.charAt(open);
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return text.length() - 1;
  }

  /** At most two problems: the forbidden members it names, the forbidden beans it names. */
  private List<String> problemsOf(String expression) {
    var members = new LinkedHashSet<String>();
    var beans = new LinkedHashSet<String>();
    String body = expression.substring(2);
    char previous = 0;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(body, i);
        words(body.substring(i + 1, Math.max(i + 1, end))).stream()
            .filter(ForbiddenMembers::contains).forEach(members::add);
        previous = c;
        i = end + 1;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = identifierEnd(body, i);
        String name = body.substring(i, end);
        if (ForbiddenMembers.contains(name)) {
          members.add(name);
        } else if (isRoot(previous, body, end, name) && forbiddenBean.test(name)) {
          beans.add(name);
        }
        previous = 'a';
        i = end;
      } else if (Character.isDigit(c)) {
        // A number such as 1e3 holds no name.
        int end = i;
        while (end < body.length() && Character.isLetterOrDigit(body.charAt(end))) {
          end++;
        }
        previous = '0';
        i = end;
      } else {
        if (!Character.isWhitespace(c)) {
          previous = c;
        }
        i++;
      }
    }
    var problems = new ArrayList<String>();
    if (!members.isEmpty()) {
      problems.add("表达式 " + expression + " 用到了 " + quoted(members)
          + "：模型不能访问流程引擎服务、Java 类、类加载器或反射");
    }
    if (!beans.isEmpty()) {
      problems.add("表达式 " + expression + " 引用了 Spring Bean " + quoted(beans)
          + "：模型只能使用本项目的委托类、监听器和标注 @ModelExpressionBean 的帮助类");
    }
    return problems;
  }

  private static String quoted(Set<String> names) {
    return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining("、"));
  }

  /** A name that starts a chain (not after a dot) and is not a function call is a bean or variable. */
  private static boolean isRoot(char previous, String body, int end, String name) {
    if (previous == '.' || KEYWORDS.contains(name)) {
      return false;
    }
    int next = end;
    while (next < body.length() && Character.isWhitespace(body.charAt(next))) {
      next++;
    }
    return next >= body.length() || body.charAt(next) != '(';
  }

  private static int identifierEnd(String text, int start) {
    int end = start + 1;
    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static List<String> words(String literal) {
    var words = new ArrayList<String>();
    int i = 0;
    while (i < literal.length()) {
      if (Character.isJavaIdentifierStart(literal.charAt(i))) {
        int end = identifierEnd(literal, i);
        words.add(literal.substring(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return words;
  }
}
