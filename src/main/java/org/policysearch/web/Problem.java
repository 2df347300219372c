package org.policysearch.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * An error answer (RFC 9457 problem details): thrown by handlers, rendered in one place
 * ({@link WebApp}) as {@code application/problem+json}.
 *
 * @param status      HTTP status
 * @param title       short summary of the class of problem
 * @param detail      what is wrong and how to fix it, in English (for scripts and logs)
 * @param detailZh    the same in Chinese, written next to the English where the problem is raised: what the
 *                    page shows (it never shows English)
 * @param parameter   the offending parameter, or null
 * @param validValues the values that would be accepted, when they can be listed
 */
public record Problem(int status, String title, String detail, String detailZh, String parameter, List<String> validValues) {
  static final String BASE = "https://policy-search.local/problems/";

  public Problem {
    validValues = List.copyOf(validValues);
  }

  /** A problem without a parameter or values to list. */
  public static Problem of(int status, String title, String detail, String detailZh) {
    return new Problem(status, title, detail, detailZh, null, List.of());
  }

  public static Problem badRequest(String parameter, String detail, String detailZh) {
    return new Problem(400, "Bad request", detail, detailZh, parameter, List.of());
  }

  public static Problem badRequest(String parameter, String detail, String detailZh, List<String> valid) {
    return new Problem(400, "Bad request", detail, detailZh, parameter, valid);
  }

  JsonObject json(String instance) {
    JsonObject o = new JsonObject();
    o.addProperty("type", BASE + typeName());
    o.addProperty("title", title);
    o.addProperty("status", status);
    o.addProperty("detail", detail);
    o.addProperty("detail_zh", detailZh);
    if (instance != null) o.addProperty("instance", instance);
    if (parameter != null) o.addProperty("parameter", parameter);
    if (!validValues.isEmpty()) {
      JsonArray a = new JsonArray();
      validValues.forEach(a::add);
      o.add("valid_values", a);
    }
    return o;
  }

  private String typeName() {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 409 -> "conflict";
      case 413 -> "request-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      case 503 -> "unavailable";
      default -> "internal-error";
    };
  }

  /** Carries a problem out of a handler. */
  public static final class Exception extends RuntimeException {
    private final Problem problem;

    public Exception(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}
