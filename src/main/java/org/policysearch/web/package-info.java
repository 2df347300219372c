/**
 * The HTTP face: {@link org.policysearch.web.WebApp} builds the Javalin app without starting it (routes
 * declared once with their handlers, the OpenAPI document tested against them, errors rendered in one
 * place as problem details, security headers, CORS, request limits); {@link org.policysearch.web.ApiHandlers}
 * read and check parameters strictly ({@link org.policysearch.web.Params}), call the
 * {@link org.policysearch.search.api.SearchBackend} and write its records with
 * {@link org.policysearch.search.json.ResultJson}, or send the CSV and JSON Lines files that
 * {@link org.policysearch.search.download.Downloads} writes. It also serves the page in {@code web/}.
 *
 * <p>Imports {@link org.policysearch.Config}, {@code search.api}, {@code search.json} and
 * {@code search.download} only (tested): it serves whatever backend it is given, never the Lucene engine
 * itself; the admin reindex is an operation of that backend too. Never {@code cli}, {@code ingest} or
 * {@code index}.
 */
package org.policysearch.web;
