package org.policysearch.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the query language (README "Query language"):
 * <pre>
 *   query   := or
 *   or      := and ( "OR" and )*
 *   and     := unary ( ["AND"] unary )*
 *   unary   := ("-" | "NOT ") primary | primary
 *   primary := "(" or ")" | "title:" primary | quoted | word
 * </pre>
 * Quotes are ASCII {@code "} or Chinese “…” (what a Chinese keyboard types); parentheses, quotes, the
 * minus sign and the colon may be full-width. {@code *}, {@code ?} and {@code /} are ordinary characters:
 * there are no wildcards or regular expressions, so no query can be expensive by construction.
 */
public final class QueryParser {
  /** Field prefixes that scope a term to the title. */
  private static final List<String> TITLE_PREFIXES = List.of("title:", "标题:");

  private enum Kind { LPAREN, RPAREN, QUOTED, WORD, OR, AND, NOT, MINUS, TITLE, END }

  private record Token(Kind kind, String text, int pos) {}

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int at;

  private QueryParser(String src) {
    this.src = src;
  }

  /** Parses a query; an empty or blank query gives null (list everything). */
  public static QueryNode parse(String query) throws QuerySyntaxException {
    if (query == null || query.isBlank()) return null;
    QueryParser p = new QueryParser(query);
    p.lex();
    QueryNode n = p.or();
    Token t = p.peek();
    if (t.kind == Kind.RPAREN) throw unmatchedParen(t);
    if (t.kind != Kind.END) throw unexpected(t);
    return n;
  }

  private static QuerySyntaxException unmatchedParen(Token t) {
    return new QuerySyntaxException("the ')' at position " + (t.pos + 1) + " has no matching '('; remove it or add a '(' before it",
        "第 " + (t.pos + 1) + " 个字符处的“)”没有对应的“(”：请删去它，或在前面补上“(”", t.pos);
  }

  private static QuerySyntaxException unexpected(Token t) {
    return new QuerySyntaxException("unexpected '" + t.text + "' at position " + (t.pos + 1),
        "第 " + (t.pos + 1) + " 个字符处的“" + t.text + "”放在这里无法理解", t.pos);
  }

  private static char fold(char c) {
    return switch (c) {
      case '（' -> '(';
      case '）' -> ')';
      case '＂' -> '"';
      case '－' -> '-';
      case '：' -> ':';
      case '\u3000' -> ' ';
      default -> c;
    };
  }

  private static boolean isOpenQuote(char c) {
    return c == '"' || c == '“';
  }

  private static boolean isCloseQuote(char c) {
    return c == '"' || c == '”';
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private void lex() throws QuerySyntaxException {
    int n = src.length();
    int i = 0;
    while (i < n) {
      char c = fold(src.charAt(i));
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "(", i++));
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")", i++));
      } else if (isOpenQuote(c)) {
        int start = i++;
        StringBuilder sb = new StringBuilder();
        while (i < n && !isCloseQuote(fold(src.charAt(i)))) sb.append(src.charAt(i++));
        if (i >= n) {
          throw new QuerySyntaxException("the quotation mark at position " + (start + 1)
              + " is never closed; add a closing quotation mark or remove it",
              "第 " + (start + 1) + " 个字符处的引号没有闭合：请补上后引号，或删去这个引号", start);
        }
        i++;
        tokens.add(new Token(Kind.QUOTED, sb.toString(), start));
      } else if (src.charAt(i) == '”') {
        // A word ends at ”, so a stray one would start an empty word forever: it is an error, like a stray ')'.
        throw new QuerySyntaxException("the closing quotation mark ” at position " + (i + 1)
            + " has no opening “ before it; add one or remove it",
            "第 " + (i + 1) + " 个字符处的后引号”前面没有前引号“：请补上前引号，或删去它", i);
      } else if (c == '-' && i + 1 < n && !isSpace(src.charAt(i + 1)) && startsTerm(i)) {
        tokens.add(new Token(Kind.MINUS, "-", i++));
      } else {
        String prefix = titlePrefixAt(i);
        if (prefix != null) {
          tokens.add(new Token(Kind.TITLE, prefix, i));
          i += prefix.length();
          continue;
        }
        int start = i;
        StringBuilder sb = new StringBuilder();
        while (i < n) {
          char d = fold(src.charAt(i));
          if (isSpace(d) || d == '(' || d == ')' || isOpenQuote(d) || src.charAt(i) == '”') break;
          sb.append(src.charAt(i++));
        }
        String w = sb.toString();
        switch (w) {
          case "OR" -> tokens.add(new Token(Kind.OR, w, start));
          case "AND" -> tokens.add(new Token(Kind.AND, w, start));
          case "NOT" -> tokens.add(new Token(Kind.NOT, w, start));
          default -> {
            if (w.equals("-")) {
              throw new QuerySyntaxException("'-' at position " + (start + 1)
                  + " must be directly followed by a word, a quoted string or a group to exclude (no space)",
                  "第 " + (start + 1) + " 个字符处的“-”后面要紧跟要排除的词、引号内的短语或括号（中间不留空格）", start);
            }
            tokens.add(new Token(Kind.WORD, w, start));
          }
        }
      }
    }
    tokens.add(new Token(Kind.END, "end of query", n));
  }

  /** A minus excludes only at the start of a term: "COVID-19" is one word. */
  private boolean startsTerm(int i) {
    return i == 0 || isSpace(fold(src.charAt(i - 1))) || fold(src.charAt(i - 1)) == '(';
  }

  private String titlePrefixAt(int i) {
    for (String p : TITLE_PREFIXES) {
      if (i + p.length() <= src.length()) {
        boolean match = true;
        for (int k = 0; k < p.length(); k++) {
          if (Character.toLowerCase(fold(src.charAt(i + k))) != p.charAt(k)) {
            match = false;
            break;
          }
        }
        if (match && startsTerm(i)) return p;
      }
    }
    return null;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(at++);
  }

  private QueryNode or() throws QuerySyntaxException {
    List<QueryNode> parts = new ArrayList<>();
    if (peek().kind == Kind.OR) {
      Token t = peek();
      throw new QuerySyntaxException("'OR' at position " + (t.pos + 1) + " needs a term before it",
          "第 " + (t.pos + 1) + " 个字符处的 OR 前面缺少检索词", t.pos);
    }
    parts.add(and());
    while (peek().kind == Kind.OR) {
      Token or = next();
      Kind k = peek().kind;
      if (k == Kind.END || k == Kind.RPAREN || k == Kind.OR || k == Kind.AND) {
        throw new QuerySyntaxException("'OR' at position " + (or.pos + 1) + " needs a term after it",
            "第 " + (or.pos + 1) + " 个字符处的 OR 后面缺少检索词", or.pos);
      }
      parts.add(and());
    }
    for (QueryNode p : parts) {
      if (parts.size() > 1 && p instanceof QueryNode.Not) {
        throw new QuerySyntaxException("an excluded term cannot be one side of OR; write the exclusion outside the OR",
            "排除的词（-词）不能作为 OR 的一边：请把排除条件写在 OR 之外", -1);
      }
    }
    return parts.size() == 1 ? parts.get(0) : new QueryNode.Or(parts);
  }

  private QueryNode and() throws QuerySyntaxException {
    List<QueryNode> parts = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind == Kind.END || t.kind == Kind.RPAREN || t.kind == Kind.OR) break;
      if (t.kind == Kind.AND) {
        next();
        Kind k = peek().kind;
        if (parts.isEmpty() || k == Kind.END || k == Kind.RPAREN || k == Kind.OR || k == Kind.AND) {
          throw new QuerySyntaxException("'AND' at position " + (t.pos + 1) + " needs a term on both sides",
              "第 " + (t.pos + 1) + " 个字符处的 AND 两边都要有检索词", t.pos);
        }
        continue;
      }
      parts.add(unary());
    }
    if (parts.isEmpty()) {
      Token t = peek();
      throw new QuerySyntaxException("expected a word, a quoted string or a group at position " + (t.pos + 1)
          + " but found " + (t.kind == Kind.END ? "the end of the query" : "'" + t.text + "'"),
          "第 " + (t.pos + 1) + " 个字符处应是检索词、引号内的短语或括号，却是"
          + (t.kind == Kind.END ? "检索式的结尾" : "“" + t.text + "”"), t.pos);
    }
    return parts.size() == 1 ? parts.get(0) : new QueryNode.And(parts);
  }

  private QueryNode unary() throws QuerySyntaxException {
    Token t = peek();
    if (t.kind == Kind.MINUS || t.kind == Kind.NOT) {
      next();
      Kind k = peek().kind;
      if (k == Kind.END || k == Kind.RPAREN || k == Kind.OR || k == Kind.AND || k == Kind.MINUS || k == Kind.NOT) {
        throw new QuerySyntaxException("'" + t.text + "' at position " + (t.pos + 1)
            + " must be followed by a word, a quoted string or a group to exclude",
            "第 " + (t.pos + 1) + " 个字符处的“" + t.text + "”后面要跟要排除的词、引号内的短语或括号", t.pos);
      }
      QueryNode inner = primary(QueryNode.Scope.BODY);
      // -(-x) is x
      return inner instanceof QueryNode.Not not ? not.child() : new QueryNode.Not(inner);
    }
    return primary(QueryNode.Scope.BODY);
  }

  private QueryNode primary(QueryNode.Scope scope) throws QuerySyntaxException {
    Token t = next();
    switch (t.kind) {
      case LPAREN -> {
        if (peek().kind == Kind.RPAREN) {
          throw new QuerySyntaxException("the group '()' at position " + (t.pos + 1) + " is empty; put terms inside or remove it",
              "第 " + (t.pos + 1) + " 个字符处的括号是空的：请在括号里写上检索词，或删去括号", t.pos);
        }
        QueryNode inner = scope == QueryNode.Scope.TITLE ? withScope(or(), QueryNode.Scope.TITLE) : or();
        Token close = next();
        if (close.kind != Kind.RPAREN) {
          throw new QuerySyntaxException("the '(' at position " + (t.pos + 1) + " is never closed; add a ')'",
              "第 " + (t.pos + 1) + " 个字符处的“(”没有闭合：请补上“)”", t.pos);
        }
        return inner;
      }
      case TITLE -> {
        Kind k = peek().kind;
        if (k != Kind.WORD && k != Kind.QUOTED && k != Kind.LPAREN) {
          throw new QuerySyntaxException("'" + t.text + "' at position " + (t.pos + 1)
              + " must be directly followed by a word, a quoted string or a group to look for in titles",
              "第 " + (t.pos + 1) + " 个字符处的“" + t.text + "”后面要紧跟要在标题中查找的词、引号内的短语或括号", t.pos);
        }
        return primary(QueryNode.Scope.TITLE);
      }
      case QUOTED -> {
        if (t.text.isBlank()) {
          throw new QuerySyntaxException("the quoted string at position " + (t.pos + 1) + " is empty; put the exact text between the quotes",
              "第 " + (t.pos + 1) + " 个字符处的引号里是空的：请在引号之间写上要精确查找的文字", t.pos);
        }
        return new QueryNode.Exact(t.text, scope, t.pos);
      }
      case WORD -> {
        return new QueryNode.Words(t.text, scope, t.pos);
      }
      case RPAREN -> throw unmatchedParen(t);
      case END -> throw new QuerySyntaxException("the query ends where a word, a quoted string or a group was expected",
          "检索式在应有检索词、引号内的短语或括号的地方结束了", t.pos);
      default -> throw unexpected(t);
    }
  }

  private static QueryNode withScope(QueryNode n, QueryNode.Scope scope) {
    return switch (n) {
      case QueryNode.Words w -> new QueryNode.Words(w.text(), scope, w.position());
      case QueryNode.Exact e -> new QueryNode.Exact(e.text(), scope, e.position());
      case QueryNode.And a -> new QueryNode.And(a.children().stream().map(c -> withScope(c, scope)).toList());
      case QueryNode.Or o -> new QueryNode.Or(o.children().stream().map(c -> withScope(c, scope)).toList());
      case QueryNode.Not x -> new QueryNode.Not(withScope(x.child(), scope));
    };
  }
}
