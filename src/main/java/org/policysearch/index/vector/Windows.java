package org.policysearch.index.vector;

import java.util.ArrayList;
import java.util.List;
import org.policysearch.doc.Paragraph;

/**
 * Which text of a document is embedded, and in what pieces. Every paragraph that is not a heading and has
 * at least {@link #MIN_CHARS} characters is embedded; one longer than {@link #WINDOW_CHARS} is cut into
 * windows, each embedded on its own and kept as its own vector, so a paragraph matches as well as its best
 * window does.
 *
 * <p>Why windows rather than truncation or an average: bge reads 512 tokens at most, and truncation would
 * make the end of a long paragraph unfindable; averaging the windows (what langchain4j does with long
 * input) blurs a paragraph about two things into a vector close to neither. Keeping each window costs
 * nothing extra to embed and only 0.2% more vectors on the shared corpus (719 of 379,871 paragraphs are
 * longer than 500 characters, none longer than 2,762). Why skip headings: "一、总体要求" is in half the
 * corpus, and as a vector it would be "similar" to every other copy while saying nothing.
 */
public final class Windows {
  /** Characters per window: at most 512 tokens with [CLS] and [SEP], since no character becomes two tokens. */
  public static final int WINDOW_CHARS = 500;
  /**
   * Windows per paragraph at most (8,000 characters): a bound on the time one pathological paragraph (a
   * whole book without line breaks) can take; the rest of such a paragraph is not embedded.
   */
  public static final int MAX_WINDOWS = 16;
  /** Shorter paragraphs ("附件", "特此通知") are not embedded: too little meaning to match on. */
  public static final int MIN_CHARS = 6;

  private Windows() {}

  /** One piece of a paragraph to embed. @param window 0 for the first (usually only) window */
  public record Window(int paragraph, int window, String text) {}

  /** Whether the paragraph is embedded at all. */
  public static boolean embedded(Paragraph p) {
    return !p.heading() && p.text().strip().length() >= MIN_CHARS;
  }

  /** The windows of every embedded paragraph, in order. */
  public static List<Window> of(List<Paragraph> paragraphs) {
    List<Window> out = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      if (!embedded(p)) continue;
      List<String> pieces = split(p.text().strip());
      for (int i = 0; i < pieces.size(); i++) out.add(new Window(p.number(), i, pieces.get(i)));
    }
    return out;
  }

  /**
   * Cuts {@code text} into pieces of at most {@link #WINDOW_CHARS} characters, each ending after the last
   * sentence end (。！？；) in its second half when there is one, so windows are whole sentences where they
   * can be; never inside a surrogate pair; at most {@link #MAX_WINDOWS} pieces.
   */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from < text.length() && out.size() < MAX_WINDOWS) {
      int end = Math.min(text.length(), from + WINDOW_CHARS);
      if (end < text.length()) {
        int cut = -1;
        for (int i = end - 1; i >= from + WINDOW_CHARS / 2; i--) {
          char c = text.charAt(i);
          if (c == '。' || c == '！' || c == '？' || c == '；') {
            cut = i + 1;
            break;
          }
        }
        if (cut > 0) end = cut;
        else if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
      }
      out.add(text.substring(from, end));
      from = end;
    }
    return out;
  }
}
