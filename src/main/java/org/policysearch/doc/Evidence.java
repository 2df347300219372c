package org.policysearch.doc;

/**
 * Why a metadata field has its value.
 *
 * @param field  title, date, region, type, themes, ...
 * @param value  the value decided
 * @param origin where it came from: "given" (JSONL), "sidecar", "html-meta", "text", "filename", "default"
 * @param detail the words that decided it, e.g. "潼南区 ×3 in body; 重庆 ×2"
 */
public record Evidence(String field, String value, String origin, String detail) {}
