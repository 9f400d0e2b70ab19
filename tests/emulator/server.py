"""The HTTP side: a tornado server on 127.0.0.1 in its own thread and event loop.

Requests go to ``/bot<token>/<method>`` (GET or POST; query string, JSON, form-encoded or
multipart bodies). getUpdates long-polls here; webhook deliveries are POSTed from here; injected
faults (error statuses, dropped connections, delays) are applied here before the method runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from http import HTTPStatus
from typing import Any

import tornado.netutil
import tornado.web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

from .state import ApiError, CallRecord, EmulatorState, JSONDict, decode_params

NOT_FOUND: JSONDict = {"ok": False, "error_code": 404, "description": "Not Found"}
UNAUTHORIZED: JSONDict = {"ok": False, "error_code": 401, "description": "Unauthorized"}
BAD_GATEWAY_HTML = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
MAX_LONG_POLL = 50.0
WEBHOOK_RETRY_DELAY = 0.2
WEBHOOK_TIMEOUT = 5.0


class _Poll:
    """One waiting getUpdates request."""

    def __init__(self) -> None:
        self.superseded = False


class _NotFoundHandler(tornado.web.RequestHandler):
    def prepare(self) -> None:
        self.set_status(404)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(NOT_FOUND))


class _ApiHandler(tornado.web.RequestHandler):
    server: EmulatorServer

    def initialize(self, server: EmulatorServer) -> None:
        self.server = server
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_connection_close(self) -> None:
        if not self.closed.done():
            self.closed.set_result(None)

    def check_xsrf_cookie(self) -> None:
        return None

    async def get(self, token: str, method: str) -> None:
        await self._handle(token, method)

    async def post(self, token: str, method: str) -> None:
        await self._handle(token, method)

    def _reply(self, status: int, body: JSONDict) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body, ensure_ascii=False))

    def _params(self) -> tuple[JSONDict, bool]:
        raw: dict[str, Any] = {
            k: v[-1].decode("utf-8", "replace") for k, v in self.request.query_arguments.items()
        }
        from_strings = True
        ctype = self.request.headers.get("Content-Type", "")
        body = self.request.body
        if body and ctype.split(";")[0].strip().lower() == "application/json":
            try:
                data = json.loads(body)
            except ValueError as exc:
                raise ApiError(400, "Bad Request: can't parse JSON encoded request") from exc
            if not isinstance(data, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            raw.update(data)
            from_strings = False
        else:
            for key, values in self.request.body_arguments.items():
                raw[key] = values[-1].decode("utf-8", "replace")
            for key in self.request.files:
                raw.setdefault(key, f"<uploaded file {key}>")
        return decode_params(raw, from_strings), from_strings

    async def _handle(self, token: str, method_name: str) -> None:
        state = self.server.state
        if token != state.token:
            self._reply(401, UNAUTHORIZED)
            return
        method = state.canonical_method(method_name)
        try:
            params, _ = self._params()
        except ApiError as exc:
            state.record(CallRecord(method or method_name, {}, exc.status, exc.body()))
            self._reply(exc.status, exc.body())
            return
        if method is None:
            state.record(CallRecord(method_name, params, 404, NOT_FOUND))
            self._reply(404, NOT_FOUND)
            return
        fault = state.take_fault(method)
        if fault is not None and fault.kind == "drop":
            state.record(CallRecord(method, params, 0, None, fault="drop"))
            stream = self.request.connection.stream  # type: ignore[union-attr]
            stream.close()
            return
        if fault is not None and fault.kind == "status":
            body = fault.body()
            state.record(CallRecord(method, params, fault.status, body, fault="status"))
            if fault.status == 502 and fault.description is None:
                self.set_status(502)
                self.set_header("Content-Type", "text/html")
                self.finish(BAD_GATEWAY_HTML)
            else:
                self._reply(fault.status, body)
            return
        if fault is not None and fault.kind == "delay":
            await asyncio.sleep(fault.seconds)
        try:
            if method == "getUpdates":
                body = {"ok": True, "result": await self.server.long_poll(self, params)}
            else:
                body = state.dispatch(method, params)
        except ApiError as exc:
            state.record(CallRecord(method, params, exc.status, exc.body(), fault=_kind(fault)))
            self._reply(exc.status, exc.body())
            return
        except Exception as exc:  # a bug in the emulator: answer, record, keep serving
            body = {
                "ok": False,
                "error_code": 500,
                "description": f"Internal Server Error (emulator bug: {exc!r})",
            }
            state.record(CallRecord(method, params, 500, body, fault="emulator-error"))
            self._reply(500, body)
            return
        state.record(CallRecord(method, params, 200, body, fault=_kind(fault)))
        if not self.closed.done():
            self._reply(200, body)


def _phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Unknown"


def _kind(fault: Any) -> str | None:
    return None if fault is None else str(fault.kind)


class EmulatorServer:
    """Runs the HTTP server for an :class:`EmulatorState` in a daemon thread."""

    def __init__(self, state: EmulatorState, host: str = "127.0.0.1") -> None:
        self.state = state
        self.host = host
        self.port = 0
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ioloop: IOLoop | None = None
        self._http: HTTPServer | None = None
        self._client: AsyncHTTPClient | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._waiters: set[asyncio.Future[None]] = set()
        self._polls: list[_Poll] = []
        self._stopping = False
        self._started = threading.Event()
        self._startup_error: BaseException | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> None:
        if self._thread is not None:
            raise RuntimeError("the emulator server is already started")
        self._started = threading.Event()
        self._startup_error = None
        self._stopping = False
        self._waiters = set()
        self._polls = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="telegram-emulator", daemon=True)
        self._thread.start()
        if not self._started.wait(timeout):
            raise RuntimeError("the emulator server did not start in time")
        if self._startup_error is not None:
            raise RuntimeError("the emulator server failed to start") from self._startup_error
        self.state.add_listener(self._on_change)

    def stop(self, timeout: float = 10.0) -> None:
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        self.state.remove_listener(self._on_change)
        if thread.is_alive():
            future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            with contextlib.suppress(Exception):
                future.result(timeout)
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
        self._thread = None

    def _run(self) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._setup())
        except BaseException as exc:
            self._startup_error = exc
            self._started.set()
            loop.close()
            return
        self._started.set()
        try:
            loop.run_forever()
        finally:
            tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in tasks:
                task.cancel()
            if tasks:
                loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            if self._ioloop is not None:
                self._ioloop.close(all_fds=False)  # also closes the asyncio loop
            else:
                loop.close()
            asyncio.set_event_loop(None)

    async def _setup(self) -> None:
        self._ioloop = IOLoop.current()
        app = tornado.web.Application(
            [(r"/bot([^/]*)/([^/]+)", _ApiHandler, {"server": self})],
            default_handler_class=_NotFoundHandler,
            log_function=lambda handler: None,
        )
        sockets = tornado.netutil.bind_sockets(0, self.host)
        self.port = sockets[0].getsockname()[1]
        self._http = HTTPServer(app, idle_connection_timeout=60)
        self._http.add_sockets(sockets)
        self._client = AsyncHTTPClient(force_instance=True)
        self._webhook_task = asyncio.create_task(self._webhook_loop())

    async def _shutdown(self) -> None:
        self._stopping = True
        self._wake()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._webhook_task
        if self._http is not None:
            self._http.stop()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._http.close_all_connections(), 5)
        if self._client is not None:
            self._client.close()

    # ------------------------------------------------------------------ change notification

    def _on_change(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(self._wake)

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def _changed(self, timeout: float, *others: asyncio.Future[None]) -> None:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait({waiter, *others}, timeout=timeout, return_when="FIRST_COMPLETED")
        finally:
            self._waiters.discard(waiter)
            if not waiter.done():
                waiter.cancel()

    # ------------------------------------------------------------------ getUpdates

    async def long_poll(self, handler: _ApiHandler, params: JSONDict) -> list[JSONDict]:
        timeout = float(params.get("timeout") or 0)
        timeout = max(0.0, min(timeout, MAX_LONG_POLL))
        poll = _Poll()
        for older in self._polls:
            older.superseded = True
        self._polls.append(poll)
        self._wake()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                updates = self.state.fetch_updates(params)
                if poll.superseded:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; "
                        "make sure that only one bot instance is running",
                    )
                remaining = deadline - loop.time()
                if updates or remaining <= 0 or self._stopping or handler.closed.done():
                    return updates
                await self._changed(remaining, handler.closed)
        finally:
            self._polls.remove(poll)

    # ------------------------------------------------------------------ webhook

    async def _webhook_loop(self) -> None:
        while not self._stopping:
            item = self.state.next_webhook_delivery()
            if item is None:
                await self._changed(1.0)
                continue
            url, secret, update = item
            headers = {"Content-Type": "application/json"}
            if secret:
                headers["X-Telegram-Bot-Api-Secret-Token"] = secret
            request = HTTPRequest(
                url,
                method="POST",
                body=json.dumps(update),
                headers=headers,
                connect_timeout=WEBHOOK_TIMEOUT,
                request_timeout=WEBHOOK_TIMEOUT,
            )
            assert self._client is not None
            started = time.monotonic()
            try:
                response = await self._client.fetch(request, raise_error=False)
            except HTTPClientError as exc:
                self.state.webhook_failed(f"Wrong response from the webhook: {exc}")
            except OSError as exc:
                reason = (
                    "Connection refused" if isinstance(exc, ConnectionRefusedError) else str(exc)
                )
                self.state.webhook_failed(reason or exc.__class__.__name__)
            else:
                if 200 <= response.code < 300:
                    self.state.webhook_delivered(update)
                    continue
                if response.code == 599:
                    self.state.webhook_failed(str(response.error or "Connection failed"))
                else:
                    self.state.webhook_failed(
                        f"Wrong response from the webhook: {response.code} {_phrase(response.code)}"
                    )
            # back off before retrying this update
            wait = WEBHOOK_RETRY_DELAY - (time.monotonic() - started)
            await asyncio.sleep(max(wait, 0.05))
