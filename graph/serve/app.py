"""The Starlette application behind ``sgkg serve``.

Routes (everything else is 404; only GET, and POST on ``/sparql``):

=============================  ===============================================
``/``                          what is here
``/explorer``                  the national view: every authority, filterable
``/explorer/{key}``            one authority's explorer (graph.explorer's page)
``/queries``, ``/queries/{n}`` the named questions, asked with a form
``/show?name=&authority=``     everything known about one body
``/gaps?authority=&source=``   the gap register, printable
``/changes/{key}``             what changed between inspections (``sgkg changes``)
``/timeline/{key}``            the same drawn as a timeline (``sgkg timeline``)
``/sparql``                    SPARQL 1.1 Protocol, read-only
``/api/...``                   the same as JSON: ``authorities``, ``queries``,
                               ``queries/{n}``, ``show/{n}``, ``gaps``,
                               ``changes/{key}``, ``explorer/{key}``,
                               ``status``
=============================  ===============================================

Work runs in forked children (:mod:`graph.serve.source`) on worker threads,
at most ``workers`` at once, so a query at its time limit holds one worker,
not the server. Answers are kept in memory under the snapshot they were
computed from, and a request for an answer being computed waits for it
rather than computing it again.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from graph import errors
from graph.serve import pages, results, work
from graph.serve.source import Source
from graph.store.budget import DEFAULT_MEMORY_MB, Budget

STATIC = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"serve.css": "text/css; charset=utf-8", "national.js": "text/javascript"}

#: the policy of the server's own pages: its own stylesheet and script, nothing else
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: the longest query text or form accepted, bytes
MAX_BODY = 1 << 20
#: the most the answer cache holds, bytes (roughly)
CACHE_BYTES = 256 << 20

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


class Answers:
    """Answers kept in memory, keyed by snapshot and question; least recently
    used go first when over :data:`CACHE_BYTES`."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self.kept: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self.pending: dict[Any, asyncio.Future[Any]] = {}

    def get(self, key: Any) -> Any:
        found = self.kept.get(key)
        if found is None:
            return None
        self.kept.move_to_end(key)
        return found

    def put(self, key: Any, value: Any) -> None:
        size = len(value) if isinstance(value, str) else len(json.dumps(value, default=str))
        if size > self.limit // 4:
            return
        self.kept[key] = (value, size)
        self.size += size
        while self.size > self.limit and self.kept:
            _, (_, n) = self.kept.popitem(last=False)
            self.size -= n


