package org.policysearch.ingest.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable character trie over phrases (place names, theme keywords) that finds every phrase in a
 * text in one pass: leftmost-longest, non-overlapping. Lookups walk sorted char arrays, so scanning
 * allocates only the matches. Thread-safe once built.
 *
 * @param <V> what a phrase stands for
 */
final class PhraseTrie<V> {
  /** A phrase found at [start, end) of the text. */
  record Match<V>(int start, int end, String phrase, V value) {}

  private static final class Node<V> {
    char[] keys = new char[0];
    List<Node<V>> children = List.of();
    V value;
    String phrase;

    Node<V> child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i >= 0 ? children.get(i) : null;
    }
  }

  private final Node<V> root;
  /** The root's children by character: most characters of a text start no phrase, and this says so in one step. */
  private final List<Node<V>> rootTable;
  private final int size;

  private PhraseTrie(Node<V> root, int size) {
    this.root = root;
    this.size = size;
    List<Node<V>> table = new ArrayList<>(java.util.Collections.nCopies(Character.MAX_VALUE + 1, null));
    for (int i = 0; i < root.keys.length; i++) table.set(root.keys[i], root.children.get(i));
    this.rootTable = table;
  }

  /** Mutable node used only while building. */
  private static final class Draft<V> {
    final TreeMap<Character, Draft<V>> next = new TreeMap<>();
    V value;
    String phrase;
  }

  static <V> PhraseTrie<V> of(Map<String, V> phrases) {
    Draft<V> top = new Draft<>();
    int n = 0;
    for (Map.Entry<String, V> e : phrases.entrySet()) {
      if (e.getKey().isEmpty()) continue;
      Draft<V> cur = top;
      for (char c : e.getKey().toCharArray()) cur = cur.next.computeIfAbsent(c, k -> new Draft<>());
      cur.value = e.getValue();
      cur.phrase = e.getKey();
      n++;
    }
    return new PhraseTrie<>(freeze(top), n);
  }

  private static <V> Node<V> freeze(Draft<V> d) {
    Node<V> node = new Node<>();
    node.value = d.value;
    node.phrase = d.phrase;
    node.keys = new char[d.next.size()];
    List<Node<V>> ch = new ArrayList<>(d.next.size());
    int i = 0;
    for (Map.Entry<Character, Draft<V>> e : d.next.entrySet()) {
      node.keys[i++] = e.getKey();
      ch.add(freeze(e.getValue()));
    }
    node.children = ch;
    return node;
  }

  int size() {
    return size;
  }

  /** Leftmost-longest, non-overlapping matches. */
  List<Match<V>> findAll(CharSequence text) {
    List<Match<V>> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      Node<V> cur = rootTable.get(text.charAt(i));
      if (cur == null) {
        i++;
        continue;
      }
      Node<V> best = cur.value != null ? cur : null;
      int bestEnd = cur.value != null ? i + 1 : -1;
      for (int j = i + 1; j < n; j++) {
        cur = cur.child(text.charAt(j));
        if (cur == null) break;
        if (cur.value != null) {
          best = cur;
          bestEnd = j + 1;
        }
      }
      if (best != null) {
        out.add(new Match<>(i, bestEnd, best.phrase, best.value));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The value of exactly this phrase, or null. */
  V get(String phrase) {
    Node<V> cur = root;
    for (int i = 0; i < phrase.length() && cur != null; i++) cur = cur.child(phrase.charAt(i));
    return cur == null ? null : cur.value;
  }
}
