"""The channel to Airlock's lakehouse gateway: JSON lines over a Unix domain socket.

One connection per call keeps the client thread-safe without locks; a Unix socket connect costs
microseconds. No timeout on purpose: a merge into main waits for a human's decision, and the
sandbox pauses its own clock meanwhile (the sandbox's timeout is the only clock that counts).
"""

import datetime as _dt
import decimal as _decimal
import itertools as _itertools
import json as _json
import os as _os
import socket as _socket

from bauplan import exceptions as _exc

ENV_SOCKET = "AIRLOCK_GATEWAY"

_ids = _itertools.count(1)


def socket_path_from_env():
    path = _os.environ.get(ENV_SOCKET)
    if not path:
        raise ValueError(
            "bauplan: the lakehouse gateway is not configured: the environment variable "
            + ENV_SOCKET
            + " (the path of Airlock's gateway socket) is not set. This bauplan module is "
            "Airlock's local stand-in for the Bauplan SDK and works only inside an Airlock "
            "sandbox; run the code through Airlock, or set " + ENV_SOCKET + " to the socket path."
        )
    return path


def _json_default(value):
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _decimal.Decimal):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "name") and isinstance(getattr(value, "name"), str):
        return value.name
    return str(value)


def _sizes(paths, search_uri):
    """(path, size) of every file to upload, or the bauplan error naming the one unreadable."""
    files = []
    for path in paths:
        try:
            files.append((path, _os.stat(path).st_size))
        except OSError as e:
            raise _read_failed(search_uri, path, e.strerror) from None
    return files


def _send_file(sock, path, size):
    """Sends exactly ``size`` bytes of ``path`` (opened one at a time: folders may hold many)."""
    try:
        f = open(path, "rb")
    except OSError as e:
        raise _read_failed(None, path, e.strerror) from None
    with f:
        if _os.fstat(f.fileno()).st_size != size or (size and sock.sendfile(f, 0, size) != size):
            raise _exc.BadRequestError(
                400, "BAD_REQUEST", "bauplan: %s changed while it was being sent to the lakehouse;"
                " nothing was imported. Import it again once nothing writes to it." % path)


def _read_failed(search_uri, path, why):
    return _exc._from_wire({
        "type": "IMPORT_FAILED",
        "status": 400,
        "message": "Cannot read source %s: %s: %s." % (search_uri or path, path, why),
        "context": {"search_uri": search_uri or path},
    })


class Gateway:
    """Sends one request and returns its ``result``, or raises the mapped exception."""

    def __init__(self, socket_path):
        self._path = socket_path

    @property
    def socket_path(self):
        return self._path

    def call(self, method, params, upload=None):
        """``upload``: sandbox paths of files whose bytes follow the request line, in order."""
        request_id = next(_ids)
        files = _sizes(upload or [], params.get("search_uri"))
        request = {"id": request_id, "method": method, "params": params}
        if files:
            request["upload"] = [{"path": path, "size": size} for path, size in files]
        line = _json.dumps(request, default=_json_default, separators=(",", ":"))
        response = self._exchange(line.encode("utf-8") + b"\n", method, files)
        if "error" in response and response["error"] is not None:
            raise _exc._from_wire(response["error"])
        return response.get("result")

    def _exchange(self, payload, method, files=()):
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            try:
                sock.connect(self._path)
            except OSError as e:
                raise self._unavailable(
                    "cannot connect to Airlock's lakehouse gateway at %s (%s)" % (self._path, e)
                ) from None
            try:
                sock.sendall(payload)
                for path, size in files:
                    _send_file(sock, path, size)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the gateway refused the upload early; its answer is waiting below
            with sock.makefile("rb") as reader:
                raw = reader.readline()
        except OSError as e:
            raise self._unavailable(
                "the connection to Airlock's lakehouse gateway failed during %s (%s)" % (method, e)
            ) from None
        finally:
            sock.close()
        if not raw:
            raise self._unavailable(
                "Airlock's lakehouse gateway closed the connection without answering %s" % method
            )
        try:
            return _json.loads(raw.decode("utf-8"))
        except ValueError:
            raise _exc.InternalError(
                500, "INTERNAL_ERROR", "the lakehouse gateway sent a reply that is not JSON"
            ) from None

    @staticmethod
    def _unavailable(what):
        return _exc.ServiceUnavailableError(
            503,
            "SERVICE_UNAVAILABLE",
            "bauplan: " + what + ". The gateway runs only while Airlock executes this code; "
            "if this keeps happening, report it to the supervisor.",
        )