class Server:
    """What the routes share: the source, the worker limit, the answers."""

    def __init__(self, source: Source, max_rows: int, workers: int) -> None:
        self.source = source
        self.max_rows = max_rows
        self.limiter = anyio.CapacityLimiter(workers)
        self.answers = Answers()

    async def ask(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(store, *args)`` in a forked child; kept per snapshot."""
        key, store = await anyio.to_thread.run_sync(self.source.current)
        if key is None:  # an endpoint: nothing is kept
            return await anyio.to_thread.run_sync(
                self.source.run, store, fn, *args, limiter=self.limiter
            )
        cache_key = (key, fn.__name__, *args)
        found = self.answers.get(cache_key)
        if found is not None:
            return found[0]
        waiting = self.answers.pending.get(cache_key)
        if waiting is not None:
            return await asyncio.shield(waiting)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.answers.pending[cache_key] = future
        try:
            value = await anyio.to_thread.run_sync(
                self.source.run, store, fn, *args, limiter=self.limiter
            )
        except Exception as err:
            future.set_exception(err)
            future.exception()  # retrieved: no "never retrieved" warning when none waits
            raise
        except BaseException:  # cancelled: whoever waits asks again
            future.cancel()
            raise
        finally:
            self.answers.pending.pop(cache_key, None)
        self.answers.put(cache_key, value)
        future.set_result(value)
        return value


# ---------------------------------------------------------------- responses


def _headers(csp: str = CSP, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {"Content-Security-Policy": csp, **SECURITY_HEADERS, **(extra or {})}


def html(text: str, status: int = 200, csp: str = CSP) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=_headers(csp))


def as_json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=_headers())


def _document_csp(document: str) -> str:
    """The policy a page written by graph/ carries in its meta element (the
    explorer allows its own inline scripts by hash), sent as a header too."""
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', document)
    if not found:
        return CSP
    import html as html_lib

    return html_lib.unescape(found.group(1)) + "; frame-ancestors 'none'"


def status_of(err: errors.SgkgError) -> int:
    if isinstance(err, errors.QueryBudgetError):
        return 503
    if isinstance(err, errors.AmbiguousNameError):
        return 400
    if isinstance(err, errors.UnknownNameError | errors.StoreMissingError):
        return 404
    if isinstance(err, errors.UserError):
        return 400
    from graph.store.remote import EndpointError

    if isinstance(err, EndpointError):
        return 502
    return 500


def failure(err: errors.SgkgError, api: bool) -> Response:
    status = status_of(err)
    message = str(err)
    if api:
        return as_json({"error": message, "status": status}, status)
    return html(pages.error(status, message), status)


def wants_html(request: Request) -> bool:
    for media, _q in results.parse_accept(request.headers.get("accept")):
        if media == "text/html":
            return True
        if media in results.RESULTS or media in results.GRAPHS:
            return False
    return False


# ---------------------------------------------------------------- routes


def _server(request: Request) -> Server:
    return request.app.state.server


async def home(request: Request) -> Response:
    srv = _server(request)
    key, _ = await anyio.to_thread.run_sync(srv.source.current)
    return html(pages.home(srv.source.describe(), srv.source.generation(key)))


async def status(request: Request) -> Response:
    srv = _server(request)
    key, _ = await anyio.to_thread.run_sync(srv.source.current)
    return as_json(
        {
            "source": srv.source.describe(),
            "snapshot": key,
            "generation": srv.source.generation(key),
            "timeout_seconds": srv.source.budget.seconds,
            "max_rows": srv.max_rows,
        }
    )


async def static(request: Request) -> Response:
    name = request.path_params["file"]
    if name not in STATIC_FILES:
        raise HTTPException(404, f"no file {name}")
    return Response(
        (STATIC / name).read_bytes(),
        media_type=STATIC_FILES[name],
        headers=_headers(extra={"Cache-Control": "max-age=3600"}),
    )


async def favicon(request: Request) -> Response:
    """No icon: an empty answer, so browsers do not log a 404 for every page."""
    return Response(
        b"", status_code=204, headers=_headers(extra={"Cache-Control": "max-age=86400"})
    )


async def national(request: Request) -> Response:
    api = request.url.path.startswith("/api/")
    try:
        found = await _server(request).ask(work.authorities)
    except errors.SgkgError as err:
        return failure(err, api)
    return as_json(found) if api else html(pages.national(found))


async def explorer(request: Request) -> Response:
    api = request.url.path.startswith("/api/")
    authority = request.path_params["authority"]
    focus = request.query_params.get("focus") or None
    only = request.query_params.get("only") or None
    if only not in (None, "gaps"):
        return failure(errors.UserError("only= takes one value: gaps"), api)
    try:
        value = await _server(request).ask(
            work.explorer, authority, focus, only, "json" if api else "html"
        )
    except errors.SgkgError as err:
        return failure(err, api)
    if api:
        return as_json(value)
    return html(value, csp=_document_csp(value))


def _query_meta(name: str) -> dict[str, Any]:
    from graph.queries.catalog import load_query, query_as_dict

    return query_as_dict(load_query(name))


async def queries(request: Request) -> Response:
    from graph.queries.catalog import list_queries

    found = [_query_meta(q.name) for q in list_queries()]
    if request.url.path.startswith("/api/"):
        return as_json(found)
    return html(pages.query_list(found))


async def named_query(request: Request) -> Response:
    from graph.store.embedded import to_python

    api = request.url.path.startswith("/api/")
    srv = _server(request)
    try:
        meta = _query_meta(request.path_params["name"])
    except errors.SgkgError as err:
        return failure(err, api)
    given = {k: v for k, v in request.query_params.items() if v != ""}
    required = [p["name"] for p in meta["params"] if not p["optional"]]
    if not api and any(r not in given for r in required):
        return html(pages.query_page(meta, given, None, []))
    try:
        answer = await srv.ask(
            work.named_query, meta["name"], tuple(sorted(given.items())), srv.max_rows
        )
    except errors.SgkgError as err:
        if api:
            return failure(err, api)
        return html(pages.query_page(meta, given, None, [], str(err)), status_of(err))
    rows = results.decode_rows(answer)
    if api:
        plain = [
            {v: to_python(t) for v, t in zip(answer["variables"], row, strict=True)} for row in rows
        ]
        return as_json(
            {
                "query": meta["name"],
                "summary": meta["summary"],
                "params": given,
                "variables": answer["variables"],
                "rows": plain,
                "truncated": answer["truncated"],
            }
        )
    return html(pages.query_page(meta, given, answer, rows))


async def show(request: Request) -> Response:
    api = request.url.path.startswith("/api/")
    name = request.path_params.get("name") or request.query_params.get("name", "")
    authority = request.query_params.get("authority") or None
    if not name:
        if api:
            return failure(errors.UserError("give the body's name: /api/show/NAME"), api)
        return html(pages.show_form())
    try:
        view = await _server(request).ask(work.show, name, authority)
    except errors.SgkgError as err:
        if api:
            return failure(err, api)
        return html(pages.show_form(name, authority or "", str(err)), status_of(err))
    return as_json(view) if api else html(pages.body_page(view))


async def gaps(request: Request) -> Response:
    api = request.url.path.startswith("/api/")
    authority = request.query_params.get("authority") or None
    source = request.query_params.get("source") or None
    if source not in (None, "inspectors", "expected"):
        return failure(errors.UserError("source= is inspectors or expected"), api)
    try:
        value = await _server(request).ask(work.gaps, authority, source, "json" if api else "html")
    except errors.SgkgError as err:
        return failure(err, api)
    if api:
        return as_json(value)
    return html(value, csp=_document_csp(value))


async def changes(request: Request) -> Response:
    """``sgkg changes`` for one authority: ``?from=``, ``?to=``, ``?aspect=``
    (repeated), ``?all=1``."""
    from graph.analysis.changes import ASPECTS

    api = request.url.path.startswith("/api/")
    authority = request.path_params["authority"]
    params = request.query_params
    aspects = tuple(params.getlist("aspect"))
    unknown = [a for a in aspects if a not in ASPECTS]
    if unknown:
        return failure(
            errors.UserError(f"aspect= is one of {', '.join(ASPECTS)} (not {unknown[0]!r})"), api
        )
    since, until = params.get("from") or None, params.get("to") or None
    unchanged = params.get("all", "") not in ("", "0", "false")
    try:
        doc = await _server(request).ask(work.changes, authority, since, until, aspects, unchanged)
    except errors.SgkgError as err:
        return failure(err, api)
    if api:
        return as_json(doc)
    links = pages.authority_links(doc["authority"], "changes")
    return html(pages.changes_page(doc, links, request.url.query))


async def timeline(request: Request) -> Response:
    try:
        value = await _server(request).ask(work.timeline, request.path_params["authority"])
    except errors.SgkgError as err:
        return failure(err, False)
    return html(value, csp=_document_csp(value))


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol's query operation, read-only."""
    from graph.store.guard import looks_like_update

    text: str | None = None
    params = dict(request.query_params)
    if request.method == "POST":
        size = int(request.headers.get("content-length") or 0)
        if size > MAX_BODY:
            return _protocol_error(413, f"the request is over {MAX_BODY} bytes")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            body = await request.body()
            if len(body) > MAX_BODY:
                return _protocol_error(413, f"the request is over {MAX_BODY} bytes")
            text = body.decode("utf-8", "replace")
        elif ctype == "application/x-www-form-urlencoded":
            from urllib.parse import parse_qsl

            body = await request.body()
            if len(body) > MAX_BODY:
                return _protocol_error(413, f"the request is over {MAX_BODY} bytes")
            params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif ctype == "application/sparql-update":
            return _protocol_error(403, "this endpoint is read-only: SPARQL UPDATE is refused")
        else:
            return _protocol_error(
                415,
                "POST a query as application/sparql-query or application/x-www-form-urlencoded",
            )
    if "update" in params:
        return _protocol_error(403, "this endpoint is read-only: SPARQL UPDATE is refused")
    if text is None:
        text = params.get("query")
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        return _protocol_error(
            400,
            "default-graph-uri and named-graph-uri are not supported: the default graph is the "
            "union of every named graph; use FROM or GRAPH in the query",
        )
    fmt_given = results.SHORT.get(params.get("format", "").lower())
    if not text:
        if request.method == "GET" and (fmt_given == "html" or wants_html(request)):
            return html(pages.sparql_form())
        return _protocol_error(400, "no query: give query=... (GET or form POST) or a body")
    if looks_like_update(text):
        return _protocol_error(
            403, "this is a SPARQL UPDATE; this endpoint is read-only and refuses it"
        )
    srv = _server(request)
    try:
        answer = await srv.ask(work.sparql, text, srv.max_rows)
    except errors.SgkgError as err:
        return _protocol_error(status_of(err), str(err))
    accept = request.headers.get("accept")
    fmt = fmt_given or results.choose(accept, answer["kind"], html_ok=True)
    if fmt is None:
        kinds = results.GRAPHS if answer["kind"] == "graph" else results.RESULTS
        return _protocol_error(406, "acceptable media types: " + ", ".join(sorted(set(kinds))))
    extra = {"Vary": "Accept"}
    if answer.get("truncated"):
        extra["X-SGKG-Truncated"] = f"max-rows={srv.max_rows}"
    if fmt == "html":
        return html(pages.sparql_result(text, answer, results.decode_rows(answer)))
    if answer["kind"] == "graph" and fmt not in ("turtle", "jsonld", "nt"):
        fmt = "turtle"
    if answer["kind"] != "graph" and fmt in ("turtle", "jsonld", "nt"):
        fmt = "json"
    return Response(
        results.serialise(answer, fmt),
        media_type=results.MEDIA[fmt],
        headers=_headers(extra=extra),
    )


def _protocol_error(status: int, message: str) -> Response:
    return Response(
        message + "\n",
        status_code=status,
        media_type="text/plain; charset=utf-8",
        headers=_headers(),
    )


async def http_error(request: Request, exc: Exception) -> Response:
    code = getattr(exc, "status_code", 500)
    detail = getattr(exc, "detail", "") or ""
    if code == 404:
        detail = f"nothing at {request.url.path}; see / for what is served"
    if request.url.path.startswith(("/api/", "/sparql")) or not wants_html(request):
        return as_json({"error": detail, "status": code}, code)
    return html(pages.error(code, detail), code)


async def server_error(request: Request, exc: Exception) -> Response:
    """A bug: a short message, never a traceback, in the same headers."""
    return as_json({"error": "the server failed on this request", "status": 500}, 500)


# ---------------------------------------------------------------- the app


def create_app(
    store_path: str | Path | None = None,
    endpoint: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    workers: int | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> Starlette:
    """The application over the embedded store at ``store_path`` (default:
    ``SGKG_STORE`` or the usual place) or, with ``endpoint``, a SPARQL
    endpoint. ``timeout`` and ``memory_mb`` are each request's budget,
    ``max_rows`` the most rows an answer carries, ``workers`` how many
    requests run at once (default: two per CPU, at least 4)."""
    from graph.store.embedded import default_store_path, store_exists

    if endpoint:
        from graph.store.remote import check_url

        source = Source(endpoint=check_url(endpoint), budget=Budget(timeout, memory_mb))
    else:
        path = Path(store_path).expanduser() if store_path else default_store_path()
        if not store_exists(path):
            raise errors.StoreMissingError(
                f"no sgkg store at {path}; create one with `sgkg ingest` or `sgkg demo`, or "
                "point --store (or SGKG_STORE) at one"
            )
        source = Source(path=path, budget=Budget(timeout, memory_mb))
    # queries a request runs inside its child get the same time budget
    os.environ["SGKG_QUERY_SECONDS"] = f"{timeout:g}"
    workers = workers or max(4, 2 * (os.cpu_count() or 1))
    routes = [
        Route("/", home),
        Route("/explorer", national),
        Route("/explorer/{authority}", explorer),
        Route("/queries", queries),
        Route("/queries/{name}", named_query),
        Route("/show", show),
        Route("/show/{name:path}", show),
        Route("/gaps", gaps),
        Route("/changes/{authority}", changes),
        Route("/timeline/{authority}", timeline),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/api/status", status),
        Route("/api/authorities", national),
        Route("/api/explorer/{authority}", explorer),
        Route("/api/queries", queries),
        Route("/api/queries/{name}", named_query),
        Route("/api/show", show),
        Route("/api/show/{name:path}", show),
        Route("/api/gaps", gaps),
        Route("/api/changes/{authority}", changes),
        Route("/static/{file}", static),
        Route("/favicon.ico", favicon),
    ]
    app = Starlette(
        routes=routes, exception_handlers={HTTPException: http_error, Exception: server_error}
    )
    app.state.server = Server(source, max_rows, workers)
    return app
