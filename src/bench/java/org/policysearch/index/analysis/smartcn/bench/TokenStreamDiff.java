package org.policysearch.index.analysis.smartcn.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Runs two token streams over the same text in lockstep and reports the first difference in term,
 * offsets, position increment, position length, type, or final offset and position increment.
 */
public final class TokenStreamDiff {
  private TokenStreamDiff() {}

  /** Null when both analyzers agree on {@code text}, else a description of the first difference. */
  public static String diff(Analyzer expected, Analyzer actual, String text) throws IOException {
    try (TokenStream e = expected.tokenStream("f", text);
        TokenStream a = actual.tokenStream("f", text)) {
      return diff(e, a, text);
    }
  }

  /** As {@link #diff(Analyzer, Analyzer, String)} for streams built over readers of {@code text}. */
  public static String diff(
      Function<Reader, TokenStream> expected, Function<Reader, TokenStream> actual, String text)
      throws IOException {
    try (TokenStream e = expected.apply(new StringReader(text));
        TokenStream a = actual.apply(new StringReader(text))) {
      return diff(e, a, text);
    }
  }

  /** Consumes both streams (reset, incrementToken, end; the caller closes them). */
  public static String diff(TokenStream expected, TokenStream actual, String text) throws IOException {
    View e = new View(expected);
    View a = new View(actual);
    expected.reset();
    actual.reset();
    int index = 0;
    while (true) {
      boolean he = expected.incrementToken();
      boolean ha = actual.incrementToken();
      if (he != ha || (he && !e.sameToken(a))) {
        int at = he ? e.offset.startOffset() : a.offset.startOffset();
        return "token "
            + index
            + ": stock "
            + (he ? e.describe() : "<none>")
            + ", ours "
            + (ha ? a.describe() : "<none>")
            + "\n  input ("
            + text.length()
            + " chars) around offset "
            + at
            + ": "
            + window(text, at);
      }
      if (!he) break;
      index++;
    }
    expected.end();
    actual.end();
    if (!e.sameEnd(a)) {
      return "end(): stock "
          + e.describeEnd()
          + ", ours "
          + a.describeEnd()
          + "\n  input: "
          + window(text, text.length());
    }
    return null;
  }

  /** Up to 60 chars each side of {@code at}, escaped so that every char is visible. */
  public static String window(String text, int at) {
    int from = Math.max(0, at - 60);
    int to = Math.min(text.length(), at + 60);
    return (from > 0 ? "…" : "") + escape(text.substring(from, to)) + (to < text.length() ? "…" : "");
  }

  public static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || Character.isSurrogate(c)
          || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029
          || c == 0x3000 || c == 0xFFFD) {
        b.append(String.format("\\u%04X", (int) c));
      } else b.append(c);
    }
    return b.append('"').toString();
  }

  private static final class View {
    final CharTermAttribute term;
    final OffsetAttribute offset;
    final PositionIncrementAttribute posInc;
    final PositionLengthAttribute posLen;
    final TypeAttribute type;

    View(TokenStream ts) {
      term = ts.addAttribute(CharTermAttribute.class);
      offset = ts.addAttribute(OffsetAttribute.class);
      posInc = ts.addAttribute(PositionIncrementAttribute.class);
      posLen = ts.addAttribute(PositionLengthAttribute.class);
      type = ts.addAttribute(TypeAttribute.class);
    }

    boolean sameToken(View o) {
      return term.toString().contentEquals(o.term)
          && offset.startOffset() == o.offset.startOffset()
          && offset.endOffset() == o.offset.endOffset()
          && posInc.getPositionIncrement() == o.posInc.getPositionIncrement()
          && posLen.getPositionLength() == o.posLen.getPositionLength()
          && type.type().equals(o.type.type());
    }

    boolean sameEnd(View o) {
      return offset.startOffset() == o.offset.startOffset()
          && offset.endOffset() == o.offset.endOffset()
          && posInc.getPositionIncrement() == o.posInc.getPositionIncrement();
    }

    String describe() {
      return escape(term.toString())
          + " ["
          + offset.startOffset()
          + ","
          + offset.endOffset()
          + ") +"
          + posInc.getPositionIncrement()
          + " len "
          + posLen.getPositionLength()
          + " "
          + type.type();
    }

    String describeEnd() {
      return "final offset " + offset.endOffset() + ", +" + posInc.getPositionIncrement();
    }
  }
}
